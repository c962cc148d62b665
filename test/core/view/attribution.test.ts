import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../../core/domain';
import { garminDeviceOf, toActivityRecord } from '../../../core/sync/activityRecords';
import { garminAttribution } from '../../../core/view/attribution';

const record = (id: number, garminDevice?: string): ActivityRecord => ({
  id,
  name: `Run ${id}`,
  elapsedTime: 1600,
  visibility: 'everyone',
  sportType: 'Run',
  distance: 5000,
  movingTime: 1500,
  elevationGain: 20,
  start: id,
  startLocal: id,
  ...(garminDevice ? { garminDevice } : {}),
});

describe('Garmin attribution', () => {
  it('which activities are Garmin\'s: a Garmin device_name, or an upload from Garmin Connect (external_id garmin_…)', () => {
    expect(garminDeviceOf({ device_name: 'Garmin Forerunner 965', external_id: 'x.fit' })).toBe('Garmin Forerunner 965');
    expect(garminDeviceOf({ device_name: null, external_id: 'garmin_push_12345678901' })).toBe('Garmin');
    expect(garminDeviceOf({ device_name: 'Wahoo ELEMNT BOLT', external_id: '123.fit' })).toBeUndefined();
    expect(garminDeviceOf({ device_name: 'Strava iPhone App', external_id: null })).toBeUndefined();
    expect(garminDeviceOf({})).toBeUndefined();
    const decoded = toActivityRecord({
      id: 1, distance: 1, moving_time: 1, sport_type: 'Run', start_date: '2026-06-01T06:00:00Z', start_date_local: '2026-06-01T08:00:00Z', external_id: 'garmin_ping_1',
    });
    expect(decoded.garminDevice).toBe('Garmin');
  });

  it('none: no line; one model: "Garmin <model>"; unknown or many models: "Garmin"', () => {
    expect(garminAttribution([])).toBeNull();
    expect(garminAttribution([record(1), record(2)])).toBeNull();
    expect(garminAttribution([record(1, 'Garmin Forerunner 965'), record(2), record(3, 'Garmin Forerunner 965')])).toBe('Garmin Forerunner 965');
    expect(garminAttribution([record(1, 'Garmin Forerunner 965'), record(2, 'Garmin Edge 840')])).toBe('Garmin Edge 840, Garmin Forerunner 965');
    expect(garminAttribution([record(1, 'Garmin')])).toBe('Garmin');
    expect(garminAttribution([record(1, 'Garmin'), record(2, 'Garmin Edge 840')])).toBe('Garmin');
    expect(garminAttribution([record(1, 'Garmin A'), record(2, 'Garmin B'), record(3, 'Garmin C')])).toBe('Garmin');
  });
});
