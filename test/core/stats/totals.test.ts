// One definition of every figure: the one-pass summary and the general totals function agree, the
// families partition the activities, and the periods follow the README's definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERIODS, SPORTS, VISIBILITIES, type ActivityRecord } from '../../../core/domain';
import { summarizeHistory } from '../../../core/stats/historySummary';
import { inPeriod, periodBounds } from '../../../core/stats/periods';
import { familyOf } from '../../../core/stats/sportFamilies';
import { averageSpeed, totalsFor } from '../../../core/stats/totals';
import { propertyTest, runs } from '../../support/properties';
import { digestHistory } from '../../../core/history/historyDigest';
import { emptyHistory } from '../../../core/history/historyData';
import { earliestWholeActivity } from '../../../core/stats/periods';

const NOW = Date.UTC(2026, 0, 1, 0, 30); // New Year's night: the year turned a moment ago in UTC

const record = fc.record({
  id: fc.integer({ min: 1, max: 1e12 }),
  name: fc.string({ maxLength: 10 }),
  sportType: fc.constantFrom('Run', 'TrailRun', 'Ride', 'EBikeRide', 'Swim', 'Yoga', 'Hike', 'AlpineSki', 'Kayaking', 'Golf', 'SomethingNew'),
  distance: fc.double({ min: 0, max: 200_000, noNaN: true }),
  movingTime: fc.integer({ min: 0, max: 40_000 }),
  elapsedTime: fc.integer({ min: 0, max: 50_000 }),
  elevationGain: fc.double({ min: 0, max: 5_000, noNaN: true }),
  start: fc.integer({ min: NOW - 3 * 365 * 86_400_000, max: NOW + 86_400_000 }),
  offset: fc.integer({ min: -12 * 60, max: 14 * 60 }),
  visibility: fc.constantFrom(...VISIBILITIES),
}).map(({ offset, ...rest }): ActivityRecord => ({ ...rest, startLocal: rest.start + offset * 60_000 }));

const records = fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 60 });
const offsets = fc.integer({ min: -12 * 60, max: 14 * 60 });

describe('totals', () => {
  it('the one-pass summary equals totalsFor for every family and period, with either e-bike setting', propertyTest, () => {
    fc.assert(
      fc.property(records, offsets, fc.boolean(), (list, utcOffsetMinutes, eBikeRidesAsRides) => {
        const moment = { now: NOW, utcOffsetMinutes };
        const family = familyOf({ eBikeRidesAsRides });
        const summary = summarizeHistory(list, moment, family);
        for (const sport of SPORTS) {
          for (const period of PERIODS) {
            const expected = totalsFor(list, { period, family: sport }, moment, family);
            const actual = summary.families[sport].totals[period];
            expect(actual.count).toBe(expected.count);
            expect(actual.distance).toBeCloseTo(expected.distance, 6);
            expect(actual.movingTime).toBe(expected.movingTime);
          }
        }
      }),
      runs(200),
    );
  });

  it('the digest gives the very figures of the whole history, at any later moment it covers', propertyTest, () => {
    fc.assert(
      fc.property(records, offsets, fc.integer({ min: 0, max: 20 * 86_400_000 }), (list, utcOffsetMinutes, later) => {
        const family = familyOf({ eBikeRidesAsRides: false });
        const newest = list.reduce((max, r) => Math.max(max, r.start), NOW);
        const moment = { now: newest + later, utcOffsetMinutes };
        const digest = digestHistory({ ...emptyHistory(1), activities: list });
        if (digest.splitAt !== null) expect(digest.splitAt).toBeLessThanOrEqual(earliestWholeActivity(moment));
        const whole = summarizeHistory(list, moment, family);
        const fromDigest = summarizeHistory(digest.recent, moment, family, { older: digest.older, leaders: digest.leaders });
        for (const sport of SPORTS) {
          const a = whole.families[sport];
          const b = fromDigest.families[sport];
          for (const period of PERIODS) {
            expect(b.totals[period].count).toBe(a.totals[period].count);
            expect(b.totals[period].distance).toBeCloseTo(a.totals[period].distance, 6);
            expect(b.totals[period].movingTime).toBe(a.totals[period].movingTime);
          }
          expect([...b.bySportType.keys()].sort()).toEqual([...a.bySportType.keys()].sort());
          expect(b.weekly).toEqual(a.weekly);
          expect(b.records.longest?.id).toBe(a.records.longest?.id);
          expect(b.records.biggestClimb?.id).toBe(a.records.biggestClimb?.id);
        }
      }),
      runs(200),
    );
  });

  it('the families partition the activities: every one is counted once, in one family', propertyTest, () => {
    fc.assert(
      fc.property(records, offsets, (list, utcOffsetMinutes) => {
        const moment = { now: NOW, utcOffsetMinutes };
        const family = familyOf({ eBikeRidesAsRides: false });
        for (const period of PERIODS) {
          const all = totalsFor(list, { period }, moment, family);
          const sum = SPORTS.reduce((count, sport) => count + totalsFor(list, { period, family: sport }, moment, family).count, 0);
          expect(sum).toBe(all.count);
        }
      }),
      runs(200),
    );
  });

  it('nested periods: this week and the last 4 weeks lie within all time; nothing after now counts', propertyTest, () => {
    fc.assert(
      fc.property(record, offsets, (activity, utcOffsetMinutes) => {
        const bounds = periodBounds({ now: NOW, utcOffsetMinutes });
        const counted = PERIODS.filter((period) => inPeriod(activity, period, bounds));
        if (activity.start > NOW) expect(counted).toEqual([]);
        else expect(counted).toContain('allTime');
      }),
      runs(200),
    );
  });

  it('the year and week turn at local midnight; the last 4 weeks are the last 28 × 24 h', () => {
    const bounds = periodBounds({ now: NOW, utcOffsetMinutes: 60 }); // 01:30 on 1 January, local
    const at = (local: string, startOffsetHours = 1) => ({ startLocal: Date.parse(`${local}Z`), start: Date.parse(`${local}Z`) - startOffsetHours * 3_600_000 });
    expect(inPeriod(at('2025-12-31T23:59:00'), 'ytd', bounds)).toBe(false);
    expect(inPeriod(at('2026-01-01T00:00:00'), 'ytd', bounds)).toBe(true);
    // 1 January 2026 is a Thursday: the week began on Monday 29 December.
    expect(inPeriod(at('2025-12-28T23:59:00'), 'week', bounds)).toBe(false);
    expect(inPeriod(at('2025-12-29T00:00:00'), 'week', bounds)).toBe(true);
    expect(inPeriod({ start: NOW - 28 * 86_400_000, startLocal: 0 }, 'fourWeeks', bounds)).toBe(false);
    expect(inPeriod({ start: NOW - 28 * 86_400_000 + 1000, startLocal: 0 }, 'fourWeeks', bounds)).toBe(true);
  });

  it('average speed is distance over moving time, and none without either', () => {
    expect(averageSpeed({ count: 1, distance: 10_000, movingTime: 2_500, elevationGain: 0 })).toBe(4);
    expect(averageSpeed({ count: 1, distance: 0, movingTime: 3_600, elevationGain: 0 })).toBeNull();
    expect(averageSpeed({ count: 0, distance: 0, movingTime: 0, elevationGain: 0 })).toBeNull();
  });
});

describe('records', () => {
  const base: ActivityRecord = { id: 1, name: 'a', sportType: 'Run', distance: 10_000, movingTime: 3_000, elapsedTime: 3_100, elevationGain: 50, start: NOW - 86_400_000, startLocal: NOW - 82_800_000, visibility: 'everyone' };
  const family = familyOf({ eBikeRidesAsRides: false });
  const moment = { now: NOW, utcOffsetMinutes: 60 };

  it('the longest by distance and the biggest climb per family, linking to the activity', () => {
    const list = [base, { ...base, id: 2, distance: 21_000, elevationGain: 10 }, { ...base, id: 3, distance: 5_000, elevationGain: 400, name: 'Hill' }];
    const summary = summarizeHistory(list, moment, family);
    expect(summary.families.run.records.longest?.id).toBe(2);
    expect(summary.families.run.records.biggestClimb).toMatchObject({ id: 3, name: 'Hill', elevationGain: 400 });
    expect(summary.families.ride.records).toEqual({ longest: null, biggestClimb: null });
  });

  it('families without distance have their longest by time; no climb where there is none', () => {
    const yoga = [{ ...base, id: 5, sportType: 'Yoga', distance: 0, elevationGain: 0, movingTime: 3_600 }, { ...base, id: 6, sportType: 'Yoga', distance: 0, elevationGain: 0, movingTime: 5_400 }];
    const summary = summarizeHistory(yoga, moment, family);
    expect(summary.families.fitness.records.longest?.id).toBe(6);
    expect(summary.families.fitness.records.biggestClimb).toBeNull();
  });

  it('a tie goes to the later activity, whatever the order of the records', () => {
    const older = { ...base, id: 7, start: NOW - 10 * 86_400_000 };
    const newer = { ...base, id: 8, start: NOW - 2 * 86_400_000 };
    expect(summarizeHistory([older, newer], moment, family).families.run.records.longest?.id).toBe(8);
    expect(summarizeHistory([newer, older], moment, family).families.run.records.longest?.id).toBe(8);
  });
});
