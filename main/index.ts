// Pacebar's Electron entry: a tray app with an on-demand dashboard. Everything that thinks lives in
// core/ (shared with the CLI); this file only wires Electron to it.
import { app, dialog, ipcMain, Notification, powerMonitor, protocol, session, shell } from 'electron';
import type { DashboardState } from '../preload/contract';
import { PacebarController } from '../core/controller/pacebarController';
import { RefreshScheduler } from '../core/controller/refreshScheduler';
import { PacebarEngine } from '../core/engine/engine';
import { keytarBackend } from '../core/keychain/secretBackend';
import { DEFAULT_KEYCHAIN_SERVICE } from '../core/keychain/tokenVault';
import { resolveConfigDir } from '../core/store/configDir';
import { endpointsFromEnv } from '../core/strava/endpoints';
import { openElectronStores } from './adapters/electronStores';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol/appProtocol';
import { presetDemoCredentials } from './system/demoCredentials';
import { loginItemSync } from './system/loginItem';
import { preloadPath, rendererDir, trayIconPath, type AppLocation } from './system/paths';
import { pollOnWake } from './system/powerEvents';
import { ReconnectNotifier } from './system/reconnectNotifier';
import { browserConsentRunner } from '../core/oauth/browserConsent';
import { APP_SCHEME } from './ipc/senderGuard';
import { pushState, registerIpc } from './ipc/registerIpc';
import { denyAllPermissions, installWebContentsGuards } from './security/webContentsGuards';
import { TrayController, type TrayAction } from './tray/trayController';
import { DashboardWindow } from './windows/dashboardWindow';
import { consentSession, consentWindowRunner } from './windows/consentWindow';

/** Same as electron-builder's appId: Windows groups notifications and the taskbar by it. */
export const APP_USER_MODEL_ID = 'app.pacebar.desktop';

interface Running {
  controller: PacebarController;
  scheduler: RefreshScheduler;
  tray: TrayController;
  dashboard: DashboardWindow;
  engine: PacebarEngine;
}

// Module-level, so the tray and its menu are never garbage-collected.
let running: Running | null = null;
/** A second launch that arrived while this one was still starting: open the dashboard once ready. */
let openWhenReady = false;

function showDashboard(): void {
  if (running) running.dashboard.open();
  else openWhenReady = true;
}

function keychainService(env: NodeJS.ProcessEnv): string {
  return env.PACEBAR_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}

function location(): AppLocation {
  return { appPath: app.getAppPath(), isPackaged: app.isPackaged, resourcesPath: process.resourcesPath };
}

async function confirmDisconnect(): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Disconnect', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Disconnect Pacebar from Strava?',
    detail: 'Pacebar revokes its access at Strava and forgets the saved stats. You can connect again at any time.',
  });
  return response === 0;
}

async function start(env: NodeJS.ProcessEnv): Promise<void> {
  await app.whenReady();

  // Every session Pacebar uses refuses all permission requests and checks.
  denyAllPermissions(session.defaultSession);
  denyAllPermissions(consentSession());
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir(location())));

  let endpoints;
  try {
    endpoints = endpointsFromEnv(env);
  } catch {
    dialog.showErrorBox('Pacebar cannot start', 'STRAVA_BASE_URL must be an http(s) URL such as https://www.strava.com.');
    app.exit(1);
    return;
  }
  const configDir = resolveConfigDir(env);
  let stores;
  try {
    stores = openElectronStores(configDir);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    dialog.showErrorBox('Pacebar cannot start', `Cannot use the settings folder ${configDir}${typeof code === 'string' ? ` (${code})` : ''}. Check PACEBAR_CONFIG_DIR and its permissions.`);
    app.exit(1);
    return;
  }

  const engine = new PacebarEngine({
    endpoints,
    secrets: keytarBackend(),
    keychainService: keychainService(env),
    settingsStore: stores.settings,
    cacheStore: stores.cache,
  });

  const dashboard = new DashboardWindow({
    preloadPath: preloadPath(location()),
    // An agent app (no Dock icon) is not brought forward by showing a window alone.
    bringAppToFront: process.platform === 'darwin' ? () => app.focus({ steal: true }) : undefined,
  });
  const openDashboard = () => {
    dashboard.open();
  };

  const notifier = new ReconnectNotifier({
    createNotification: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    openDashboard,
  });

  const controller = new PacebarController({
    engine,
    consent: {
      window: consentWindowRunner({ stravaBaseUrl: endpoints.baseUrl, parent: () => dashboard.browserWindow() }),
      browser: browserConsentRunner({ stravaBaseUrl: endpoints.baseUrl, openExternal: (url) => shell.openExternal(url) }),
    },
    onReconnectNeeded: () => notifier.reconnectNeeded(),
  });

  const scheduler = new RefreshScheduler({
    // Each background poll is the engine's cheap sync: one activities request after the newest
    // known, stats only when changed, the athlete at most daily.
    poll: () => controller.refresh(),
    intervalMs: () => engine.settings.get().refreshIntervalMinutes * 60_000,
    rateLimitedUntil: () => engine.budget.blockedUntil(),
    clock: engine.clock,
  });

  const onTrayAction = (action: TrayAction) => {
    switch (action) {
      case 'open':
        openDashboard();
        return;
      case 'settings':
        dashboard.open('settings');
        return;
      case 'refresh':
        void controller.refresh({ full: false });
        return;
      case 'connect': {
        openDashboard();
        const state = controller.state();
        // With an API application stored, start signing in; otherwise the dashboard asks for one.
        if (state.connection.kind === 'not_connected' || state.connection.kind === 'reconnect_needed') {
          void controller.connect(state.settings.signInMethod);
        }
        return;
      }
      case 'disconnect':
        void confirmDisconnect().then((yes) => (yes ? controller.disconnect() : undefined));
        return;
      case 'quit':
        app.quit();
        return;
    }
  };

  const tray = new TrayController({
    iconPath: trayIconPath(location(), process.platform),
    platform: process.platform,
    onAction: onTrayAction,
    now: engine.clock,
  });

  const applyLoginItem = loginItemSync(app);
  let interval: number | null = null;
  const onState = (state: DashboardState) => {
    tray.update(state);
    pushState(dashboard.webContents(), state);
    applyLoginItem(state);
    notifier.stateChanged(state);
    if (interval !== null && interval !== state.settings.refreshIntervalMinutes) scheduler.reschedule();
    interval = state.settings.refreshIntervalMinutes;
  };
  controller.subscribe(onState);

  registerIpc({
    ipcMain,
    controller,
    dashboard: () => dashboard.webContents(),
    openExternal: (url) => shell.openExternal(url),
  });

  running = { controller, scheduler, tray, dashboard, engine };

  await presetDemoCredentials({ credentials: engine.credentials, saveCredentials: (input) => controller.saveCredentials(input) }, env).catch(
    () => false,
  );
  try {
    await controller.init();
  } catch (error) {
    console.error('Pacebar: could not read the connection state', error);
  }
  onState(controller.state());
  // First run: no API application yet, so there is nothing for the tray to show but setup.
  if (openWhenReady || controller.state().connection.kind === 'needs_credentials') openDashboard();

  scheduler.start();
  pollOnWake(powerMonitor, () => scheduler.pollNow());
}

// Must happen before 'ready': app:// gets a real, secure origin with fetch support.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
installWebContentsGuards(app);

if (!app.requestSingleInstanceLock()) {
  // Another Pacebar is running: it opens its dashboard (second-instance) and this one leaves.
  app.quit();
} else {
  app.setAppUserModelId(APP_USER_MODEL_ID);
  // Agent app: no Dock icon (LSUIElement in electron-builder.yml covers the packaged app).
  app.dock?.hide();
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
  start(process.env).catch((error: unknown) => {
    console.error('Pacebar failed to start', error);
    dialog.showErrorBox('Pacebar failed to start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
