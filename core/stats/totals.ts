// Totals from the history: the one function behind every figure Pacebar shows. General on purpose
// (a period, a family or a sport type, and the measures of Totals), so goals and "ahead/behind"
// build on it. summarizeHistory computes every family and period in one pass with the same rules.
import type { ActivityRecord, Period, Sport, Totals } from '../domain';
import { inPeriod, periodBounds, type Moment } from './periods';
import { emptyTotals } from './weeklySummary';

export interface TotalsQuery {
  period: Period;
  /** One family (by the grouping `familyOf` gives), or every activity when absent. */
  family?: Sport;
  /** One Strava sport type. */
  sportType?: string;
}

export function addActivity(totals: Totals, activity: ActivityRecord): void {
  totals.count += 1;
  totals.distance += activity.distance;
  totals.movingTime += activity.movingTime;
  totals.elevationGain += activity.elevationGain;
}

/** Count, distance, moving time and elevation of the activities the query selects. */
export function totalsFor(records: readonly ActivityRecord[], query: TotalsQuery, moment: Moment, familyOf: (sportType: string) => Sport): Totals {
  const bounds = periodBounds(moment);
  const totals = emptyTotals();
  for (const record of records) {
    if (query.sportType !== undefined && record.sportType !== query.sportType) continue;
    if (query.family !== undefined && familyOf(record.sportType) !== query.family) continue;
    if (inPeriod(record, query.period, bounds)) addActivity(totals, record);
  }
  return totals;
}

/** Distance over moving time, m/s; null when either is zero. Read as pace or speed (FamilyDisplay.rate). */
export function averageSpeed(totals: Totals): number | null {
  return totals.distance > 0 && totals.movingTime > 0 ? totals.distance / totals.movingTime : null;
}
