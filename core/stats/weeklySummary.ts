// This week's totals and the last 12 weeks' distance, per sport, from the activity list.
// Weeks start on Monday in the athlete's local time: activities are placed by start_date_local
// (Strava writes local wall-clock time with a trailing Z) and "now" is shifted by the local offset.
import { SPORTS, type ActivityRecord, type Sport, type Totals, type WeekBar } from '../domain';
import { sportFamily } from './sportFamilies';

export const WEEKS_IN_CHART = 12;
const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;

/** Minutes east of UTC at `now` for the machine's zone, which is where the athlete is looking at it. */
export function machineUtcOffsetMinutes(now: number): number {
  return -new Date(now).getTimezoneOffset();
}

/** Monday 00:00 (local wall-clock, as a UTC-read number) of the week containing localWallClock. */
export function mondayOf(localWallClock: number): number {
  const midnight = Math.floor(localWallClock / DAY) * DAY;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday = 0
  return midnight - weekday * DAY;
}

export function emptyTotals(): Totals {
  return { count: 0, distance: 0, movingTime: 0, elevationGain: 0 };
}

function add(totals: Totals, activity: ActivityRecord): void {
  totals.count += 1;
  totals.distance += activity.distance;
  totals.movingTime += activity.movingTime;
  totals.elevationGain += activity.elevationGain;
}

export interface WeeklySummary {
  /** Monday of this week, YYYY-MM-DD. */
  weekStart: string;
  thisWeek: Record<Sport, Totals>;
  weekly: Record<Sport, WeekBar[]>;
}

export function summarizeWeeks(activities: readonly ActivityRecord[], now: number, utcOffsetMinutes: number): WeeklySummary {
  const thisMonday = mondayOf(now + utcOffsetMinutes * 60_000);
  const firstMonday = thisMonday - (WEEKS_IN_CHART - 1) * WEEK;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const thisWeek = Object.fromEntries(SPORTS.map((sport) => [sport, emptyTotals()])) as Record<Sport, Totals>;
  const weekly = Object.fromEntries(
    SPORTS.map((sport) => [
      sport,
      Array.from({ length: WEEKS_IN_CHART }, (_, index) => ({ weekStart: day(firstMonday + index * WEEK), distance: 0 })),
    ]),
  ) as Record<Sport, WeekBar[]>;

  const seen = new Set<number>();
  for (const activity of activities) {
    if (seen.has(activity.id)) continue;
    seen.add(activity.id);
    const sport = sportFamily(activity.sportType);
    if (!sport || activity.startLocal < firstMonday) continue;
    const index = Math.floor((activity.startLocal - firstMonday) / WEEK);
    const bar = weekly[sport][index];
    if (!bar) continue; // in the future relative to now
    bar.distance += activity.distance;
    if (index === WEEKS_IN_CHART - 1) add(thisWeek[sport], activity);
  }
  return { weekStart: day(thisMonday), thisWeek, weekly };
}

/** Start of the chart window as epoch seconds (UTC), with a day's slack for time zones. */
export function chartWindowStartSeconds(now: number, utcOffsetMinutes: number): number {
  const firstMonday = mondayOf(now + utcOffsetMinutes * 60_000) - (WEEKS_IN_CHART - 1) * WEEK;
  return Math.floor((firstMonday - DAY) / 1000);
}
