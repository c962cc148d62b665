// Figures computed straight from the simulator's own records, written apart from core's code (only
// the documented family mapping is shared): what every surface must show.
import type { SimActivity } from '../../sim/index';
import { zoneOffsetSeconds } from '../../sim/time';
import { sportFamily, type FamilyOptions } from '../../core/stats/sportFamilies';
import type { Period, Sport, Totals } from '../../core/domain';

const DAY = 86_400_000;

export interface TruthOptions {
  now: number;
  homeZone: string;
  /** Which visibilities the token may list. */
  includesPrivate: boolean;
  families?: FamilyOptions;
}

function localStart(a: SimActivity): number {
  return a.start + zoneOffsetSeconds(a.timeZone, a.start) * 1000;
}

/** Whether a simulated activity counts in a period, by the README's definitions. */
export function truthInPeriod(a: SimActivity, period: Period, { now, homeZone }: TruthOptions): boolean {
  if (a.start > now) return false;
  const localNow = now + zoneOffsetSeconds(homeZone, now) * 1000;
  const today = Math.floor(localNow / DAY) * DAY;
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  switch (period) {
    case 'week':
      return localStart(a) >= monday;
    case 'fourWeeks':
      return a.start > now - 28 * DAY;
    case 'ytd':
      return localStart(a) >= Date.UTC(new Date(localNow).getUTCFullYear(), 0, 1);
    case 'allTime':
      return true;
  }
}

export function visibleTo(a: SimActivity, includesPrivate: boolean): boolean {
  return includesPrivate || a.visibility !== 'only_me';
}

export function truthTotals(activities: readonly SimActivity[], sport: Sport, period: Period, options: TruthOptions, filter: (a: SimActivity) => boolean = () => true): Totals {
  const totals: Totals = { count: 0, distance: 0, movingTime: 0, elevationGain: 0 };
  for (const a of activities) {
    if (!visibleTo(a, options.includesPrivate) || !filter(a)) continue;
    if (sportFamily(a.sport_type, options.families) !== sport || !truthInPeriod(a, period, options)) continue;
    totals.count += 1;
    totals.distance += a.distance;
    totals.movingTime += a.moving_time;
    totals.elevationGain += a.total_elevation_gain;
  }
  return totals;
}
