// Shows a desktop notification and says when the system did not: unsupported here
// (Notification.isSupported()), or refused ('failed': an unsigned macOS build since Electron 42,
// Windows without a Start-menu shortcut; docs/api/notification.md). Each kind of notification
// decides what to do then (reconnectNotifier.ts, progressNotifier.ts): none is silently lost.
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  /** macOS and Windows (docs/api/notification.md): the OS would not show it. */
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
}

export interface DesktopNotifierDeps {
  createNotification: (options: { title: string; body: string }) => NotificationLike;
  isSupported: () => boolean;
}

export interface ShowHandlers {
  onClick?: () => void;
  /** The system will not show it: why, in a few words (its first line, at most 200 characters). */
  onUndelivered?: (reason: string) => void;
}

export const UNSUPPORTED = 'notifications are not supported here';

export class DesktopNotifier {
  // Held until clicked, closed or refused: Electron drops the handlers of a collected Notification.
  private readonly shown = new Set<NotificationLike>();

  constructor(private readonly deps: DesktopNotifierDeps) {}

  show(text: { title: string; body: string }, handlers: ShowHandlers = {}): void {
    if (!this.deps.isSupported()) {
      handlers.onUndelivered?.(UNSUPPORTED);
      return;
    }
    const notification = this.deps.createNotification({ title: text.title, body: text.body });
    const done = () => this.shown.delete(notification);
    notification.on('click', () => {
      done();
      handlers.onClick?.();
    });
    notification.on('close', done);
    notification.on('failed', (_event, error) => {
      done();
      handlers.onUndelivered?.(error.split('\n')[0]?.slice(0, 200) ?? '');
    });
    this.shown.add(notification);
    notification.show();
  }

  /** Notifications shown and not yet clicked, closed or refused. */
  pending(): number {
    return this.shown.size;
  }
}
