// Pacebar's engine: everything under the Electron shell and the CLI, wired from injected parts
// (keychain backend, settings and cache stores, clock), so the same code runs in the app, the
// `pacebar` command and the tests.
import { CredentialsStore } from '../account/credentials';
import { BadResponseError, ConnectCancelledError, InvalidInputError, NoCredentialsError, NotConnectedError, ReconnectNeededError, TokensUnreadableError } from '../errors';
import { systemClock, type Clock, type Timers } from '../clock';
import { StravaHttp, type HttpRetry, type HttpTimeouts, type TransportFactory } from '../api/httpClient';
import { RateBudget } from '../api/rateBudget';
import { StravaApi } from '../api/stravaApi';
import { TokenVault, DEFAULT_KEYCHAIN_SERVICE } from '../keychain/tokenVault';
import type { SecretBackend } from '../keychain/secretBackend';
import { buildAuthorizeUrl } from '../oauth/authorizeUrl';
import type { ConsentRunner } from '../oauth/consentRunner';
import { matchRedirect } from '../oauth/redirectMatcher';
import { DEFAULT_SCOPES, historyReads, missingScopes, type MissingScope } from '../oauth/scopes';
import { TokenClient } from '../oauth/tokenClient';
import { StravaSession } from '../session/stravaSession';
import { CacheRepository } from '../store/cache';
import { processLock, type FolderLock } from '../store/folderLock';
import type { SettingsRecovery } from '../store/storeFiles';
import { SettingsRepository, type Settings, type TypedStore } from '../store/settings';
import type { StravaEndpoints } from '../strava/endpoints';
import type { Athlete } from '../strava/models';
import { machineUtcOffsetMinutes } from '../stats/weeklySummary';
import { SyncService, type SyncOptions, type SyncReport } from '../sync/syncService';
import { HistoryWalker, type StepOutcome } from '../sync/historyWalker';
import { HistoryRepository } from '../history/historyStore';
import { earliestWholeActivity } from '../stats/periods';
import { composeDashboardState, type StateInputs } from '../view/dashboardState';
import type { DashboardState, Goal, GoalInput } from '../domain';
import { withGoalAdded, withGoalRemoved } from '../goals/goalEdits';

/** tokens_unreadable: the keychain holds a record for the athlete that does not decode. */
export type ConnectionStatus = 'needs_credentials' | 'not_connected' | 'connected' | 'reconnect_needed' | 'tokens_unreadable';

export interface EngineOptions {
  endpoints: StravaEndpoints;
  secrets: SecretBackend;
  keychainService?: string;
  settingsStore: TypedStore<Settings>;
  cacheStore: TypedStore<Record<string, unknown>>;
  /** The activity history (history.json beside settings and cache). */
  history: HistoryRepository;
  clock?: Clock;
  utcOffsetMinutes?: (now: number) => number;
  http?: { timeouts?: Partial<HttpTimeouts>; retry?: Partial<HttpRetry>; timers?: Timers };
  /** What sends the bytes: createEngine's choice (undici with the environment's proxy in the CLI, net.fetch in the app). */
  transport: TransportFactory;
  scopes?: readonly string[];
  /** One token refresh at a time across processes (a lock in the settings folder); in-process by default. */
  lock?: FolderLock;
  /** Settings rebuilt from a damaged file, waiting for what the keychain knows. */
  recovery?: SettingsRecovery;
  /** Where a damaged settings file was moved at this start, if it was. */
  damagedSettingsFile?: string | null;
}

interface PendingAuthorization {
  url: string;
  state: string;
  redirectUri: string;
}

export interface ConnectResult {
  athlete: Athlete;
  scopes: string[];
  missing: MissingScope[];
}

export class PacebarEngine {
  readonly clock: Clock;
  readonly settings: SettingsRepository;
  readonly cache: CacheRepository;
  readonly history: HistoryRepository;
  readonly vault: TokenVault;
  readonly credentials: CredentialsStore;
  readonly budget: RateBudget;
  readonly endpoints: StravaEndpoints;
  private readonly http: StravaHttp;
  private readonly tokenClient: TokenClient;
  private readonly scopes: readonly string[];
  private readonly utcOffset: (now: number) => number;
  private readonly lock: FolderLock;
  private readonly recovery: SettingsRecovery | null;
  /** Where a damaged settings file was moved at this start (the CLI and the app say so once). */
  readonly damagedSettingsFile: string | null;
  /** The history walk step under way, if any, and whether close() was called. */
  private stepping: Promise<StepOutcome> | null = null;
  private closed = false;
  private session: StravaSession | null = null;

  constructor(options: EngineOptions) {
    this.clock = options.clock ?? systemClock;
    this.endpoints = options.endpoints;
    this.scopes = options.scopes ?? DEFAULT_SCOPES;
    this.utcOffset = options.utcOffsetMinutes ?? machineUtcOffsetMinutes;
    this.settings = new SettingsRepository(options.settingsStore);
    this.cache = new CacheRepository(options.cacheStore, this.clock);
    this.lock = options.lock ?? processLock();
    this.recovery = options.recovery ?? null;
    this.damagedSettingsFile = options.damagedSettingsFile ?? null;
    this.history = options.history;
    this.vault = new TokenVault(options.secrets, options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE);
    this.credentials = new CredentialsStore(this.settings, this.vault);
    // Persisted with each sync's single cache write (see SyncService), not on every response.
    this.budget = new RateBudget(this.clock, this.cache.readRateBudget());
    this.http = new StravaHttp({ budget: this.budget, clock: this.clock, ...options.http, transport: options.transport });
    this.tokenClient = new TokenClient(this.http, this.endpoints, this.clock);
  }

  /**
   * After a damaged settings file: the keychain still names the API application (its secret's
   * record is `client-secret:ID`) and the athlete (`athlete:ID`). Adopted when unambiguous; until
   * the keychain can be read (unlocked), the marker stays and this runs again next time.
   */
  private async recovered(): Promise<void> {
    if (!this.recovery?.pending()) return;
    const { clientIds, athleteIds } = await this.vault.records();
    const settings = this.settings.get();
    const patch: Partial<Settings> = {};
    if (settings.clientId === null && clientIds.length === 1) patch.clientId = clientIds[0]!;
    if (settings.athleteId === null && athleteIds.length === 1) patch.athleteId = athleteIds[0]!;
    if (Object.keys(patch).length > 0) this.settings.update(patch);
    this.recovery.done();
  }

  /** Reads the keychain; throws KeychainUnavailableError when it cannot (a locked keyring included). */
  async status(): Promise<ConnectionStatus> {
    await this.recovered();
    if (!(await this.credentials.has())) return 'needs_credentials';
    const athleteId = this.settings.get().athleteId;
    if (athleteId === null) return 'not_connected';
    let stored;
    try {
      stored = await this.vault.loadTokens(athleteId);
    } catch (error) {
      if (error instanceof TokensUnreadableError) return 'tokens_unreadable';
      throw error;
    }
    // A record this process found dead is no connection; one another process stored since is.
    return stored && !this.session?.isRefused(stored) ? 'connected' : 'reconnect_needed';
  }

  /**
   * The one sign-in path, for the app's window and browser sign-in and for `pacebar login`: the
   * runner shows Strava's page; every redirect it sees is verified here (exact address, this
   * attempt's state); the code is exchanged and the first sync made.
   */
  async signIn(runner: ConsentRunner, options: { signal: AbortSignal }): Promise<ConnectResult> {
    await this.recovered();
    // No API application: say so before any window, listener or browser appears.
    await this.credentials.load();
    // Someone fixing missing permissions must see Strava's page again to tick the boxes.
    const approvalPrompt = (await this.missingScopes()).length > 0 ? 'force' : 'auto';
    const prepared = await runner.prepare();
    try {
      // Cancelled while the keychain was read or the window or listener was made ready.
      if (options.signal.aborted) throw new ConnectCancelledError();
      const { url, state, redirectUri } = this.beginAuthorization(prepared.redirectUri, approvalPrompt);
      const { code, scopes } = await prepared.run(url, (candidate) => matchRedirect(redirectUri, candidate, state), options.signal);
      return await this.connectWithCode(code, scopes);
    } finally {
      prepared.dispose();
    }
  }

  /** A consent URL with a fresh state, and the state its redirect must carry. */
  private beginAuthorization(redirectUri: string, approvalPrompt: 'auto' | 'force'): PendingAuthorization {
    const clientId = this.settings.get().clientId;
    if (!clientId) throw new NoCredentialsError();
    const { url, state } = buildAuthorizeUrl({
      authorizeEndpoint: this.endpoints.authorize,
      clientId,
      redirectUri,
      scopes: this.scopes,
      approvalPrompt,
    });
    return { url, state, redirectUri };
  }

  /**
   * Exchanges the code, asks the API who the new token belongs to (nothing is replaced unless both
   * name the same athlete), stores the tokens in the keychain, then makes the first full sync
   * (which reuses that answer: a connect stays at four requests).
   */
  private async connectWithCode(code: string, grantedScopes: readonly string[]): Promise<ConnectResult> {
    const credentials = await this.credentials.load();
    const tokens = await this.tokenClient.exchangeCode(credentials, code);
    const verified = await new StravaApi(this.http, this.endpoints, { withToken: (call) => call(tokens.access_token) }, this.clock).athlete();
    if (verified.id !== tokens.athlete!.id) {
      throw new BadResponseError("the sign-in and Strava's API named different athletes; nothing was changed");
    }
    const athlete = verified;
    const scopes = grantedScopes.length > 0 ? [...grantedScopes] : [...this.scopes];
    const previous = this.settings.get().athleteId;
    await this.vault.saveTokens({
      athleteId: athlete.id,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: tokens.expires_at,
      scopes,
    });
    if (previous !== null && previous !== athlete.id) {
      await this.vault.deleteTokens(previous);
      this.cache.clearAccount();
      await this.history.clear();
    }
    this.settings.update({ athleteId: athlete.id });
    this.session = null;
    let connected: Athlete = athlete;
    try {
      connected = (await this.sync({ full: true, athlete })).cache.athlete ?? athlete;
    } catch {
      // Connected all the same: the first sync's failure is in the cache and the UI shows it.
    }
    return { athlete: connected, scopes, missing: missingScopes(scopes, this.scopes) };
  }

  async grantedScopes(): Promise<string[]> {
    const athleteId = this.settings.get().athleteId;
    if (athleteId === null) return [];
    return (await this.vault.loadTokens(athleteId))?.scopes ?? [];
  }

  async missingScopes(): Promise<MissingScope[]> {
    if ((await this.status()) !== 'connected') return [];
    return missingScopes(await this.grantedScopes(), this.scopes);
  }

  /** One poll of Strava into the cache (see SyncService for what it asks and when). */
  async sync(options: SyncOptions = {}): Promise<SyncReport> {
    await this.recovered();
    const session = await this.activeSession();
    this.adoptSharedBudget();
    const service = new SyncService({
      api: new StravaApi(this.http, this.endpoints, session, this.clock),
      athleteId: session.athleteId,
      cache: this.cache,
      history: this.history,
      clock: this.clock,
      utcOffsetMinutes: this.utcOffset,
      reads: historyReads(await session.scopes()),
      rateSnapshot: () => this.budget.current(),
    });
    return service.sync(options);
  }

  /**
   * One step of the history's walks (backfill, daily re-read, weekly rescan): at most one request,
   * within the walks' share of the rate budget. The app's BackfillScheduler and `pacebar status`
   * call it after a poll; see HistoryWalker.
   */
  async historyStep(): Promise<StepOutcome> {
    // A closed engine takes no more steps; close() waits for the one under way.
    if (this.closed) return { status: 'idle', dueAt: null };
    const step = this.takeHistoryStep();
    this.stepping = step;
    try {
      return await step;
    } finally {
      if (this.stepping === step) this.stepping = null;
    }
  }

  private async takeHistoryStep(): Promise<StepOutcome> {
    const session = await this.activeSession();
    this.adoptSharedBudget();
    const walker = new HistoryWalker({
      api: new StravaApi(this.http, this.endpoints, session, this.clock),
      history: this.history,
      budget: this.budget,
      clock: this.clock,
      utcOffsetMinutes: this.utcOffset,
      reads: historyReads(await session.scopes()),
      shareBudget: () => void this.cache.write({ rateBudget: this.budget.current() }),
    });
    return walker.step();
  }

  /** Another process (the CLI or the app) may have spent budget since we last looked. */
  private adoptSharedBudget(): void {
    const shared = this.cache.readRateBudget();
    if (shared) this.budget.observe(shared);
  }

  /**
   * Revokes access at Strava with oauth/revoke (best effort: offline, inactive or already revoked
   * still disconnects here),
   * then deletes the tokens and the cached data. The API application's credentials stay unless
   * forgetCredentials is set.
   */
  async disconnect(options: { forgetCredentials?: boolean } = {}): Promise<{ revokedAtStrava: boolean }> {
    await this.recovered();
    const athleteId = this.settings.get().athleteId;
    let revokedAtStrava = false;
    // Nothing is revoked or deleted unless every step after can be done: the settings folder takes
    // writes (settings and cache rewritten as they are) and the keychain is unlocked. A step that
    // still fails later leaves an explained state (tokens gone, settings still naming the athlete:
    // "reconnect needed"), never tokens deleted behind a "connected".
    this.settings.update({});
    this.cache.write({});
    if (athleteId !== null) await this.vault.loadTokens(athleteId).catch((error: unknown) => {
      if (!(error instanceof TokensUnreadableError)) throw error;
    });
    else await this.vault.assertWritable();
    if (athleteId !== null) {
      try {
        // oauth/revoke with the refresh token (no refresh first: it stays valid when the access token
        // has expired), which revokes its access token too; deauthorize is retired on 1 June 2027.
        const tokens = await this.vault.loadTokens(athleteId);
        if (tokens) revokedAtStrava = await this.tokenClient.revoke(await this.credentials.load(), tokens.refreshToken, 'refresh_token');
      } catch {
        revokedAtStrava = false; // offline, or the grant is already gone: disconnect here all the same
      }
      await this.vault.deleteTokens(athleteId);
    }
    this.settings.update({ athleteId: null });
    this.cache.clearAccount();
    await this.history.clear();
    this.session = null;
    if (options.forgetCredentials) await this.credentials.forget();
    return { revokedAtStrava };
  }

  /** Adds a goal (settings, shared by the app and the command); an invalid one changes nothing. */
  addGoal(input: GoalInput): Goal {
    this.refuseGoalEditsOverUnreadable();
    const { goals, added } = withGoalAdded(this.settings.get().goals, input);
    this.settings.update({ goals });
    return added;
  }

  /** Removes goal `id`; an unknown id changes nothing. Its notification record goes too: a goal given the id later starts afresh. */
  removeGoal(id: number): void {
    this.refuseGoalEditsOverUnreadable();
    const { goals, notified } = this.settings.get();
    const goalReached = Object.fromEntries(Object.entries(notified.goalReached).filter(([key]) => key !== String(id)));
    this.settings.update({ goals: withGoalRemoved(goals, id), notified: { ...notified, goalReached } });
  }

  /**
   * Refuses a goal as addGoal would (unreadable goals stored, too many, an invalid target) and
   * writes nothing: `pacebar goals add` checks on the read-only engine before opening the settings
   * for writing.
   */
  checkGoalToAdd(input: GoalInput): void {
    this.refuseGoalEditsOverUnreadable();
    withGoalAdded(this.settings.get().goals, input);
  }

  /** Refuses as removeGoal would (unreadable goals stored, an unknown id), writing nothing. */
  checkGoalToRemove(id: number): void {
    this.refuseGoalEditsOverUnreadable();
    withGoalRemoved(this.settings.get().goals, id);
  }

  /** Writing the goals back would drop stored ones Pacebar cannot read: refuse, saying where they are. */
  private refuseGoalEditsOverUnreadable(): void {
    const unreadable = this.settings.unreadableGoals();
    if (unreadable > 0) {
      throw new InvalidInputError(
        `The settings file holds ${unreadable === 1 ? 'a goal' : `${unreadable} goals`} Pacebar cannot read (edited by hand, or by a newer Pacebar); nothing was changed. Fix or delete ${unreadable === 1 ? 'it' : 'them'} under "goals" in settings.json.`,
      );
    }
  }

  /**
   * The one view model, from what is stored (settings, cache, rate budget) and what the caller
   * knows live (connection, a refresh under way or just failed). Tray, dashboard and CLI render it.
   */
  viewState(live: Pick<StateInputs, 'connection' | 'missingScopes' | 'sync' | 'loading' | 'desktop' | 'about'>): DashboardState {
    const now = this.clock();
    const budgetReset = this.budget.blockedUntil();
    return composeDashboardState({
      ...live,
      settings: this.settings.get(),
      cache: this.cache.read(),
      history: this.history.readDigest(earliestWholeActivity({ now, utcOffsetMinutes: this.utcOffset(now) })),
      sync: { ...live.sync, rateLimitedUntil: budgetReset !== null ? new Date(budgetReset).toISOString() : null },
      now,
      utcOffsetMinutes: this.utcOffset(now),
    });
  }

  utcOffsetMinutes(now: number = this.clock()): number {
    return this.utcOffset(now);
  }

  /** Ends every Strava request in flight (and a refresh waiting on one): Disconnect never waits for a stuck one. */
  cancelRequests(): void {
    this.http.cancelAll();
  }

  async close(): Promise<void> {
    this.closed = true;
    // A walk step in the background (the app's scheduler) writes the history when its page arrives.
    await this.stepping?.catch(() => undefined);
    await this.http.close();
  }

  private async activeSession(): Promise<StravaSession> {
    const athleteId = this.settings.get().athleteId;
    if (athleteId === null) throw new NotConnectedError();
    if (this.session?.athleteId === athleteId) return this.session;
    if (!(await this.vault.loadTokens(athleteId))) throw new ReconnectNeededError();
    this.session = new StravaSession({
      athleteId,
      vault: this.vault,
      tokenClient: this.tokenClient,
      credentials: () => this.credentials.load(),
      clock: this.clock,
      lock: this.lock,
      cancelled: () => this.http.signal,
    });
    return this.session;
  }
}
