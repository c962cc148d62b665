// Hostile answers (issue 9): refusals from the token endpoint that are not a dead grant, a sign-in
// naming another athlete than the API, a `Date` from the year 2100, and the app recovering by
// itself when another process stored a live sign-in. Real HTTP against the simulator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PacebarController } from '../../../core/controller/pacebarController';
import { BadResponseError, KeychainUnavailableError, RateLimitedError, ReconnectNeededError, TokenRequestError } from '../../../core/errors';
import type { SecretBackend } from '../../../core/keychain/secretBackend';
import type { ConsentRunner } from '../../../core/oauth/consentRunner';
import { connect, currentTokens, startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await connect(h);
});
afterEach(async () => {
  await h.close();
});

const TOKEN = '/oauth/token';

async function expireStoredToken(): Promise<void> {
  const tokens = await currentTokens(h);
  h.sim.clock.set(tokens!.expiresAt * 1000 - 60_000);
}

describe('the token endpoint refusing for other reasons than a dead grant', () => {
  it('a generic 400 ({"error":"bad_request"}) keeps the tokens and reports the refusal', async () => {
    const before = await currentTokens(h);
    await expireStoredToken();
    h.sim.inject({ path: TOKEN, action: { kind: 'status', status: 400, body: { error: 'bad_request' } } });
    const error = await h.engine.sync().catch((e: unknown) => e);
    expect(await currentTokens(h)).toEqual(before);
    expect(await h.engine.status()).toBe('connected');
    expect(error).not.toBeInstanceOf(ReconnectNeededError);
    expect(error).toBeInstanceOf(TokenRequestError);
    // The next poll refreshes with the same, still valid, refresh token.
    await h.engine.sync();
    expect((await currentTokens(h))!.refreshToken).not.toBe(before!.refreshToken);
  });

  it('a 429 is a rate limit (not "wrong Client Secret"), and the tokens stay', async () => {
    const before = await currentTokens(h);
    await expireStoredToken();
    h.sim.inject({ path: TOKEN, action: { kind: 'status', status: 429, body: { message: 'Rate Limit Exceeded' }, headers: { 'Retry-After': '120' } } });
    const error = await h.engine.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).resetAt).toBe(h.sim.clock.now() + 120_000);
    expect(await currentTokens(h)).toEqual(before);
  });

  it("only Strava's invalid-refresh-token answer ends in reconnect needed", async () => {
    await expireStoredToken();
    h.sim.revokeAthleteAccess();
    await expect(h.engine.sync()).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(await h.engine.status()).toBe('reconnect_needed');
  });
});

describe('a sign-in whose code exchange names another athlete than the API', () => {
  it('replaces nothing: the old record, settings and cache stay, and the connect fails clearly', async () => {
    const athleteId = h.engine.settings.get().athleteId!;
    const tokens = await currentTokens(h);
    const cache = h.engine.cache.read();
    h.sim.inject({ path: TOKEN, action: { kind: 'patch-json', patch: { athlete: { id: 999 } } } });
    const error = await connect(h).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadResponseError);
    expect((error as Error).message).toMatch(/different athletes/);
    expect(h.engine.settings.get().athleteId).toBe(athleteId);
    expect(await h.engine.vault.loadTokens(athleteId)).toEqual(tokens);
    expect(await h.engine.vault.loadTokens(999)).toBeNull();
    expect(h.engine.cache.read()).toEqual(cache);
  });

  it('a matching answer still connects in four requests', async () => {
    h.sim.clearRequests();
    await connect(h);
    expect(h.sim.count({ path: TOKEN }) + h.sim.count({ path: /^\/api\/v3\// })).toBe(4);
  });
});

describe('Date: 2100', () => {
  it('one answer from the far future with the usage at its limit blocks reads for minutes, not decades', async () => {
    h.sim.clock.advance(15 * 60_000);
    h.sim.inject({
      path: /^\/api\/v3\//,
      action: { kind: 'headers', headers: { Date: 'Fri, 01 Jan 2100 00:00:00 GMT', 'X-ReadRateLimit-Usage': '100,200', 'X-ReadRateLimit-Limit': '100,1000' } },
    });
    await h.engine.sync().catch(() => {});
    const blockedUntil = h.engine.budget.blockedUntil();
    const now = h.sim.clock.now();
    expect(blockedUntil).not.toBeNull();
    // At most the next quarter hour on a clock trusted no further than 15 minutes from ours.
    expect(blockedUntil! - now).toBeLessThanOrEqual(45 * 60_000);
    // Saved with the cache and read by the next process the same way.
    const sibling = h.sibling();
    expect(sibling.budget.blockedUntil()! - now).toBeLessThanOrEqual(45 * 60_000);
    // Once that time has passed, reads go out again.
    h.sim.clock.set(blockedUntil! + 1);
    await h.engine.sync();
    expect(h.engine.budget.blockedUntil()).toBeNull();
  });
});

describe('the app after another process stored a live sign-in', () => {
  it('leaves "reconnect needed" by itself on the next refresh, without a sign-in', async () => {
    const idle: ConsentRunner = { prepare: () => Promise.reject(new Error('no sign-in expected')) };
    const controller = new PacebarController({ engine: h.engine, consent: { window: idle, browser: idle } });
    await controller.init();
    // The app's refresh is refused (the grant is gone)...
    await expireStoredToken();
    h.sim.revokeAthleteAccess();
    expect(await controller.refresh()).toBe('failed');
    expect(controller.state().connection.kind).toBe('reconnect_needed');
    // ...then `pacebar login` connects again in another process, on the same keychain and files.
    await connect(h, undefined, h.sibling());
    expect(await controller.refresh()).toBe('ok');
    expect(controller.state().connection.kind).toBe('connected');
  });
});

describe('a locked keyring (as keytar sees one: reads find nothing, deletes delete nothing, writes fail)', () => {
  function lock(): () => void {
    const backend = h.secrets as SecretBackend;
    const saved = { ...backend };
    backend.getPassword = async () => null;
    backend.deletePassword = async () => false;
    backend.setPassword = async () => {
      throw new KeychainUnavailableError('locked');
    };
    return () => Object.assign(backend, saved);
  }

  it('is its own state, not "no API application" or "reconnect needed"', async () => {
    const unlock = lock();
    await expect(h.engine.status()).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(h.sibling().status()).rejects.toThrow(/locked/);
    unlock();
    expect(await h.engine.status()).toBe('connected');
  });

  it('disconnect deletes nothing, revokes nothing and claims nothing while it lasts', async () => {
    const settings = h.engine.settings.get();
    const cache = h.engine.cache.read();
    const unlock = lock();
    h.sim.clearRequests();
    await expect(h.sibling().disconnect()).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(h.sim.count({ path: /^\/oauth\// })).toBe(0);
    unlock();
    expect(h.engine.settings.get()).toEqual(settings);
    expect(h.engine.cache.read()).toEqual(cache);
    expect(await currentTokens(h)).not.toBeNull();
  });
});
