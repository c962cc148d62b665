// Wiring of main/index.ts against the Electron fakes: what happens before and after 'ready', and that
// the security handlers are in place for every webContents and session the app uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakes/electron'));
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

import { BrowserWindow, FakeSession, Tray, app, ipcMain, powerMonitor, protocol, session } from './fakes/electron';
import { EventChannels, InvokeChannels } from '../../preload/contract';

let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pacebar-index-'));
  process.env.PACEBAR_CONFIG_DIR = dir;
  process.env.PACEBAR_KEYCHAIN_SERVICE = 'pacebar-index-test';
  delete process.env.PACEBAR_DEMO;
  delete process.env.STRAVA_BASE_URL;
  await import('../../main/index');
  // First run (no API application): the tray appears and the dashboard opens for setup.
  await vi.waitFor(() => {
    expect(Tray.instances).toHaveLength(1);
    expect(BrowserWindow.instances).toHaveLength(1);
  });
});

afterAll(() => {
  app.emit('before-quit');
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const dashboard = () => BrowserWindow.instances[0]!;

describe('main/index wiring', () => {
  it('before ready: app:// privileged, single instance, agent app, app user model id', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.dock.hide).toHaveBeenCalled();
    expect(app.setAppUserModelId).toHaveBeenCalledWith('app.pacebar.desktop');
  });

  it('serves the renderer through protocol.handle(\'app\')', () => {
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('the dashboard window is secure and loads app://pacebar', () => {
    const prefs = dashboard().options.webPreferences!;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, preload: '/app/out/preload/index.cjs' });
    expect(dashboard().loadURL).toHaveBeenCalledWith('app://pacebar/index.html');
  });

  it('web-contents-created guards: window.open denied, foreign navigation and <webview> prevented', () => {
    const contents = dashboard().webContents;
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.navigate('https://evil.example/')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('app://pacebar/index.html')).toBe(false);
    expect(contents.attachWebview()).toBe(true);
  });

  it('permission requests and checks are denied on the default and the consent session', () => {
    for (const ses of [session.defaultSession, session.fromPartition('pacebar-consent')] as FakeSession[]) {
      const callback = vi.fn();
      ses.permissionRequestHandler!({}, 'media', callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler!({}, 'notifications', 'app://pacebar', {})).toBe(false);
    }
  });

  it('registers every IPC channel; state changes are pushed to the dashboard', async () => {
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

  it('the tray shows the setup state; its click opens (focuses) the one dashboard', () => {
    const tray = Tray.instances[0]!;
    expect(tray.tooltip).toContain('Needs setup');
    tray.emit('click');
    app.emit('second-instance');
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(dashboard().focus).toHaveBeenCalled();
  });

  it('closing every window keeps the tray app running', () => {
    expect(app.listenerCount('window-all-closed')).toBe(1);
    dashboard().close();
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
    tray().emit('click');
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('wires resume and unlock-screen to the poller (what they trigger: appServices.test.ts › pollOnWake)', () => {
    expect(powerMonitor.listenerCount('resume')).toBe(1);
    expect(powerMonitor.listenerCount('unlock-screen')).toBe(1);
  });
});

function tray() {
  return Tray.instances[0]!;
}
