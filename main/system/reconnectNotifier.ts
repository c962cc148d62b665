// "Pacebar lost its Strava connection": one desktop notification each time the controller reports
// a lost connection, which it does once per loss (only a refresh while connected can lose it;
// while it stays lost, refreshes find no tokens and are skipped). Clicking it opens the dashboard, where
// Reconnect is. When the OS does not show it (`failed`: an unsigned macOS build since Electron 42,
// Windows without a Start-menu shortcut; docs/api/notification.md) one log line says so, and
// nothing is retried: the tray's status line and the dashboard's banner say "Reconnect" for as long
// as it is true, so a dropped notification loses only the nudge.
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  /** macOS and Windows (docs/api/notification.md): the OS would not show it. */
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

export interface ReconnectNotifierDeps {
  createNotification: (options: { title: string; body: string }) => NotificationLike;
  isSupported: () => boolean;
  openDashboard: () => void;
  log?: (line: string) => void;
}

export const RECONNECT_TITLE = 'Pacebar lost its Strava connection';
export const RECONNECT_BODY = 'Reconnect to keep your stats updating.';

export class ReconnectNotifier {
  // Held so the notification is not garbage-collected before it is clicked (Electron drops the
  // click handler of a collected Notification).
  private current: NotificationLike | null = null;

  constructor(private readonly deps: ReconnectNotifierDeps) {}

  /** The controller's onReconnectNeeded. */
  reconnectNeeded(): void {
    if (!this.deps.isSupported()) return;
    const notification = this.deps.createNotification({ title: RECONNECT_TITLE, body: RECONNECT_BODY });
    notification.on('click', () => this.deps.openDashboard());
    notification.on('failed', (_event, error) => {
      if (this.current === notification) this.current = null;
      this.deps.log?.(`Pacebar: the system did not show the notification (${error.split('\n')[0]?.slice(0, 200) ?? ''}); the tray and the dashboard say to reconnect`);
    });
    this.current = notification;
    notification.show();
  }
}
