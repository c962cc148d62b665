import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOAL_PERIODS } from '../../../core/domain';
import { daysLeft, elapsedShare, goalPeriodKey, goalWindow, periodDays } from '../../../core/goals/goalPeriods';
import { periodBounds } from '../../../core/stats/periods';
import { runs, propertyTest } from '../../support/properties';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The epoch instant at which it is `local` (wall clock, read as UTC) in a zone `offset` minutes east. */
const at = (local: number, offset: number) => ({ now: local - offset * 60_000, utcOffsetMinutes: offset });

describe('goal periods in the athlete\'s local time', () => {
  it('a week runs Monday 00:00 to the next Monday, local time, whatever the offset', () => {
    // Wednesday 2 December 2026, 12:00 in Auckland (+13:00) is still Tuesday in UTC.
    const moment = at(Date.UTC(2026, 11, 2, 12), 13 * 60);
    expect(new Date(moment.now).getUTCDay()).toBe(2);
    const window = goalWindow('week', moment);
    expect(periodDays(window)).toEqual({ startsOn: '2026-11-30', endsOn: '2026-12-06' });
    expect(daysLeft(window)).toBe(5); // Wednesday to Sunday
    expect(elapsedShare(window)).toBeCloseTo(2.5 / 7, 12);
  });

  it('is exact at the boundaries: Monday 00:00 starts a new week with nothing gone; Sunday 23:59 has one day left', () => {
    const monday = goalWindow('week', at(Date.UTC(2026, 10, 30, 0, 0), -300));
    expect(periodDays(monday).startsOn).toBe('2026-11-30');
    expect(elapsedShare(monday)).toBe(0);
    expect(daysLeft(monday)).toBe(7);
    const sundayNight = goalWindow('week', at(Date.UTC(2026, 10, 29, 23, 59, 59, 999), -300));
    expect(periodDays(sundayNight)).toEqual({ startsOn: '2026-11-23', endsOn: '2026-11-29' });
    expect(daysLeft(sundayNight)).toBe(1);
    expect(elapsedShare(sundayNight)).toBeLessThan(1);
  });

  it('months and years follow the calendar, leap years included', () => {
    const feb = goalWindow('month', at(Date.UTC(2028, 1, 29, 18), 60));
    expect(periodDays(feb)).toEqual({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
    expect(daysLeft(feb)).toBe(1);
    expect(goalPeriodKey('month', feb)).toBe('2028-02');
    const leapYear = goalWindow('year', at(Date.UTC(2028, 6, 1), 0));
    expect(elapsedShare(leapYear)).toBeCloseTo(182 / 366, 12); // 31+29+31+30+31+30 days gone
    expect(daysLeft(leapYear)).toBe(184);
    expect(goalPeriodKey('year', leapYear)).toBe('2028');
    const december = goalWindow('month', at(Date.UTC(2026, 11, 31, 23, 30), 0));
    expect(periodDays(december)).toEqual({ startsOn: '2026-12-01', endsOn: '2026-12-31' });
  });

  it('a change to or from summer time inside the period moves no boundary', () => {
    // Europe/Berlin: +60 before 29 March 2026 02:00 UTC+1, +120 after. The week is Monday 23 March to Sunday 29 March.
    const before = goalWindow('week', at(Date.UTC(2026, 2, 23, 8), 60));
    const after = goalWindow('week', at(Date.UTC(2026, 2, 29, 22), 120));
    expect(after.startLocal).toBe(before.startLocal);
    expect(after.endLocal).toBe(before.endLocal);
    expect(daysLeft(after)).toBe(1);
    expect(goalPeriodKey('week', after)).toBe(goalPeriodKey('week', before));
  });

  it('weeks are keyed by ISO 8601 week: the year of their Thursday', () => {
    const key = (y: number, m: number, d: number) => goalPeriodKey('week', goalWindow('week', at(Date.UTC(y, m, d, 12), 0)));
    expect(key(2025, 11, 29)).toBe('2026-W01'); // Monday 29 December 2025
    expect(key(2026, 0, 4)).toBe('2026-W01');
    expect(key(2026, 11, 31)).toBe('2026-W53'); // 2026 has 53 ISO weeks
    expect(key(2027, 0, 3)).toBe('2026-W53');
    expect(key(2027, 0, 4)).toBe('2027-W01');
    expect(key(2026, 11, 1)).toBe('2026-W49');
  });

  it('the week and the year are the totals\' week and year to date', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -12 * 60, max: 14 * 60 }), (now, offset) => {
        const moment = { now, utcOffsetMinutes: offset };
        const bounds = periodBounds(moment);
        expect(goalWindow('week', moment).startLocal).toBe(bounds.weekStartLocal);
        expect(goalWindow('year', moment).startLocal).toBe(bounds.yearStartLocal);
        expect(goalWindow('month', moment).startLocal).toBe(bounds.monthStartLocal);
      }),
      runs(300),
    );
  }, propertyTest.timeout);

  it('every instant is in exactly one period of each kind, and a key names one period only', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GOAL_PERIODS),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 1, max: 400 * DAY }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (period, now, later, offset) => {
          const first = goalWindow(period, { now, utcOffsetMinutes: offset });
          expect(first.startLocal).toBeLessThanOrEqual(first.nowLocal);
          expect(first.nowLocal).toBeLessThan(first.endLocal);
          const share = elapsedShare(first);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThan(1);
          expect(daysLeft(first)).toBeGreaterThanOrEqual(1);
          expect(daysLeft(first)).toBeLessThanOrEqual(366);
          const next = goalWindow(period, { now: now + later, utcOffsetMinutes: offset });
          const same = next.startLocal === first.startLocal;
          expect(goalPeriodKey(period, next) === goalPeriodKey(period, first)).toBe(same);
          if (!same) expect(next.startLocal).toBeGreaterThanOrEqual(first.endLocal);
          // The period after `first` starts exactly where `first` ends.
          const following = goalWindow(period, { now: first.endLocal - offset * 60_000, utcOffsetMinutes: offset });
          expect(following.startLocal).toBe(first.endLocal);
        },
      ),
      runs(400),
    );
  }, propertyTest.timeout);
});
