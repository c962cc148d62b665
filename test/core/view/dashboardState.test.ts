import { describe, expect, it } from 'vitest';
import { settingsDefaults, type Settings } from '../../../core/domain';
import { emptyCache, type CacheData } from '../../../core/store/cache';
import type { Athlete } from '../../../core/strava/models';
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
    connection: { kind: 'connected' },
    missingScopes: [],
    sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null },
    now: NOW,
    utcOffsetMinutes: 0,
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

  it('carries the choices the dashboard renders its settings from', () => {
    const { choices } = state(cache(5));
    expect(choices.sports.map((choice) => choice.label)).toEqual(['Run', 'Ride', 'Swim']);
    expect(choices.refreshIntervalMinutes).toEqual([15, 30, 60, 120]);
  });
});
