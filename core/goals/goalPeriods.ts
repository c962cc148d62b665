// A goal's period in the athlete's local time: where it starts and ends, how much of it is gone,
// how many days are left, and its key. Wall-clock arithmetic (local time read as UTC, as
// core/stats/weeklySummary.ts): a period starts at local midnight whatever the offset, and a DST
// change inside it moves no boundary. The week and the year are the totals' week and year to date.
import type { GoalPeriod } from '../domain';
import { DAY_MS, WEEK_MS, isoDay, mondayOf } from '../stats/weeklySummary';
import type { Moment } from '../stats/periods';

export interface GoalWindow {
  /** Wall-clock ms of the period's first instant (local midnight). */
  startLocal: number;
  /** Wall-clock ms of the next period's first instant. */
  endLocal: number;
  /** Wall-clock ms of now. */
  nowLocal: number;
}

export function goalWindow(period: GoalPeriod, { now, utcOffsetMinutes }: Moment): GoalWindow {
  const nowLocal = now + utcOffsetMinutes * 60_000;
  const date = new Date(nowLocal);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (period) {
    case 'week': {
      const startLocal = mondayOf(nowLocal);
      return { startLocal, endLocal: startLocal + WEEK_MS, nowLocal };
    }
    case 'month':
      return { startLocal: Date.UTC(year, month, 1), endLocal: Date.UTC(year, month + 1, 1), nowLocal };
    case 'year':
      return { startLocal: Date.UTC(year, 0, 1), endLocal: Date.UTC(year + 1, 0, 1), nowLocal };
  }
}

/** The share of the period gone, 0 at its first instant, approaching 1 at its end. */
export function elapsedShare(window: GoalWindow): number {
  return Math.min(1, Math.max(0, (window.nowLocal - window.startLocal) / (window.endLocal - window.startLocal)));
}

/** Calendar days left, today included: 7 on a Monday for a weekly goal, 1 on the last day. */
export function daysLeft(window: GoalWindow): number {
  const today = Math.floor(window.nowLocal / DAY_MS) * DAY_MS;
  return Math.max(1, Math.round((window.endLocal - today) / DAY_MS));
}

/** YYYY-MM-DD of the period's first and last day. */
export function periodDays(window: GoalWindow): { startsOn: string; endsOn: string } {
  return { startsOn: isoDay(window.startLocal), endsOn: isoDay(window.endLocal - DAY_MS) };
}

/**
 * The period's key, the same for every instant in it: "2026-W49" (ISO 8601 week: the year of its
 * Thursday, so 29 December 2025 is in 2026-W01), "2026-12", "2026". Notifications remember it.
 */
export function goalPeriodKey(period: GoalPeriod, window: GoalWindow): string {
  const start = new Date(window.startLocal);
  switch (period) {
    case 'week': {
      const thursday = new Date(window.startLocal + 3 * DAY_MS);
      const isoYear = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / WEEK_MS) + 1;
      return `${isoYear}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
    case 'year':
      return String(start.getUTCFullYear());
  }
}
