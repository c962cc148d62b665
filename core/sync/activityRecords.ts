// Strava activities → the compact records the history keeps.
import type { SummaryActivity } from '../strava/models';
import { VISIBILITIES, type ActivityRecord, type Visibility } from '../domain';

/** `visibility` when Strava sends a known one; older answers have only `private` (true: Only You). */
export function visibilityOf(activity: Pick<SummaryActivity, 'visibility' | 'private'>): Visibility {
  const stated = VISIBILITIES.find((visibility) => visibility === activity.visibility);
  return stated ?? (activity.private ? 'only_me' : 'everyone');
}

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
  const start = Date.parse(activity.start_date);
  const garminDevice = garminDeviceOf(activity);
  return {
    id: activity.id,
    name: activity.name ?? '',
    sportType: activity.sport_type ?? activity.type ?? 'Workout',
    distance: activity.distance,
    movingTime: activity.moving_time,
    elapsedTime: activity.elapsed_time ?? activity.moving_time,
    elevationGain: Math.max(0, activity.total_elevation_gain ?? 0),
    start,
    // start_date_local is wall-clock time with a trailing Z: parse it as if UTC on purpose.
    startLocal: Date.parse(activity.start_date_local.replace(/(Z|[+-]\d\d:?\d\d)?$/, 'Z')),
    visibility: visibilityOf(activity),
    ...(garminDevice ? { garminDevice } : {}),
  };
}
