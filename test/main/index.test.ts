// Wiring of main/index.ts against the Electron fakes: what happens before and after 'ready', and that
// the security handlers are in place for every webContents and session the app uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStore extends Conf<Record<string, unknown>> {
    constructor(options: Record<string, unknown>) {
      const { name, ...rest } = options;
      super({ ...rest, configName: name as string, projectVersion: '0.1.0' } as never);
    }
  }
  return { default: ElectronStore };
});

import type * as Fakes from './fakes/electron';
import { EventChannels, InvokeChannels } from '../../preload/contract';

const saved = { ...process.env };
let booted: { fakes: typeof Fakes; dir: string } | null = null;

/**
 * A fresh app for each test: new module registry (so a fresh fake Electron and a fresh main/index),
 * its own settings folder and keychain service. No test sees what another did.
 */
async function boot(): Promise<typeof Fakes> {
  vi.resetModules();
  const dir = mkdtempSync(join(tmpdir(), 'pacebar-index-'));
  process.env = { ...saved, PACEBAR_CONFIG_DIR: dir, PACEBAR_KEYCHAIN_SERVICE: `pacebar-index-${randomUUID()}` };
  delete process.env.PACEBAR_DEMO;
  delete process.env.STRAVA_BASE_URL;
  // doMock after resetModules: main/index and this test get the same, freshly evaluated fakes.
  vi.doMock('electron', () => import('./fakes/electron'));
  const fakes = await import('./fakes/electron');
  booted = { fakes, dir };
  await import('../../main/index');
  // First run (no API application): the tray appears and the dashboard opens for setup.
  await vi.waitFor(
    () => {
      expect(fakes.Tray.instances).toHaveLength(1);
      expect(fakes.BrowserWindow.instances).toHaveLength(1);
      expect(fakes.Tray.instances[0]!.tooltip).not.toBe('');
    },
    { timeout: 10_000 },
  );
  return fakes;
}

afterEach(() => {
  booted?.fakes.app.emit('before-quit');
  if (booted) rmSync(booted.dir, { recursive: true, force: true });
  booted = null;
  process.env = { ...saved };
});

describe('main/index wiring', () => {
  it('before ready: app:// privileged, single instance, agent app, app user model id', async () => {
    const { BrowserWindow, Tray, app, ipcMain, powerMonitor, protocol, session } = await boot();
    const dashboard = () => BrowserWindow.instances[0]!;
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.dock.hide).toHaveBeenCalled();
    expect(app.setAppUserModelId).toHaveBeenCalledWith('app.pacebar.desktop');
  });

  it('serves the renderer through protocol.handle(\'app\')', async () => {
    const { BrowserWindow, Tray, app, ipcMain, powerMonitor, protocol, session } = await boot();
    const dashboard = () => BrowserWindow.instances[0]!;
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('the dashboard window is secure and loads app://pacebar', async () => {
    const { BrowserWindow, Tray, app, ipcMain, powerMonitor, protocol, session } = await boot();
    const dashboard = () => BrowserWindow.instances[0]!;
    const prefs = dashboard().options.webPreferences!;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, preload: '/app/out/preload/index.cjs' });
    expect(dashboard().loadURL).toHaveBeenCalledWith('app://pacebar/index.html');
  });

  it('web-contents-created guards: window.open denied, foreign navigation and <webview> prevented', async () => {
    const { BrowserWindow, Tray, app, ipcMain, powerMonitor, protocol, session } = await boot();
    const dashboard = () => BrowserWindow.instances[0]!;
    const contents = dashboard().webContents;
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.navigate('https://evil.example/')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('app://pacebar/index.html')).toBe(false);
    expect(contents.attachWebview()).toBe(true);
  });

  it('permission requests and checks are denied on the default and the consent session', async () => {
    const { BrowserWindow, Tray, app, ipcMain, powerMonitor, protocol, session } = await boot();
    const dashboard = () => BrowserWindow.instances[0]!;
    for (const ses of [session.defaultSession, session.fromPartition('pacebar-consent')] as Fakes.FakeSession[]) {
      const callback = vi.fn();
      ses.permissionRequestHandler!({}, 'media', callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler!({}, 'notifications', 'app://pacebar', {})).toBe(false);
    }
  });

  it('registers every IPC channel; state changes are pushed to the dashboard', async () => {
    const { BrowserWindow, Tray, app, ipcMain, powerMonitor, protocol, session } = await boot();
    const dashboard = () => BrowserWindow.instances[0]!;
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(InvokeChannels).sort());
    const contents = dashboard().webContents;
    const event = { sender: contents, senderFrame: contents.mainFrame };
    expect(await ipcMain.handlers.get(InvokeChannels.getState)!(event)).toMatchObject({ connection: { kind: 'needs_credentials' } });
    contents.sent.length = 0;
    expect(await ipcMain.handlers.get(InvokeChannels.updateSettings)!(event, { primarySport: 'ride' })).toEqual({ ok: true });
    expect(contents.sent.at(-1)).toMatchObject({ channel: EventChannels.stateChanged, args: [{ settings: { primarySport: 'ride' } }] });
    // A foreign sender is refused.
    const other = { sender: { id: -1 }, senderFrame: contents.mainFrame };
    await expect(Promise.resolve().then(() => ipcMain.handlers.get(InvokeChannels.getState)!(other))).rejects.toThrow();
  });

  it('the tray shows the setup state; its click opens (focuses) the one dashboard', async () => {
    const { BrowserWindow, Tray, app, ipcMain, powerMonitor, protocol, session } = await boot();
    const dashboard = () => BrowserWindow.instances[0]!;
    const tray = Tray.instances[0]!;
    expect(tray.tooltip).toContain('Needs setup');
    tray.emit('click');
    app.emit('second-instance');
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(dashboard().focus).toHaveBeenCalled();
  });

  it('closing every window keeps the tray app running', async () => {
    const { BrowserWindow, Tray, app, ipcMain, powerMonitor, protocol, session } = await boot();
    const dashboard = () => BrowserWindow.instances[0]!;
    expect(app.listenerCount('window-all-closed')).toBe(1);
    dashboard().close();
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
    Tray.instances[0]!.emit('click');
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('wires resume and unlock-screen to the poller (what they trigger: appServices.test.ts › pollOnWake)', async () => {
    const { BrowserWindow, Tray, app, ipcMain, powerMonitor, protocol, session } = await boot();
    const dashboard = () => BrowserWindow.instances[0]!;
    expect(powerMonitor.listenerCount('resume')).toBe(1);
    expect(powerMonitor.listenerCount('unlock-screen')).toBe(1);
  });
});

