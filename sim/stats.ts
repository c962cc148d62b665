import type { SimActivity } from './activities';
import { DAY } from './time';

export const FAMILIES: Record<'run' | 'ride' | 'swim', readonly string[]> = {
  run: ['Run', 'TrailRun', 'VirtualRun'],
  ride: ['Ride', 'GravelRide', 'MountainBikeRide', 'VirtualRide', 'EBikeRide'],
  swim: ['Swim'],
};

interface Totals {
  count: number;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  elevation_gain: number;
}

// Years of training before the generated year, so all-time is always larger than year-to-date.
const HISTORY: Record<keyof typeof FAMILIES, Totals> = {
  run: { count: 318, distance: 2841532.4, moving_time: 1003210, elapsed_time: 1110480, elevation_gain: 41208.6 },
  ride: { count: 205, distance: 9120455.7, moving_time: 1287340, elapsed_time: 1422015, elevation_gain: 98712.3 },
  swim: { count: 61, distance: 142300.5, moving_time: 151240, elapsed_time: 166800, elevation_gain: 0 },
};
const HISTORY_BIGGEST_RIDE = 187412.3;
const HISTORY_BIGGEST_CLIMB = 2104.7;

const round1 = (n: number) => Math.round(n * 10) / 10;

function totals(list: SimActivity[], base?: Totals): Totals {
  const t: Totals = base ? { ...base } : { count: 0, distance: 0, moving_time: 0, elapsed_time: 0, elevation_gain: 0 };
  for (const a of list) {
    t.count += 1;
    t.distance += a.distance;
    t.moving_time += a.moving_time;
    t.elapsed_time += a.elapsed_time;
    t.elevation_gain += a.total_elevation_gain;
  }
  return { ...t, distance: round1(t.distance), elevation_gain: round1(t.elevation_gain) };
}

/** ActivityStats: only public ("everyone") activities count, as on Strava. */
export function activityStats(activities: SimActivity[], now: number): Record<string, unknown> {
  const visible = activities.filter((a) => !a.private && a.start <= now);
  const yearStart = Date.UTC(new Date(now).getUTCFullYear(), 0, 1);
  const out: Record<string, unknown> = {};
  for (const family of ['ride', 'run', 'swim'] as const) {
    const mine = visible.filter((a) => FAMILIES[family].includes(a.sport_type));
    const recent = mine.filter((a) => a.start > now - 28 * DAY);
    out[`recent_${family}_totals`] = {
      ...totals(recent),
      achievement_count: recent.reduce((sum, a) => sum + a.achievement_count, 0),
    };
    out[`ytd_${family}_totals`] = totals(mine.filter((a) => a.start >= yearStart));
    out[`all_${family}_totals`] = totals(mine, HISTORY[family]);
  }
  const rides = visible.filter((a) => FAMILIES.ride.includes(a.sport_type));
  return {
    biggest_ride_distance: Math.max(HISTORY_BIGGEST_RIDE, ...rides.map((a) => a.distance)),
    biggest_climb_elevation_gain: Math.max(HISTORY_BIGGEST_CLIMB, ...rides.map((a) => a.total_elevation_gain)),
    ...out,
  };
}
