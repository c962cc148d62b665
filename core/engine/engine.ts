// Pacebar's engine: everything under the Electron shell and the CLI, wired from injected parts
// (keychain backend, settings and cache stores, clock), so the same code runs in the app, the
// `pacebar` command and the tests.
import { CredentialsStore } from '../account/credentials';
import { ConnectCancelledError, NoCredentialsError, NotConnectedError, ReconnectNeededError } from '../errors';
import { systemClock, type Clock } from '../clock';
import { StravaHttp, type HttpRetry, type HttpTimeouts, type TransportFactory } from '../api/httpClient';
import { RateBudget } from '../api/rateBudget';
import { StravaApi } from '../api/stravaApi';
import { TokenVault, DEFAULT_KEYCHAIN_SERVICE } from '../keychain/tokenVault';
import type { SecretBackend } from '../keychain/secretBackend';
import { buildAuthorizeUrl } from '../oauth/authorizeUrl';
import type { ConsentRunner } from '../oauth/consentRunner';
import { matchRedirect } from '../oauth/redirectMatcher';
import { DEFAULT_SCOPES, canReadActivities, missingScopes, type MissingScope } from '../oauth/scopes';
import { TokenClient } from '../oauth/tokenClient';
import { StravaSession } from '../session/stravaSession';
import { CacheRepository } from '../store/cache';
import { SettingsRepository, type Settings, type TypedStore } from '../store/settings';
import type { StravaEndpoints } from '../strava/endpoints';
import type { Athlete } from '../strava/models';
import { machineUtcOffsetMinutes } from '../stats/weeklySummary';
import { SyncService, type SyncOptions, type SyncReport } from '../sync/syncService';
import { composeDashboardState, type StateInputs } from '../view/dashboardState';
import type { DashboardState } from '../domain';

export type ConnectionStatus = 'needs_credentials' | 'not_connected' | 'connected' | 'reconnect_needed';

export interface EngineOptions {
  endpoints: StravaEndpoints;
  secrets: SecretBackend;
  keychainService?: string;
  settingsStore: TypedStore<Settings>;
  cacheStore: TypedStore<Record<string, unknown>>;
  clock?: Clock;
  utcOffsetMinutes?: (now: number) => number;
  http?: { timeouts?: Partial<HttpTimeouts>; retry?: Partial<HttpRetry> };
  /** What sends the bytes: undici by default, Electron's net.fetch in the app. */
  transport?: TransportFactory;
  scopes?: readonly string[];
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
  readonly vault: TokenVault;
  readonly credentials: CredentialsStore;
  readonly budget: RateBudget;
  readonly endpoints: StravaEndpoints;
  private readonly http: StravaHttp;
  private readonly tokenClient: TokenClient;
  private readonly scopes: readonly string[];
  private readonly utcOffset: (now: number) => number;
  private session: StravaSession | null = null;

  constructor(options: EngineOptions) {
    this.clock = options.clock ?? systemClock;
    this.endpoints = options.endpoints;
    this.scopes = options.scopes ?? DEFAULT_SCOPES;
    this.utcOffset = options.utcOffsetMinutes ?? machineUtcOffsetMinutes;
    this.settings = new SettingsRepository(options.settingsStore);
    this.cache = new CacheRepository(options.cacheStore);
    this.vault = new TokenVault(options.secrets, options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE);
    this.credentials = new CredentialsStore(this.settings, this.vault);
    // Persisted with each sync's single cache write (see SyncService), not on every response.
    this.budget = new RateBudget(this.clock, this.cache.readRateBudget());
    this.http = new StravaHttp({ budget: this.budget, clock: this.clock, ...options.http, ...(options.transport ? { transport: options.transport } : {}) });
    this.tokenClient = new TokenClient(this.http, this.endpoints);
  }

  /** Reads the keychain; throws KeychainUnavailableError when it cannot. */
  async status(): Promise<ConnectionStatus> {
    if (!(await this.credentials.has())) return 'needs_credentials';
    const athleteId = this.settings.get().athleteId;
    if (athleteId === null) return 'not_connected';
    return (await this.vault.loadTokens(athleteId)) ? 'connected' : 'reconnect_needed';
  }

  /**
   * The one sign-in path, for the app's window and browser sign-in and for `pacebar login`: the
   * runner shows Strava's page; every redirect it sees is verified here (exact address, this
   * attempt's state); the code is exchanged and the first sync made.
   */
  async signIn(runner: ConsentRunner, options: { signal: AbortSignal }): Promise<ConnectResult> {
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

  /** Exchanges the code, stores the tokens in the keychain, then makes the first full sync. */
  private async connectWithCode(code: string, grantedScopes: readonly string[]): Promise<ConnectResult> {
    const credentials = await this.credentials.load();
    const tokens = await this.tokenClient.exchangeCode(credentials, code);
    const athlete = tokens.athlete!;
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
    }
    this.settings.update({ athleteId: athlete.id });
    this.session = null;
    let connected: Athlete = athlete;
    try {
      connected = (await this.sync({ full: true })).cache.athlete ?? athlete;
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
    const session = await this.activeSession();
    // Another process (the CLI or the app) may have spent budget since we last looked.
    const shared = this.cache.readRateBudget();
    if (shared) this.budget.observe(shared);
    const service = new SyncService({
      api: new StravaApi(this.http, this.endpoints, session),
      athleteId: session.athleteId,
      cache: this.cache,
      clock: this.clock,
      utcOffsetMinutes: this.utcOffset,
      canReadActivities: canReadActivities(await session.scopes()),
      rateSnapshot: () => this.budget.current(),
    });
    return service.sync(options);
  }

  /**
   * Revokes access at Strava (best effort: offline or already revoked still disconnects here),
   * then deletes the tokens and the cached data. The API application's credentials stay unless
   * forgetCredentials is set.
   */
  async disconnect(options: { forgetCredentials?: boolean } = {}): Promise<{ revokedAtStrava: boolean }> {
    const athleteId = this.settings.get().athleteId;
    let revokedAtStrava = false;
    if (athleteId !== null) {
      try {
        // A valid token (refreshed if it expired): Strava answers 401 to an expired one and keeps
        // the grant, which would leave Pacebar authorised while we say it was revoked.
        const accessToken = await (await this.activeSession()).accessToken();
        revokedAtStrava = await this.tokenClient.deauthorize(accessToken);
      } catch {
        revokedAtStrava = false; // offline, or the grant is already gone: disconnect here all the same
      }
      await this.vault.deleteTokens(athleteId);
    }
    this.settings.update({ athleteId: null });
    this.cache.clearAccount();
    this.session = null;
    if (options.forgetCredentials) await this.credentials.forget();
    return { revokedAtStrava };
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
      sync: { ...live.sync, rateLimitedUntil: budgetReset !== null ? new Date(budgetReset).toISOString() : null },
      now,
      utcOffsetMinutes: this.utcOffset(now),
    });
  }

  utcOffsetMinutes(now: number = this.clock()): number {
    return this.utcOffset(now);
  }

  async close(): Promise<void> {
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
    });
    return this.session;
  }
}
