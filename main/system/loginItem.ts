// "Launch Pacebar at login": the OS is the truth. At start Pacebar reads what the OS will do (the
// person may have changed it in System Settings, Task Manager or GNOME's Startup Applications) and
// adopts it as the setting; afterwards only a change the person makes in Pacebar is applied.
import type { App } from 'electron';
import type { DashboardState } from '../../core/domain';
import { autostartDir, xdgAutostart, type LoginItemBackend } from './xdgAutostart';

export type { LoginItemBackend } from './xdgAutostart';

export type LoginItemApp = Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'>;

/** What the autostart entry runs on Linux: the AppImage file, the installed binary, or this checkout. */
export function linuxLaunchCommand(app: Pick<App, 'isPackaged' | 'getAppPath'>, env: NodeJS.ProcessEnv, execPath: string): string[] {
  // An AppImage runs from a fresh mount point each time; $APPIMAGE is the file itself (AppImage runtime).
  if (env.APPIMAGE) return [env.APPIMAGE];
  return app.isPackaged ? [execPath] : [execPath, app.getAppPath()];
}

/**
 * How this OS starts Pacebar at login, or null where Pacebar cannot (so the setting is not shown).
 * Installed copies only: a development run would register the bare Electron binary, and on Linux
 * would take over the installed Pacebar's autostart entry. macOS and Windows: Electron's login
 * item. Linux: an XDG autostart entry (a development run may opt in with PACEBAR_DEV_AUTOSTART=1,
 * as the end-to-end test does with its own XDG_CONFIG_HOME).
 */
export function loginItemBackend(app: LoginItemApp, platform: NodeJS.Platform, env: NodeJS.ProcessEnv, execPath = process.execPath): LoginItemBackend | null {
  if (platform === 'linux') {
    if (!app.isPackaged && env.PACEBAR_DEV_AUTOSTART !== '1') return null;
    return xdgAutostart({ dir: autostartDir(env), command: linuxLaunchCommand(app, env, execPath) });
  }
  if ((platform === 'darwin' || platform === 'win32') && app.isPackaged) {
    return {
      read: () => app.getLoginItemSettings().openAtLogin,
      write: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  return null;
}

export interface LoginItemSyncDeps {
  backend: LoginItemBackend;
  /** Stores what the OS does as the setting (the controller's updateSettings). */
  adopt: (enabled: boolean) => void;
  log?: (line: string) => void;
}

/** A state listener: adopts the OS's state on the first settled state, then applies the person's changes. */
export function loginItemSync(deps: LoginItemSyncDeps): (state: DashboardState) => void {
  let known: boolean | null = null;
  const adopt = (enabled: boolean) => queueMicrotask(() => deps.adopt(enabled));
  const codeOf = (error: unknown) => (error as { code?: string } | null)?.code ?? 'error';
  // What the OS does; one that cannot be asked (EACCES on the autostart folder) counts as off, so
  // the checkbox never shows a login item that may not exist, and start-up goes on.
  const read = (): boolean => {
    try {
      return deps.backend.read();
    } catch (error) {
      deps.log?.(`Pacebar: could not read the login item (${codeOf(error)})`);
      return false;
    }
  };
  const repair = () => {
    try {
      deps.backend.repair?.();
    } catch (error) {
      deps.log?.(`Pacebar: could not update the login item (${codeOf(error)})`);
    }
  };
  return (state) => {
    if (state.loading) return;
    const wanted = state.settings.launchAtLogin;
    if (known === null) {
      known = read();
      if (wanted !== known) adopt(known);
      if (known) repair();
      return;
    }
    if (wanted === known) return;
    try {
      deps.backend.write(wanted);
      known = wanted;
    } catch (error) {
      // The checkbox goes back to what the OS really does.
      deps.log?.(`Pacebar: could not change the login item (${codeOf(error)})`);
      known = read();
      adopt(known);
    }
  };
}
