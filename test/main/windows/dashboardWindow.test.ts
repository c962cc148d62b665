import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../fakes/electron'));

import { BrowserWindow, nativeTheme, resetFakes } from '../fakes/electron';
import { DashboardWindow, dashboardWindowOptions } from '../../../main/windows/dashboardWindow';
import { preloadPath, rendererDir } from '../../../main/system/paths';

describe('dashboard window', () => {
  beforeEach(() => resetFakes());

  it('is sandboxed and context-isolated with only the preload, no Node', () => {
    const options = dashboardWindowOptions('/app/out/preload/index.cjs', false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options).toMatchObject({ width: 900, height: 720, show: false });
  });

  it('"Settings…" opens the dashboard at #settings, or moves an open one there without reloading it', () => {
    const dashboard = new DashboardWindow({ preloadPath: '/p.cjs' });
    const window = dashboard.open('settings') as unknown as BrowserWindow;
    expect(window.loadURL).toHaveBeenCalledWith('app://pacebar/index.html#settings');
    expect(dashboard.open('settings')).toBe(window);
    expect(window.webContents.loadURL).toHaveBeenCalledWith('app://pacebar/index.html#settings');
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    dashboard.open();
    expect(window.webContents.loadURL).toHaveBeenCalledTimes(1);
  });

  it('loads app://pacebar/index.html, shows when ready, one at a time, destroyed on close', () => {
    const bringToFront = vi.fn();
    const dashboard = new DashboardWindow({ preloadPath: '/p.cjs', bringAppToFront: bringToFront });
    expect(dashboard.webContents()).toBeNull();
    const first = dashboard.open() as unknown as BrowserWindow;
    expect(first.loadURL).toHaveBeenCalledWith('app://pacebar/index.html');
    expect(first.show).not.toHaveBeenCalled();
    first.emit('ready-to-show');
    expect(first.show).toHaveBeenCalled();
    expect(bringToFront).toHaveBeenCalled();

    first.minimized = true;
    expect(dashboard.open()).toBe(first);
    expect(first.restore).toHaveBeenCalled();
    expect(first.focus).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(dashboard.webContents()).toBe(first.webContents);

    first.close();
    expect(dashboard.isOpen()).toBe(false);
    expect(dashboard.webContents()).toBeNull();
    const second = dashboard.open();
    expect(second).not.toBe(first);
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('background follows the system theme', () => {
    nativeTheme.shouldUseDarkColors = true;
    new DashboardWindow({ preloadPath: '/p.cjs' }).open();
    expect(BrowserWindow.instances[0]!.options.backgroundColor).toBe('#111113');
    nativeTheme.shouldUseDarkColors = false;
  });

  it('paths point at electron-vite\'s output', () => {
    expect(preloadPath({ appPath: '/app' })).toBe('/app/out/preload/index.cjs');
    expect(rendererDir({ appPath: '/app' })).toBe('/app/out/renderer');
  });
});
