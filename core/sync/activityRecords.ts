// Strava activities → the small records the cache keeps.
import type { SummaryActivity } from '../strava/models';
import type { ActivityRecord } from '../domain';

/**
 * The Garmin device behind an activity: Strava's device_name when it names a Garmin, "Garmin" when
 * only the upload's external_id says Garmin Connect sent it, else undefined.
 */
export function garminDeviceOf(activity: Pick<SummaryActivity, 'device_name' | 'external_id'>): string | undefined {
  const device = activity.device_name?.trim();
  if (device && /^garmin\b/i.test(device)) return device;
  if (activity.external_id && /^garmin_/i.test(activity.external_id)) return 'Garmin';
  return undefined;
}

export function toActivityRecord(activity: SummaryActivity): ActivityRecord {
  const garminDevice = garminDeviceOf(activity);
  return {
    id: activity.id,
    sportType: activity.sport_type ?? activity.type ?? 'Workout',
    distance: activity.distance,
    movingTime: activity.moving_time,
    elevationGain: activity.total_elevation_gain ?? 0,
    start: Date.parse(activity.start_date),
    // start_date_local is wall-clock time with a trailing Z: parse it as if UTC on purpose.
    startLocal: Date.parse(activity.start_date_local.replace(/(Z|[+-]\d\d:?\d\d)?$/, 'Z')),
    ...(garminDevice ? { garminDevice } : {}),
  };
}

/** Merge by id (newer wins), newest first. */
export function mergeActivities(known: readonly ActivityRecord[], fresh: readonly ActivityRecord[]): ActivityRecord[] {
  const byId = new Map<number, ActivityRecord>();
  for (const record of known) byId.set(record.id, record);
  for (const record of fresh) byId.set(record.id, record);
  return [...byId.values()].sort((a, b) => b.start - a.start);
}

export function sameActivities(a: readonly ActivityRecord[], b: readonly ActivityRecord[]): boolean {
  if (a.length !== b.length) return false;
  const key = (r: ActivityRecord) => `${r.id}:${r.sportType}:${r.distance}:${r.movingTime}:${r.elevationGain}:${r.start}:${r.startLocal}:${r.garminDevice ?? ''}`;
  const left = new Set(a.map(key));
  return b.every((record) => left.has(key(record)));
}
