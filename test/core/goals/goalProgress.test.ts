import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOAL_MEASURES, GOAL_PERIODS, type Goal, type Totals } from '../../../core/domain';
import { goalWindow } from '../../../core/goals/goalPeriods';
import { ON_PACE_SHARE, goalProgress } from '../../../core/goals/goalProgress';
import { withGoalAdded, withGoalRemoved } from '../../../core/goals/goalEdits';
import { goalText } from '../../../core/view/goalText';
import { runs, propertyTest } from '../../support/properties';

const totals = (patch: Partial<Totals>): Totals => ({ count: 0, distance: 0, movingTime: 0, elevationGain: 0, ...patch });
const goal = (patch: Partial<Goal> = {}): Goal => ({ id: 1, sport: 'ride', period: 'week', measure: 'distance', target: 150_000, ...patch });
// Wednesday 2 December 2026, 12:00 UTC: 2.5 of the week's 7 days gone, 5 days left (Wednesday included).
const WEDNESDAY_NOON = { now: Date.UTC(2026, 11, 2, 12), utcOffsetMinutes: 0 };
const week = goalWindow('week', WEDNESDAY_NOON);

describe('goal progress', () => {
  it('ahead: more done than the even pace; what is needed per remaining day', () => {
    const figures = goalProgress(goal(), totals({ distance: 92_000 }), week);
    const expected = 150_000 * (2.5 / 7);
    expect(figures.status).toBe('ahead');
    expect(figures.delta).toBeCloseTo(92_000 - expected, 6);
    expect(figures.daysLeft).toBe(5);
    expect(figures.perDay).toBeCloseTo(58_000 / 5, 6);
    expect(figures.fraction).toBeCloseTo(92 / 150, 12);
    expect(figures.periodKey).toBe('2026-W49');
    expect(goalText(figures, 'metric')).toEqual({
      title: 'Ride · 150 km a week',
      progress: '92.0 / 150 km',
      pace: 'ahead by 38.4 km',
      needed: '11.6 km a day to go',
      line: 'Ride this week: 92.0 / 150 km · ahead by 38.4 km · 11.6 km a day to go',
      short: '92/150 km',
    });
  });

  it('behind, in miles', () => {
    const figures = goalProgress(goal({ sport: 'run', target: 40 * 1609.344 }), totals({ distance: 8 * 1609.344 }), week);
    expect(figures.status).toBe('behind');
    const text = goalText(figures, 'imperial');
    expect(text.title).toBe('Run · 40.0 mi a week');
    expect(text.pace).toBe('behind by 6.3 mi'); // 40 × 2.5/7 = 14.29 expected, 8 done
    expect(text.needed).toBe('6.4 mi a day to go'); // 32 mi over 5 days
    expect(text.short).toBe('8/40 mi');
  });

  it('reached: nothing more needed, whatever is left of the period', () => {
    const figures = goalProgress(goal({ measure: 'count', target: 4 }), totals({ count: 5 }), week);
    expect(figures).toMatchObject({ status: 'reached', perDay: null, perWeek: null });
    expect(goalText(figures, 'metric')).toMatchObject({ pace: 'reached', needed: null, progress: '5 / 4 rides', short: '5/4 rides' });
  });

  it('on pace within 1 % of the target either side of the even pace', () => {
    const expected = 150_000 * (2.5 / 7);
    expect(goalProgress(goal(), totals({ distance: expected + 150_000 * ON_PACE_SHARE * 0.9 }), week).status).toBe('on_pace');
    expect(goalProgress(goal(), totals({ distance: expected - 150_000 * ON_PACE_SHARE * 0.9 }), week).status).toBe('on_pace');
    expect(goalProgress(goal(), totals({ distance: expected + 150_000 * ON_PACE_SHARE * 1.1 }), week).status).toBe('ahead');
  });

  it('counting: never judged on part of the period', () => {
    const figures = goalProgress(goal({ period: 'year' }), null, goalWindow('year', WEDNESDAY_NOON));
    expect(figures).toMatchObject({ status: 'counting', done: 0, delta: 0, perDay: null });
    expect(goalText(figures, 'metric')).toMatchObject({ pace: 'counting your history…', short: '…', line: 'Ride this year: 150 km goal · counting your history…' });
  });

  it('words for time, elevation, counts and swims', () => {
    const time = goalText(goalProgress(goal({ sport: 'fitness', measure: 'time', target: 5.5 * 3600 }), totals({ movingTime: 3600 }), week), 'metric');
    expect(time).toMatchObject({ title: 'Fitness · 5h 30m a week', progress: '1h 00m / 5h 30m', needed: '0h 54m a day to go', short: '1/5.5 h' });
    const climb = goalText(goalProgress(goal({ period: 'month', measure: 'elevation', target: 2000 }), totals({ elevationGain: 1200 }), goalWindow('month', WEDNESDAY_NOON)), 'metric');
    expect(climb.title).toBe('Ride · 2,000 m of climbing a month');
    // 2,000 × 1.5/31 = 97 m expected by Wednesday noon; 800 m over the 30 days left.
    expect(climb.line).toBe('Ride this month: 1,200 / 2,000 m of climbing · ahead by 1,103 m · 27 m a day to go');
    const count = goalText(goalProgress(goal({ sport: 'run', measure: 'count', target: 4 }), totals({ count: 1 }), week), 'metric');
    expect(count).toMatchObject({ progress: '1 / 4 runs', needed: '3 runs to go in 5 days' });
    const swim = goalText(goalProgress(goal({ sport: 'swim', period: 'year', target: 100_000 }), totals({ distance: 94_000 }), goalWindow('year', WEDNESDAY_NOON)), 'metric');
    expect(swim).toMatchObject({ progress: '94,000 / 100,000 m', short: '94,000/100,000 m' });
    expect(swim.needed).toMatch(/^[\d,]+ m a week to go$/);
  });

  it('the last day of a count goal says today', () => {
    const sunday = goalWindow('week', { now: Date.UTC(2026, 11, 6, 9), utcOffsetMinutes: 0 });
    expect(goalText(goalProgress(goal({ measure: 'count', target: 3 }), totals({ count: 2 }), sunday), 'metric').needed).toBe('1 ride to go today');
  });

  it('done, ahead and what is needed always add up to the target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GOAL_PERIODS),
        fc.constantFrom(...GOAL_MEASURES),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (period, measure, target, doneAmount, now, offset) => {
          const window = goalWindow(period, { now, utcOffsetMinutes: offset });
          const measured = { distance: 'distance', time: 'movingTime', elevation: 'elevationGain', count: 'count' } as const;
          const figures = goalProgress(goal({ period, measure, target }), totals({ [measured[measure]]: doneAmount }), window);
          expect(figures.done).toBe(doneAmount);
          expect(figures.delta).toBeCloseTo(doneAmount - target * figures.elapsed, 6);
          if (doneAmount >= target) expect(figures.status).toBe('reached');
          else {
            expect(figures.perDay! * figures.daysLeft).toBeCloseTo(target - doneAmount, 6);
            expect(figures.perWeek!).toBeGreaterThanOrEqual(figures.perDay!);
            expect(['ahead', 'behind', 'on_pace']).toContain(figures.status);
            if (figures.status === 'ahead') expect(figures.delta).toBeGreaterThan(0);
            if (figures.status === 'behind') expect(figures.delta).toBeLessThan(0);
          }
        },
      ),
      runs(500),
    );
  }, propertyTest.timeout);
});

describe('adding and removing goals', () => {
  const input = { sport: 'run', period: 'month', measure: 'distance', target: 200_000 } as const;

  it('gives the next free id, keeps the order, and refuses a bad target with one line', () => {
    const { goals, added } = withGoalAdded([goal({ id: 3 })], input);
    expect(added.id).toBe(4);
    expect(goals.map((g) => g.id)).toEqual([3, 4]);
    expect(() => withGoalAdded([], { ...input, target: -5 })).toThrow(/positive amount/);
    expect(() => withGoalAdded([], { ...input, measure: 'count', target: 2.5 })).toThrow(/whole number of activities/);
    expect(() => withGoalAdded([], { ...input, target: 2e12 })).toThrow(/at most 1,000,000 km/);
  });

  it('removes by id; an unknown id is refused and changes nothing', () => {
    const goals = [goal({ id: 1 }), goal({ id: 2 })];
    expect(withGoalRemoved(goals, 1).map((g) => g.id)).toEqual([2]);
    expect(() => withGoalRemoved(goals, 7)).toThrow('There is no goal 7; nothing was changed.');
    expect(goals).toHaveLength(2);
  });
});
