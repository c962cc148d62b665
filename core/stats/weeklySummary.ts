// Calendar arithmetic the figures share: weeks start on Monday in the athlete's local time.
// Activities are placed by start_date_local (Strava writes local wall-clock time with a trailing Z)
// and "now" is shifted by the local offset, so both sides are wall-clock numbers read as UTC.
import type { Totals } from '../domain';

export const WEEKS_IN_CHART = 12;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** Minutes east of UTC at `now` for the machine's zone, which is where the athlete is looking at it. */
export function machineUtcOffsetMinutes(now: number): number {
  return -new Date(now).getTimezoneOffset();
}

/** Monday 00:00 (local wall-clock, as a UTC-read number) of the week containing localWallClock. */
export function mondayOf(localWallClock: number): number {
  const midnight = Math.floor(localWallClock / DAY_MS) * DAY_MS;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday = 0
  return midnight - weekday * DAY_MS;
}

export function emptyTotals(): Totals {
  return { count: 0, distance: 0, movingTime: 0, elevationGain: 0 };
}

/** YYYY-MM-DD of a wall-clock number. */
export function isoDay(localWallClock: number): string {
  return new Date(localWallClock).toISOString().slice(0, 10);
}

/** Start of the chart window as epoch seconds (UTC), with a day's slack for time zones. */
export function chartWindowStartSeconds(now: number, utcOffsetMinutes: number): number {
  const firstMonday = mondayOf(now + utcOffsetMinutes * 60_000) - (WEEKS_IN_CHART - 1) * WEEK_MS;
  return Math.floor((firstMonday - DAY_MS) / 1000);
}
