// "Pacebar lost its Strava connection": one desktop notification per loss, re-armed once the
// account is connected again, or when the OS refused to show it. Clicking it opens the dashboard
// (where Reconnect is). The tray's status line and the dashboard's banner say the same thing at
// all times, so a notification the OS drops loses nothing but the nudge.
import type { DashboardState } from '../../core/domain';

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
  private armed = true;
  // Held so the notification is not garbage-collected before it is clicked (Electron drops the
  // click handler of a collected Notification).
  private current: NotificationLike | null = null;

  constructor(private readonly deps: ReconnectNotifierDeps) {}

  /** The controller's onReconnectNeeded. */
  reconnectNeeded(): void {
    if (!this.armed) return;
    if (!this.deps.isSupported()) return;
    this.armed = false;
    const notification = this.deps.createNotification({ title: RECONNECT_TITLE, body: RECONNECT_BODY });
    notification.on('click', () => this.deps.openDashboard());
    // An unsigned macOS build (Electron 42+) or a Windows run without a Start-menu shortcut:
    // nothing was shown, so the next loss may try again.
    notification.on('failed', (_event, error) => {
      if (this.current !== notification) return;
      this.current = null;
      this.armed = true;
      this.deps.log?.(`Pacebar: the system did not show the notification (${error.split('\n')[0]?.slice(0, 200) ?? ''})`);
    });
    this.current = notification;
    notification.show();
  }

  /** Subscribe to controller state: a working connection re-arms the notification. */
  stateChanged(state: DashboardState): void {
    if (state.connection.kind === 'connected') {
      this.armed = true;
      this.current = null;
    }
  }
}
