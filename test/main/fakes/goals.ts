// Goals and recent activities for the main-process tests, made by core's own functions (so the
// tray is tested against the words and figures core really produces, never hand-written ones).
import type { ActivityRecord, DashboardState, Goal, GoalView, Totals, Units } from '../../../core/domain';
import { goalWindow } from '../../../core/goals/goalPeriods';
import { goalProgress } from '../../../core/goals/goalProgress';
import { familyOf } from '../../../core/stats/sportFamilies';
import { glanceView } from '../../../core/view/glance';
import { goalText } from '../../../core/view/goalText';
import { recentActivities } from '../../../core/view/recentActivities';
import { NOW } from './state';

export const RIDE_WEEK: Goal = { id: 1, sport: 'ride', period: 'week', measure: 'distance', target: 150_000 };
export const RUN_MONTH: Goal = { id: 2, sport: 'run', period: 'month', measure: 'count', target: 12 };

/** The goal's view with `done` so far in its period (null: the history is still counting). */
export function goalView(goal: Goal, done: Partial<Totals> | null, options: { now?: number; utcOffsetMinutes?: number; units?: Units } = {}): GoalView {
  const window = goalWindow(goal.period, { now: options.now ?? NOW, utcOffsetMinutes: options.utcOffsetMinutes ?? 0 });
  const totals = done === null ? null : { count: 0, distance: 0, movingTime: 0, elevationGain: 0, ...done };
  const figures = goalProgress(goal, totals, window);
  return { ...figures, text: goalText(figures, options.units ?? 'metric') };
}

/** `state` with these goals (in the settings too) and the glance core composes for them. */
export function withGoals(state: DashboardState, goals: GoalView[], settings: Partial<Pick<DashboardState['settings'], 'menuBarTitle' | 'trayIcon'>> = {}): DashboardState {
  const next = { ...state, goals: state.data ? goals : [], settings: { ...state.settings, ...settings, goals: goals.map((view) => view.goal) } };
  return { ...next, glance: glanceView(next, next.goals, next.settings) };
}

let nextId = 9_100;
export function activity(overrides: Partial<ActivityRecord> = {}): ActivityRecord {
  const start = overrides.start ?? NOW - 2 * 86_400_000;
  return {
    id: nextId++,
    name: 'Morning Run',
    sportType: 'Run',
    distance: 10_200,
    movingTime: 3_120,
    elapsedTime: 3_300,
    elevationGain: 40,
    start,
    startLocal: start,
    visibility: 'everyone',
    ...overrides,
  };
}

/** `state` with these activities as its recent list, as core lists them. */
export function withRecent(state: DashboardState, records: ActivityRecord[]): DashboardState {
  if (!state.data) return state;
  const recent = recentActivities(records, { now: NOW, nowLocal: NOW, units: state.settings.units, familyOf: familyOf({ eBikeRidesAsRides: false }) });
  return { ...state, data: { ...state.data, recent } };
}
