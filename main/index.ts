// Pacebar's Electron entry: a tray app with an on-demand dashboard. Everything that thinks lives in
// core/ (shared with the CLI); this file only wires Electron to it. Before 'ready': privileges,
// guards, single instance and lifecycle; onReady is a list of small setupX() calls, each one concern
// (electron/fiddle's src/main/main.ts style).
import { app, ipcMain, Notification, powerMonitor, protocol, session, shell } from 'electron';
import type { DashboardState } from '../core/domain';
import { PacebarController } from '../core/controller/pacebarController';
import { RefreshScheduler } from '../core/controller/refreshScheduler';
import { createEngine } from '../core/engine/createEngine';
import type { PacebarEngine } from '../core/engine/engine';
import { describeError } from '../core/errors';
import { browserConsentRunner } from '../core/oauth/browserConsent';
import { openElectronStores } from './adapters/electronStores';
import { pushState, registerIpc } from './ipc/registerIpc';
import { APP_SCHEME } from './protocol/appOrigin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol/appProtocol';
import { denyAllPermissions, installWebContentsGuards } from './security/webContentsGuards';
import { presetDemoCredentials } from './system/demoCredentials';
import { loginItemSync } from './system/loginItem';
import { preloadPath, rendererDir, trayIconPath, type AppLocation } from './system/paths';
import { pollOnWake } from './system/powerEvents';
import { ReconnectNotifier } from './system/reconnectNotifier';
import { trayActionHandler } from './tray/trayActions';
import { TrayController } from './tray/trayController';
import { confirmDisconnect, showStartupError } from './windows/dialogs';
import { DashboardWindow } from './windows/dashboardWindow';
import { consentSession, consentWindowRunner } from './windows/consentWindow';

/** Same as electron-builder's appId: Windows groups notifications and the taskbar by it. */
export const APP_USER_MODEL_ID = 'app.pacebar.desktop';

interface Running {
  engine: PacebarEngine;
  controller: PacebarController;
  scheduler: RefreshScheduler;
  tray: TrayController;
  dashboard: DashboardWindow;
}

// Module-level, so the tray and its menu are never garbage-collected.
let running: Running | null = null;
/** A second launch that arrived while this one was still starting: open the dashboard once ready. */
let openWhenReady = false;

function location(): AppLocation {
  return { appPath: app.getAppPath(), isPackaged: app.isPackaged, resourcesPath: process.resourcesPath };
}

function showDashboard(): void {
  if (running) running.dashboard.open();
  else openWhenReady = true;
}

// ── Before ready ────────────────────────────────────────────────────────────────────────────────

function setupIdentity(): void {
  app.setAppUserModelId(APP_USER_MODEL_ID);
  // Agent app: no Dock icon (LSUIElement in electron-builder.yml covers the packaged app).
  app.dock?.hide();
}

function setupLifecycle(): void {
  app.on('second-instance', showDashboard);
  // macOS: opening Pacebar again from Finder or Spotlight.
  app.on('activate', showDashboard);
  // A tray app keeps running with no window open (a listener replaces the default quit).
  app.on('window-all-closed', () => {});
  app.on('before-quit', () => {
    running?.scheduler.stop();
    running?.tray.destroy();
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
    return await createEngine({ env, openStores: openElectronStores });
  } catch (error) {
    showStartupError(describeError(error));
    app.exit(1);
    return null;
  }
}

function setupDashboard(): DashboardWindow {
  return new DashboardWindow({
    preloadPath: preloadPath(location()),
    // An agent app (no Dock icon) is not brought forward by showing a window alone.
    bringAppToFront: process.platform === 'darwin' ? () => app.focus({ steal: true }) : undefined,
  });
}

function setupNotifications(dashboard: DashboardWindow): ReconnectNotifier {
  return new ReconnectNotifier({
    createNotification: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    openDashboard: () => dashboard.open(),
  });
}

function setupController(engine: PacebarEngine, dashboard: DashboardWindow, notifier: ReconnectNotifier): PacebarController {
  const stravaBaseUrl = engine.endpoints.baseUrl;
  return new PacebarController({
    engine,
    consent: {
      window: consentWindowRunner({ stravaBaseUrl, parent: () => dashboard.browserWindow() }),
      browser: browserConsentRunner({ stravaBaseUrl, openExternal: (url) => shell.openExternal(url) }),
    },
    onReconnectNeeded: () => notifier.reconnectNeeded(),
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

function setupTray(engine: PacebarEngine, controller: PacebarController, dashboard: DashboardWindow): TrayController {
  return new TrayController({
    iconPath: trayIconPath(location(), process.platform),
    platform: process.platform,
    now: engine.clock,
    onAction: trayActionHandler({
      openDashboard: (section) => dashboard.open(section),
      state: () => controller.state(),
      refresh: () => void controller.refresh({ full: false }),
      connect: (method) => void controller.connect(method),
      confirmAndDisconnect: () => void confirmDisconnect().then((yes) => (yes ? controller.disconnect() : undefined)),
      quit: () => app.quit(),
    }),
  });
}

/** Every new state goes to the tray, the open dashboard, the login item, the notifier and the scheduler. */
function setupStateFanOut(parts: Running & { notifier: ReconnectNotifier }): (state: DashboardState) => void {
  const applyLoginItem = loginItemSync(app);
  let interval: number | null = null;
  const onState = (state: DashboardState) => {
    parts.tray.update(state);
    pushState(parts.dashboard.webContents(), state);
    applyLoginItem(state);
    parts.notifier.stateChanged(state);
    if (interval !== null && interval !== state.settings.refreshIntervalMinutes) parts.scheduler.reschedule();
    interval = state.settings.refreshIntervalMinutes;
  };
  parts.controller.subscribe(onState);
  return onState;
}

function setupIpc(controller: PacebarController, dashboard: DashboardWindow): void {
  registerIpc({ ipcMain, controller, dashboard: () => dashboard.webContents(), openExternal: (url) => shell.openExternal(url) });
}

/** PACEBAR_DEMO: the simulator's API application, so the demo starts at "Connect Strava". */
async function setupDemo(engine: PacebarEngine, controller: PacebarController, env: NodeJS.ProcessEnv): Promise<void> {
  await presetDemoCredentials({ credentials: engine.credentials, saveCredentials: (input) => controller.saveCredentials(input) }, env).catch(() => false);
}

async function setupInitialState(controller: PacebarController, onState: (state: DashboardState) => void, dashboard: DashboardWindow): Promise<void> {
  try {
    await controller.init();
  } catch (error) {
    console.error('Pacebar: could not read the connection state', describeError(error));
  }
  onState(controller.state());
  // First run: no API application yet, so there is nothing for the tray to show but setup.
  if (openWhenReady || controller.state().connection.kind === 'needs_credentials') dashboard.open();
}

function setupPolling(scheduler: RefreshScheduler): void {
  scheduler.start();
  pollOnWake(powerMonitor, () => scheduler.pollNow());
}

async function onReady(env: NodeJS.ProcessEnv): Promise<void> {
  setupSessions();
  setupProtocol();
  const engine = await setupEngine(env);
  if (!engine) return;
  const dashboard = setupDashboard();
  const notifier = setupNotifications(dashboard);
  const controller = setupController(engine, dashboard, notifier);
  const scheduler = setupScheduler(engine, controller);
  const tray = setupTray(engine, controller, dashboard);
  running = { engine, controller, scheduler, tray, dashboard };
  const onState = setupStateFanOut({ ...running, notifier });
  setupIpc(controller, dashboard);
  await setupDemo(engine, controller, env);
  await setupInitialState(controller, onState, dashboard);
  setupPolling(scheduler);
}

// Must happen before 'ready': app:// gets a real, secure origin with fetch support.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
installWebContentsGuards(app);

if (!app.requestSingleInstanceLock()) {
  // Another Pacebar is running: it opens its dashboard (second-instance) and this one leaves.
  app.quit();
} else {
  setupIdentity();
  setupLifecycle();
  app
    .whenReady()
    .then(() => onReady(process.env))
    .catch((error: unknown) => {
      console.error('Pacebar failed to start', describeError(error));
      showStartupError(error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
      app.exit(1);
    });
}
