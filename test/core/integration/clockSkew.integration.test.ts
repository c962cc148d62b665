// Our clock 10 minutes off Strava's, either way: no 429 by our own doing, no refresh storm.
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../core/errors';
import { connect, startHarness, type Harness } from './harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const TEN_MINUTES = 10 * 60_000;

describe.each([
  ['ahead', TEN_MINUTES],
  ['behind', -TEN_MINUTES],
])('our clock %s by 10 minutes', (_label, offset) => {
  it('spends the read budget without ever drawing a 429, and resumes when Strava resets', async () => {
    h = await startHarness({ clockOffsetMs: offset });
    await connect(h);
    let blocked: RateLimitedError | null = null;
    for (let i = 0; i < 60 && !blocked; i += 1) {
      await h.engine.sync({ full: true }).catch((error: unknown) => {
        if (error instanceof RateLimitedError) blocked = error;
        else throw error;
      });
    }
    expect(blocked).not.toBeNull();
    const resetOnOurClock = (blocked as unknown as RateLimitedError).resetAt;
    // Strava's window resets on its own quarter hour: our reset time is that, moved by the skew.
    expect((resetOnOurClock - offset) % (15 * 60_000)).toBe(0);

    h.sim.clock.set(resetOnOurClock - offset - 1000);
    const before = h.sim.requests.length;
    await expect(h.engine.sync()).rejects.toBeInstanceOf(RateLimitedError);
    expect(h.sim.requests.length).toBe(before);

    h.sim.clock.set(resetOnOurClock - offset + 1000);
    await h.engine.sync();
    expect(h.sim.requests.filter((r) => r.status === 429)).toEqual([]);
  });

  it('a simulated day of polls: a handful of refreshes, each answered, no 401 storm', async () => {
    h = await startHarness({ clockOffsetMs: offset });
    await connect(h);
    h.sim.clearRequests();
    for (let poll = 0; poll < 96; poll += 1) {
      h.sim.clock.advance(15 * 60_000);
      await h.engine.sync();
    }
    const refreshes = h.sim.count({ path: '/oauth/token' });
    const unauthorized = h.sim.requests.filter((r) => r.status === 401).length;
    // Tokens live 6 hours: about 4 refreshes a day, at most one 401 (then refresh) each.
    expect(refreshes).toBeGreaterThanOrEqual(3);
    expect(refreshes).toBeLessThanOrEqual(5);
    expect(unauthorized).toBeLessThanOrEqual(refreshes);
    expect(h.sim.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(await h.engine.status()).toBe('connected');
  });
});
