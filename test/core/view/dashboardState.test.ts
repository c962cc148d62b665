import { describe, expect, it } from 'vitest';
import { settingsDefaults, type Settings, type UpdateView } from '../../../core/domain';
import { emptyCache, type CacheData } from '../../../core/store/cache';
import type { Athlete } from '../../../core/strava/models';
import { emptyHistory } from '../../../core/history/historyData';
import { digestHistory } from '../../../core/history/historyDigest';
import { composeDashboardState, hasAccountData, lastFetch, type StateInputs } from '../../../core/view/dashboardState';

const NOW = Date.UTC(2024, 5, 12, 12);
const MIN = 60_000;
const settings: Settings = { ...settingsDefaults, clientId: '1', athleteId: 7, refreshIntervalMinutes: 30 };

function cache(fetchedAgoMin: number | null, patch: Partial<CacheData> = {}): CacheData {
  const at = fetchedAgoMin === null ? null : NOW - fetchedAgoMin * MIN;
  return { ...emptyCache(), athleteId: 7, athlete: { id: 7 } as Athlete, athleteFetchedAt: at, activitiesFetchedAt: at, statsFetchedAt: at, ...patch };
}

function state(data: CacheData, live: Partial<StateInputs> = {}) {
  return composeDashboardState({
    settings,
    cache: data,
    history: digestHistory(emptyHistory(7)),
    connection: { kind: 'connected' },
    missingScopes: [],
    sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null },
    now: NOW,
    utcOffsetMinutes: 0,
    about: { version: '0.1.0', update: { kind: 'off' } },
    ...live,
  });
}

describe('composeDashboardState: stale', () => {
  it('after a refresh that just failed, a recorded failure, or two refresh intervals without news', () => {
    expect(state(cache(5)).data?.stale).toBe(false);
    expect(state(cache(5), { sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: 'Strava did not answer in time.' } }).data?.stale).toBe(true);
    expect(state(cache(5, { lastFailure: { code: 'network', message: 'x', at: NOW } })).data?.stale).toBe(true);
    expect(state(cache(59)).data?.stale).toBe(false);
    expect(state(cache(61)).data?.stale).toBe(true);
    expect(state(cache(5), { sync: { refreshing: false, offline: true, rateLimitedUntil: null, lastError: null } }).data?.stale).toBe(true);
    expect(state(cache(5), { connection: { kind: 'reconnect_needed' } }).data?.stale).toBe(true);
  });

  it('shows no data without a fetch time, or from another athlete\'s cache', () => {
    expect(state(cache(null)).data).toBeNull();
    expect(state(cache(5, { athleteId: 8 })).data).toBeNull();
    expect(hasAccountData(settings, cache(5, { athleteId: 8 }))).toBe(false);
    expect(hasAccountData({ ...settings, athleteId: null }, cache(5))).toBe(false);
    expect(hasAccountData(settings, cache(5))).toBe(true);
  });

  it('lastFetch is the newest of the fetch times, or null', () => {
    expect(lastFetch(cache(5, { statsFetchedAt: NOW - MIN }))).toBe(NOW - MIN);
    expect(lastFetch(emptyCache())).toBeNull();
  });

  it('carries the choices the dashboard renders its settings from: the families the athlete does, and the primary one', () => {
    const { choices } = state(cache(5));
    expect(choices.sports.map((choice) => choice.label)).toEqual(['Run']); // nothing counted yet
    expect(choices.refreshIntervalMinutes).toEqual([15, 30, 60, 120]);
    const history = emptyHistory(7);
    history.reads = { activities: true, private: true };
    history.walks.backfill = { ...history.walks.backfill, completedAt: NOW - MIN };
    const record = { id: 1, name: 'x', distance: 1000, movingTime: 600, elapsedTime: 600, elevationGain: 0, start: NOW - 60 * MIN, startLocal: NOW - 60 * MIN, visibility: 'everyone' as const };
    history.activities = [{ ...record, sportType: 'Yoga' }, { ...record, id: 2, sportType: 'Yoga' }, { ...record, id: 3, sportType: 'Kayaking' }];
    const withHistory = state(cache(5), { history: digestHistory(history), settings: { ...settings, primarySport: 'swim' } });
    expect(withHistory.choices.sports.map((choice) => [choice.value, choice.label, choice.rate])).toEqual([['swim', 'Swim', 'swimPace'], ['fitness', 'Fitness', null], ['water', 'Water sports', 'speed']]);
    expect(withHistory.data?.stats.families.fitness.totals.week.count).toBe(2);
  });

  it('another athlete\'s history is not shown', () => {
    const history = emptyHistory(8);
    history.activities = [{ id: 1, name: 'x', sportType: 'Run', distance: 1000, movingTime: 600, elapsedTime: 600, elevationGain: 0, start: NOW - MIN, startLocal: NOW - MIN, visibility: 'everyone' }];
    expect(state(cache(5), { history: digestHistory(history) }).data?.stats.history.counted).toBe(0);
  });

  it('carries the version and the update status, with its line from updateLine', () => {
    const about = (update: UpdateView) => state(cache(5), { about: { version: '0.3.1', update } }).about;
    expect(about({ kind: 'off' })).toEqual({ version: '0.3.1', update: { kind: 'off' }, updateLine: null });
    const lines = ([
      { kind: 'idle', checkedAt: null },
      { kind: 'idle', checkedAt: '2024-06-12T12:00:00.000Z' },
      { kind: 'checking' },
      { kind: 'downloading', version: '0.4.0' },
      { kind: 'ready', version: '0.4.0' },
      { kind: 'manual', version: '0.4.0', reason: 'deb' },
      { kind: 'manual', version: '0.4.0', reason: 'mac_unsigned' },
      { kind: 'error', message: 'Couldn’t check for updates: you seem to be offline' },
    ] satisfies UpdateView[]).map((update) => about(update).updateLine);
    expect(lines).toEqual([
      null,
      'Pacebar is up to date',
      'Checking for updates…',
      'Downloading Pacebar 0.4.0…',
      'Update ready: restart to install',
      'Pacebar 0.4.0 is available: this .deb install can’t update itself',
      'Pacebar 0.4.0 is available: this unsigned build can’t update itself',
      'Couldn’t check for updates: you seem to be offline',
    ]);
  });
});
