// Pacebar's Electron entry: a tray app with an on-demand dashboard. Everything that thinks lives in
// core/ (shared with the CLI); this file only wires Electron to it. Before 'ready': privileges,
// guards, single instance and lifecycle; onReady is a list of small setupX() calls, each one concern
// (electron/fiddle's src/main/main.ts style).
import { app, ipcMain, net, Notification, powerMonitor, protocol, session, shell } from 'electron';
import type { DashboardState } from '../core/domain';
import { PacebarController } from '../core/controller/pacebarController';
import { RefreshScheduler } from '../core/controller/refreshScheduler';
import { createEngine } from '../core/engine/createEngine';
import type { PacebarEngine } from '../core/engine/engine';
import { describeError } from '../core/errors';
import { systemTimers } from '../core/clock';
import { browserConsentRunner } from '../core/oauth/browserConsent';
import { openElectronStores } from './adapters/electronStores';
import { netFetchTransport } from './adapters/netFetchTransport';
import { pushState, registerIpc } from './ipc/registerIpc';
import { APP_SCHEME } from './protocol/appOrigin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol/appProtocol';
import { denyAllPermissions, installWebContentsGuards } from './security/webContentsGuards';
import { presetDemoCredentials } from './system/demoCredentials';
import { alreadyRunningMessage, instanceEnvironment, useInstanceFolder } from './system/instanceFolder';
import { loginItemBackend, loginItemSync, type LoginItemBackend } from './system/loginItem';
import { preloadPath, rendererDir, trayIconPath, type AppLocation } from './system/paths';
import { pollOnWake } from './system/powerEvents';
import { trayIconHidden } from './system/trayHost';
import { watchTrayHost, type TrayHostWatch } from './system/trayHostWatch';
import { DesktopNotifier } from './notifications/desktopNotifier';
import { ProgressNotifier } from './notifications/progressNotifier';
import { ReconnectNotifier } from './notifications/reconnectNotifier';
import { openStravaPage } from './security/openStravaPage';
import { trayActionHandler } from './tray/trayActions';
import { TrayController } from './tray/trayController';
import { createUpdater } from './update/createUpdater';
import { readInstallFacts } from './update/installFacts';
import { createUpdates, type Updates } from './update/updates';
import { confirmDisconnect, showStartupError } from './windows/dialogs';
import { DashboardWindow } from './windows/dashboardWindow';
import { consentSession, consentWindowRunner, type ConsentWindowRunner } from './windows/consentWindow';

/** Same as electron-builder's appId: Windows groups notifications and the taskbar by it. */
export const APP_USER_MODEL_ID = 'app.pacebar.desktop';

interface Running {
  engine: PacebarEngine;
  controller: PacebarController;
  scheduler: RefreshScheduler;
  tray: TrayController;
  dashboard: DashboardWindow;
  consentWindow: ConsentWindowRunner;
  updates: Updates;
  trayHost: TrayHostWatch;
  progress: ProgressNotifier;
}

// Module-level, so the tray and its menu are never garbage-collected.
let running: Running | null = null;
/** A second launch that arrived while this one was still starting: open the dashboard once ready. */
let openWhenReady = false;

function location(): AppLocation {
  return { appPath: app.getAppPath(), isPackaged: app.isPackaged, resourcesPath: process.resourcesPath };
}

/** Launching Pacebar again (or opening it from Finder) always shows the dashboard. */
function showDashboard(): void {
  if (running) running.dashboard.open();
  else openWhenReady = true;
}

/** An agent app (no Dock icon) is not brought forward by showing a window alone. */
const bringAppToFront = process.platform === 'darwin' ? () => app.focus({ steal: true }) : undefined;

// ── Before ready ────────────────────────────────────────────────────────────────────────────────

function setupIdentity(): void {
  // Windows shows toasts only for an AppUserModelID with a Start-menu shortcut: the installer makes
  // one for ours; a development run uses the executable's path, as Electron's notification guide says.
  app.setAppUserModelId(app.isPackaged ? APP_USER_MODEL_ID : process.execPath);
  // Agent app: no Dock icon (LSUIElement in electron-builder.yml covers the packaged app).
  app.dock?.hide();
}

function setupLifecycle(): void {
  app.on('second-instance', showDashboard);
  // macOS: opening Pacebar again from Finder or Spotlight.
  app.on('activate', showDashboard);
  // A tray app keeps running with no window open (a listener replaces the default quit).
  app.on('window-all-closed', () => {});
  // before-quit comes before any window is asked to close, and a page's beforeunload (Strava's
  // sign-in form) would cancel the quit (shell/browser/browser.cc, Browser::Quit and
  // OnWindowCloseCancelled): the consent window is destroyed unasked, and nothing is torn down yet.
  app.on('before-quit', () => running?.consentWindow.destroyWindow());
  // Only here is the quit certain (every window closed, nobody vetoed).
  app.on('will-quit', () => {
    running?.scheduler.stop();
    running?.updates.stop();
    void running?.controller.dispose();
    running?.progress.stop();
    running?.tray.destroy();
    running?.trayHost.stop();
    void running?.engine.close();
  });
}

// ── On ready ───────────────────────────────────────────────────────────────────────────────────

/** Every session Pacebar uses refuses all permission requests and checks. */
function setupSessions(): void {
  denyAllPermissions(session.defaultSession);
  denyAllPermissions(consentSession());
}

function setupProtocol(): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir(location())));
}

/** The engine, as the CLI builds it; null (after a one-line dialog) when it cannot start. */
async function setupEngine(env: NodeJS.ProcessEnv): Promise<PacebarEngine | null> {
  try {
    // Chromium's network stack: the system's proxy, PAC file and certificates, as the consent window.
    // app.isPackaged (docs/api/app.md): an installed copy honours Strava address overrides only on loopback.
    return await createEngine({
      env,
      isPackaged: app.isPackaged,
      openStores: openElectronStores,
      transport: () => netFetchTransport((url, init) => net.fetch(url, init)),
    });
  } catch (error) {
    showStartupError(describeError(error));
    app.exit(1);
    return null;
  }
}

function setupDashboard(): DashboardWindow {
  return new DashboardWindow({ preloadPath: preloadPath(location()), bringAppToFront });
}

function setupNotifications(): DesktopNotifier {
  return new DesktopNotifier({ createNotification: (options) => new Notification(options), isSupported: () => Notification.isSupported() });
}

function setupReconnectNotifier(notifier: DesktopNotifier, dashboard: DashboardWindow): ReconnectNotifier {
  return new ReconnectNotifier({ notifier, openDashboard: () => dashboard.open(), log: (line) => console.error(line) });
}

/** A goal reached and the weekly summary, recorded in the settings; what the system does not show, the tray does. */
function setupProgressNotifier(engine: PacebarEngine, notifier: DesktopNotifier, dashboard: DashboardWindow, tray: TrayController): ProgressNotifier {
  return new ProgressNotifier({
    notifier,
    readNotified: () => engine.settings.get().notified,
    saveNotified: (notified) => void engine.settings.update({ notified }),
    now: engine.clock,
    utcOffsetAt: (at) => engine.utcOffsetMinutes(at),
    timers: systemTimers,
    showNotices: (lines) => tray.setNotices(lines),
    openDashboard: () => dashboard.open(),
    log: (line) => console.error(line),
  });
}

/** What this desktop offers: a login item Pacebar can set, and whether its tray icon can be seen (kept current). */
interface Desktop {
  loginItem: LoginItemBackend | null;
  trayIconHidden: boolean;
}

async function setupDesktop(env: NodeJS.ProcessEnv): Promise<Desktop> {
  return { loginItem: loginItemBackend(app, process.platform, env), trayIconHidden: await trayIconHidden(process.platform) };
}

function setupController(engine: PacebarEngine, consentWindow: ConsentWindowRunner, notifier: ReconnectNotifier, desktop: Desktop): PacebarController {
  const stravaBaseUrl = engine.endpoints.baseUrl;
  return new PacebarController({
    engine,
    // package.json's version (Electron's app.getVersion(), docs/api/app.md), which electron-updater compares too.
    version: app.getVersion(),
    consent: {
      window: consentWindow,
      browser: browserConsentRunner({ stravaBaseUrl, openExternal: (url) => shell.openExternal(url) }),
    },
    onReconnectNeeded: () => notifier.reconnectNeeded(),
    // A title beside the tray icon exists in the macOS menu bar only (Tray.setTitle, docs/api/tray.md).
    desktop: () => ({ launchAtLoginAvailable: desktop.loginItem !== null, trayIconHidden: desktop.trayIconHidden, menuBarTitleAvailable: process.platform === 'darwin' }),
  });
}

/**
 * A StatusNotifier host that registers after start (GNOME's AppIndicator extension at login) or
 * leaves: the dashboard's no-tray hint and its Quit button follow (trayHostWatch.ts).
 */
function setupTrayHostWatch(desktop: Desktop, controller: PacebarController): TrayHostWatch {
  return watchTrayHost({
    platform: process.platform,
    initial: desktop.trayIconHidden,
    check: () => trayIconHidden(process.platform),
    onChange: (hidden) => {
      desktop.trayIconHidden = hidden;
      controller.desktopChanged();
    },
    log: (line) => console.error(line),
  });
}

/**
 * Each background poll is the engine's cheap sync: one activities request after the newest known,
 * stats only when changed, the athlete at most daily.
 */
function setupScheduler(engine: PacebarEngine, controller: PacebarController): RefreshScheduler {
  return new RefreshScheduler({
    poll: () => controller.refresh(),
    intervalMs: () => engine.settings.get().refreshIntervalMinutes * 60_000,
    rateLimitedUntil: () => engine.budget.blockedUntil(),
    clock: engine.clock,
  });
}

/**
 * electron-updater against the GitHub releases (electron-builder.yml's publish). Decided here, started
 * by startUpdateChecks once the app is up; off in the demo and in unpackaged runs.
 */
function setupUpdates(controller: PacebarController, env: NodeJS.ProcessEnv): Updates {
  return createUpdates({
    facts: readInstallFacts({ appPath: app.getAppPath(), resourcesPath: process.resourcesPath, isPackaged: app.isPackaged, platform: process.platform, env }),
    createUpdater,
    onChange: (update) => controller.setUpdate(update),
    openExternal: (url) => shell.openExternal(url),
  });
}

function setupTray(engine: PacebarEngine, controller: PacebarController, dashboard: DashboardWindow, updates: Updates): TrayController {
  return new TrayController({
    iconPath: trayIconPath(location(), process.platform),
    platform: process.platform,
    now: engine.clock,
    // "Recent activities": the same checked way to Strava as the dashboard's "View on Strava".
    onOpenActivity: (id) =>
      void openStravaPage((url) => shell.openExternal(url), controller.activityUrl(id), 'That activity is not in your history.').then((result) => {
        if (!result.ok) console.error(`Pacebar: ${result.message}`);
      }),
    onAction: trayActionHandler({
      openDashboard: (section) => dashboard.open(section),
      state: () => controller.state(),
      refresh: () => void controller.refresh({ full: false }),
      connect: (method) => void controller.connect(method),
      confirmAndDisconnect: () =>
        void confirmDisconnect({ parent: dashboard.browserWindow(), bringAppToFront }).then((yes) => (yes ? controller.disconnect() : undefined)),
      installUpdate: () => updates.install(),
      checkForUpdates: () => void updates.check(),
      openDownloadPage: () => void updates.openDownloadPage(),
      quit: () => app.quit(),
    }),
  });
}

/** Every new state goes to the tray, the open dashboard, the login item and the scheduler. */
function setupStateFanOut(parts: Running & { desktop: Desktop }): (state: DashboardState) => void {
  const loginItem = parts.desktop.loginItem;
  const applyLoginItem = loginItem
    ? loginItemSync({
        backend: loginItem,
        adopt: (launchAtLogin) => void parts.controller.updateSettings({ launchAtLogin }),
        log: (line) => console.error(line),
      })
    : () => {};
  let interval: number | null = null;
  let inactive = false;
  const onState = (state: DashboardState) => {
    parts.tray.update(state);
    parts.progress.update(state);
    pushState(parts.dashboard.webContents(), state);
    applyLoginItem(state);
    if (interval !== null && interval !== state.settings.refreshIntervalMinutes) parts.scheduler.reschedule();
    interval = state.settings.refreshIntervalMinutes;
    // "Refresh now" found the application active again: automatic polling leaves its hourly wait.
    if (inactive && !state.sync.applicationInactive) parts.scheduler.recovered();
    inactive = state.sync.applicationInactive;
  };
  parts.controller.subscribe(onState);
  return onState;
}

function setupIpc(controller: PacebarController, dashboard: DashboardWindow): void {
  registerIpc({ ipcMain, controller, dashboard: () => dashboard.webContents(), openExternal: (url) => shell.openExternal(url), quit: () => app.quit() });
}

/** PACEBAR_DEMO: the simulator's API application, so the demo starts at "Connect Strava". */
async function setupDemo(engine: PacebarEngine, controller: PacebarController, env: NodeJS.ProcessEnv): Promise<void> {
  await presetDemoCredentials({ credentials: engine.credentials, saveCredentials: (input) => controller.saveCredentials(input) }, env).catch(() => false);
}

async function setupInitialState(controller: PacebarController, onState: (state: DashboardState) => void, dashboard: DashboardWindow, desktop: Desktop): Promise<void> {
  try {
    await controller.init();
  } catch (error) {
    console.error('Pacebar: could not read the connection state', describeError(error));
  }
  onState(controller.state());
  // First run: no API application yet, so there is nothing for the tray to show but setup. With no
  // tray icon to be seen (stock GNOME), the dashboard is the only sign that Pacebar started (and
  // its way to quit). Read now, not at start: a host that registered meanwhile counts.
  if (openWhenReady || desktop.trayIconHidden || controller.state().connection.kind === 'needs_credentials') dashboard.open();
}

function setupPolling(scheduler: RefreshScheduler): void {
  scheduler.start();
  pollOnWake(powerMonitor, () => scheduler.pollNow());
}

/** The first update check once everything else is up, then one a day. */
function startUpdateChecks(updates: Updates): void {
  void updates.start();
}

async function onReady(env: NodeJS.ProcessEnv): Promise<void> {
  setupSessions();
  setupProtocol();
  const engine = await setupEngine(env);
  if (!engine) return;
  const desktop = await setupDesktop(env);
  const dashboard = setupDashboard();
  const notifications = setupNotifications();
  const notifier = setupReconnectNotifier(notifications, dashboard);
  const consentWindow = consentWindowRunner({ stravaBaseUrl: engine.endpoints.baseUrl, bringAppToFront });
  const controller = setupController(engine, consentWindow, notifier, desktop);
  const scheduler = setupScheduler(engine, controller);
  const updates = setupUpdates(controller, env);
  const tray = setupTray(engine, controller, dashboard, updates);
  const trayHost = setupTrayHostWatch(desktop, controller);
  const progress = setupProgressNotifier(engine, notifications, dashboard, tray);
  running = { engine, controller, scheduler, tray, dashboard, consentWindow, updates, trayHost, progress };
  const onState = setupStateFanOut({ ...running, desktop });
  setupIpc(controller, dashboard);
  await setupDemo(engine, controller, env);
  await setupInitialState(controller, onState, dashboard, desktop);
  setupPolling(scheduler);
  startUpdateChecks(updates);
}

// Must happen before 'ready': app:// gets a real, secure origin with fetch support.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
installWebContentsGuards(app);
/** Which Pacebar this is (its folder, before the lock keyed on it), then the lock, then ready. */
function start(): void {
  const environment = instanceEnvironment(process.env, app.getPath('appData'));
  try {
    useInstanceFolder(app, environment);
  } catch (error) {
    // showErrorBox may be called before ready (on Linux it then writes to stderr; docs/api/dialog.md).
    showStartupError(describeError(error));
    app.exit(1);
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    // Another Pacebar with this folder is running: it opens its dashboard (second-instance) and this one leaves.
    console.log(alreadyRunningMessage(app.getPath('userData')));
    app.quit();
    return;
  }
  setupIdentity();
  setupLifecycle();
  app
    .whenReady()
    .then(() => onReady(environment))
    .catch((error: unknown) => {
      console.error('Pacebar failed to start', describeError(error));
      showStartupError(error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
      app.exit(1);
    });
}

start();
