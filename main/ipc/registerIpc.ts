// ipcMain handlers for every InvokeChannels entry, plus the state push to the dashboard.
// Each handler first checks the sender (dashboard main frame on app://pacebar), then the payload;
// only then does it reach the controller. URLs opened in the browser are built here, never taken
// from the renderer, and pass isSafeExternalUrl before shell.openExternal.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import {
  EventChannels,
  InvokeChannels,
  type ActionResult,
  type DashboardState,
} from '../../preload/contract';
import type { PacebarController } from '../../core/controller/pacebarController';
import { describeError } from '../../core/errors';
import { STRAVA_WEB_ORIGIN, openStravaPage } from '../security/openStravaPage';
import { parseActivityId, parseCredentials, parseGoalId, parseGoalInput, parseSettingsPatch, parseSignInMethod } from './payloads';
import { isAppUrl } from '../protocol/appOrigin';
import { isTrustedSender } from './senderGuard';

export { STRAVA_WEB_ORIGIN };
export const STRAVA_API_SETTINGS_URL = `${STRAVA_WEB_ORIGIN}/settings/api`;

export type IpcController = Pick<
  PacebarController,
  | 'state'
  | 'saveCredentials'
  | 'connect'
  | 'cancelConnect'
  | 'disconnect'
  | 'refreshAction'
  | 'updateSettings'
  | 'addGoal'
  | 'removeGoal'
  | 'athleteProfileUrl'
  | 'activityUrl'
>;

/** The part of ipcMain used here (a fake in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcDeps {
  ipcMain: IpcMainLike;
  controller: IpcController;
  /** The dashboard window's webContents, or null when it is closed. */
  dashboard: () => WebContents | null;
  openExternal: (url: string) => Promise<void>;
  /** app.quit(): the same as the tray's "Quit Pacebar". */
  quit: () => void;
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`Refused ${channel}: the sender is not Pacebar's dashboard.`);
    this.name = 'UntrustedSenderError';
  }
}

const ok: ActionResult = { ok: true };

async function guardAction(run: () => Promise<ActionResult> | ActionResult): Promise<ActionResult> {
  try {
    return await run();
  } catch (error) {
    // Controller methods return ActionResults; anything thrown is unexpected but still one line.
    return { ok: false, message: describeError(error) };
  }
}

function openChecked(deps: IpcDeps, url: string | null, missing: string): Promise<ActionResult> {
  return openStravaPage(deps.openExternal, url, missing);
}

/** Registers every handler; returns a function that removes them again. */
export function registerIpc(deps: IpcDeps): () => void {
  const { controller } = deps;
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    [InvokeChannels.getState]: (): DashboardState => controller.state(),
    [InvokeChannels.saveCredentials]: (input) =>
      guardAction(() => {
        const parsed = parseCredentials(input);
        return parsed.ok ? controller.saveCredentials(parsed.value) : { ok: false, message: parsed.message };
      }),
    [InvokeChannels.connect]: (method) =>
      guardAction(() => {
        const parsed = parseSignInMethod(method);
        return parsed.ok ? controller.connect(parsed.value) : { ok: false, message: parsed.message };
      }),
    [InvokeChannels.cancelConnect]: () => guardAction(() => controller.cancelConnect()),
    [InvokeChannels.disconnect]: () => guardAction(() => controller.disconnect()),
    [InvokeChannels.refresh]: () => guardAction(() => controller.refreshAction()),
    [InvokeChannels.updateSettings]: (patch) =>
      guardAction(() => {
        const parsed = parseSettingsPatch(patch);
        return parsed.ok ? controller.updateSettings(parsed.value) : { ok: false, message: parsed.message };
      }),
    [InvokeChannels.addGoal]: (input) =>
      guardAction(() => {
        const parsed = parseGoalInput(input);
        return parsed.ok ? controller.addGoal(parsed.value) : { ok: false, message: parsed.message };
      }),
    [InvokeChannels.removeGoal]: (id) =>
      guardAction(() => {
        const parsed = parseGoalId(id);
        return parsed.ok ? controller.removeGoal(parsed.value) : { ok: false, message: parsed.message };
      }),
    [InvokeChannels.openAthleteOnStrava]: () =>
      guardAction(() => openChecked(deps, controller.athleteProfileUrl(), 'Connect Strava first.')),
    [InvokeChannels.openActivityOnStrava]: (id) =>
      guardAction(() => {
        const parsed = parseActivityId(id);
        return parsed.ok ? openChecked(deps, controller.activityUrl(parsed.value), 'That activity is not in your history.') : { ok: false, message: parsed.message };
      }),
    [InvokeChannels.openStravaApiSettings]: () => guardAction(() => openChecked(deps, STRAVA_API_SETTINGS_URL, '')),
    [InvokeChannels.quit]: () =>
      guardAction(() => {
        deps.quit();
        return ok;
      }),
  };

  const channels = Object.values(InvokeChannels);
  for (const channel of channels) {
    const handler = handlers[channel];
    if (!handler) throw new Error(`No IPC handler for ${channel}`);
    // One handler per channel: a second registration (e.g. after a reload in development) replaces it.
    deps.ipcMain.removeHandler(channel);
    deps.ipcMain.handle(channel, (event, ...args) => {
      if (!isTrustedSender(event, deps.dashboard())) throw new UntrustedSenderError(channel);
      return handler(...args);
    });
  }
  return () => {
    for (const channel of channels) deps.ipcMain.removeHandler(channel);
  };
}

/** Pushes a new state to the dashboard, if one is open and still shows our renderer. */
export function pushState(dashboard: WebContents | null, state: DashboardState): boolean {
  if (!dashboard || dashboard.isDestroyed()) return false;
  if (!isAppUrl(dashboard.mainFrame?.url)) return false;
  dashboard.send(EventChannels.stateChanged, state);
  return true;
}
