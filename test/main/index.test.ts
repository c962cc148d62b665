// Wiring of main/index.ts against the Electron fakes: what happens before and after 'ready', the
// security handlers for every webContents and session, and the app's life as Electron runs it
// (quit lifecycle, single-instance lock per userData, login item, a desktop without a tray).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import type * as UpdaterFakes from './fakes/electronUpdater';
import { EventChannels, InvokeChannels } from '../../preload/contract';
import type { ActionResult, DashboardState } from '../../core/domain';
import { memoryBackend } from '../support/memory';

const saved = { ...process.env };
const launched: { fakes: typeof Fakes; dir: string }[] = [];
const scratch: string[] = [];
const savedResourcesPath = process.resourcesPath;
/** The tray-host watch main started last (its D-Bus monitor stands in here): what it was told, and whether it was stopped. */
let trayWatch: { initial: boolean; onChange: (hidden: boolean) => void; stopped: boolean } | null = null;
function mockTrayHostWatch(): void {
  trayWatch = null;
  vi.doMock('../../main/system/trayHostWatch', () => ({
    watchTrayHost: (deps: { initial: boolean; onChange: (hidden: boolean) => void }) => {
      const watch = { initial: deps.initial, onChange: deps.onChange, stopped: false };
      trayWatch = watch;
      return { stop: () => void (watch.stopped = true) };
    },
  }));
}
/** How often main loaded electron-updater (the mocked module's factory runs once per load). */
let updaterLoads = 0;
/** The fake electron-updater main/index sees, and the first check any of its updaters finishes. */
let updaterFakes: { module: typeof UpdaterFakes; firstCheck: Promise<UpdaterFakes.FakeUpdater> } | null = null;

interface LaunchOptions {
  /** The settings folder (PACEBAR_CONFIG_DIR); a fresh one by default. */
  dir?: string;
  /** What the session bus says about a StatusNotifier host (stock GNOME: absent). */
  trayHost?: 'present' | 'absent';
  /** Preset the simulator's API application (PACEBAR_DEMO), so the app starts configured. */
  configured?: boolean;
  xdgConfigHome?: string;
  /** An installed copy: app.isPackaged, and a resources folder (process.resourcesPath). */
  packaged?: boolean;
  /** Added to the environment. */
  env?: NodeJS.ProcessEnv;
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/**
 * A fresh app process: new module registry (so a fresh fake Electron and a fresh main/index), its
 * own settings folder and keychain (in memory). Fake apps of one test share the single-instance
 * locks, as processes on one machine do.
 */
async function launch(options: LaunchOptions = {}): Promise<typeof Fakes> {
  vi.resetModules();
  const dir = options.dir ?? tempDir('pacebar-index-');
  process.env = {
    ...saved,
    PACEBAR_CONFIG_DIR: dir,
    PACEBAR_KEYCHAIN_SERVICE: `pacebar-index-${randomUUID()}`,
    XDG_CONFIG_HOME: options.xdgConfigHome ?? tempDir('pacebar-xdg-'),
  };
  delete process.env.PACEBAR_DEMO;
  delete process.env.STRAVA_BASE_URL;
  delete process.env.APPIMAGE;
  if (options.configured) Object.assign(process.env, { PACEBAR_DEMO: '1', PACEBAR_DEMO_CLIENT_ID: '12345', PACEBAR_DEMO_CLIENT_SECRET: 'demo-secret' });
  Object.assign(process.env, options.env);
  // doMock after resetModules: main/index and this test get the same, freshly evaluated fakes.
  vi.doMock('electron', () => import('./fakes/electron'));
  updaterLoads = 0;
  vi.doMock('electron-updater', () => {
    updaterLoads += 1;
    return import('./fakes/electronUpdater');
  });
  const secrets = memoryBackend();
  vi.doMock('../../core/keychain/secretBackend', async (original) => ({ ...(await original<object>()), keytarBackend: () => secrets }));
  const hidden = (options.trayHost ?? 'present') === 'absent';
  vi.doMock('../../main/system/trayHost', () => ({ trayIconHidden: async () => hidden }));
  mockTrayHostWatch();
  const fakes = await import('./fakes/electron');
  const updaters = await import('./fakes/electronUpdater');
  updaterFakes = { module: updaters, firstCheck: updaters.FakeUpdater.nextCheckDone() };
  fakes.app.isPackaged = options.packaged ?? false;
  // Electron sets process.resourcesPath (read-only in its types); plain Node has none.
  if (options.packaged) Object.defineProperty(process, 'resourcesPath', { value: dir, configurable: true, writable: true });
  launched.push({ fakes, dir });
  await import('../../main/index');
  return fakes;
}

/** A launch that becomes the running app: the tray appears and the first state is published. */
async function boot(options: LaunchOptions = {}): Promise<typeof Fakes> {
  const fakes = await launch(options);
  await vi.waitFor(
    () => {
      expect(fakes.Tray.instances).toHaveLength(1);
      expect(fakes.Tray.instances[0]!.tooltip).not.toBe('');
    },
    { timeout: 10_000 },
  );
  return fakes;
}

function dashboardEvent(fakes: typeof Fakes) {
  const contents = fakes.BrowserWindow.instances[0]!.webContents;
  return { sender: contents, senderFrame: contents.mainFrame };
}

async function invoke<T>(fakes: typeof Fakes, channel: string, ...args: unknown[]): Promise<T> {
  return (await fakes.ipcMain.handlers.get(channel)!(dashboardEvent(fakes), ...args)) as T;
}

afterEach(() => {
  for (const { fakes } of launched.splice(0)) fakes.app.exit(0);
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
  Object.defineProperty(process, 'resourcesPath', { value: savedResourcesPath, configurable: true, writable: true });
  process.env = { ...saved };
});

describe('main/index wiring', () => {
  it('before ready: app:// privileged, single instance, agent app, app user model id', async () => {
    const { app, protocol } = await boot();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.hasSingleInstanceLock()).toBe(true);
    expect(app.exitedWith).toBeNull();
    expect(app.dock.hide).toHaveBeenCalled();
    // Unpackaged (npm start): Windows shows toasts for the executable's own id (Electron's notification guide).
    expect(app.setAppUserModelId).toHaveBeenCalledWith(process.execPath);
  });

  it('the packaged app uses its own AppUserModelID', async () => {
    vi.resetModules();
    const fakes = await import('./fakes/electron');
    fakes.app.isPackaged = true;
    vi.doMock('electron', () => fakes);
    // launch() imports the same registry's fakes, now packaged.
    const dir = tempDir('pacebar-index-');
    process.env = { ...saved, PACEBAR_CONFIG_DIR: dir, XDG_CONFIG_HOME: tempDir('pacebar-xdg-') };
    vi.doMock('../../core/keychain/secretBackend', async (original) => ({ ...(await original<object>()), keytarBackend: () => memoryBackend() }));
    vi.doMock('../../main/system/trayHost', () => ({ trayIconHidden: async () => false }));
    mockTrayHostWatch();
    launched.push({ fakes, dir });
    const resources = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/Pacebar/resources', configurable: true });
    try {
      await import('../../main/index');
      await vi.waitFor(() => expect(fakes.Tray.instances).toHaveLength(1));
      expect(fakes.app.setAppUserModelId).toHaveBeenCalledWith('app.pacebar.desktop');
    } finally {
      if (resources) Object.defineProperty(process, 'resourcesPath', resources);
      else delete (process as { resourcesPath?: string }).resourcesPath;
    }
  });

  it('serves the renderer through protocol.handle(\'app\')', async () => {
    const { protocol } = await boot();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('the dashboard window is secure and loads app://pacebar', async () => {
    const { BrowserWindow } = await boot();
    const dashboard = BrowserWindow.instances[0]!;
    const prefs = dashboard.options.webPreferences!;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, preload: '/app/out/preload/index.cjs' });
    expect(dashboard.loadURL).toHaveBeenCalledWith('app://pacebar/index.html');
  });

  it('web-contents-created guards: window.open denied, foreign navigation and <webview> prevented', async () => {
    const { BrowserWindow } = await boot();
    const contents = BrowserWindow.instances[0]!.webContents;
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.navigate('https://evil.example/')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('app://pacebar/index.html')).toBe(false);
    expect(contents.attachWebview()).toBe(true);
  });

  it('permission requests and checks are denied on the default and the consent session', async () => {
    const { session } = await boot();
    for (const ses of [session.defaultSession, session.fromPartition('pacebar-consent')] as Fakes.FakeSession[]) {
      const callback = vi.fn();
      ses.permissionRequestHandler!({}, 'media', callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler!({}, 'notifications', 'app://pacebar', {})).toBe(false);
    }
  });

  it('registers every IPC channel; state changes are pushed to the dashboard', async () => {
    const fakes = await boot();
    const { BrowserWindow, ipcMain } = fakes;
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(InvokeChannels).sort());
    const contents = BrowserWindow.instances[0]!.webContents;
    expect(await invoke(fakes, InvokeChannels.getState)).toMatchObject({ connection: { kind: 'needs_credentials' } });
    contents.sent.length = 0;
    expect(await invoke(fakes, InvokeChannels.updateSettings, { primarySport: 'ride' })).toEqual({ ok: true });
    expect(contents.sent.at(-1)).toMatchObject({ channel: EventChannels.stateChanged, args: [{ settings: { primarySport: 'ride' } }] });
    // A foreign sender is refused.
    const other = { sender: { id: -1 }, senderFrame: contents.mainFrame };
    await expect(Promise.resolve().then(() => ipcMain.handlers.get(InvokeChannels.getState)!(other))).rejects.toThrow();
  });

  it('the tray shows the setup state; its click and a second launch open (focus) the one dashboard', async () => {
    const { BrowserWindow, Tray, app } = await boot();
    const tray = Tray.instances[0]!;
    expect(tray.tooltip).toContain('Needs setup');
    tray.click();
    app.emit('second-instance', (await import('./fakes/electron')).fakeEvent(), [], '/', {});
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(BrowserWindow.instances[0]!.focus).toHaveBeenCalled();
  });

  it('closing every window keeps the tray app running', async () => {
    const { BrowserWindow, Tray, app } = await boot();
    expect(app.listenerCount('window-all-closed')).toBe(1);
    BrowserWindow.instances[0]!.close();
    expect(app.exitedWith).toBeNull();
    expect(Tray.instances[0]!.isDestroyed()).toBe(false);
    Tray.instances[0]!.click();
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('wires resume and unlock-screen to the poller (what they trigger: appServices.test.ts › pollOnWake)', async () => {
    const { powerMonitor } = await boot();
    expect(powerMonitor.listenerCount('resume')).toBe(1);
    expect(powerMonitor.listenerCount('unlock-screen')).toBe(1);
  });
});

describe('quitting', () => {
  it('Quit with the consent window open ends the process, even when Strava\'s page vetoes unloading', async () => {
    const fakes = await boot({ configured: true });
    const { BrowserWindow, Tray, app } = fakes;
    fakes.Tray.instances[0]!.click();
    const connecting = invoke<ActionResult>(fakes, InvokeChannels.connect, 'window');
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(2));
    const consent = BrowserWindow.instances[1]!;
    // A half-typed sign-in form: Strava's beforeunload refuses to let the page go.
    consent.webContents.vetoesUnload = true;
    app.quit();
    expect(consent.isDestroyed()).toBe(true);
    expect(app.exitedWith).toBe(0);
    expect(Tray.instances[0]!.isDestroyed()).toBe(true);
    expect(fakes.app.hasSingleInstanceLock()).toBe(false);
    await expect(connecting).resolves.toMatchObject({ ok: false });
  });

  it('a quit a window vetoes leaves the app whole: tray, polling and HTTP still running', async () => {
    const { BrowserWindow, Tray, app, powerMonitor } = await boot();
    BrowserWindow.instances[0]!.webContents.vetoesUnload = true;
    app.quit();
    expect(app.exitedWith).toBeNull();
    expect(Tray.instances[0]!.isDestroyed()).toBe(false);
    expect(powerMonitor.listenerCount('resume')).toBe(1);
    // Asked again once the page lets go, it quits and only then tears down.
    BrowserWindow.instances[0]!.webContents.vetoesUnload = false;
    app.quit();
    expect(app.exitedWith).toBe(0);
    expect(Tray.instances[0]!.isDestroyed()).toBe(true);
  });
});

describe('signing in on Windows', () => {
  it('closing the dashboard keeps the consent window and its sign-in (no owned window)', async () => {
    const fakes = await boot({ configured: true });
    fakes.host.platform = 'win32';
    fakes.Tray.instances[0]!.click();
    const connecting = invoke<ActionResult>(fakes, InvokeChannels.connect, 'window');
    await vi.waitFor(() => expect(fakes.BrowserWindow.instances).toHaveLength(2));
    const [dashboard, consent] = fakes.BrowserWindow.instances as [Fakes.BrowserWindow, Fakes.BrowserWindow];
    dashboard.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(consent.isDestroyed()).toBe(false);
    // Still signing in: the tray says so (the dashboard that asked is gone).
    expect(fakes.Tray.instances[0]!.tooltip).toContain('Connecting to Strava');
    consent.close();
    await expect(connecting).resolves.toMatchObject({ ok: false });
  });
});

describe('Strava address overrides (the installed app honours loopback only)', () => {
  async function consentPageOf(options: LaunchOptions): Promise<string> {
    const fakes = await boot({ configured: true, ...options });
    fakes.Tray.instances[0]!.click();
    const connecting = invoke<ActionResult>(fakes, InvokeChannels.connect, 'window');
    await vi.waitFor(() => expect(fakes.BrowserWindow.instances).toHaveLength(2));
    const consent = fakes.BrowserWindow.instances[1]!;
    await vi.waitFor(() => expect(consent.loadURL).toHaveBeenCalled());
    const url = String(consent.loadURL.mock.calls[0]![0]);
    consent.close();
    await connecting;
    return url;
  }

  it('an installed copy ignores a STRAVA_BASE_URL that is not on this machine, with one warning line', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const url = await consentPageOf({ packaged: true, env: { STRAVA_BASE_URL: 'https://attacker.example' } });
      expect(new URL(url).origin).toBe('https://www.strava.com');
      expect(errors.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('ignoring STRAVA_BASE_URL'))).toHaveLength(1);
    } finally {
      errors.mockRestore();
    }
  });

  it('npm start (unpackaged) honours it, as the demo and the tests need', async () => {
    const url = await consentPageOf({ packaged: false, env: { STRAVA_BASE_URL: 'http://127.0.0.1:9' } });
    expect(new URL(url).origin).toBe('http://127.0.0.1:9');
  });
});

describe('single instance, per settings folder', () => {
  it('a Pacebar with its own settings folder runs beside another; the same folder twice opens the first one\'s dashboard', async () => {
    const first = await boot({ configured: true });
    const firstDir = launched[0]!.dir;
    expect(first.app.getPath('userData')).toBe(firstDir);
    const second = await boot({ configured: true });
    expect(second.app.hasSingleInstanceLock()).toBe(true);
    expect(second.app.exitedWith).toBeNull();
    expect(first.app.hasSingleInstanceLock()).toBe(true);

    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const third = await launch({ dir: firstDir });
      expect(third.app.hasSingleInstanceLock()).toBe(false);
      expect(third.app.exitedWith).toBe(0);
      expect(third.Tray.instances).toHaveLength(0);
      expect(log).toHaveBeenCalledWith(expect.stringContaining(`Pacebar is already running with the settings folder ${firstDir}`));
      // The first one hears of it and opens its dashboard.
      await vi.waitFor(() => expect(first.BrowserWindow.alive()).toHaveLength(1));
      expect(second.BrowserWindow.alive()).toHaveLength(0);
    } finally {
      log.mockRestore();
    }
  });

  it('a relative PACEBAR_CONFIG_DIR is made absolute before app.setPath (which refuses relative paths)', async () => {
    const parent = tempDir('pacebar-relative-');
    const cwd = process.cwd();
    process.chdir(parent);
    try {
      const { app } = await boot({ dir: 'settings' });
      expect(app.exitedWith).toBeNull();
      expect(app.getPath('userData')).toBe(join(parent, 'settings'));
      expect(existsSync(join(parent, 'settings'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('a settings folder that cannot be created: the one-line start-up dialog, exit 1, no uncaught error', async () => {
    const blocker = join(tempDir('pacebar-blocked-'), 'a-file');
    writeFileSync(blocker, '');
    const fakes = await launch({ dir: join(blocker, 'Pacebar') });
    expect(fakes.app.exitedWith).toBe(1);
    // The same one line the engine factory gives (core/errors.ts ConfigFolderError).
    const { ConfigFolderError } = await import('../../core/errors');
    expect(fakes.dialog.showErrorBox).toHaveBeenCalledWith('Pacebar cannot start', new ConfigFolderError(join(blocker, 'Pacebar'), 'ENOTDIR').message);
    expect(new ConfigFolderError('/x', 'ENOTDIR').message).toMatch(/^Cannot use the settings folder \/x \(.*ENOTDIR\)\. Check PACEBAR_CONFIG_DIR/);
    expect(fakes.app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });

  it('the demo without a folder of its own never shares the installed app\'s', async () => {
    const { instanceEnvironment } = await import('../../main/system/instanceFolder');
    expect(instanceEnvironment({ PACEBAR_DEMO: '1' }, '/home/u/.config').PACEBAR_CONFIG_DIR).toBe('/home/u/.config/Pacebar Demo');
    expect(instanceEnvironment({ PACEBAR_DEMO: '1', PACEBAR_CONFIG_DIR: '/tmp/d' }, '/x').PACEBAR_CONFIG_DIR).toBe('/tmp/d');
    expect(instanceEnvironment({}, '/x').PACEBAR_CONFIG_DIR).toBeUndefined();
  });
});

describe('a desktop without a visible tray icon (stock GNOME)', () => {
  it('a configured Pacebar opens its dashboard at launch and says why; with a tray host it stays in the tray', async () => {
    const hidden = await boot({ configured: true, trayHost: 'absent' });
    await vi.waitFor(() => expect(hidden.BrowserWindow.alive()).toHaveLength(1));
    const state = await invoke<DashboardState>(hidden, InvokeChannels.getState);
    expect(state.connection.kind).toBe('not_connected');
    expect(state.desktop.trayIconHidden).toBe(true);

    const shown = await boot({ configured: true, trayHost: 'present' });
    expect(shown.BrowserWindow.instances).toHaveLength(0);
  });

  it('a tray host that registers later (AppIndicator at login): the hint goes; the dashboard\'s Quit quits', async () => {
    const fakes = await boot({ configured: true, trayHost: 'absent' });
    await vi.waitFor(() => expect(fakes.BrowserWindow.alive()).toHaveLength(1));
    expect(trayWatch).toMatchObject({ initial: true, stopped: false });
    const contents = fakes.BrowserWindow.instances[0]!.webContents;
    contents.sent.length = 0;
    trayWatch!.onChange(false);
    expect(contents.sent.at(-1)).toMatchObject({ channel: EventChannels.stateChanged, args: [{ desktop: { trayIconHidden: false } }] });
    expect((await invoke<DashboardState>(fakes, InvokeChannels.getState)).desktop.trayIconHidden).toBe(false);
    // The host leaves again: the dashboard says so again, and Quit (IPC) ends the process like the tray's.
    trayWatch!.onChange(true);
    expect((await invoke<DashboardState>(fakes, InvokeChannels.getState)).desktop.trayIconHidden).toBe(true);
    await invoke(fakes, InvokeChannels.quit);
    expect(fakes.app.exitedWith).toBe(0);
    expect(trayWatch!.stopped).toBe(true);
  });
});

describe('goals and the menu-bar title through the app\'s own wiring', () => {
  it('a goal added and removed over IPC reaches the settings and the dashboard; the menu-bar title is offered on macOS only', async () => {
    // No tray host: the dashboard opens by itself, so there is a window to push to.
    const fakes = await boot({ configured: true, trayHost: 'absent' });
    await vi.waitFor(() => expect(fakes.BrowserWindow.alive()).toHaveLength(1));
    const before = await invoke<DashboardState>(fakes, InvokeChannels.getState);
    expect(before.desktop.menuBarTitleAvailable).toBe(process.platform === 'darwin');
    const contents = fakes.BrowserWindow.instances[0]!.webContents;
    contents.sent.length = 0;
    const goal = { sport: 'run', period: 'week', measure: 'count', target: 3 };
    await expect(invoke<ActionResult>(fakes, InvokeChannels.addGoal, goal)).resolves.toEqual({ ok: true });
    expect(contents.sent.at(-1)).toMatchObject({ channel: EventChannels.stateChanged, args: [{ settings: { goals: [{ id: 1, ...goal }] } }] });
    await expect(invoke<ActionResult>(fakes, InvokeChannels.addGoal, { ...goal, target: 0 })).resolves.toMatchObject({ ok: false });
    await expect(invoke<ActionResult>(fakes, InvokeChannels.removeGoal, 1)).resolves.toEqual({ ok: true });
    expect((await invoke<DashboardState>(fakes, InvokeChannels.getState)).settings.goals).toEqual([]);
  });
});

describe.skipIf(process.platform !== 'linux')('launch at login on Linux (XDG autostart)', () => {
  it('a development run does not offer it (it would take over the installed Pacebar\'s entry)', async () => {
    const xdg = tempDir('pacebar-xdg-');
    mkdirSync(join(xdg, 'autostart'));
    const entry = join(xdg, 'autostart', 'pacebar.desktop');
    const installed = '[Desktop Entry]\nType=Application\nName=Pacebar\nExec=/opt/Pacebar/pacebar\n';
    writeFileSync(entry, installed);
    const fakes = await boot({ xdgConfigHome: xdg });
    expect((await invoke<DashboardState>(fakes, InvokeChannels.getState)).desktop.launchAtLoginAvailable).toBe(false);
    expect(readFileSync(entry, 'utf8')).toBe(installed);
  });

  it('the setting is offered; ticking it writes the autostart entry, unticking removes it', async () => {
    const xdg = tempDir('pacebar-xdg-');
    // A development run only with the explicit switch (as the e2e test uses it).
    const fakes = await boot({ xdgConfigHome: xdg, env: { PACEBAR_DEV_AUTOSTART: '1' } });
    const entry = join(xdg, 'autostart', 'pacebar.desktop');
    expect((await invoke<DashboardState>(fakes, InvokeChannels.getState)).desktop.launchAtLoginAvailable).toBe(true);
    expect(await invoke(fakes, InvokeChannels.updateSettings, { launchAtLogin: true })).toEqual({ ok: true });
    // Development run: Electron with this checkout.
    expect(readFileSync(entry, 'utf8')).toContain(`Exec="${process.execPath.replace(/\\/g, '\\\\')}" "/app"`);
    expect(await invoke(fakes, InvokeChannels.updateSettings, { launchAtLogin: false })).toEqual({ ok: true });
    expect(existsSync(entry)).toBe(false);
  });

  it('an entry the person made or removed outside Pacebar is adopted at start, not overwritten', async () => {
    const xdg = tempDir('pacebar-xdg-');
    mkdirSync(join(xdg, 'autostart'));
    const entry = join(xdg, 'autostart', 'pacebar.desktop');
    const theirs = '[Desktop Entry]\nType=Application\nName=Pacebar\nExec=/opt/Pacebar/pacebar\n';
    writeFileSync(entry, theirs);
    const fakes = await boot({ xdgConfigHome: xdg, packaged: true });
    await vi.waitFor(async () => expect((await invoke<DashboardState>(fakes, InvokeChannels.getState)).settings.launchAtLogin).toBe(true));
    expect(readFileSync(entry, 'utf8')).toBe(theirs);
  });
});

describe('updates', () => {
  const labels = (fakes: typeof Fakes) => fakes.Tray.instances[0]!.menu!.template.map((item) => item.label);

  it('an unpackaged run never loads electron-updater, never checks, and the tray has no update items', async () => {
    const fakes = await boot();
    // onReady has run to its end (startUpdateChecks follows setupPolling in the same step).
    expect(fakes.powerMonitor.listenerCount('resume')).toBe(1);
    expect(updaterLoads).toBe(0);
    expect(labels(fakes)).not.toContain('Check for updates…');
  });

  it('the demo, even packaged, never loads electron-updater or checks', async () => {
    const fakes = await boot({ packaged: true, env: { PACEBAR_DEMO: '1', APPIMAGE: '/home/me/Pacebar.AppImage' } });
    expect(fakes.powerMonitor.listenerCount('resume')).toBe(1);
    expect(updaterLoads).toBe(0);
    expect(labels(fakes)).not.toContain('Check for updates…');
  });

  it('an installed copy checks once at start with this platform’s updater, and the tray offers "Check for updates…"', async () => {
    const fakes = await boot({ packaged: true, env: { APPIMAGE: '/home/me/Pacebar.AppImage' } });
    const updaters = updaterFakes!.module;
    const updater = await updaterFakes!.firstCheck;
    const expected = { win32: 'nsis', darwin: 'mac', linux: 'appimage' }[process.platform as 'win32' | 'darwin' | 'linux'];
    expect(updater.kind).toBe(expected);
    expect(updater.checks).toBe(1);
    expect(updaterLoads).toBe(1);
    expect(labels(fakes)).toContain('Check for updates…');
    // The dashboard gets the same news: the version and the updater's state ride on DashboardState.
    const state = await invoke<DashboardState>(fakes, InvokeChannels.getState);
    expect(state).toMatchObject({ about: { version: fakes.app.getVersion(), update: { kind: 'idle' }, updateLine: 'Pacebar is up to date' } });
    // The tray's item runs a check (not a dialog, not a second updater).
    const next = updaters.FakeUpdater.nextCheckDone();
    fakes.clickItem(fakes.Tray.instances[0]!.menu!.template.find((item) => item.label === 'Check for updates…'));
    expect(await next).toBe(updater);
    expect(updater.checks).toBe(2);
    expect(fakes.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fakes.dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
