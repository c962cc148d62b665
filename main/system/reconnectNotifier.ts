// "Pacebar lost its Strava connection": one desktop notification per loss, re-armed once the
// account is connected again. Clicking it opens the dashboard (where Reconnect is).
import type { DashboardState } from '../../core/domain';

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface ReconnectNotifierDeps {
  createNotification: (options: { title: string; body: string }) => NotificationLike;
  isSupported: () => boolean;
  openDashboard: () => void;
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
    this.armed = false;
    if (!this.deps.isSupported()) return;
    const notification = this.deps.createNotification({ title: RECONNECT_TITLE, body: RECONNECT_BODY });
    notification.on('click', () => this.deps.openDashboard());
    notification.show();
    this.current = notification;
  }

  /** Subscribe to controller state: a working connection re-arms the notification. */
  stateChanged(state: DashboardState): void {
    if (state.connection.kind === 'connected') {
      this.armed = true;
      this.current = null;
    }
  }
}
