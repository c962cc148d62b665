import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../../core/domain';
import type { SummaryActivity } from '../../../core/strava/models';
import { mergeActivities, sameActivities, toActivityRecord } from '../../../core/sync/activityRecords';

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

function rec(id: number, start: number, distance = 1000, extra: Partial<ActivityRecord> = {}): ActivityRecord {
  return { id, sportType: 'Run', distance, movingTime: 600, elevationGain: 0, start, startLocal: start, ...extra };
}

describe('toActivityRecord', () => {
  it('keeps what the totals need and reads start_date_local as wall-clock time', () => {
    expect(toActivityRecord(summary())).toEqual({
      id: 154504250376823,
      sportType: 'TrailRun',
      distance: 10123.4,
      movingTime: 3000,
      elevationGain: 55.5,
      start: Date.UTC(2024, 2, 11, 14, 15, 9),
      startLocal: Date.UTC(2024, 2, 11, 7, 15, 9),
    });
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
    const record = toActivityRecord({ ...summary(), name: 'Secret route home', map: { summary_polyline: 'abc' } } as SummaryActivity);
    expect(Object.keys(record).sort()).toEqual(['distance', 'elevationGain', 'id', 'movingTime', 'sportType', 'start', 'startLocal']);
    expect(JSON.stringify(record)).not.toContain('Secret');
  });
});

describe('mergeActivities', () => {
  it('merges by id, the fresh copy winning, newest first', () => {
    const known = [rec(1, 100, 1000), rec(2, 300, 2000), rec(3, 200, 3000)];
    const fresh = [rec(2, 300, 2500), rec(4, 400, 4000)];
    const merged = mergeActivities(known, fresh);
    expect(merged.map((r) => r.id)).toEqual([4, 2, 3, 1]);
    expect(merged.find((r) => r.id === 2)?.distance).toBe(2500);
    expect(new Set(merged.map((r) => r.id)).size).toBe(merged.length);
  });

  it('handles empty inputs and duplicates within one list', () => {
    expect(mergeActivities([], [])).toEqual([]);
    expect(mergeActivities([rec(1, 1)], [])).toEqual([rec(1, 1)]);
    expect(mergeActivities([], [rec(1, 1, 10), rec(1, 1, 20)])).toEqual([rec(1, 1, 20)]);
  });

  it('a fresh copy with a changed start moves in the order', () => {
    const merged = mergeActivities([rec(1, 100), rec(2, 200)], [rec(1, 300)]);
    expect(merged.map((r) => [r.id, r.start])).toEqual([
      [1, 300],
      [2, 200],
    ]);
  });

  it('does not modify its inputs', () => {
    const known = [rec(1, 100), rec(2, 200)];
    const copy = structuredClone(known);
    mergeActivities(known, [rec(1, 500)]);
    expect(known).toEqual(copy);
  });
});

describe('sameActivities', () => {
  it('is true for the same records in any order', () => {
    expect(sameActivities([rec(1, 1), rec(2, 2)], [rec(2, 2), rec(1, 1)])).toBe(true);
    expect(sameActivities([], [])).toBe(true);
  });

  it('is false when one was added or removed', () => {
    expect(sameActivities([rec(1, 1)], [rec(1, 1), rec(2, 2)])).toBe(false);
    expect(sameActivities([rec(1, 1), rec(2, 2)], [rec(1, 1)])).toBe(false);
    expect(sameActivities([rec(1, 1)], [rec(2, 1)])).toBe(false);
  });

  it('is false when a record changed (an edit on Strava)', () => {
    const base = rec(1, 1, 1000);
    expect(sameActivities([base], [{ ...base, distance: 1001 }])).toBe(false);
    expect(sameActivities([base], [{ ...base, sportType: 'Ride' }])).toBe(false);
    expect(sameActivities([base], [{ ...base, movingTime: 601 }])).toBe(false);
    expect(sameActivities([base], [{ ...base, elevationGain: 5 }])).toBe(false);
    expect(sameActivities([base], [{ ...base, start: 2 }])).toBe(false);
  });
});
