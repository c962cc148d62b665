// "Pacebar lost its Strava connection": one desktop notification each time the controller reports
// a lost connection, which it does once per loss (only a refresh while connected can lose it;
// while it stays lost, refreshes find no tokens and are skipped). Clicking it opens the dashboard, where
// Reconnect is. When the OS does not show it one log line says so, and nothing is retried: the
// tray's status line and the dashboard's banner say "Reconnect" for as long as it is true, so a
// dropped notification loses only the nudge.
import { UNSUPPORTED, type DesktopNotifier } from './desktopNotifier';

export interface ReconnectNotifierDeps {
  notifier: DesktopNotifier;
  openDashboard: () => void;
  log?: (line: string) => void;
}

export const RECONNECT_TITLE = 'Pacebar lost its Strava connection';
export const RECONNECT_BODY = 'Reconnect to keep your stats updating.';

export class ReconnectNotifier {
  constructor(private readonly deps: ReconnectNotifierDeps) {}

  /** The controller's onReconnectNeeded. */
  reconnectNeeded(): void {
    this.deps.notifier.show(
      { title: RECONNECT_TITLE, body: RECONNECT_BODY },
      {
        onClick: () => this.deps.openDashboard(),
        onUndelivered: (reason) => {
          // Where notifications do not exist at all, the tray and the banner are the whole story.
          if (reason !== UNSUPPORTED) this.deps.log?.(`Pacebar: the system did not show the notification (${reason}); the tray and the dashboard say to reconnect`);
        },
      },
    );
  }
}
