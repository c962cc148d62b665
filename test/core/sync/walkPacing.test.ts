import { describe, expect, it } from 'vitest';
import { RateBudget } from '../../../core/api/rateBudget';
import { walkPace } from '../../../core/sync/walkPacing';

const T = Date.UTC(2026, 10, 18, 10, 3); // 10:03 UTC: the window resets at 10:15
const budget = (short: number, daily: number, limits: [number, number] = [100, 1000]) =>
  new RateBudget(() => T, { read: { limit: limits, usage: [short, daily] }, overall: null, observedAt: T });

describe('walkPace: a fifth of the 15-minute read window, half of the day', () => {
  it('lets a walk request go while fewer than a fifth of the window\'s reads are used', () => {
    expect(walkPace(new RateBudget(() => T))).toEqual({ allowed: true }); // nothing known yet
    expect(walkPace(budget(19, 300))).toEqual({ allowed: true });
  });

  it('holds it at a fifth until the quarter hour, leaving the rest to the polls', () => {
    expect(walkPace(budget(20, 300))).toEqual({ allowed: false, retryAt: Date.UTC(2026, 10, 18, 10, 15) });
    // Strava's limit, whatever it is, sets the share: 600 a window → 120.
    expect(walkPace(budget(119, 300, [600, 6000]))).toEqual({ allowed: true });
  });

  it('holds it at half the day until UTC midnight', () => {
    expect(walkPace(budget(0, 500))).toEqual({ allowed: false, retryAt: Date.UTC(2026, 10, 19) });
  });

  it('counts requests in flight, and never goes while the budget is spent', () => {
    const b = budget(19, 300);
    const release = b.reserve();
    expect(walkPace(b).allowed).toBe(false);
    release();
    expect(walkPace(budget(100, 300))).toEqual({ allowed: false, retryAt: Date.UTC(2026, 10, 18, 10, 15) });
  });

  it('a new window counts from zero', () => {
    const b = new RateBudget(() => T + 15 * 60_000, { read: { limit: [100, 1000], usage: [20, 300] }, overall: null, observedAt: T });
    expect(walkPace(b)).toEqual({ allowed: true });
  });
});
