// Staying connected against the simulator: refresh near expiry, rotation persisted, 401 handling,
// one refresh for many callers, revocation → reconnect needed with the cache kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReconnectNeededError } from '../../../core/errors';
import { connect, currentTokens, startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await connect(h);
});
afterEach(async () => {
  await h.close();
});

const tokenRequests = () => h.sim.count({ path: '/oauth/token' });

describe('refresh', () => {
  it('does not refresh a token with more than five minutes left', async () => {
    const before = tokenRequests();
    const tokens = await currentTokens(h);
    h.sim.clock.set(tokens!.expiresAt * 1000 - 6 * 60_000);
    await h.engine.sync();
    expect(tokenRequests()).toBe(before);
  });

  it('refreshes within five minutes of expiry and persists the rotated refresh token first', async () => {
    const before = await currentTokens(h);
    h.sim.clock.set(before!.expiresAt * 1000 - 4 * 60_000);
    const requestsBefore = tokenRequests();
    await h.engine.sync();
    expect(tokenRequests()).toBe(requestsBefore + 1);
    const after = await currentTokens(h);
    expect(after!.refreshToken).not.toBe(before!.refreshToken);
    expect(after!.accessToken).not.toBe(before!.accessToken);
    expect(after!.expiresAt).toBeGreaterThan(before!.expiresAt);

    // A fresh process (the CLI, or the app after a restart) carries on with the stored tokens.
    const sibling = h.sibling();
    h.sim.clearRequests();
    await sibling.sync({ full: true });
    expect(h.sim.count({ path: '/oauth/token' })).toBe(0);
    expect(h.sim.requests.every((r) => r.status === 200)).toBe(true);
  });

  it('after a 401 refreshes once and retries once', async () => {
    h.sim.inject({
      path: '/api/v3/athlete/activities',
      times: 1,
      action: { kind: 'status', status: 401, body: { message: 'Authorization Error', errors: [{ resource: 'Athlete', field: 'access_token', code: 'invalid' }] } },
    });
    h.sim.clearRequests();
    await h.engine.sync({ full: true });
    expect(tokenRequests()).toBe(1);
    expect(h.sim.count({ path: '/api/v3/athlete/activities' })).toBe(2);
  });

  it('20 concurrent calls on an expired token make exactly one refresh request', async () => {
    h.sim.expireAccessTokens();
    const tokens = await currentTokens(h);
    h.sim.clock.set(tokens!.expiresAt * 1000 + 1000);
    const before = tokenRequests();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => h.engine.sync({ full: true })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(tokenRequests()).toBe(before + 1);
  });

  it('adopts a rotation made by another process instead of refreshing with a dead token', async () => {
    const tokens = await currentTokens(h);
    h.sim.clock.set(tokens!.expiresAt * 1000 - 60_000);
    await h.engine.sync(); // this engine's session now holds the rotated pair in memory
    const sibling = h.sibling();
    h.sim.expireAccessTokens();
    await sibling.sync(); // the sibling refreshes and rotates again
    const before = tokenRequests();
    await h.engine.sync();
    // The first engine's in-memory refresh token is dead: it must pick the stored one up.
    expect(await h.engine.status()).toBe('connected');
    expect(tokenRequests()).toBeLessThanOrEqual(before + 1);
  });
});

describe('revocation', () => {
  it('a refused refresh token ends in "reconnect needed" and keeps the cached stats', async () => {
    const cachedStats = h.engine.cache.read().stats;
    h.sim.revokeAthleteAccess();
    h.sim.expireAccessTokens();
    const tokens = await currentTokens(h);
    h.sim.clock.set(tokens!.expiresAt * 1000 + 1000);
    const before = tokenRequests();
    await expect(h.engine.sync()).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(tokenRequests()).toBe(before + 1);
    expect(await h.engine.status()).toBe('reconnect_needed');
    expect(h.engine.cache.read().stats).toEqual(cachedStats);

    // No retry storm: later polls make no request until the user reconnects.
    const apiBefore = h.sim.requests.length;
    await expect(h.engine.sync()).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(h.sim.requests.length).toBe(apiBefore);

    await connect(h);
    expect(await h.engine.status()).toBe('connected');
  });

  it('the athlete deauthorizing on strava.com while the token is valid: one refresh, then reconnect', async () => {
    h.sim.revokeAthleteAccess();
    const before = h.sim.requests.length;
    await expect(h.engine.sync({ full: true })).rejects.toBeInstanceOf(ReconnectNeededError);
    // 401 on the first read, one refresh attempt (refused), nothing else.
    expect(h.sim.requests.length - before).toBe(2);
    expect(h.engine.cache.read().athlete?.id).toBe(h.sim.athleteId);
  });
});
