// The one definition of each period, used by every figure (README, "What the numbers mean"):
// - week: since Monday 00:00 in the athlete's local time (by start_date_local);
// - fourWeeks: the last 28 days, as Strava's "recent" totals (start_date after now − 28 × 24 h);
// - ytd: since 1 January 00:00 local time of the current local year (by start_date_local);
// - allTime: everything.
// Goals add the calendar month (since the 1st, 00:00 local time); their weeks and years are the
// week and ytd above, so a goal's figure is the one the totals show (core/goals/goalPeriods.ts).
// An activity that starts after `now` (a clock ahead of ours) counts in no period yet.
import type { ActivityRecord, Period } from '../domain';
import { DAY_MS, WEEKS_IN_CHART, WEEK_MS, mondayOf } from './weeklySummary';

export interface Moment {
  /** Epoch ms. */
  now: number;
  /** The athlete's offset from UTC at `now`, in minutes east. */
  utcOffsetMinutes: number;
}

export interface PeriodBounds {
  now: number;
  /** Wall-clock ms: Monday 00:00 of this week. */
  weekStartLocal: number;
  /** Epoch ms: activities starting after this are in the last 28 days. */
  fourWeeksAfter: number;
  /** Wall-clock ms: 1 January 00:00 of this year. */
  yearStartLocal: number;
  /** Wall-clock ms: the 1st of this month, 00:00 (monthly goals). */
  monthStartLocal: number;
}

export const FOUR_WEEKS_MS = 28 * DAY_MS;

export function periodBounds({ now, utcOffsetMinutes }: Moment): PeriodBounds {
  const localNow = now + utcOffsetMinutes * 60_000;
  return {
    now,
    weekStartLocal: mondayOf(localNow),
    fourWeeksAfter: now - FOUR_WEEKS_MS,
    yearStartLocal: Date.UTC(new Date(localNow).getUTCFullYear(), 0, 1),
    monthStartLocal: Date.UTC(new Date(localNow).getUTCFullYear(), new Date(localNow).getUTCMonth(), 1),
  };
}

/** Whether an activity counts in a period. The one rule every total follows. */
export function inPeriod(record: Pick<ActivityRecord, 'start' | 'startLocal'>, period: Period, bounds: PeriodBounds): boolean {
  if (record.start > bounds.now) return false;
  switch (period) {
    case 'week':
      return record.startLocal >= bounds.weekStartLocal;
    case 'fourWeeks':
      return record.start > bounds.fourWeeksAfter;
    case 'ytd':
      return record.startLocal >= bounds.yearStartLocal;
    case 'allTime':
      return true;
  }
}

const ZONE_SLACK_MS = 15 * 60 * 60 * 1000;

/**
 * The earliest start (epoch ms) of an activity the week, the last 28 days or the 12-week chart can
 * include: a digest whose recent activities reach back to it serves every figure (historyDigest.ts).
 */
export function earliestWholeActivity(moment: Moment): number {
  const bounds = periodBounds(moment);
  const chartStart = bounds.weekStartLocal - (WEEKS_IN_CHART - 1) * WEEK_MS - ZONE_SLACK_MS;
  return Math.min(periodReach('week', bounds), periodReach('fourWeeks', bounds), chartStart, localStartReach(bounds.monthStartLocal));
}

/** The earliest instant (epoch ms) an activity starting at or after a local wall-clock time can start at, in any zone. */
export function localStartReach(startLocal: number): number {
  return startLocal - ZONE_SLACK_MS;
}

/**
 * The earliest instant (epoch ms) an activity of the period can start at, whatever the activity's
 * own time zone (local times are at most 14 h from UTC): a history that reaches back to it holds
 * the whole period.
 */
export function periodReach(period: Period, bounds: PeriodBounds): number {
  switch (period) {
    case 'week':
      return localStartReach(bounds.weekStartLocal);
    case 'fourWeeks':
      return bounds.fourWeeksAfter;
    case 'ytd':
      return localStartReach(bounds.yearStartLocal);
    case 'allTime':
      return Number.NEGATIVE_INFINITY;
  }
}
