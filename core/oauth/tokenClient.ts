// Strava's token endpoint: code exchange, refresh, revoke. Each answer is decoded and every
// failure is a typed error; request bodies (which carry secrets) never reach a message.
import {
  AppInactiveError,
  BadResponseError,
  InvalidClientError,
  InvalidCodeError,
  RateLimitedError,
  ReconnectNeededError,
  ServerError,
  TokenRequestError,
  UnauthorizedError,
  type PacebarError,
} from '../errors';
import { nextQuarterHour } from '../api/rateBudget';
import { decode, isInactive, stravaFaultSchema, tokenResponseSchema, type TokenResponse } from '../strava/models';
import type { StravaEndpoints } from '../strava/endpoints';
import type { RawResponse, StravaHttp } from '../api/httpClient';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

function faultFields(body: unknown): { resource: string; field: string; code: string }[] {
  const parsed = stravaFaultSchema.safeParse(body);
  return (parsed.success ? (parsed.data.errors ?? []) : []).map((entry) => ({
    resource: entry.resource ?? '',
    field: entry.field ?? '',
    code: entry.code ?? '',
  }));
}

/** When a 429 from the token endpoint may be retried: its Retry-After, else the next quarter hour. */
function retryAt(response: RawResponse, now: number): number {
  const raw = response.headers['retry-after'];
  const seconds = typeof raw === 'string' && /^\d{1,6}$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  return Number.isFinite(seconds) ? now + seconds * 1000 : nextQuarterHour(now);
}

function tokenError(response: RawResponse, grant: 'code' | 'refresh', now: number): PacebarError {
  if (response.status === 429) return new RateLimitedError(retryAt(response, now));
  if (response.status >= 500) return new ServerError(response.status);
  // The owner's subscription lapsed: nothing is wrong with the grant, so nothing is deleted.
  if (response.status === 403 && isInactive(response.body)) return new AppInactiveError();
  const fields = faultFields(response.body);
  const about = (resource: string, code?: string) =>
    fields.some((entry) => entry.resource === resource && (code === undefined || entry.code === code));
  if (about('Application') || response.status === 401) return new InvalidClientError();
  if (grant === 'code') return new InvalidCodeError();
  // Only Strava's own verdict on the refresh token, {"resource":"RefreshToken","field":
  // "refresh_token","code":"invalid"} (HTTP 400), means the grant is gone. Any other refusal, a
  // generic {"error":"bad_request"} from a proxy included, keeps the tokens.
  if (response.status === 400 && about('RefreshToken', 'invalid')) return new ReconnectNeededError();
  return new TokenRequestError(response.status);
}

export class TokenClient {
  constructor(
    private readonly http: StravaHttp,
    private readonly endpoints: StravaEndpoints,
    private readonly clock: () => number = Date.now,
  ) {}

  async exchangeCode(credentials: ClientCredentials, code: string): Promise<TokenResponse> {
    const response = await this.http.postForm(
      this.endpoints.token,
      { client_id: credentials.clientId, client_secret: credentials.clientSecret, code, grant_type: 'authorization_code' },
    );
    if (response.status !== 200) throw tokenError(response, 'code', this.clock());
    const tokens = decode(tokenResponseSchema, response.body, 'token response');
    if (!tokens.athlete) throw new BadResponseError('token response: athlete missing');
    return tokens;
  }

  /** Strava rotates the refresh token: the returned one replaces the old, which is invalid at once. */
  async refresh(credentials: ClientCredentials, refreshToken: string, signal?: AbortSignal): Promise<TokenResponse> {
    const response = await this.http.postForm(
      this.endpoints.token,
      {
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        refresh_token: refreshToken,
        grant_type: 'refresh_token',
      },
      signal,
    );
    if (response.status !== 200) throw tokenError(response, 'refresh', this.clock());
    return decode(tokenResponseSchema, response.body, 'token response');
  }

  /**
   * oauth/revoke, which replaces oauth/deauthorize (retired 1 June 2027): HTTP Basic client
   * authentication (RFC 6749 §2.3.1: id and secret form-urlencoded, then base64), the token and a
   * hint; revoking the refresh token revokes its access token too. True when Strava confirmed it.
   * A 400/401 about the token (already revoked or unknown) is false, not an error: the caller
   * disconnects here all the same and says Strava could not be told.
   */
  async revoke(credentials: ClientCredentials, token: string, tokenTypeHint: 'refresh_token' | 'access_token' = 'refresh_token'): Promise<boolean> {
    const basic = Buffer.from(`${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`, 'utf8').toString('base64');
    const response = await this.http.postForm(this.endpoints.revoke, { token, token_type_hint: tokenTypeHint }, undefined, { authorization: `Basic ${basic}` });
    if (response.status === 200) return true;
    if (response.status >= 500) throw new ServerError(response.status);
    if (response.status === 403 && isInactive(response.body)) throw new AppInactiveError();
    if (response.status === 401 && faultFields(response.body).some((entry) => entry.resource === 'Application')) throw new InvalidClientError();
    if (response.status === 400 || response.status === 401) return false;
    throw new UnauthorizedError();
  }
}
