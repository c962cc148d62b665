import { describe, expect, it } from 'vitest';
import { RETRY_AFTER_FAILURE_MS, RETRY_WHILE_INACTIVE_MS, shouldFetch } from '../../cli/commands/status';
import { emptyCache, type CacheData } from '../../core/store/cache';
import { settingsDefaults } from '../../core/domain';
import { type Settings } from '../../core/store/settings';
import type { Athlete } from '../../core/strava/models';

const NOW = Date.UTC(2024, 5, 12, 12);
const MIN = 60_000;
const settings: Settings = { ...settingsDefaults, clientId: '1', athleteId: 7, refreshIntervalMinutes: 30 };

function cache(fetchedAgoMin: number | null, patch: Partial<CacheData> = {}): CacheData {
  const at = fetchedAgoMin === null ? null : NOW - fetchedAgoMin * MIN;
  return { ...emptyCache(), athleteId: 7, athlete: { id: 7 } as Athlete, athleteFetchedAt: at, activitiesFetchedAt: at, statsFetchedAt: at, ...patch };
}

describe('shouldFetch', () => {
  it('offline never, refresh always', () => {
    expect(shouldFetch('offline', settings, emptyCache(), NOW)).toBe(false);
    expect(shouldFetch('refresh', settings, cache(0), NOW)).toBe(true);
  });

  it('auto: when there is no data for this athlete or it is older than the refresh interval', () => {
    expect(shouldFetch('auto', settings, emptyCache(), NOW)).toBe(true);
    expect(shouldFetch('auto', settings, cache(5, { athleteId: 8 }), NOW)).toBe(true);
    expect(shouldFetch('auto', settings, cache(29), NOW)).toBe(false);
    expect(shouldFetch('auto', settings, cache(30), NOW)).toBe(true);
    expect(shouldFetch('auto', { ...settings, refreshIntervalMinutes: 60 }, cache(45), NOW)).toBe(false);
  });

  it('auto: waits a little after a failed attempt before asking again', () => {
    const failedJustNow = cache(40, { lastFailure: { code: 'server', message: 'x', at: NOW - MIN } });
    expect(shouldFetch('auto', settings, failedJustNow, NOW)).toBe(false);
    const failedLonger = cache(40, { lastFailure: { code: 'server', message: 'x', at: NOW - RETRY_AFTER_FAILURE_MS } });
    expect(shouldFetch('auto', settings, failedLonger, NOW)).toBe(true);
    expect(shouldFetch('refresh', settings, failedJustNow, NOW)).toBe(true);
  });

  it('auto, while the API application is inactive: at most one attempt an hour after the last; refresh at once', () => {
    const inactiveAt = (minutesAgo: number, fetchedMinutesAgo: number) =>
      cache(fetchedMinutesAgo, { lastFailure: { code: 'app_inactive', message: 'x', at: NOW - minutesAgo * 60_000 } });
    expect(RETRY_WHILE_INACTIVE_MS).toBe(60 * 60_000);
    expect(shouldFetch('auto', settings, inactiveAt(0, 40), NOW)).toBe(false);
    expect(shouldFetch('auto', settings, inactiveAt(59, 100), NOW)).toBe(false);
    expect(shouldFetch('auto', settings, inactiveAt(60, 100), NOW)).toBe(true);
    // Fresh data from before the failure does not hide the failure's hourly rule either way.
    expect(shouldFetch('auto', settings, inactiveAt(61, 5), NOW)).toBe(true);
    // A refresh interval longer than an hour is kept.
    expect(shouldFetch('auto', { ...settings, refreshIntervalMinutes: 120 }, inactiveAt(90, 200), NOW)).toBe(false);
    expect(shouldFetch('refresh', settings, inactiveAt(0, 40), NOW)).toBe(true);
  });
});
