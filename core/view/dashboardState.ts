// Composes the renderer's DashboardState from the engine's settings, cache and live status.
// Pure: the controller passes in what it knows; nothing secret is read or returned.
import type { ConnectionView, DashboardState, MissingScopeView, SyncView } from '../../preload/contract';
import type { CacheData } from '../store/cache';
import { effectiveUnits, type Settings } from '../store/settings';
import { athleteView, buildStatsView } from '../stats/statsView';

export interface StateInputs {
  settings: Settings;
  cache: CacheData;
  connection: ConnectionView;
  missingScopes: MissingScopeView[];
  sync: SyncView;
  now: number;
  utcOffsetMinutes: number;
  loading?: boolean;
}

/** Data older than this many refresh intervals is marked stale even without a failure. */
export const STALE_AFTER_INTERVALS = 2;

/** When the newest piece of cached data was fetched, epoch ms. */
export function lastFetch(cache: CacheData): number | null {
  const times = [cache.activitiesFetchedAt, cache.statsFetchedAt, cache.athleteFetchedAt].filter((t): t is number => t !== null);
  return times.length > 0 ? Math.max(...times) : null;
}

/** Stale: the last refresh failed, or the data is older than a couple of refresh intervals. */
export function isStale(cache: CacheData, settings: Settings, now: number): boolean {
  const fetchedAt = lastFetch(cache);
  const old = fetchedAt !== null && now - fetchedAt > settings.refreshIntervalMinutes * 60_000 * STALE_AFTER_INTERVALS;
  return old || cache.lastFailure !== null;
}

export function composeDashboardState(inputs: StateInputs): DashboardState {
  const { settings, cache, now } = inputs;
  const fetchedAt = lastFetch(cache);
  const showData = cache.athlete !== null && settings.athleteId !== null && cache.athleteId === settings.athleteId;
  const stale = isStale(cache, settings, now) || inputs.sync.offline || inputs.connection.kind === 'reconnect_needed';
  return {
    loading: inputs.loading ?? false,
    connection: inputs.connection,
    data:
      showData && cache.athlete && fetchedAt !== null
        ? {
            athlete: athleteView(cache.athlete),
            stats: buildStatsView(cache.stats, cache.activities, now, inputs.utcOffsetMinutes),
            updatedAt: new Date(fetchedAt).toISOString(),
            stale,
          }
        : null,
    sync: inputs.sync,
    missingScopes: inputs.missingScopes,
    settings: {
      clientId: settings.clientId,
      units: effectiveUnits(settings, cache.athlete?.measurement_preference),
      primarySport: settings.primarySport,
      refreshIntervalMinutes: settings.refreshIntervalMinutes,
      launchAtLogin: settings.launchAtLogin,
      signInMethod: settings.signInMethod,
    },
  };
}
