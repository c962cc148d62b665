// Goals against the simulator's ground truth: a backfilled history in zones with and without
// summer time, each goal's figure equal to the athlete's own activities in the period (local
// time), the same the dashboard, tray and command show.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { GOAL_MEASURES, GOAL_PERIODS, SPORTS, type GoalMeasure, type GoalPeriod, type Sport, type Totals } from '../../../core/domain';
import type { PacebarEngine } from '../../../core/engine/engine';
import type { SimActivity } from '../../../sim/index';
import { zoneOffsetSeconds } from '../../../sim/time';
import { sportFamily } from '../../../core/stats/sportFamilies';
import { DEEP } from '../../support/properties';
import { connect, startHarness, type Harness } from './harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const DAY = 86_400_000;
const live = {
  connection: { kind: 'connected' as const },
  missingScopes: [],
  sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null },
  about: { version: '0.0.0-test', update: { kind: 'off' as const } },
};

async function walkToTheEnd(harness: Harness, engine: PacebarEngine = harness.engine): Promise<void> {
  for (let guard = 0; guard < 1000; guard++) {
    const outcome = await engine.historyStep();
    if (outcome.status === 'paced') harness.sim.clock.set(Math.max(harness.sim.clock.now(), outcome.retryAt) + 1000);
    else if (outcome.status !== 'stepped') return;
  }
  throw new Error('the walk did not end');
}

/** The period's first instant, local wall clock read as UTC: written apart from core (calendar arithmetic by hand). */
function truthPeriodStart(period: GoalPeriod, now: number, zone: string): number {
  const local = new Date(now + zoneOffsetSeconds(zone, now) * 1000);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  if (period === 'week') return midnight - ((local.getUTCDay() + 6) % 7) * DAY;
  if (period === 'month') return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1);
  return Date.UTC(local.getUTCFullYear(), 0, 1);
}

function truthDone(activities: readonly SimActivity[], sport: Sport, period: GoalPeriod, measure: GoalMeasure, now: number, zone: string): number {
  const start = truthPeriodStart(period, now, zone);
  const totals: Totals = { count: 0, distance: 0, movingTime: 0, elevationGain: 0 };
  for (const a of activities) {
    const localStart = a.start + zoneOffsetSeconds(a.timeZone, a.start) * 1000;
    if (a.start > now || localStart < start || sportFamily(a.sport_type) !== sport) continue;
    totals.count += 1;
    totals.distance += a.distance;
    totals.movingTime += a.moving_time;
    totals.elevationGain += a.total_elevation_gain;
  }
  return { distance: totals.distance, time: totals.movingTime, elevation: totals.elevationGain, count: totals.count }[measure];
}

async function historyHarness(now: number, zone: string, seed = 7, count = 600): Promise<Harness> {
  return startHarness({ sim: { now, seed, history: { count, years: 3, timeZone: zone } }, utcOffsetMinutes: (at) => zoneOffsetSeconds(zone, at) / 60 });
}

// Each test backfills a history over HTTP: seconds here, room for a busy 2-core machine.
describe('goals equal the ground truth', { timeout: 90_000 }, () => {
  it('weekly, monthly and yearly goals in every measure, the Monday after New York leaves summer time', async () => {
    const zone = 'America/New_York';
    const now = Date.UTC(2026, 10, 2, 14, 30); // Monday 2 November 2026, 09:30 EST; the month began in EDT
    h = await historyHarness(now, zone);
    await connect(h);
    const counting = h.engine.viewState(live);
    await walkToTheEnd(h);
    const family = h.engine.viewState(live).data!.stats.active[0]!;
    for (const period of GOAL_PERIODS) for (const measure of GOAL_MEASURES) h.engine.addGoal({ sport: family, period, measure, target: measure === 'count' ? 3 : 1000 });
    const state = h.engine.viewState(live);
    const at = h.sim.clock.now();
    expect(state.goals).toHaveLength(GOAL_PERIODS.length * GOAL_MEASURES.length);
    for (const view of state.goals) {
      const expected = truthDone(h.sim.activities(), family, view.goal.period, view.goal.measure, at, zone);
      expect(view.status, `${view.goal.period} ${view.goal.measure}`).not.toBe('counting');
      expect(view.done, `${view.goal.period} ${view.goal.measure}`).toBeCloseTo(expected, 3);
    }
    // The week's and year's goals are the week's and year's totals the dashboard shows.
    const totals = state.data!.stats.families[family].totals;
    expect(state.goals.find((g) => g.goal.period === 'week' && g.goal.measure === 'distance')!.done).toBe(totals.week.distance);
    expect(state.goals.find((g) => g.goal.period === 'year' && g.goal.measure === 'count')!.done).toBe(totals.ytd.count);
    expect(state.goals.find((g) => g.goal.period === 'month')!.periodKey).toBe('2026-11');
    // Before the walk reached the year's start, a year goal would have been counting, not judged on part of it.
    expect(counting.data!.stats.history.state).toBe('counting');
  });

  it('a goal added mid-period counts the whole period; removing it leaves the others', async () => {
    const zone = 'Europe/Oslo';
    h = await historyHarness(Date.UTC(2026, 11, 3, 18), zone, 11, 300);
    await connect(h);
    await walkToTheEnd(h);
    const first = h.engine.addGoal({ sport: 'run', period: 'week', measure: 'distance', target: 30_000 });
    const second = h.engine.addGoal({ sport: 'ride', period: 'month', measure: 'time', target: 20 * 3600 });
    const at = h.sim.clock.now();
    const state = h.engine.viewState(live);
    expect(state.goals.map((g) => g.goal.id)).toEqual([first.id, second.id]);
    expect(state.goals[0]!.done).toBeCloseTo(truthDone(h.sim.activities(), 'run', 'week', 'distance', at, zone), 3);
    expect(state.glance.ring).toEqual({ fraction: state.goals[0]!.fraction, status: state.goals[0]!.status });
    h.engine.removeGoal(first.id);
    expect(h.engine.viewState(live).goals.map((g) => g.goal.id)).toEqual([second.id]);
    expect(() => h!.engine.removeGoal(first.id)).toThrow(/There is no goal/);
    expect(h.engine.settings.get().goals).toHaveLength(1);
  });

  it('recent activities are the athlete\'s newest, private ones included, newest first', async () => {
    h = await historyHarness(Date.UTC(2026, 11, 1, 12), 'Asia/Kolkata', 5, 200);
    await connect(h);
    await walkToTheEnd(h);
    const recent = h.engine.viewState(live).data!.recent;
    const newest = [...h.sim.activities()].filter((a) => a.start <= h!.sim.clock.now()).sort((a, b) => b.start - a.start).slice(0, 5);
    expect(recent.map((a) => a.id)).toEqual(newest.map((a) => a.id));
    for (const [index, activity] of recent.entries()) {
      expect(activity.family).toBe(sportFamily(newest[index]!.sport_type));
      expect(activity.text.line.startsWith(newest[index]!.name)).toBe(true);
    }
  });

  // Each run backfills a history over HTTP (about a second here): room for a busy 2-core machine.
  it('for generated athletes, zones and instants (week, month and year boundaries included)', { timeout: DEEP ? 30 * 60_000 : 120_000 }, async () => {
    const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney', 'Pacific/Auckland', 'UTC'];
    const INSTANTS = [Date.UTC(2026, 2, 29, 1, 30), Date.UTC(2026, 9, 5, 13), Date.UTC(2027, 0, 1, 0, 5), Date.UTC(2028, 1, 29, 22), Date.UTC(2026, 11, 31, 23, 59)];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(...ZONES), fc.constantFrom(...INSTANTS), async (seed, zone, now) => {
        await h?.close();
        h = await historyHarness(now, zone, seed, 250);
        await connect(h);
        await walkToTheEnd(h);
        const sports = h.engine.viewState(live).data!.stats.active;
        for (const sport of sports.slice(0, 2)) for (const period of GOAL_PERIODS) h.engine.addGoal({ sport, period, measure: 'distance', target: 50_000 });
        const at = h.sim.clock.now();
        for (const view of h.engine.viewState(live).goals) {
          expect(view.done, `${zone} ${new Date(at).toISOString()} ${view.goal.sport} ${view.goal.period}`).toBeCloseTo(truthDone(h.sim.activities(), view.goal.sport, view.goal.period, 'distance', at, zone), 3);
        }
        expect(SPORTS).toContain(sports[0]);
      }),
      // A deep run backfills 50 athletes (not 10,000: each is a whole history over HTTP).
      { numRuns: DEEP ? 50 : 5 },
    );
  });
});
