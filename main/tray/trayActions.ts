// What each tray menu item does. Pure wiring over injected functions, so every action is unit-tested.
import type { DashboardState, SignInMethod } from '../../core/domain';
import type { TrayAction } from './trayMenuModel';

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

/** One handler per action id (TRAY_ACTIONS): the compiler refuses a missing or unknown one. */
const HANDLERS: { readonly [A in TrayAction]: (deps: TrayActionDeps) => void } = {
  open: (deps) => deps.openDashboard(),
  settings: (deps) => deps.openDashboard('settings'),
  refresh: (deps) => deps.refresh(),
  connect: (deps) => {
    deps.openDashboard();
    const state = deps.state();
    // With an API application stored, start signing in; otherwise the dashboard asks for one.
    if (state.connection.kind === 'not_connected' || state.connection.kind === 'reconnect_needed') {
      deps.connect(state.settings.signInMethod);
    }
  },
  disconnect: (deps) => deps.confirmAndDisconnect(),
  installUpdate: (deps) => deps.installUpdate(),
  checkForUpdates: (deps) => deps.checkForUpdates(),
  openDownloadPage: (deps) => deps.openDownloadPage(),
  quit: (deps) => deps.quit(),
};

export function trayActionHandler(deps: TrayActionDeps): (action: TrayAction) => void {
  return (action) => HANDLERS[action](deps);
}
