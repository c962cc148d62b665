import { describe, expect, it } from 'vitest';
import type { SummaryActivity } from '../../../core/strava/models';
import { toActivityRecord } from '../../../core/sync/activityRecords';

function summary(overrides: Partial<SummaryActivity> = {}): SummaryActivity {
  return {
    id: 154504250376823,
    name: 'Morning Run',
    distance: 10123.4,
    moving_time: 3000,
    elapsed_time: 3100,
    total_elevation_gain: 55.5,
    type: 'Run',
    sport_type: 'TrailRun',
    start_date: '2024-03-11T14:15:09Z',
    start_date_local: '2024-03-11T07:15:09Z',
    ...overrides,
  } as SummaryActivity;
}

describe('toActivityRecord', () => {
  it('keeps what the totals, records and recent activities need and reads start_date_local as wall-clock time', () => {
    expect(toActivityRecord(summary())).toEqual({
      id: 154504250376823,
      name: 'Morning Run',
      sportType: 'TrailRun',
      distance: 10123.4,
      movingTime: 3000,
      elapsedTime: 3100,
      elevationGain: 55.5,
      start: Date.UTC(2024, 2, 11, 14, 15, 9),
      startLocal: Date.UTC(2024, 2, 11, 7, 15, 9),
      visibility: 'everyone',
    });
  });

  it('reads the visibility, or Strava\'s older private flag', () => {
    expect(toActivityRecord(summary({ visibility: 'followers_only' })).visibility).toBe('followers_only');
    expect(toActivityRecord(summary({ visibility: 'only_me', private: true })).visibility).toBe('only_me');
    expect(toActivityRecord(summary({ private: true })).visibility).toBe('only_me');
    expect(toActivityRecord(summary({ visibility: 'something_new', private: false })).visibility).toBe('everyone');
  });

  it('reads start_date_local as wall clock whether it has a Z, an offset, or nothing', () => {
    const wallClock = Date.UTC(2024, 2, 11, 7, 15, 9);
    for (const local of ['2024-03-11T07:15:09Z', '2024-03-11T07:15:09', '2024-03-11T07:15:09-07:00', '2024-03-11T07:15:09+0530', '2024-03-11T07:15:09+14:00']) {
      expect(toActivityRecord(summary({ start_date_local: local })).startLocal, local).toBe(wallClock);
    }
  });

  it('does not depend on the machine\'s time zone', () => {
    const record = toActivityRecord(summary({ start_date_local: '2024-03-10T23:59:59Z' }));
    expect(new Date(record.startLocal).toISOString()).toBe('2024-03-10T23:59:59.000Z');
  });

  it('falls back to the legacy type, then to Workout; null elevation is 0', () => {
    expect(toActivityRecord(summary({ sport_type: undefined, type: 'Ride' })).sportType).toBe('Ride');
    expect(toActivityRecord(summary({ sport_type: undefined, type: undefined })).sportType).toBe('Workout');
    expect(toActivityRecord(summary({ total_elevation_gain: null })).elevationGain).toBe(0);
    expect(toActivityRecord(summary({ total_elevation_gain: undefined })).elevationGain).toBe(0);
  });

  it('keeps nothing but the record fields', () => {
    const record = toActivityRecord({ ...summary(), map: { summary_polyline: 'abc' }, start_latlng: [59.9, 10.7] } as SummaryActivity);
    expect(Object.keys(record).sort()).toEqual(['distance', 'elapsedTime', 'elevationGain', 'id', 'movingTime', 'name', 'sportType', 'start', 'startLocal', 'visibility']);
    // No route or position is kept.
    expect(JSON.stringify(record)).not.toMatch(/abc|59\.9/);
  });
});

