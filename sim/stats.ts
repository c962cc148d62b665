import type { SimActivity } from './activities';
import { DAY, zoneOffsetSeconds } from './time';

// The sport types in each of Strava's three stats families. E-bike rides are not rides: Strava gives
// them their own sport types and leaderboards (support article 216919507), and Pacebar follows it.
export const FAMILIES: Record<'run' | 'ride' | 'swim', readonly string[]> = {
  run: ['Run', 'TrailRun', 'VirtualRun'],
  ride: ['Ride', 'GravelRide', 'MountainBikeRide', 'VirtualRide'],
  swim: ['Swim'],
};

interface Totals {
  count: number;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  elevation_gain: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function totals(list: SimActivity[]): Totals {
  const t: Totals = { count: 0, distance: 0, moving_time: 0, elapsed_time: 0, elevation_gain: 0 };
  for (const a of list) {
    t.count += 1;
    t.distance += a.distance;
    t.moving_time += a.moving_time;
    t.elapsed_time += a.elapsed_time;
    t.elevation_gain += a.total_elevation_gain;
  }
  return { ...t, distance: round1(t.distance), elevation_gain: round1(t.elevation_gain) };
}

/**
 * ActivityStats as Strava documents it: only activities visible to Everyone count, only run, ride
 * and swim. Recent: the last 28 days; year to date: since 1 January in the athlete's home zone, by
 * each activity's local start.
 */
export function activityStats(activities: SimActivity[], now: number, homeZone = 'Europe/Oslo'): Record<string, unknown> {
  const visible = activities.filter((a) => a.visibility === 'everyone' && a.start <= now);
  const localNow = now + zoneOffsetSeconds(homeZone, now) * 1000;
  const yearStart = Date.UTC(new Date(localNow).getUTCFullYear(), 0, 1);
  const localStart = (a: SimActivity) => a.start + zoneOffsetSeconds(a.timeZone, a.start) * 1000;
  const out: Record<string, unknown> = {};
  for (const family of ['ride', 'run', 'swim'] as const) {
    const mine = visible.filter((a) => FAMILIES[family].includes(a.sport_type));
    const recent = mine.filter((a) => a.start > now - 28 * DAY);
    out[`recent_${family}_totals`] = {
      ...totals(recent),
      achievement_count: recent.reduce((sum, a) => sum + a.achievement_count, 0),
    };
    out[`ytd_${family}_totals`] = totals(mine.filter((a) => localStart(a) >= yearStart));
    out[`all_${family}_totals`] = totals(mine);
  }
  const rides = visible.filter((a) => FAMILIES.ride.includes(a.sport_type));
  return {
    biggest_ride_distance: rides.length > 0 ? Math.max(...rides.map((a) => a.distance)) : null,
    biggest_climb_elevation_gain: rides.length > 0 ? Math.max(...rides.map((a) => a.total_elevation_gain)) : null,
    ...out,
  };
}
