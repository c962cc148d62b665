import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextQuarterHour,
  nextUtcMidnight,
  parsePair,
  parseRateHeaders,
  RateBudget,
  type RateSnapshot,
  type WindowPair,
} from '../../../core/api/rateBudget';
import { anyString, propertyTest, runs } from '../../support/properties';

const T0 = Date.UTC(2026, 10, 18, 17, 40, 12, 345); // 17:40:12.345Z
const MIN = 60_000;

function snapshot(read: WindowPair | null, overall: WindowPair | null, observedAt = T0): RateSnapshot {
  return { read, overall, observedAt };
}

function budgetAt(start: number, initial: RateSnapshot | null = null) {
  let now = start;
  const budget = new RateBudget(() => now, initial);
  return {
    budget,
    set: (time: number) => {
      now = time;
    },
  };
}

describe('nextQuarterHour / nextUtcMidnight', () => {
  it('rounds up to the next quarter hour, strictly after now', () => {
    expect(nextQuarterHour(T0)).toBe(Date.UTC(2026, 10, 18, 17, 45));
    expect(nextQuarterHour(Date.UTC(2026, 10, 18, 17, 45))).toBe(Date.UTC(2026, 10, 18, 18, 0));
    expect(nextQuarterHour(Date.UTC(2026, 10, 18, 17, 44, 59, 999))).toBe(Date.UTC(2026, 10, 18, 17, 45));
    expect(nextQuarterHour(Date.UTC(2026, 10, 18, 23, 50))).toBe(Date.UTC(2026, 10, 19, 0, 0));
  });

  it('rounds up to the next UTC midnight, strictly after now', () => {
    expect(nextUtcMidnight(T0)).toBe(Date.UTC(2026, 10, 19));
    expect(nextUtcMidnight(Date.UTC(2026, 10, 19))).toBe(Date.UTC(2026, 10, 20));
    expect(nextUtcMidnight(Date.UTC(2026, 11, 31, 23, 59, 59, 999))).toBe(Date.UTC(2027, 0, 1));
  });

  it('always lands on a boundary within one window', propertyTest, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (now) => {
        const quarter = nextQuarterHour(now);
        expect(quarter % (15 * MIN)).toBe(0);
        expect(quarter).toBeGreaterThan(now);
        expect(quarter - now).toBeLessThanOrEqual(15 * MIN);
        const midnight = nextUtcMidnight(now);
        expect(new Date(midnight).toISOString().endsWith('T00:00:00.000Z')).toBe(true);
        expect(midnight).toBeGreaterThan(now);
        expect(midnight - now).toBeLessThanOrEqual(24 * 60 * MIN);
      }),
      runs(1_000),
    );
  });
});

describe('parsePair', () => {
  it('reads "short,daily" with optional spaces', () => {
    expect(parsePair('100,1000')).toEqual([100, 1000]);
    expect(parsePair(' 200 , 2000 ')).toEqual([200, 2000]);
    expect(parsePair('0,0')).toEqual([0, 0]);
  });

  it('refuses anything else', () => {
    for (const raw of [null, '', '100', '100,', ',100', '100,1000,5', '-1,5', '1.5,2', 'a,b', '1e3,4', '0x10,1', '1234567890,1', '100;1000', 'Infinity,1']) {
      expect(parsePair(raw), String(raw)).toBeNull();
    }
  });
});

describe('parseRateHeaders', () => {
  it('reads both header families', () => {
    const parsed = parseRateHeaders(
      {
        'x-ratelimit-limit': '200,2000',
        'x-ratelimit-usage': '10,150',
        'x-readratelimit-limit': '100,1000',
        'x-readratelimit-usage': '5,70',
      },
      T0,
    );
    expect(parsed).toEqual({
      overall: { limit: [200, 2000], usage: [10, 150] },
      read: { limit: [100, 1000], usage: [5, 70] },
      observedAt: T0,
    });
  });

  it('matches header names case-insensitively', () => {
    const parsed = parseRateHeaders({ 'X-RateLimit-Limit': '200,2000', 'X-RATELIMIT-USAGE': '1,2', 'x-ReadRateLimit-LIMIT': '100,1000', 'X-readratelimit-usage': '3,4' }, T0);
    expect(parsed?.overall).toEqual({ limit: [200, 2000], usage: [1, 2] });
    expect(parsed?.read).toEqual({ limit: [100, 1000], usage: [3, 4] });
  });

  it('takes the first value of an array header and accepts numbers', () => {
    const parsed = parseRateHeaders({ 'x-ratelimit-limit': ['200,2000', '1,1'], 'x-ratelimit-usage': ['7,8'] }, T0);
    expect(parsed?.overall).toEqual({ limit: [200, 2000], usage: [7, 8] });
    expect(parseRateHeaders({ 'x-ratelimit-limit': [], 'x-ratelimit-usage': '1,2' }, T0)).toBeNull();
  });

  it('keeps the usable family when the other is malformed or half present', () => {
    const parsed = parseRateHeaders({ 'x-ratelimit-limit': '200,2000', 'x-ratelimit-usage': '1,2', 'x-readratelimit-limit': 'garbage', 'x-readratelimit-usage': '1,2' }, T0);
    expect(parsed).toEqual({ overall: { limit: [200, 2000], usage: [1, 2] }, read: null, observedAt: T0 });
    const readOnly = parseRateHeaders({ 'x-readratelimit-limit': '100,1000', 'x-readratelimit-usage': '1,2', 'x-ratelimit-limit': '200,2000' }, T0);
    expect(readOnly).toEqual({ read: { limit: [100, 1000], usage: [1, 2] }, overall: null, observedAt: T0 });
  });

  it('is null when no family is usable', () => {
    expect(parseRateHeaders({}, T0)).toBeNull();
    expect(parseRateHeaders({ 'content-type': 'application/json' }, T0)).toBeNull();
    expect(parseRateHeaders({ 'x-ratelimit-limit': '200,2000' }, T0)).toBeNull();
    expect(parseRateHeaders({ 'x-ratelimit-limit': '200,2000', 'x-ratelimit-usage': 'NaN,1' }, T0)).toBeNull();
    expect(parseRateHeaders({ 'x-ratelimit-limit': undefined, 'x-ratelimit-usage': null }, T0)).toBeNull();
    expect(parseRateHeaders({ 'x-ratelimit-limit': 200, 'x-ratelimit-usage': 1 }, T0)).toBeNull();
  });

  it('never throws on arbitrary header records and returns null or well-formed numbers', propertyTest, () => {
    const RUNS = runs(1_000);
    const names = fc.oneof(
      fc.constantFrom('x-ratelimit-limit', 'x-ratelimit-usage', 'x-readratelimit-limit', 'x-readratelimit-usage').chain((name) => fc.mixedCase(fc.constant(name))),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
    );
    const pairText = fc.oneof(
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `${a},${b}`),
      fc.tuple(fc.integer(), fc.integer(), fc.constantFrom(',', ', ', ' ,', ';')).map(([a, b, sep]) => `${a}${sep}${b}`),
      anyString({ maxLength: 24 }),
    );
    const validPair = fc.tuple(fc.nat({ max: 999_999_999 }), fc.nat({ max: 999_999_999 })).map(([a, b]) => `${a},${b}`);
    const values = fc.oneof(
      { weight: 8, arbitrary: validPair },
      pairText,
      fc.array(pairText, { maxLength: 3 }),
      fc.double(),
      fc.integer(),
      fc.constant(undefined),
      fc.constant(null),
    );
    // Mostly Strava's own header names (in any case) so the parsing branch is reached, plus noise.
    const stravaNames = fc.tuple(
      fc.mixedCase(fc.constant('x-ratelimit-limit')),
      fc.mixedCase(fc.constant('x-ratelimit-usage')),
      fc.mixedCase(fc.constant('x-readratelimit-limit')),
      fc.mixedCase(fc.constant('x-readratelimit-usage')),
    );
    const headers = fc
      .tuple(stravaNames, fc.array(values, { minLength: 4, maxLength: 4 }), fc.dictionary(names, values, { maxKeys: 6 }), fc.boolean())
      .map(([known, knownValues, noise, noiseFirst]) => {
        const stravaPart = Object.fromEntries(known.map((name, index) => [name, knownValues[index]]));
        return noiseFirst ? { ...noise, ...stravaPart } : { ...stravaPart, ...noise };
      });
    let parsedSome = 0;
    fc.assert(
      fc.property(headers, fc.integer({ min: 0, max: 4_102_444_800_000 }), (record, now) => {
        const result = parseRateHeaders(record, now);
        if (result === null) return;
        parsedSome += 1;
        expect(result.observedAt).toBe(now);
        expect(result.read !== null || result.overall !== null).toBe(true);
        for (const pair of [result.read, result.overall]) {
          if (pair === null) continue;
          expect(Object.keys(pair).sort()).toEqual(['limit', 'usage']);
          for (const numbers of [pair.limit, pair.usage]) {
            expect(numbers).toHaveLength(2);
            for (const value of numbers) {
              expect(Number.isSafeInteger(value)).toBe(true);
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThan(1_000_000_000);
            }
          }
        }
      }),
      RUNS,
    );
    expect(parsedSome).toBeGreaterThan(RUNS.numRuns * 0.1);
  });
});

describe('RateBudget.blockedUntil', () => {
  const pair = (limit: [number, number], usage: [number, number]): WindowPair => ({ limit, usage });

  it('lets reads go with no snapshot and under the limits', () => {
    expect(budgetAt(T0).budget.blockedUntil()).toBeNull();
    expect(budgetAt(T0, snapshot(pair([100, 1000], [99, 999]), pair([200, 2000], [0, 0]))).budget.blockedUntil()).toBeNull();
  });

  it('blocks until the next quarter hour when the short read window is at or over its limit', () => {
    for (const used of [100, 101, 150]) {
      const { budget } = budgetAt(T0, snapshot(pair([100, 1000], [used, 500]), null));
      expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 18, 17, 45));
    }
  });

  it('blocks until UTC midnight when the daily window is spent, even if the short one is too', () => {
    const { budget } = budgetAt(T0, snapshot(pair([100, 1000], [100, 1000]), null));
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 19));
  });

  it('counts the overall window as well and takes the later of the two', () => {
    const { budget } = budgetAt(T0, snapshot(pair([100, 1000], [100, 10]), pair([200, 2000], [10, 2000])));
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 19));
    const overallOnly = budgetAt(T0, snapshot(null, pair([200, 2000], [200, 10]))).budget;
    expect(overallOnly.blockedUntil()).toBe(Date.UTC(2026, 10, 18, 17, 45));
  });

  it('the short window resets on the quarter hour', () => {
    const { budget, set } = budgetAt(T0, snapshot(pair([100, 1000], [100, 500]), null));
    set(Date.UTC(2026, 10, 18, 17, 44, 59, 999));
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 18, 17, 45));
    set(Date.UTC(2026, 10, 18, 17, 45));
    expect(budget.blockedUntil()).toBeNull();
  });

  it('the daily window resets at UTC midnight, not at the quarter hour', () => {
    const { budget, set } = budgetAt(T0, snapshot(pair([100, 1000], [3, 1000]), null));
    set(Date.UTC(2026, 10, 18, 18, 0));
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 19));
    set(Date.UTC(2026, 10, 18, 23, 59, 59, 999));
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 19));
    set(Date.UTC(2026, 10, 19));
    expect(budget.blockedUntil()).toBeNull();
  });

  it('counts reservations in flight against the remaining budget, and release is idempotent', () => {
    const { budget } = budgetAt(T0, snapshot(pair([100, 1000], [98, 0]), null));
    const first = budget.reserve();
    expect(budget.blockedUntil()).toBeNull(); // 98 + 1 < 100
    const second = budget.reserve();
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 18, 17, 45)); // 98 + 2 = 100
    first();
    expect(budget.blockedUntil()).toBeNull();
    first();
    first();
    const third = budget.reserve();
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 18, 17, 45)); // a double release did not free a slot
    second();
    third();
    expect(budget.blockedUntil()).toBeNull();
  });

  it('in-flight reservations count against the daily window too', () => {
    const { budget } = budgetAt(T0, snapshot(pair([100, 1000], [0, 999]), null));
    expect(budget.blockedUntil()).toBeNull();
    const release = budget.reserve();
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 19));
    release();
  });
});

describe('RateBudget.observe', () => {
  const spent: WindowPair = { limit: [100, 1000], usage: [100, 500] };
  const fine: WindowPair = { limit: [100, 1000], usage: [10, 500] };

  it('adopts newer snapshots', () => {
    const { budget } = budgetAt(T0);
    const first = snapshot(fine, null, T0 - 1000);
    budget.observe(first);
    expect(budget.current()).toEqual({ ...first, skewMs: 0 });
    const second = snapshot(spent, null, T0);
    budget.observe(second);
    expect(budget.current()).toEqual({ ...second, skewMs: 0 });
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 18, 17, 45));
  });

  it('ignores a snapshot older than the one it holds (a slow response arriving late)', () => {
    const { budget } = budgetAt(T0, snapshot(spent, null, T0));
    budget.observe(snapshot(fine, null, T0 - 1));
    expect(budget.current()?.read).toBe(spent);
    expect(budget.blockedUntil()).not.toBeNull();
  });

  it('accepts a snapshot with the same timestamp', () => {
    const { budget } = budgetAt(T0, snapshot(spent, null, T0));
    budget.observe(snapshot(fine, null, T0));
    expect(budget.blockedUntil()).toBeNull();
  });
});

describe('RateBudget.observeRejection (HTTP 429)', () => {
  it('blocks until the next quarter hour when there are no headers and no history', () => {
    const { budget } = budgetAt(T0);
    const until = budget.observeRejection(null);
    expect(until).toBe(Date.UTC(2026, 10, 18, 17, 45));
    expect(budget.blockedUntil()).toBe(until);
  });

  it('blocks even when the headers lag behind and claim budget is left', () => {
    const { budget, set } = budgetAt(T0);
    const lagging = snapshot({ limit: [100, 1000], usage: [40, 400] }, { limit: [200, 2000], usage: [40, 400] }, T0);
    const until = budget.observeRejection(lagging);
    expect(until).toBe(Date.UTC(2026, 10, 18, 17, 45));
    expect(budget.blockedUntil()).toBe(until);
    // The daily usage from the headers is kept; the short window is marked spent.
    expect(budget.current()?.read?.usage).toEqual([100, 400]);
    set(Date.UTC(2026, 10, 18, 17, 45));
    expect(budget.blockedUntil()).toBeNull();
  });

  it('blocks with missing headers after an earlier snapshot that had budget left', () => {
    const { budget, set } = budgetAt(T0 - 10 * MIN, snapshot({ limit: [100, 1000], usage: [10, 10] }, null, T0 - 10 * MIN));
    set(T0);
    const until = budget.observeRejection(null);
    expect(until).toBe(Date.UTC(2026, 10, 18, 17, 45));
    expect(budget.blockedUntil()).toBe(until);
  });

  it('blocks with missing headers when only the overall family was ever seen', () => {
    const { budget } = budgetAt(T0, snapshot(null, { limit: [200, 2000], usage: [1, 1] }, T0));
    expect(budget.observeRejection(null)).toBe(Date.UTC(2026, 10, 18, 17, 45));
    expect(budget.blockedUntil()).not.toBeNull();
  });

  it('returns UTC midnight when the headers show the daily window spent', () => {
    const { budget } = budgetAt(T0);
    const until = budget.observeRejection(snapshot({ limit: [100, 1000], usage: [20, 1000] }, null, T0));
    expect(until).toBe(Date.UTC(2026, 10, 19));
    expect(budget.blockedUntil()).toBe(Date.UTC(2026, 10, 19));
  });

  it('after a quarter-hour rollover a stale snapshot does not make the rejection look harmless', () => {
    // The held snapshot is from the previous quarter hour; a 429 now must still block this quarter.
    const { budget, set } = budgetAt(T0 - 15 * MIN, snapshot({ limit: [100, 1000], usage: [100, 300] }, null, T0 - 15 * MIN));
    set(T0);
    expect(budget.blockedUntil()).toBeNull(); // the old window has reset
    expect(budget.observeRejection(null)).toBe(Date.UTC(2026, 10, 18, 17, 45));
    expect(budget.current()?.read?.usage).toEqual([100, 300]);
  });
});

describe('RateBudget with a skewed local clock', () => {
  const spent: WindowPair = { limit: [100, 1000], usage: [100, 500] };
  const TEN_MINUTES = 10 * 60_000;

  for (const skew of [TEN_MINUTES, -TEN_MINUTES]) {
    it(`windows reset on Strava's quarter hour when our clock is ${skew > 0 ? 'behind' : 'ahead'} by 10 minutes`, () => {
      // Strava's time is T0 (17:40); ours is T0 - skew.
      const { budget, set } = budgetAt(T0 - skew);
      budget.noteServerDate(T0);
      expect(budget.serverNow()).toBe(T0);
      budget.observe(snapshot(spent, null, budget.serverNow()));
      // Strava resets at 17:45 its time, which is 17:45 - skew on our clock.
      const until = budget.blockedUntil();
      expect(until).toBe(Date.UTC(2026, 10, 18, 17, 45) - skew);
      set(until! - 1);
      expect(budget.blockedUntil()).not.toBeNull();
      set(until!);
      expect(budget.blockedUntil()).toBeNull();
    });
  }

  it('takes the Date header as it is, even a fraction of a second off (the header has whole seconds)', () => {
    const { budget } = budgetAt(T0 + 999);
    budget.noteServerDate(T0);
    expect(budget.serverNow()).toBe(T0);
  });

  it('a 429 is adopted even when it looks older than what we hold (snapshots from another clock)', () => {
    const { budget } = budgetAt(T0);
    budget.observe(snapshot({ limit: [100, 1000], usage: [10, 100] }, null, T0 + 5000));
    const until = budget.observeRejection(snapshot({ limit: [100, 1000], usage: [100, 1000] }, null, T0));
    // The daily window is spent: nothing until UTC midnight.
    expect(until).toBe(Date.UTC(2026, 10, 19));
    expect(budget.blockedUntil()).toBe(until);
  });

  it('remembers the skew in its snapshot for the next process', () => {
    const { budget } = budgetAt(T0);
    budget.noteServerDate(T0 + 600_000);
    budget.observe(snapshot(spent, null, budget.serverNow()));
    const next = new RateBudget(() => T0, budget.current());
    expect(next.serverNow()).toBe(T0 + 600_000);
    expect(next.blockedUntil()).toBe(budget.blockedUntil());
  });
});
