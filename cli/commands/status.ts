// `pacebar status`: the cached stats, refreshed first when due and allowed by Strava's rate budget.
import { AppInactiveError, KeychainUnavailableError, NetworkError, RateLimitedError, ReconnectNeededError, TimeoutError } from '../../core/errors';
import type { PacebarEngine } from '../../core/engine/engine';
import type { DashboardState } from '../../core/domain';
import type { CacheData } from '../../core/store/cache';
import type { Settings } from '../../core/store/settings';
import type { SyncInputs } from '../../core/view/dashboardState';
import type { FetchMode, Format } from '../args';
import type { Context } from '../context';
import {
  CliError,
  EXIT,
  NO_CREDENTIALS_MESSAGE,
  NOT_CONNECTED_MESSAGE,
  RECONNECT_MESSAGE,
  UNREADABLE_MESSAGE,
  describeFailure,
  isTransient,
} from '../exitCodes';
import { renderStatus, waybarProblem, type ProblemKind } from '../formats';
import { hasAccountData, lastFetch } from '../../core/view/dashboardState';
import { describeError } from '../../core/errors';
import { VERSION } from '../version';

/**
 * Walk steps (history pages of 200 activities) one `pacebar status` takes after printing, within
 * the walks' share of the rate budget: enough that a terminal-only user's history fills in a few
 * hours of a status bar's polls, few enough that the command ends within seconds.
 */
export const CLI_WALK_STEPS = 5;

/** After a failed fetch, automatic refreshes wait this long (status bars may poll every minute). */
export const RETRY_AFTER_FAILURE_MS = 5 * 60 * 1000;
/** While the API application is inactive, as the app: at most one automatic attempt an hour. */
export const RETRY_WHILE_INACTIVE_MS = 60 * 60 * 1000;

/** Whether to ask Strava now. Pure; the rate budget is checked separately. */
export function shouldFetch(mode: FetchMode, settings: Settings, cache: CacheData, now: number): boolean {
  if (mode === 'offline') return false;
  if (mode === 'refresh') return true;
  if (!hasAccountData(settings, cache)) return true;
  const fetchedAt = lastFetch(cache);
  if (fetchedAt === null) return true;
  const interval = settings.refreshIntervalMinutes * 60_000;
  if (now - fetchedAt < interval && cache.lastFailure?.code !== 'app_inactive') return false;
  const failedAt = cache.lastFailure?.at ?? null;
  const wait = cache.lastFailure?.code === 'app_inactive' ? Math.max(interval, RETRY_WHILE_INACTIVE_MS) : Math.min(interval, RETRY_AFTER_FAILURE_MS);
  return failedAt === null || failedAt < fetchedAt || now - failedAt >= wait;
}

class StatusProblem extends CliError {
  constructor(
    message: string,
    exitCode: (typeof EXIT)[keyof typeof EXIT],
    readonly kind: ProblemKind,
  ) {
    super(message, exitCode);
  }
}

/**
 * Connection state without the network; --offline decides from the settings file alone (no
 * keychain). Not connected throws; reconnect needed is returned: the cached figures still show.
 */
async function ensureConnected(engine: PacebarEngine, useKeychain: boolean): Promise<StatusProblem | null> {
  const settings = engine.settings.get();
  if (!useKeychain) {
    if (settings.athleteId !== null) return null;
    if (settings.clientId === null) throw new StatusProblem(NO_CREDENTIALS_MESSAGE, EXIT.notConnected, 'disconnected');
    throw new StatusProblem(NOT_CONNECTED_MESSAGE, EXIT.notConnected, 'disconnected');
  }
  const state = await engine.status();
  if (state === 'needs_credentials') throw new StatusProblem(NO_CREDENTIALS_MESSAGE, EXIT.notConnected, 'disconnected');
  if (state === 'not_connected') throw new StatusProblem(NOT_CONNECTED_MESSAGE, EXIT.notConnected, 'disconnected');
  if (state === 'reconnect_needed') return new StatusProblem(RECONNECT_MESSAGE, EXIT.reconnectNeeded, 'reconnect');
  if (state === 'tokens_unreadable') return new StatusProblem(UNREADABLE_MESSAGE, EXIT.reconnectNeeded, 'reconnect');
  return null;
}

/** What the view says about refreshing: this run's failure, else the one the cache remembers. */
function syncInputs(outcome: { failed: boolean; error?: unknown }, remembered: CacheData['lastFailure']): SyncInputs {
  if (outcome.failed) {
    const offline = outcome.error instanceof NetworkError || outcome.error instanceof TimeoutError;
    return { refreshing: false, offline, rateLimitedUntil: null, lastError: describeError(outcome.error) };
  }
  const offline = remembered?.code === 'network' || remembered?.code === 'timeout';
  return { refreshing: false, offline, rateLimitedUntil: null, lastError: remembered?.message ?? null };
}

/** Fetches; returns whether it failed in a way that still allows showing the cache. */
async function refresh(engine: PacebarEngine): Promise<{ failed: boolean; error?: unknown }> {
  // Spent budget: not even a token refresh goes out before the window resets.
  const blockedUntil = engine.budget.blockedUntil();
  if (blockedUntil !== null) return { failed: true, error: new RateLimitedError(blockedUntil) };
  try {
    await engine.sync();
    return { failed: false };
  } catch (error) {
    // Inactive or revoked: the cache is still this account's, shown stale with the cause on stderr.
    if (isTransient(error) || error instanceof AppInactiveError || error instanceof ReconnectNeededError) return { failed: true, error };
    throw error;
  }
}

/** Up to `steps` walk steps; stops at the walks' share of the budget, or at any failure (the next run goes on). */
export async function walkSteps(engine: PacebarEngine, steps: number): Promise<number> {
  let taken = 0;
  try {
    while (taken < steps && (await engine.historyStep()).status === 'stepped') taken += 1;
  } catch {
    // Offline or rate limited now: the walk resumes where it stopped, in this process or the app.
  }
  return taken;
}

/** The view model a command prints, with data, and the engine and fetch it came from. */
export interface FetchedState {
  engine: PacebarEngine;
  state: DashboardState & { data: NonNullable<DashboardState['data']> };
  /** The cache the state was composed from (this account's: it has the athlete). */
  cache: CacheData & { athlete: NonNullable<CacheData['athlete']> };
  /** Whether Strava was asked this run, and whether that failed in a way that still shows the cache. */
  fetched: boolean;
  outcome: { failed: boolean; error?: unknown };
  /** A sign-in is needed: the last figures are shown stale, and the exit code says so (afterOutput). */
  reconnect: StatusProblem | null;
  moment: { now: number; utcOffsetMinutes: (at: number) => number };
}

/**
 * The cache as DashboardState, refreshed first when due (shouldFetch) and the rate budget allows:
 * what `pacebar status` and `pacebar goals` print. Throws when there is nothing to show.
 */
export async function fetchState(ctx: Context, options: { format: Format; mode: FetchMode }): Promise<FetchedState> {
  const { io } = ctx;
  // Reading the cache needs no store library; only a fetch opens the writable engine.
  const reader = await ctx.engine({ readOnly: true });
  const wantsFetch = shouldFetch(options.mode, reader.settings.get(), reader.cache.read(), reader.clock());
  const engine = wantsFetch ? await ctx.engine() : reader;
  let reconnect = await ensureConnected(engine, options.mode !== 'offline');
  let outcome: { failed: boolean; error?: unknown } = { failed: false };
  if (wantsFetch && !reconnect) outcome = await refresh(engine);
  if (outcome.error instanceof ReconnectNeededError) {
    // Strava refused the sign-in just now: like a stored "reconnect needed", not a failed refresh.
    reconnect = new StatusProblem(describeFailure(outcome.error).message, EXIT.reconnectNeeded, 'reconnect');
    outcome = { failed: false };
  }

  const settings = engine.settings.get();
  const cache = engine.cache.read();
  if (!hasAccountData(settings, cache)) {
    if (reconnect) throw reconnect;
    if (outcome.error) throw outcome.error;
    throw new CliError(
      options.mode === 'offline'
        ? 'No cached data yet, and --offline does not fetch any. Run: pacebar status'
        : 'No data from Strava yet. Try again later.',
      EXIT.unavailable,
    );
  }
  const now = engine.clock();
  const moment = { now, utcOffsetMinutes: (at: number) => engine.utcOffsetMinutes(at) };
  if (outcome.failed && !(outcome.error instanceof AppInactiveError) && options.mode === 'refresh' && options.format === 'text') {
    io.err(`pacebar: showing cached data: ${describeFailure(outcome.error, moment).message}`);
  }
  const state = engine.viewState({
    connection: reconnect ? { kind: 'reconnect_needed' } : { kind: 'connected' },
    missingScopes: [],
    sync: syncInputs(outcome, wantsFetch ? null : cache.lastFailure),
    // The command never updates itself (npm or a checkout does): its updater is always off.
    about: { version: VERSION, update: { kind: 'off' } },
  });
  if (!state.data) throw new CliError('No data from Strava yet. Try again later.', EXIT.unavailable);
  return { engine, state: { ...state, data: state.data }, cache, fetched: wantsFetch, outcome, reconnect, moment };
}

/** After the output: the exit code for a needed sign-in, help the history along, say so when the API application is inactive. */
export async function afterOutput(ctx: Context, fetched: FetchedState, format: Format): Promise<number> {
  if (fetched.reconnect) {
    // The last figures are out, marked stale; the exit code says a sign-in is needed (waybar
    // hides a module whose command fails: it gets class "reconnect" and exit 0 instead).
    ctx.io.err(`pacebar: showing cached data: ${fetched.reconnect.message}`);
    return format === 'waybar' ? EXIT.ok : EXIT.reconnectNeeded;
  }
  // The output is out; now help the history along (the app does the same after its polls).
  if (fetched.fetched && !fetched.outcome.failed) await walkSteps(fetched.engine, CLI_WALK_STEPS);
  // Known from this run or from the cache (a status bar's next run within the hour asks nobody).
  if (fetched.state.sync.applicationInactive) {
    ctx.io.err(`pacebar: showing cached data: ${new AppInactiveError().message}`);
    // waybar hides a module whose command fails: it gets class "inactive" and exit 0 instead.
    return format === 'waybar' ? EXIT.ok : EXIT.applicationInactive;
  }
  return EXIT.ok;
}

/** waybar hides a custom module whose command exits non-zero: keep it visible, saying what to do. */
export function printWaybarFailure(io: Context['io'], error: unknown): number {
  const failure = describeFailure(error);
  const kind: ProblemKind =
    error instanceof StatusProblem
      ? error.kind
      : failure.exitCode === EXIT.notConnected
        ? 'disconnected'
        : failure.exitCode === EXIT.reconnectNeeded
          ? 'reconnect'
          : failure.exitCode === EXIT.applicationInactive
            ? 'inactive'
            : 'error';
  io.out(JSON.stringify(waybarProblem(kind, error instanceof KeychainUnavailableError ? error.message : failure.message)));
  io.err(`pacebar: ${failure.message}`);
  return EXIT.ok;
}

export async function runStatus(ctx: Context, options: { format: Format; mode: FetchMode }): Promise<number> {
  try {
    const fetched = await fetchState(ctx, options);
    const { state, cache, moment } = fetched;
    ctx.io.out(renderStatus(options.format, { state, athlete: cache.athlete, stats: cache.stats, now: moment.now, utcOffsetMinutes: moment.utcOffsetMinutes }));
    return await afterOutput(ctx, fetched, options.format);
  } catch (error) {
    if (options.format !== 'waybar') throw error;
    return printWaybarFailure(ctx.io, error);
  }
}
