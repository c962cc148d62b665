// Hands out a valid access token for the connected athlete. Refreshes when the token expires within
// five minutes and once after a 401; concurrent callers share one refresh; the rotated refresh
// token is stored before the new access token is used; a refused refresh means "reconnect needed".
import { ReconnectNeededError, UnauthorizedError } from '../errors';
import type { Clock } from '../clock';
import type { TokenVault, StoredTokens } from '../keychain/tokenVault';
import type { ClientCredentials, TokenClient } from '../oauth/tokenClient';

export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface SessionDeps {
  athleteId: number;
  vault: TokenVault;
  tokenClient: TokenClient;
  credentials: () => Promise<ClientCredentials>;
  clock: Clock;
}

export class StravaSession {
  private tokens: StoredTokens | null = null;
  /** The in-memory pair came from a refresh and is not in the keychain yet. */
  private unsaved = false;
  private refreshing: Promise<StoredTokens> | null = null;

  constructor(private readonly deps: SessionDeps) {}

  get athleteId(): number {
    return this.deps.athleteId;
  }

  /** The granted scopes of the stored record. */
  async scopes(): Promise<string[]> {
    return (await this.current()).scopes;
  }

  /** A token valid for at least REFRESH_MARGIN_MS. */
  async accessToken(): Promise<string> {
    const tokens = await this.current();
    if (this.fresh(tokens)) return tokens.accessToken;
    return (await this.refreshOnce(tokens)).accessToken;
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
        if (retryError instanceof UnauthorizedError) throw this.reconnectNeeded();
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
    if (!stored) throw new ReconnectNeededError();
    this.tokens = stored;
    return stored;
  }

  private async refreshAfterRejection(rejectedToken: string): Promise<StoredTokens> {
    const tokens = await this.current();
    // Someone else already replaced the rejected token: use theirs instead of refreshing again.
    if (tokens.accessToken !== rejectedToken && this.fresh(tokens)) return tokens;
    return this.refreshOnce(tokens);
  }

  private refreshOnce(stale: StoredTokens): Promise<StoredTokens> {
    this.refreshing ??= this.refresh(stale).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(stale: StoredTokens): Promise<StoredTokens> {
    // The CLI and the app share the record: if the other one refreshed meanwhile, adopt its tokens.
    const stored = await this.adoptable(stale);
    if (stored.accessToken !== stale.accessToken && this.fresh(stored)) return this.keep(stored);
    const credentials = await this.deps.credentials();
    let response;
    try {
      response = await this.deps.tokenClient.refresh(credentials, stored.refreshToken);
    } catch (error) {
      if (!(error instanceof ReconnectNeededError)) throw error;
      // Refused: unless another process rotated the token in the meantime, the grant is gone.
      const latest = await this.deps.vault.loadTokens(this.deps.athleteId);
      if (latest && latest.refreshToken !== stored.refreshToken && this.fresh(latest)) return this.keep(latest);
      await this.deps.vault.deleteTokens(this.deps.athleteId);
      throw this.reconnectNeeded();
    }
    const renewed: StoredTokens = {
      athleteId: stored.athleteId,
      accessToken: response.access_token,
      refreshToken: response.refresh_token,
      expiresAt: response.expires_at,
      scopes: stored.scopes,
    };
    // Persist before use: the old refresh token is already invalid at Strava. The new pair is kept
    // in memory, marked unsaved, so that if the keychain write fails (locked keyring) it is not lost:
    // every later call tries to store it again before handing out its access token.
    this.tokens = renewed;
    this.unsaved = true;
    await this.persist(renewed);
    return renewed;
  }

  private async persist(tokens: StoredTokens): Promise<void> {
    await this.deps.vault.saveTokens(tokens);
    if (this.tokens === tokens) this.unsaved = false;
  }

  private async adoptable(stale: StoredTokens): Promise<StoredTokens> {
    return (await this.deps.vault.loadTokens(this.deps.athleteId)) ?? stale;
  }

  private keep(tokens: StoredTokens): StoredTokens {
    this.tokens = tokens;
    this.unsaved = false;
    return tokens;
  }

  private reconnectNeeded(): ReconnectNeededError {
    this.tokens = null;
    this.unsaved = false;
    return new ReconnectNeededError();
  }
}
