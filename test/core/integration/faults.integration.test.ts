// Every injected fault ends in its typed error, with tokens and cache intact and bounded retries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BadResponseError,
  MissingScopeError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from '../../../core/errors';
import type { FaultAction } from '../../../sim/index';
import { connect, currentTokens, startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await connect(h);
});
afterEach(async () => {
  await h.close();
});

const ACTIVITIES = '/api/v3/athlete/activities';

const cases: { name: string; action: FaultAction; error: new (...args: never[]) => Error; attempts: number }[] = [
  { name: '500', action: { kind: 'status', status: 500, body: { message: 'Internal Error' } }, error: ServerError, attempts: 3 },
  { name: '502', action: { kind: 'status', status: 502 }, error: ServerError, attempts: 3 },
  { name: '503', action: { kind: 'status', status: 503 }, error: ServerError, attempts: 3 },
  { name: 'hung server', action: { kind: 'hang' }, error: TimeoutError, attempts: 1 },
  { name: 'dropped connection', action: { kind: 'drop' }, error: NetworkError, attempts: 3 },
  // The socket closes before Content-Length's bytes arrived: a dropped connection, retried twice like one.
  { name: 'dropped mid-body', action: { kind: 'drop-mid-body' }, error: NetworkError, attempts: 3 },
  { name: 'malformed JSON', action: { kind: 'malformed-json' }, error: BadResponseError, attempts: 1 },
  { name: 'truncated JSON', action: { kind: 'truncated-json' }, error: BadResponseError, attempts: 1 },
  { name: 'wrong shape', action: { kind: 'wrong-shape' }, error: BadResponseError, attempts: 1 },
  {
    name: '403 missing scope',
    action: { kind: 'status', status: 403, body: { message: 'Authorization Error', errors: [{ resource: 'AccessToken', field: 'activity:read_permission', code: 'missing' }] } },
    error: MissingScopeError,
    attempts: 1,
  },
  { name: '404', action: { kind: 'status', status: 404, body: { message: 'Record Not Found' } }, error: NotFoundError, attempts: 1 },
];

describe('faults', () => {
  for (const fault of cases) {
    it(`${fault.name} → ${fault.error.name}, tokens and cache intact, ${fault.attempts} attempt(s)`, async () => {
      const tokens = await currentTokens(h);
      const cache = h.engine.cache.read();
      const history = h.engine.history.read();
      h.sim.clock.advance(15 * 60_000);
      h.sim.inject({ path: ACTIVITIES, times: Infinity, action: fault.action });
      h.sim.clearRequests();
      const reached = h.sim.handled({ path: ACTIVITIES });
      const syncing = h.engine.sync().catch((e: unknown) => e);
      if (fault.action.kind === 'hang') {
        // The request is with the hung server: its headers timeout (core's own, StravaHttp) runs out now.
        await reached;
        expect(h.timers.fireAll()).toBeGreaterThan(0);
      }
      const error = await syncing;
      expect(error).toBeInstanceOf(fault.error);
      expect(h.sim.count({ path: ACTIVITIES })).toBe(fault.attempts);
      expect(h.sim.count({ path: '/oauth/token' })).toBe(0);
      expect(await currentTokens(h)).toEqual(tokens);
      const after = h.engine.cache.read();
      expect(after.athlete).toEqual(cache.athlete);
      expect(after.stats).toEqual(cache.stats);
      expect(h.engine.history.read().activities).toEqual(history.activities);
      expect(after.lastFailure?.code).toBe((error as { code: string }).code);

      // Once the fault clears, the next poll recovers and clears the failure.
      h.sim.clearFaults();
      await h.engine.sync();
      expect(h.engine.cache.read().lastFailure).toBeNull();
    });
  }

  it('connection refused → NetworkError', async () => {
    const tokens = await currentTokens(h);
    await h.sim.close();
    await expect(h.engine.sync()).rejects.toBeInstanceOf(NetworkError);
    expect(await currentTokens(h)).toEqual(tokens);
    expect(h.engine.cache.read().athlete).not.toBeNull();
  });

  it('a 500 on the token endpoint during refresh keeps the old tokens', async () => {
    const tokens = await currentTokens(h);
    h.sim.clock.set(tokens!.expiresAt * 1000 - 60_000);
    h.sim.inject({ path: '/oauth/token', times: 1, action: { kind: 'status', status: 500 } });
    await expect(h.engine.sync()).rejects.toBeInstanceOf(ServerError);
    expect(await currentTokens(h)).toEqual(tokens);
    await h.engine.sync();
    expect((await currentTokens(h))!.refreshToken).not.toBe(tokens!.refreshToken);
  });
});

describe('rate limits', () => {
  it('after a 429 no request leaves until the window resets', async () => {
    h.sim.clock.advance(60_000);
    h.sim.inject({
      path: ACTIVITIES,
      times: 1,
      action: {
        kind: 'status',
        status: 429,
        body: { message: 'Rate Limit Exceeded', errors: [{ resource: 'Application', field: 'rate limit', code: 'exceeded' }] },
        headers: { 'X-ReadRateLimit-Limit': '100,1000', 'X-ReadRateLimit-Usage': '101,180' },
      },
    });
    const error = await h.engine.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    const resetAt = (error as RateLimitedError).resetAt;
    expect(resetAt % (15 * 60_000)).toBe(0);
    expect(resetAt).toBeGreaterThan(h.sim.clock.now());

    const before = h.sim.requests.length;
    for (let i = 0; i < 5; i += 1) await expect(h.engine.sync()).rejects.toBeInstanceOf(RateLimitedError);
    expect(h.sim.requests.length).toBe(before);

    h.sim.clock.set(resetAt + 1000);
    await h.engine.sync();
    expect(h.sim.requests.length).toBeGreaterThan(before);
  });

  it('spends the 15-minute read budget to the last request and never draws a 429', async () => {
    const start = h.sim.clock.now();
    let blocked: RateLimitedError | null = null;
    for (let i = 0; i < 60 && !blocked; i += 1) {
      await h.engine.sync({ full: true }).catch((e: unknown) => {
        if (e instanceof RateLimitedError) blocked = e;
        else throw e;
      });
    }
    expect(blocked).not.toBeNull();
    expect(h.sim.requests.filter((r) => r.status === 429)).toEqual([]);
    const reads = h.sim.requests.filter((r) => r.path.startsWith('/api/v3/') && r.at >= start - (start % (15 * 60_000)));
    expect(reads.length).toBe(100);
  });

  it('the budget is shared with another process through the cache', async () => {
    h.sim.inject({
      path: ACTIVITIES,
      times: 1,
      action: { kind: 'status', status: 429, headers: { 'X-ReadRateLimit-Limit': '100,1000', 'X-ReadRateLimit-Usage': '100,1000' } },
    });
    await expect(h.engine.sync()).rejects.toBeInstanceOf(RateLimitedError);
    const sibling = h.sibling();
    const before = h.sim.requests.length;
    const error = await sibling.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    // The daily window was spent: nothing until UTC midnight.
    expect(new Date((error as RateLimitedError).resetAt).toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(h.sim.requests.length).toBe(before);
  });
});
