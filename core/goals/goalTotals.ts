// The totals a goal counts: its family's activities since its period's start, by the totals' own
// rule (core/stats/periods.ts inPeriod): the week and year to date are the dashboard's figures
// themselves; the month is summed the same way from the whole recent activities.
import type { ActivityRecord, FamilyStats, Goal, Sport, Totals } from '../domain';
import { localStartReach } from '../stats/periods';
import { addActivity } from '../stats/totals';
import { emptyTotals } from '../stats/weeklySummary';
import type { GoalWindow } from './goalPeriods';

export interface GoalTotalsInputs {
  /** Whole activities reaching back at least to the month's start (a current digest's recent ones). */
  records: readonly ActivityRecord[];
  families: Record<Sport, FamilyStats>;
  familyOf: (sportType: string) => Sport;
  /** Epoch ms the history holds every activity since (-Infinity when complete), or null. */
  reachesBack: number | null;
  now: number;
}

/** The goal's family in its period, or null while the history does not reach its start. */
export function goalTotals(goal: Goal, window: GoalWindow, inputs: GoalTotalsInputs): Totals | null {
  if (inputs.reachesBack === null || inputs.reachesBack > localStartReach(window.startLocal)) return null;
  const family = inputs.families[goal.sport];
  switch (goal.period) {
    case 'week':
      return family.sources.week === 'history' ? family.totals.week : null;
    case 'year':
      return family.sources.ytd === 'history' ? family.totals.ytd : null;
    case 'month': {
      const totals = emptyTotals();
      for (const record of inputs.records) {
        if (record.start > inputs.now || record.startLocal < window.startLocal) continue;
        if (inputs.familyOf(record.sportType) === goal.sport) addActivity(totals, record);
      }
      return totals;
    }
  }
}
