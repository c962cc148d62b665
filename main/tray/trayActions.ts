// What each tray menu item does. Pure wiring over injected functions, so every action is unit-tested.
import type { DashboardState, SignInMethod } from '../../core/domain';
import type { TrayAction } from './trayController';

export interface TrayActionDeps {
  openDashboard(section?: 'settings'): void;
  state(): DashboardState;
  refresh(): void;
  connect(method: SignInMethod): void;
  /** Asks first (a dialog); disconnects only on yes. */
  confirmAndDisconnect(): void;
  /** "Update ready: restart to install". */
  installUpdate(): void;
  checkForUpdates(): void;
  /** The release page, where the copies that cannot update themselves get the new version. */
  openDownloadPage(): void;
  quit(): void;
}

export function trayActionHandler(deps: TrayActionDeps): (action: TrayAction) => void {
  return (action) => {
    switch (action) {
      case 'open':
        return deps.openDashboard();
      case 'settings':
        return deps.openDashboard('settings');
      case 'refresh':
        return deps.refresh();
      case 'connect': {
        deps.openDashboard();
        const state = deps.state();
        // With an API application stored, start signing in; otherwise the dashboard asks for one.
        if (state.connection.kind === 'not_connected' || state.connection.kind === 'reconnect_needed') {
          deps.connect(state.settings.signInMethod);
        }
        return;
      }
      case 'disconnect':
        return deps.confirmAndDisconnect();
      case 'installUpdate':
        return deps.installUpdate();
      case 'checkForUpdates':
        return deps.checkForUpdates();
      case 'openDownloadPage':
        return deps.openDownloadPage();
      case 'quit':
        return deps.quit();
    }
  };
}
