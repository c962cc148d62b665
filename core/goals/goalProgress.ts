// A goal's progress in its current period: done against target, the share of the period gone,
// ahead or behind the even pace, and what is still needed per remaining day and week. Pure numbers;
// core/view/goalText.ts puts them in words.
import type { Goal, GoalMeasure, GoalStatus, GoalView, Totals } from '../domain';
import { daysLeft, elapsedShare, goalPeriodKey, periodDays, type GoalWindow } from './goalPeriods';

export type GoalFigures = Omit<GoalView, 'text'>;

/** Within this share of the target of the even pace, a goal is on pace (neither ahead nor behind). */
export const ON_PACE_SHARE = 0.01;

/** The measure a goal counts, from a period's totals. */
export function measureOf(totals: Totals, measure: GoalMeasure): number {
  switch (measure) {
    case 'distance':
      return totals.distance;
    case 'time':
      return totals.movingTime;
    case 'elevation':
      return totals.elevationGain;
    case 'count':
      return totals.count;
  }
}

/**
 * `totals`: the goal's family in its period, from the history; null while the history does not
 * reach back to the period's start (the goal is then 'counting', never judged on part of it).
 */
export function goalProgress(goal: Goal, totals: Totals | null, window: GoalWindow): GoalFigures {
  const elapsed = elapsedShare(window);
  const left = daysLeft(window);
  const done = totals ? measureOf(totals, goal.measure) : 0;
  const delta = done - goal.target * elapsed;
  const remaining = Math.max(0, goal.target - done);
  const status: GoalStatus =
    totals === null ? 'counting' : done >= goal.target ? 'reached' : Math.abs(delta) < goal.target * ON_PACE_SHARE ? 'on_pace' : delta > 0 ? 'ahead' : 'behind';
  const needs = status !== 'counting' && status !== 'reached';
  return {
    goal,
    status,
    done,
    fraction: done / goal.target,
    elapsed,
    delta: totals ? delta : 0,
    daysLeft: left,
    perDay: needs ? remaining / left : null,
    // Fewer than seven days left: all of it within this "week".
    perWeek: needs ? remaining / Math.max(1, left / 7) : null,
    periodKey: goalPeriodKey(goal.period, window),
    ...periodDays(window),
  };
}
