import { describe, expect, it } from 'vitest';
import type { ActivityRecord, Sport, Totals } from '../../../core/domain';
import { summarizeHistory } from '../../../core/stats/historySummary';
import { familyOf } from '../../../core/stats/sportFamilies';
import { chartWindowStartSeconds, emptyTotals, machineUtcOffsetMinutes, mondayOf, WEEKS_IN_CHART } from '../../../core/stats/weeklySummary';

/** This week's totals and the distance bars per family, as the old weekly summary gave them. */
function summarizeWeeks(records: ActivityRecord[], now: number, utcOffsetMinutes: number) {
  const summary = summarizeHistory(records, { now, utcOffsetMinutes }, familyOf({ eBikeRidesAsRides: false }));
  const families = Object.entries(summary.families) as [Sport, (typeof summary.families)[Sport]][];
  return {
    weekStart: summary.weekStart,
    thisWeek: Object.fromEntries(families.map(([sport, family]) => [sport, family.totals.week])) as Record<Sport, Totals>,
    weekly: Object.fromEntries(families.map(([sport, family]) => [sport, family.weekly.map(({ weekStart, distance }) => ({ weekStart, distance }))])) as Record<Sport, { weekStart: string; distance: number }[]>,
  };
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** `local` is the athlete's wall-clock time, written as an ISO date without zone. */
function activity(id: number, sportType: string, local: string, distance = 1000, extra: Partial<ActivityRecord> = {}): ActivityRecord {
  const startLocal = Date.parse(`${local}Z`);
  return { id, name: `Activity ${id}`, sportType, distance, movingTime: 600, elapsedTime: 660, elevationGain: 10, start: startLocal, startLocal, visibility: 'everyone', ...extra };
}

// 2024-03-04 and 2024-03-11 are Mondays; 2024-03-10 is a Sunday.
const SUNDAY_2359_LOCAL = '2024-03-10T23:59:00';
const MONDAY_0000_LOCAL = '2024-03-11T00:00:00';

describe('mondayOf', () => {
  it('maps every day of a week to its Monday 00:00', () => {
    const monday = Date.UTC(2024, 2, 4);
    for (let day = 0; day < 7; day += 1) {
      expect(mondayOf(monday + day * DAY + 13 * 3600_000)).toBe(monday);
    }
    expect(mondayOf(monday + WEEK)).toBe(monday + WEEK);
    expect(mondayOf(monday + WEEK - 1)).toBe(monday);
  });

  it('works before 1970 and across a year boundary', () => {
    expect(new Date(mondayOf(Date.UTC(1969, 11, 31, 12))).toISOString()).toBe('1969-12-29T00:00:00.000Z');
    expect(new Date(mondayOf(Date.UTC(2027, 0, 1, 9))).toISOString()).toBe('2026-12-28T00:00:00.000Z');
  });
});

describe('summarizeHistory: the week starts on Monday in the athlete\'s local time', () => {
  const cases = [
    { name: '+14h (Kiritimati)', offset: 14 * 60 },
    { name: '−12h (Baker Island)', offset: -12 * 60 },
    { name: 'UTC', offset: 0 },
    { name: '+5:45 (Kathmandu)', offset: 5 * 60 + 45 },
  ];
  for (const { name, offset } of cases) {
    it(`at ${name}: one minute before local Monday it is still last week; at local Monday it is the new week`, () => {
      const offsetMs = offset * 60_000;
      const sundayNight = Date.parse(`${SUNDAY_2359_LOCAL}Z`) - offsetMs; // real UTC instant
      const mondayMidnight = Date.parse(`${MONDAY_0000_LOCAL}Z`) - offsetMs;
      // Started at those local times, so at these real instants.
      const sundayRun = activity(1, 'Run', SUNDAY_2359_LOCAL, 5000, { start: sundayNight });
      const mondayRun = activity(2, 'Run', MONDAY_0000_LOCAL, 7000, { start: mondayMidnight });

      const before = summarizeWeeks([sundayRun], sundayNight, offset);
      expect(before.weekStart).toBe('2024-03-04');
      expect(before.thisWeek.run.distance).toBe(5000);
      expect(before.weekly.run.at(-1)).toEqual({ weekStart: '2024-03-04', distance: 5000 });

      const after = summarizeWeeks([sundayRun, mondayRun], mondayMidnight, offset);
      expect(after.weekStart).toBe('2024-03-11');
      expect(after.thisWeek.run).toEqual({ count: 1, distance: 7000, movingTime: 600, elevationGain: 10 });
      expect(after.weekly.run.at(-1)).toEqual({ weekStart: '2024-03-11', distance: 7000 });
      expect(after.weekly.run.at(-2)).toEqual({ weekStart: '2024-03-04', distance: 5000 });
    });
  }

  it('the same UTC instant is Sunday at −12h and Monday at +14h', () => {
    const instant = Date.UTC(2024, 2, 10, 12, 30); // Sunday 12:30 UTC
    expect(summarizeWeeks([], instant, -12 * 60).weekStart).toBe('2024-03-04'); // Sunday 00:30 local
    expect(summarizeWeeks([], instant, 14 * 60).weekStart).toBe('2024-03-11'); // Monday 02:30 local
  });

  it('places activities by their local wall-clock time, not their UTC start', () => {
    // A run at 23:30 Sunday local in UTC−8 starts at 07:30 Monday UTC; it belongs to the earlier week.
    const run = activity(1, 'Run', '2024-03-10T23:30:00', 4000, { start: Date.UTC(2024, 2, 11, 7, 30) });
    const now = Date.UTC(2024, 2, 13, 20); // Wednesday
    const summary = summarizeWeeks([run], now, -8 * 60);
    expect(summary.thisWeek.run.count).toBe(0);
    expect(summary.weekly.run.at(-2)?.distance).toBe(4000);
  });
});

describe('summarizeHistory: families, bars and filtering', () => {
  const now = Date.UTC(2024, 2, 13, 12); // Wednesday 2024-03-13, UTC

  it('makes 12 bars per sport, oldest first, one week apart, ending with this week', () => {
    const summary = summarizeWeeks([], now, 0);
    expect(WEEKS_IN_CHART).toBe(12);
    for (const sport of ['run', 'ride', 'swim'] as const) {
      const bars = summary.weekly[sport];
      expect(bars).toHaveLength(12);
      expect(bars[0]?.weekStart).toBe('2023-12-25');
      expect(bars[11]?.weekStart).toBe('2024-03-11');
      for (let index = 1; index < bars.length; index += 1) {
        expect(Date.parse(bars[index]!.weekStart) - Date.parse(bars[index - 1]!.weekStart)).toBe(WEEK);
      }
      expect(bars.every((bar) => bar.distance === 0)).toBe(true);
      expect(summary.thisWeek[sport]).toEqual(emptyTotals());
    }
  });

  it('totals this week per family and charts older weeks', () => {
    const activities = [
      activity(1, 'Run', '2024-03-11T07:00:00', 5000),
      activity(2, 'TrailRun', '2024-03-12T07:00:00', 12000, { movingTime: 4000, elevationGain: 600 }),
      activity(3, 'GravelRide', '2024-03-12T17:00:00', 40000),
      activity(4, 'VirtualRide', '2024-03-13T06:00:00', 20000),
      activity(5, 'MountainBikeRide', '2024-03-05T10:00:00', 30000),
      activity(6, 'Swim', '2024-03-13T06:30:00', 1500),
      activity(7, 'Walk', '2024-03-12T12:00:00', 3000),
      activity(8, 'Yoga', '2024-03-12T19:00:00', 0),
    ];
    const summary = summarizeWeeks(activities, now, 0);
    expect(summary.thisWeek.run).toEqual({ count: 2, distance: 17000, movingTime: 4600, elevationGain: 610 });
    expect(summary.thisWeek.ride).toEqual({ count: 2, distance: 60000, movingTime: 1200, elevationGain: 20 });
    expect(summary.thisWeek.swim).toEqual({ count: 1, distance: 1500, movingTime: 600, elevationGain: 10 });
    expect(summary.weekly.ride[11]?.distance).toBe(60000);
    expect(summary.weekly.ride[10]).toEqual({ weekStart: '2024-03-04', distance: 30000 });
    // Walks and yoga have families of their own: they change run, ride and swim not at all.
    const total = (['run', 'ride', 'swim'] as const).reduce((sum, sport) => sum + summary.weekly[sport].reduce((s, bar) => s + bar.distance, 0), 0);
    expect(total).toBe(17000 + 60000 + 30000 + 1500);
    expect(summary.thisWeek.walk).toEqual({ count: 1, distance: 3000, movingTime: 600, elevationGain: 10 });
    expect(summary.thisWeek.fitness.count).toBe(1);
  });

  it('ignores activities after this week and before the chart window', () => {
    const activities = [
      activity(1, 'Run', '2024-03-18T07:00:00', 5000), // next Monday
      activity(2, 'Run', '2025-01-01T07:00:00', 5000),
      activity(3, 'Run', '2023-12-24T23:59:00', 5000), // Sunday before the first bar
      activity(4, 'Run', '2023-12-25T00:00:00', 800), // first instant of the first bar
    ];
    const summary = summarizeWeeks(activities, now, 0);
    expect(summary.thisWeek.run).toEqual(emptyTotals());
    expect(summary.weekly.run[0]).toEqual({ weekStart: '2023-12-25', distance: 800 });
    expect(summary.weekly.run.reduce((sum, bar) => sum + bar.distance, 0)).toBe(800);
  });
});

describe('chartWindowStartSeconds', () => {
  it('is the first bar\'s Monday minus a day of slack, in epoch seconds', () => {
    const now = Date.UTC(2024, 2, 13, 12);
    expect(chartWindowStartSeconds(now, 0)).toBe(Date.UTC(2023, 11, 24) / 1000);
  });

  it('follows the local week and covers every activity the chart can show', () => {
    const instant = Date.UTC(2024, 2, 10, 12, 30);
    expect(chartWindowStartSeconds(instant, -12 * 60)).toBe(Date.UTC(2023, 11, 17) / 1000);
    expect(chartWindowStartSeconds(instant, 14 * 60)).toBe(Date.UTC(2023, 11, 24) / 1000);
    for (const offset of [-12 * 60, 0, 14 * 60]) {
      const firstBar = summarizeWeeks([], instant, offset).weekly.run[0]!.weekStart;
      // The earliest real (UTC) start of an activity in the first bar is its local midnight minus 14 h.
      expect(chartWindowStartSeconds(instant, offset) * 1000).toBeLessThanOrEqual(Date.parse(`${firstBar}T00:00:00Z`) - 14 * 3600_000);
      expect(Number.isInteger(chartWindowStartSeconds(instant, offset))).toBe(true);
    }
  });
});

describe('machineUtcOffsetMinutes', () => {
  it('is minutes east of UTC for this machine', () => {
    const now = Date.UTC(2024, 2, 13, 12);
    expect(machineUtcOffsetMinutes(now)).toBe(-new Date(now).getTimezoneOffset());
  });
});
