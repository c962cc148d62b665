// Keeps the OS login item in step with settings.launchAtLogin: applied once at start (the user may
// have changed it in System Settings) and again whenever the setting changes.
import type { App } from 'electron';
import type { DashboardState } from '../../core/domain';

export type LoginItemApp = Pick<App, 'setLoginItemSettings' | 'isPackaged'>;

export function loginItemSync(app: LoginItemApp, platform: NodeJS.Platform = process.platform): (state: DashboardState) => void {
  let applied: boolean | null = null;
  return (state) => {
    if (state.loading) return;
    const wanted = state.settings.launchAtLogin;
    if (wanted === applied) return;
    applied = wanted;
    // macOS and Windows only (Electron has no login items on Linux). A development run would register
    // the bare Electron binary, so only the packaged app touches the OS setting.
    if (!app.isPackaged || (platform !== 'darwin' && platform !== 'win32')) return;
    app.setLoginItemSettings({ openAtLogin: wanted });
  };
}
