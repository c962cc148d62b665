// Hands out a valid access token for the connected athlete. Refreshes when the token expires within
// five minutes and once after a 401; concurrent callers share one refresh, and across processes
// (the app and any number of `pacebar` commands) one refresh runs at a time under a lock in the
// settings folder: whoever comes second reads the keychain afresh and adopts the stored pair.
// Strava invalidates a refresh token the moment it rotates it, so the rotated pair is stored
// before its access token is used, the keychain is proven writable before a token is spent, and
// "reconnect needed" is decided only under the lock, on a fresh read.
import { PacebarError, ReconnectNeededError, TimeoutError, UnauthorizedError } from '../errors';
import type { Clock } from '../clock';
import type { TokenVault, StoredTokens } from '../keychain/tokenVault';
import type { ClientCredentials, TokenClient } from '../oauth/tokenClient';
import type { FolderLock } from '../store/folderLock';

export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** The shared refresh (waiting for the lock, the keychain, the token endpoint) gives up after this. */
export const REFRESH_DEADLINE_MS = 40_000;
/** The lock's name in the settings folder. */
export const REFRESH_LOCK = 'token-refresh';

/** Answers after which the refresh token was certainly not spent (Strava said no before rotating). */
// app_inactive: "Application Status Inactive" (the owner's subscription lapsed) refuses before rotating.
const NOT_SPENT: ReadonlySet<string> = new Set(['server', 'invalid_client', 'token_refused', 'rate_limited', 'app_inactive']);

export interface SessionDeps {
  athleteId: number;
  vault: TokenVault;
  tokenClient: Pick<TokenClient, 'refresh'>;
  credentials: () => Promise<ClientCredentials>;
  clock: Clock;
  /** One refresh at a time across processes. */
  lock: FolderLock;
  refreshDeadlineMs?: number;
  /** Aborts a refresh under way, the wait for the lock included (a disconnect). */
  cancelled?: () => AbortSignal;
}

export class StravaSession {
  private tokens: StoredTokens | null = null;
  /** The in-memory pair came from a refresh and is not in the keychain yet. */
  private unsaved = false;
  private refreshing: Promise<StoredTokens> | null = null;
  /** The refresh token of a record found dead: never sent again, and never taken for a live one. */
  private refused: string | null = null;

  constructor(private readonly deps: SessionDeps) {}

  get athleteId(): number {
    return this.deps.athleteId;
  }

  /** The granted scopes of the stored record. */
  async scopes(): Promise<string[]> {
    return (await this.current()).scopes;
  }

  /** Whether `record` is the one this session found dead (another process may since have stored a live one). */
  isRefused(record: StoredTokens): boolean {
    return this.refused !== null && record.refreshToken === this.refused;
  }

  /** A token valid for at least REFRESH_MARGIN_MS. */
  async accessToken(): Promise<string> {
    const tokens = await this.current();
    if (this.fresh(tokens)) return tokens.accessToken;
    return (await this.refreshOnce(tokens, 'expiring')).accessToken;
  }

  /**
   * Runs `call` with a valid token; on a 401, refreshes once (shared with concurrent callers) and
   * retries once. A second 401 right after a refresh means Strava no longer accepts this app.
   */
  async withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
      const renewed = await this.refreshAfterRejection(token);
      try {
        return await call(renewed.accessToken);
      } catch (retryError) {
        if (retryError instanceof UnauthorizedError) throw this.reconnectNeeded(renewed);
        throw retryError;
      }
    }
  }

  private fresh(tokens: StoredTokens): boolean {
    return tokens.expiresAt * 1000 - this.deps.clock() > REFRESH_MARGIN_MS;
  }

  private async current(): Promise<StoredTokens> {
    if (this.tokens) {
      // A rotated pair the keychain has not taken yet is never used before it is stored.
      if (this.unsaved) await this.persist(this.tokens);
      return this.tokens;
    }
    const stored = await this.deps.vault.loadTokens(this.deps.athleteId);
    if (!stored || this.isRefused(stored)) throw new ReconnectNeededError();
    this.tokens = stored;
    return stored;
  }

  private async refreshAfterRejection(rejectedToken: string): Promise<StoredTokens> {
    const tokens = await this.current();
    // Someone else already replaced the rejected token: use theirs instead of refreshing again.
    if (tokens.accessToken !== rejectedToken && this.fresh(tokens)) return tokens;
    return this.refreshOnce(tokens, 'rejected');
  }

  private refreshOnce(stale: StoredTokens, why: 'expiring' | 'rejected'): Promise<StoredTokens> {
    this.refreshing ??= this.refreshWithin(stale, why).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** The whole refresh, lock wait included, within the deadline; every waiting caller is freed by it. */
  private async refreshWithin(stale: StoredTokens, why: 'expiring' | 'rejected'): Promise<StoredTokens> {
    const deadline = new AbortController();
    let expire!: () => void;
    const expired = new Promise<never>((_resolve, reject) => {
      expire = () => reject(new TimeoutError());
    });
    expired.catch(() => {});
    const timer = setTimeout(() => {
      deadline.abort(new TimeoutError());
      expire();
    }, this.deps.refreshDeadlineMs ?? REFRESH_DEADLINE_MS);
    const cancelled = this.deps.cancelled?.();
    const onCancel = () => {
      deadline.abort(new TimeoutError());
      expire();
    };
    if (cancelled?.aborted) onCancel();
    cancelled?.addEventListener('abort', onCancel, { once: true });
    try {
      const work = this.deps.lock.withLock(REFRESH_LOCK, () => this.refreshLocked(stale, why, deadline.signal), deadline.signal);
      // Past the deadline the callers go; the work, if a step ignored the signal, ends on its own.
      work.catch(() => {});
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
      cancelled?.removeEventListener('abort', onCancel);
    }
  }

  /** Runs holding the refresh lock: nobody else is rotating this athlete's token meanwhile. */
  private async refreshLocked(stale: StoredTokens, why: 'expiring' | 'rejected', signal: AbortSignal): Promise<StoredTokens> {
    const { vault, athleteId } = this.deps;
    const stored = await vault.loadTokens(athleteId);
    // Gone under the lock: a logout, or a holder before us that found the grant dead.
    if (!stored) throw this.reconnectNeeded(null);
    if (this.adoptable(stored, stale, why)) return this.keep(stored);
    if (this.isRefused(stored)) throw this.reconnectNeeded(stored);

    // Before the token is spent: the keychain must take the pair that comes back. Writing the record
    // with the time of sending proves it (a locked or full keyring fails here, nothing spent) and
    // leaves a note should the answer never be stored.
    const sending: StoredTokens = { ...stored, rotationSentAt: Math.max(1, Math.floor(this.deps.clock() / 1000)) };
    await vault.saveTokens(sending);
    const credentials = await this.deps.credentials();
    let response;
    try {
      response = await this.deps.tokenClient.refresh(credentials, stored.refreshToken, signal);
    } catch (error) {
      if (error instanceof ReconnectNeededError) return this.refusedRefresh(stored);
      // Strava said no before rotating anything: the note would be wrong, take it back.
      if (error instanceof PacebarError && NOT_SPENT.has(error.code)) await vault.saveTokens(stored).catch(() => {});
      throw error;
    }
    const renewed: StoredTokens = {
      athleteId: stored.athleteId,
      accessToken: response.access_token,
      refreshToken: response.refresh_token,
      expiresAt: response.expires_at,
      scopes: stored.scopes,
    };
    // Persist before use: the old refresh token is already invalid at Strava. If the keychain write
    // still fails (it took the note a moment ago, so rarely), the pair is kept in memory, marked
    // unsaved: every later call tries to store it again before handing out its access token.
    this.tokens = renewed;
    this.unsaved = true;
    await this.persist(renewed);
    return renewed;
  }

  /** Strava refused the refresh token we read under the lock. */
  private async refusedRefresh(stored: StoredTokens): Promise<StoredTokens> {
    const { vault, athleteId } = this.deps;
    const latest = await vault.loadTokens(athleteId);
    // Changed while we asked (a writer outside the lock, e.g. a sign-in): use theirs, judge nothing.
    if (latest && latest.refreshToken !== stored.refreshToken) return this.keep(latest);
    // An earlier refresh of this very token was sent and its answer never stored: the refusal may be
    // the echo of that refresh, not a revoked grant. Reconnecting is still needed here, but the
    // record is kept (a process still holding the unsaved pair may yet store it).
    if (stored.rotationSentAt === undefined && latest) await vault.deleteTokens(athleteId);
    else if (latest) await vault.saveTokens(stored).catch(() => {});
    throw this.reconnectNeeded(stored);
  }

  /** Another process already stored a pair we can use instead of refreshing. */
  private adoptable(stored: StoredTokens, stale: StoredTokens, why: 'expiring' | 'rejected'): boolean {
    if (!this.fresh(stored) || this.isRefused(stored)) return false;
    // After a 401 only another access token helps; before expiry, any newer rotation does.
    if (why === 'rejected') return stored.accessToken !== stale.accessToken;
    return stored.accessToken !== stale.accessToken || stored.refreshToken !== stale.refreshToken;
  }

  private async persist(tokens: StoredTokens): Promise<void> {
    await this.deps.vault.saveTokens(tokens);
    if (this.tokens === tokens) this.unsaved = false;
  }

  private keep(tokens: StoredTokens): StoredTokens {
    this.tokens = tokens;
    this.unsaved = false;
    return tokens;
  }

  private reconnectNeeded(dead: StoredTokens | null): ReconnectNeededError {
    this.tokens = null;
    this.unsaved = false;
    if (dead) this.refused = dead.refreshToken;
    return new ReconnectNeededError();
  }
}
