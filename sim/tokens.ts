import { randomHex40 } from './random';
import type { SimClock } from './types';
import { HOUR } from './time';

export interface Grant {
  athleteId: number;
  clientId: string;
  scopes: string[];
}

interface AccessRecord extends Grant {
  token: string;
  expiresAt: number;
}

interface RefreshRecord extends Grant {
  token: string;
  accessToken: string;
}

interface CodeRecord extends Grant {
  expiresAt: number;
}

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  expires_at: number;
  expires_in: number;
}

/** Authorization codes, access tokens and refresh tokens, with Strava's lifetimes and rotation rules. */
export class TokenStore {
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();
  private readonly codes = new Map<string, CodeRecord>();
  private readonly issued = new Set<string>();

  constructor(
    private readonly clock: SimClock,
    private readonly accessTtlMs: number,
    private readonly codeTtlMs: number,
  ) {}

  private fresh(): string {
    let token = randomHex40();
    while (this.issued.has(token)) token = randomHex40();
    return token;
  }

  issueCode(grant: Grant): string {
    const code = this.fresh();
    this.codes.set(code, { ...grant, expiresAt: this.clock.now() + this.codeTtlMs });
    return code;
  }

  /** Codes are single-use and bound to the client they were issued to. */
  redeemCode(code: string, clientId: string): Grant | undefined {
    const record = this.codes.get(code);
    if (!record || record.clientId !== clientId) return undefined;
    this.codes.delete(code);
    if (this.clock.now() >= record.expiresAt) return undefined;
    return { athleteId: record.athleteId, clientId: record.clientId, scopes: record.scopes };
  }

  private newAccess(grant: Grant): AccessRecord {
    const token = this.fresh();
    this.issued.add(token);
    const record = { ...grant, token, expiresAt: this.clock.now() + this.accessTtlMs };
    this.access.set(token, record);
    return record;
  }

  private newRefresh(grant: Grant, accessToken: string): string {
    const token = this.fresh();
    this.issued.add(token);
    this.refresh.set(token, { ...grant, token, accessToken });
    return token;
  }

  private tokenSet(access: AccessRecord, refreshToken: string): TokenSet {
    return {
      access_token: access.token,
      refresh_token: refreshToken,
      expires_at: Math.floor(access.expiresAt / 1000),
      expires_in: Math.max(0, Math.round((access.expiresAt - this.clock.now()) / 1000)),
    };
  }

  issueTokens(grant: Grant): TokenSet {
    const access = this.newAccess(grant);
    return this.tokenSet(access, this.newRefresh(grant, access.token));
  }

  /**
   * Strava hands back the same access token while more than an hour is left on it, a new one (the old
   * one dies) otherwise. The refresh token always rotates here and the old one is dead at once.
   */
  refreshTokens(refreshToken: string, clientId: string): TokenSet | undefined {
    const record = this.refresh.get(refreshToken);
    if (!record || record.clientId !== clientId) return undefined;
    this.refresh.delete(refreshToken);
    const grant: Grant = { athleteId: record.athleteId, clientId: record.clientId, scopes: record.scopes };
    let access = this.access.get(record.accessToken);
    if (!access || access.expiresAt - this.clock.now() <= HOUR) {
      if (access) this.access.delete(access.token);
      access = this.newAccess(grant);
    }
    return this.tokenSet(access, this.newRefresh(grant, access.token));
  }

  validAccess(token: string | undefined): (Grant & { token: string }) | undefined {
    if (!token) return undefined;
    const record = this.access.get(token);
    if (!record || this.clock.now() >= record.expiresAt) return undefined;
    return record;
  }

  isLiveRefresh(token: string): boolean {
    return this.refresh.has(token);
  }

  /** Whether the athlete has a live grant (access or refresh token) for the client. */
  hasGrant(athleteId: number, clientId: string): boolean {
    return [...this.access.values(), ...this.refresh.values()].some((record) => record.athleteId === athleteId && record.clientId === clientId);
  }

  /**
   * oauth/revoke: `token` is an access or refresh token of `clientId`; revoking one revokes the other
   * (the athlete's whole grant for that client). False when the token is not a live one of the client.
   */
  revokeToken(token: string, clientId: string): boolean {
    const record = this.access.get(token) ?? this.refresh.get(token);
    if (!record || record.clientId !== clientId) return false;
    for (const map of [this.access, this.refresh, this.codes] as Map<string, Grant>[]) {
      for (const [key, grant] of map) if (grant.athleteId === record.athleteId && grant.clientId === clientId) map.delete(key);
    }
    return true;
  }

  revokeAthlete(athleteId: number): void {
    for (const map of [this.access, this.refresh, this.codes] as Map<string, Grant>[]) {
      for (const [key, record] of map) if (record.athleteId === athleteId) map.delete(key);
    }
  }

  expireAccessTokens(): void {
    const now = this.clock.now();
    for (const record of this.access.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  issuedTokens(): string[] {
    return [...this.issued];
  }
}
