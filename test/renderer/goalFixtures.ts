// Goals and recent activities for the renderer's fixtures, made by core's own functions (goalViews,
// recentActivities, glanceView) so the dashboard is tested against the words core produces.
// Computed at a fixed moment: a goal's status depends on how much of its period is gone, and the
// tests must find the same statuses on whatever day they run.
import type { ActivityRecord } from '../../core/domain';
import type { DashboardState, FamilyStats, GlanceView, Goal, GoalView, RecentActivity, Sport, Units } from '../../preload/contract';
import { elapsedShare, goalWindow } from '../../core/goals/goalPeriods';
import { familyOf } from '../../core/stats/sportFamilies';
import { goalViews } from '../../core/view/dashboardState';
import { glanceView } from '../../core/view/glance';
import { recentActivities } from '../../core/view/recentActivities';

/** Thursday 3 December 2026, 17:30 in the athlete's zone (UTC here): a week half gone, a month just begun. */
export const GOAL_MOMENT = Date.UTC(2026, 11, 3, 17, 30);
const moment = { now: GOAL_MOMENT, utcOffsetMinutes: 0 };
const family = familyOf({ eBikeRidesAsRides: false });

function record(id: number, name: string, sportType: string, startLocal: string, distance: number, movingTime: number, elevationGain: number): ActivityRecord {
  const start = Date.parse(`${startLocal}:00Z`);
  return { id, name, sportType, distance, movingTime, elapsedTime: movingTime + 300, elevationGain, start, startLocal: start, visibility: 'everyone' };
}

/** This week's runs add up to the fixtures' run week (4 runs, 42.2 km, 3h 52m), and its ride to the ride week. */
export const RECORDS: ActivityRecord[] = [
  record(9501, 'Morning run along Bryggen', 'Run', '2026-12-03T07:05', 12_000, 3_720, 96),
  record(9502, 'Lunch ride to Fløyen', 'Ride', '2026-12-02T11:40', 62_300, 8_040, 740),
  record(9503, 'Tempo on the hills', 'Run', '2026-12-02T06:50', 12_095, 4_080, 346),
  record(9504, 'Evening yoga', 'Yoga', '2026-12-01T20:00', 0, 3_600, 0),
  record(9505, 'Intervals 6×800 m', 'Run', '2026-12-01T18:10', 10_100, 3_300, 40),
  record(9506, 'Easy recovery', 'Run', '2026-11-30T07:30', 8_000, 2_820, 30),
  record(9507, 'Pool swim', 'Swim', '2026-11-28T09:00', 2_500, 3_000, 0),
];

export function recentFixture(units: Units): RecentActivity[] {
  return recentActivities(RECORDS, { now: GOAL_MOMENT, nowLocal: GOAL_MOMENT, units, familyOf: family });
}

/**
 * Goal views of `goals` against the fixtures' families. `countingFrom`: the history reaches back
 * only to this day (YYYY-MM-DD), so goals whose period starts earlier are still counting.
 */
export function goalFixture(goals: Goal[], families: Record<Sport, FamilyStats>, units: Units, countingFrom?: string): GoalView[] {
  const reachesBack = countingFrom ? Date.parse(`${countingFrom}T00:00:00Z`) : Number.NEGATIVE_INFINITY;
  return goalViews({ goals }, units, { records: RECORDS, families, familyOf: family, reachesBack, now: GOAL_MOMENT }, moment);
}

/** The share of this week gone at GOAL_MOMENT (core's own arithmetic). */
export const WEEK_ELAPSED = elapsedShare(goalWindow('week', moment));

/** The dashboard's main view: ahead on the runs, behind on the rides, the week's count reached. */
export const MAIN_GOALS: Goal[] = [
  { id: 1, sport: 'run', period: 'week', measure: 'distance', target: 50_000 },
  { id: 2, sport: 'ride', period: 'week', measure: 'distance', target: 150_000 },
  { id: 3, sport: 'run', period: 'week', measure: 'count', target: 4 },
];

/**
 * One goal of every status, and of every measure: reached, ahead, on pace (the run week's 42.2 km
 * is exactly the even pace of this target), behind, and a year goal still counting.
 */
export function everyStatusGoals(): Goal[] {
  return [
    { id: 11, sport: 'run', period: 'week', measure: 'count', target: 4 },
    { id: 12, sport: 'ride', period: 'month', measure: 'elevation', target: 2_000 },
    { id: 13, sport: 'run', period: 'week', measure: 'distance', target: Math.round(42_195 / WEEK_ELAPSED) },
    { id: 14, sport: 'fitness', period: 'week', measure: 'time', target: 5 * 3600 },
    { id: 15, sport: 'ride', period: 'year', measure: 'distance', target: 4_000_000 },
  ];
}

/** `state` with these goals: the settings list them, the views come from core, and so does the glance. */
export function withGoals(state: DashboardState, goals: Goal[], countingFrom?: string): DashboardState {
  if (!state.data) throw new Error('goals need data');
  const views = goalFixture(goals, state.data.stats.families, state.settings.units, countingFrom);
  const settings = { ...state.settings, goals };
  const glance: GlanceView = glanceView({ data: state.data, settings }, views, settings);
  return { ...state, goals: views, glance, settings, data: { ...state.data, recent: recentFixture(state.settings.units) } };
}
