import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RefreshOutcome } from '../../../core/controller/pacebarController';
import { RefreshScheduler } from '../../../core/controller/refreshScheduler';

const MIN = 60_000;
const HOUR = 60 * MIN;

function setup(outcomes: (() => RefreshOutcome) | RefreshOutcome = 'ok', opts: { intervalMin?: number; pollMs?: number } = {}) {
  let intervalMin = opts.intervalMin ?? 15;
  let rateLimitedUntil: number | null = null;
  const pollTimes: number[] = [];
  let active = 0;
  let maxActive = 0;
  const poll = vi.fn(async (): Promise<RefreshOutcome> => {
    pollTimes.push(Date.now());
    active += 1;
    maxActive = Math.max(maxActive, active);
    if (opts.pollMs) await new Promise((r) => setTimeout(r, opts.pollMs));
    active -= 1;
    return typeof outcomes === 'function' ? outcomes() : outcomes;
  });
  const scheduler = new RefreshScheduler({
    poll,
    intervalMs: () => intervalMin * MIN,
    rateLimitedUntil: () => rateLimitedUntil,
    clock: () => Date.now(),
    timers: { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
  });
  return {
    scheduler,
    poll,
    pollTimes,
    maxActive: () => maxActive,
    setInterval: (m: number) => (intervalMin = m),
    setRateLimitedUntil: (t: number | null) => (rateLimitedUntil = t),
  };
}

const T0 = Date.UTC(2026, 10, 18, 8, 0);

describe('RefreshScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls at start and then once per interval: 13 polls in 3 hours at 15 min', async () => {
    const s = setup('ok');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(s.poll).toHaveBeenCalledTimes(13);
    expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([0, 15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180]);
    s.scheduler.stop();
  });

  it('at 60 min, a day makes 25 polls; "skipped" (not connected) keeps the interval', async () => {
    const s = setup('skipped', { intervalMin: 60 });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(s.poll).toHaveBeenCalledTimes(25);
    s.scheduler.stop();
  });

  it('a failed poll (or a throwing one) waits a normal interval', async () => {
    let n = 0;
    const s = setup(() => {
      n += 1;
      if (n === 2) throw new Error('boom');
      return 'failed';
    });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([0, 15, 30, 45, 60]);
    s.scheduler.stop();
  });

  it('backs off 1, 2, 4, 8 min while offline, capped at the interval, then resumes the interval', async () => {
    let online = false;
    const s = setup(() => (online ? 'ok' : 'offline'));
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * MIN);
    // 0, +1, +2, +4, +8, then capped at 15: 0, 1, 3, 7, 15, 30, 45, 60
    expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([0, 1, 3, 7, 15, 30, 45, 60]);
    online = true;
    await vi.advanceTimersByTimeAsync(15 * MIN); // the 75-min poll succeeds
    s.pollTimes.length = 0;
    online = false;
    await vi.advanceTimersByTimeAsync(17 * MIN); // next offline streak starts again at 1 min
    expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([90, 91]);
    s.scheduler.stop();
  });

  it('waits until the rate-limit reset, not a fixed interval', async () => {
    let limited = true;
    const s = setup(() => (limited ? 'rate_limited' : 'ok'));
    s.setRateLimitedUntil(T0 + 42 * MIN);
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(41 * MIN);
    expect(s.poll).toHaveBeenCalledTimes(1);
    limited = false;
    await vi.advanceTimersByTimeAsync(1 * MIN);
    expect(s.poll).toHaveBeenCalledTimes(2);
    expect((s.pollTimes[1]! - T0) / MIN).toBe(42);
    expect(s.scheduler.nextPollAt()).toBe(T0 + 57 * MIN);
    s.scheduler.stop();
  });

  it('a rate limit with no known reset waits one interval; a reset in the past never spins', async () => {
    const s = setup('rate_limited');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(s.scheduler.nextPollAt()).toBe(T0 + 15 * MIN);
    s.setRateLimitedUntil(T0 - HOUR);
    await vi.advanceTimersByTimeAsync(15 * MIN);
    expect(s.poll).toHaveBeenCalledTimes(2);
    expect(s.scheduler.nextPollAt()! - s.pollTimes[1]!).toBe(1000);
    s.scheduler.stop();
  });

  it('pollNow during a running poll shares it: no overlap', async () => {
    const s = setup('ok', { pollMs: 5_000 });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    const a = s.scheduler.pollNow();
    const b = s.scheduler.pollNow();
    expect(a).toBe(b);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(a).resolves.toBe('ok');
    expect(s.poll).toHaveBeenCalledTimes(1);
    expect(s.maxActive()).toBe(1);
    s.scheduler.stop();
  });

  it('pollNow between polls restarts the wait from then', async () => {
    const s = setup('ok');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    await s.scheduler.pollNow();
    await vi.advanceTimersByTimeAsync(14 * MIN);
    expect(s.poll).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1 * MIN);
    expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([0, 10, 25]);
    s.scheduler.stop();
  });

  it('a changed interval applies after the next poll, or at once with reschedule()', async () => {
    const s = setup('ok');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    s.setInterval(60);
    s.scheduler.reschedule();
    expect(s.scheduler.nextPollAt()).toBe(T0 + 60 * MIN);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([0, 60, 120, 180]);
    s.setInterval(30);
    await vi.advanceTimersByTimeAsync(HOUR + 30 * MIN);
    expect(s.pollTimes.slice(4).map((t) => (t - T0) / MIN)).toEqual([240, 270]);
    s.scheduler.stop();
  });

  it('stop() stops: no more polls, and a poll in flight does not reschedule', async () => {
    const s = setup('ok', { pollMs: 1_000 });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    s.scheduler.stop();
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(s.poll).toHaveBeenCalledTimes(1);
    expect(s.scheduler.nextPollAt()).toBeNull();
    expect(s.scheduler.isStarted()).toBe(false);
  });

  it('start() twice does not double the polling', async () => {
    const s = setup('ok');
    s.scheduler.start();
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(s.poll).toHaveBeenCalledTimes(5);
    s.scheduler.stop();
  });

  describe('while the API application is inactive', () => {
    it('makes at most one automatic attempt an hour: 5 polls in 4 hours at a 15-minute interval', async () => {
      const s = setup('inactive');
      s.scheduler.start();
      await vi.advanceTimersByTimeAsync(4 * HOUR);
      expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([0, 60, 120, 180, 240]);
      s.scheduler.stop();
    });

    it('a longer interval than an hour is kept', async () => {
      const s = setup('inactive', { intervalMin: 120 });
      s.scheduler.start();
      await vi.advanceTimersByTimeAsync(4 * HOUR);
      expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([0, 120, 240]);
      s.scheduler.stop();
    });

    it('wake-ups within the hour do not poll; the hourly poll still comes', async () => {
      const s = setup('inactive');
      s.scheduler.start();
      await vi.advanceTimersByTimeAsync(10 * MIN);
      expect(await s.scheduler.pollNow()).toBe('skipped');
      await vi.advanceTimersByTimeAsync(40 * MIN);
      expect(await s.scheduler.pollNow()).toBe('skipped');
      expect(s.scheduler.nextPollAt()).toBe(T0 + HOUR);
      await vi.advanceTimersByTimeAsync(10 * MIN);
      expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([0, 60]);
      s.scheduler.stop();
    });

    it('a changed interval setting does not shorten the hourly wait', async () => {
      const s = setup('inactive');
      s.scheduler.start();
      await vi.advanceTimersByTimeAsync(1 * MIN);
      s.setInterval(15);
      s.scheduler.reschedule();
      expect(s.scheduler.nextPollAt()).toBe(T0 + HOUR);
      s.scheduler.stop();
    });

    it('recovered() (a "Refresh now" that worked) ends the hourly wait: the next poll is one interval later', async () => {
      let outcome: RefreshOutcome = 'inactive';
      const s = setup(() => outcome);
      s.scheduler.start();
      await vi.advanceTimersByTimeAsync(20 * MIN);
      outcome = 'ok';
      s.scheduler.recovered();
      expect(s.scheduler.nextPollAt()).toBe(T0 + 35 * MIN);
      await vi.advanceTimersByTimeAsync(30 * MIN);
      expect(s.pollTimes.map((t) => (t - T0) / MIN)).toEqual([0, 35, 50]);
      s.scheduler.stop();
    });
  });
});
