// The app's brain, free of Electron: connection state, sign-in attempts, refreshes and settings,
// published as one DashboardState. The tray, the dashboard window and the tests all drive this.
import type {
  ActionResult,
  ConnectionView,
  CredentialsInput,
  DashboardState,
  DesktopView,
  GoalInput,
  SettingsPatch,
  SignInMethod,
  UpdateView,
} from '../domain';
import {
  AppInactiveError,
  BrowserSignInNeededError,
  KeychainUnavailableError,
  NetworkError,
  RateLimitedError,
  ReconnectNeededError,
  TimeoutError,
  TokensUnreadableError,
  describeError,
} from '../errors';
import type { PacebarEngine } from '../engine/engine';
import type { ConsentRunner } from '../oauth/consentRunner';
import type { SyncInputs } from '../view/dashboardState';
import { BackfillScheduler } from './backfillScheduler';
import type { SchedulerTimers } from './refreshScheduler';

export interface ControllerDeps {
  engine: PacebarEngine;
  consent: Record<SignInMethod, ConsentRunner>;
  /** Called with every new state (the dashboard window and the tray subscribe). */
  onStateChanged?: (state: DashboardState) => void;
  /** The connection was lost and the user must reconnect (a desktop notification). */
  onReconnectNeeded?: () => void;
  /** What the desktop offers (login items, a visible tray icon); the CLI has no desktop. */
  desktop?: () => DesktopView;
  /** Pacebar's version as the app reports it (package.json); '0.0.0-dev' when left out (tests, benchmarks). */
  version?: string;
  /** Timers of the history's walk steps (tests use fake ones). */
  timers?: SchedulerTimers;
}

/** 'inactive': Strava answered "Application Status Inactive" (the scheduler then waits an hour). */
export type RefreshOutcome = 'ok' | 'offline' | 'rate_limited' | 'inactive' | 'failed' | 'skipped';

const ok: ActionResult = { ok: true };
const failure = (error: unknown): ActionResult => ({ ok: false, message: describeError(error) });

export class PacebarController {
  private connection: ConnectionView = { kind: 'not_connected' };
  /** The last connection state that is not 'connecting': where a failed or cancelled attempt returns. */
  private settled: ConnectionView = { kind: 'not_connected' };
  /** Set while disconnecting: a refresh still running must not turn the revocation into an alarm. */
  private disconnecting = false;
  private sync: SyncInputs = { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null };
  private missing: DashboardState['missingScopes'] = [];
  private loading = true;
  /** What main's updater last reported; 'off' until it says otherwise (and for good in the demo). */
  private update: UpdateView = { kind: 'off' };
  private attempt: AbortController | null = null;
  private refreshing: Promise<RefreshOutcome> | null = null;
  private listeners = new Set<(state: DashboardState) => void>();
  /** The history's walks (backfill, daily re-read, weekly rescan), stepped after every poll. */
  private readonly backfill: BackfillScheduler;

  constructor(private readonly deps: ControllerDeps) {
    if (deps.onStateChanged) this.listeners.add(deps.onStateChanged);
    this.backfill = new BackfillScheduler({
      step: () => deps.engine.historyStep(),
      onStepped: () => this.publish(),
      clock: deps.engine.clock,
      ...(deps.timers ? { timers: deps.timers } : {}),
    });
  }

  /** Stops the walks (the app is quitting). */
  dispose(): Promise<void> {
    return this.backfill.stop();
  }

  subscribe(listener: (state: DashboardState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the keychain once to learn where we stand. */
  async init(): Promise<void> {
    try {
      await this.reloadConnection();
    } finally {
      // Even when the state cannot be read, the dashboard must not wait forever.
      this.loading = false;
    }
    this.publish();
  }

  state(): DashboardState {
    return this.deps.engine.viewState({
      connection: this.connection,
      missingScopes: this.missing,
      sync: this.sync,
      loading: this.loading,
      desktop: this.deps.desktop?.(),
      about: { version: this.deps.version ?? '0.0.0-dev', update: this.update },
    });
  }

  /** What the desktop offers changed (a tray host appeared or left): publish it. */
  desktopChanged(): void {
    this.publish();
  }

  /** The updater's news, published with everything else so every surface shows the same. */
  setUpdate(update: UpdateView): void {
    this.update = update;
    this.publish();
  }

  saveCredentials(input: CredentialsInput): Promise<ActionResult> {
    return this.act(async () => {
      await this.deps.engine.credentials.save(input.clientId, input.clientSecret);
      await this.reloadConnection();
    });
  }

  /** One sign-in attempt at a time; a new one cancels the previous. */
  connect(method: SignInMethod): Promise<ActionResult> {
    return this.signIn(method);
  }

  /** notice: why this attempt was started by Pacebar itself (shown while connecting). */
  private async signIn(method: SignInMethod, notice?: string): Promise<ActionResult> {
    this.attempt?.abort();
    const attempt = new AbortController();
    this.attempt = attempt;
    // Where to return if this attempt fails: the state before any attempt (one may be running).
    const before = this.settled;
    this.setConnection(notice ? { kind: 'connecting', method, notice } : { kind: 'connecting', method });
    this.publish();
    try {
      await this.deps.engine.signIn(this.deps.consent[method], { signal: attempt.signal });
      this.deps.engine.settings.update({ signInMethod: method });
      await this.reloadConnection();
      this.backfill.kick();
      this.sync = { ...this.sync, offline: false, lastError: this.deps.engine.cache.read().lastFailure?.message ?? null };
      return ok;
    } catch (error) {
      // Google, Apple or Facebook on Strava's page: they refuse app windows, the browser works.
      if (error instanceof BrowserSignInNeededError && this.attempt === attempt) return await this.signIn('browser', error.message);
      // No half-connected state: whatever failed, we are where we were before the attempt.
      if (this.attempt === attempt) this.setConnection(before);
      this.noteKeychain(error);
      return failure(error);
    } finally {
      if (this.attempt === attempt) this.attempt = null;
      this.publish();
    }
  }

  cancelConnect(): ActionResult {
    this.attempt?.abort();
    return ok;
  }

  disconnect(): Promise<ActionResult> {
    return this.act(async () => {
      this.attempt?.abort();
      this.disconnecting = true;
      try {
        // A running refresh or walk step must not write tokens, cache or history after we delete
        // them: end its requests (a stuck one too), let it settle, then disconnect.
        this.deps.engine.cancelRequests();
        await this.refreshing;
        await this.backfill.stop();
        await this.deps.engine.disconnect();
      } finally {
        this.disconnecting = false;
      }
      this.sync = { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null };
      await this.reloadConnection();
    });
  }

  /** Never overlaps itself: a second call while one runs shares its outcome. */
  refresh(options: { full?: boolean } = {}): Promise<RefreshOutcome> {
    this.refreshing ??= this.runRefresh(options).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  async refreshAction(): Promise<ActionResult> {
    const outcome = await this.refresh();
    return outcome === 'ok' || outcome === 'skipped' || !this.sync.lastError ? ok : { ok: false, message: this.sync.lastError };
  }

  async updateSettings(patch: SettingsPatch): Promise<ActionResult> {
    try {
      this.deps.engine.settings.update(patch);
      return ok;
    } catch {
      return { ok: false, message: 'That setting was not accepted; nothing was changed.' };
    } finally {
      this.publish();
    }
  }

  /** Goals are settings too: a refused one (the rule, too many) changes nothing and says why in one line. */
  addGoal(input: GoalInput): ActionResult {
    return this.edit(() => this.deps.engine.addGoal(input));
  }

  removeGoal(goalId: number): ActionResult {
    return this.edit(() => this.deps.engine.removeGoal(goalId));
  }

  private edit(change: () => unknown): ActionResult {
    try {
      change();
      return ok;
    } catch (error) {
      return failure(error);
    } finally {
      this.publish();
    }
  }

  /** strava.com's page of an activity in the connected athlete's history, or null for any other id. */
  activityUrl(activityId: number): string | null {
    const athleteId = this.deps.engine.settings.get().athleteId;
    const history = this.deps.engine.history.read();
    if (athleteId === null || history.athleteId !== athleteId || !history.activities.some((record) => record.id === activityId)) return null;
    return `https://www.strava.com/activities/${activityId}`;
  }

  athleteProfileUrl(): string | null {
    const athleteId = this.deps.engine.settings.get().athleteId;
    return athleteId === null ? null : `https://www.strava.com/athletes/${athleteId}`;
  }

  /** Runs a user action: a failure becomes a one-line message; the new state is published either way. */
  private async act(work: () => Promise<void>): Promise<ActionResult> {
    try {
      await work();
      return ok;
    } catch (error) {
      this.noteKeychain(error);
      return failure(error);
    } finally {
      this.publish();
    }
  }

  private async runRefresh(options: { full?: boolean }): Promise<RefreshOutcome> {
    // A poll (timer, "Refresh now") while the disconnect revokes and deletes would write the athlete's
    // data back after it was deleted.
    if (this.disconnecting) return 'skipped';
    // "Try again" after an unlocked keyring, and "reconnect needed" while another process (the
    // `pacebar` command) may have stored a live sign-in since: look at the keychain again first.
    if (this.connection.kind === 'keychain_unavailable' || this.connection.kind === 'reconnect_needed') {
      await this.reloadConnection();
      this.publish();
    }
    if (this.connection.kind !== 'connected') return 'skipped';
    this.sync = { ...this.sync, refreshing: true };
    this.publish();
    try {
      await this.deps.engine.sync(options);
      this.sync = { ...this.sync, offline: false, lastError: null };
      this.backfill.kick();
      return 'ok';
    } catch (error) {
      const offline = error instanceof NetworkError || error instanceof TimeoutError;
      this.sync = { ...this.sync, offline, lastError: describeError(error) };
      if (error instanceof ReconnectNeededError && !this.disconnecting) {
        this.setConnection(error instanceof TokensUnreadableError ? { kind: 'reconnect_needed', detail: error.message } : { kind: 'reconnect_needed' });
        this.missing = [];
        this.deps.onReconnectNeeded?.();
      }
      this.noteKeychain(error);
      if (offline) return 'offline';
      if (error instanceof RateLimitedError) return 'rate_limited';
      if (error instanceof AppInactiveError) return 'inactive';
      return 'failed';
    } finally {
      this.sync = { ...this.sync, refreshing: false };
      this.publish();
    }
  }

  private async reloadConnection(): Promise<void> {
    try {
      const status = await this.deps.engine.status();
      this.setConnection(
        status === 'tokens_unreadable'
          ? { kind: 'reconnect_needed', detail: new TokensUnreadableError().message }
          : status === 'connected'
            ? { kind: 'connected' }
            : { kind: status },
      );
      this.missing = status === 'connected' ? await this.deps.engine.missingScopes() : [];
    } catch (error) {
      if (!this.noteKeychain(error)) throw error;
    }
  }

  private noteKeychain(error: unknown): boolean {
    if (!(error instanceof KeychainUnavailableError)) return false;
    this.setConnection({ kind: 'keychain_unavailable', detail: error.message });
    return true;
  }

  private setConnection(view: ConnectionView): void {
    this.connection = view;
    if (view.kind !== 'connecting') this.settled = view;
  }

  private publish(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}
