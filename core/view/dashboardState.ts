// The one view model: DashboardState, composed from the engine's settings, cache and live status.
// The dashboard, the tray and every CLI format render it. Pure: nothing secret is read or returned.
import {
  NO_DESKTOP,
  REFRESH_INTERVAL_MINUTES,
  type ConnectionView,
  type DashboardState,
  type DesktopView,
  type MissingScopeView,
  type SyncView,
  type UpdateView,
} from '../domain';
import type { CacheData } from '../store/cache';
import { effectiveUnits, type Settings } from '../store/settings';
import { athleteView, buildStatsView } from '../stats/statsView';
import { garminAttribution } from './attribution';
import { SPORT_CHOICES, updateLine } from './labels';

/** What the caller knows live about refreshing; whether the application is inactive is read from the cache. */
export type SyncInputs = Omit<SyncView, 'applicationInactive'>;

export interface StateInputs {
  settings: Settings;
  cache: CacheData;
  connection: ConnectionView;
  missingScopes: MissingScopeView[];
  sync: SyncInputs;
  now: number;
  utcOffsetMinutes: number;
  loading?: boolean;
  /** What the desktop app runs on offers; the CLI has none. */
  desktop?: DesktopView;
  /** The running program's version and, in the app, what its updater knows. */
  about: { version: string; update: UpdateView };
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

/** Whether the cache holds data of the athlete the settings name (never another account's). */
export function hasAccountData(settings: Settings, cache: CacheData): cache is CacheData & { athlete: NonNullable<CacheData['athlete']> } {
  return cache.athlete !== null && settings.athleteId !== null && cache.athleteId === settings.athleteId;
}

/**
 * The last poll of this account was answered "Application Status Inactive" (kept in the cache, so
 * the app after a restart and the CLI know it too), and the account is still signed in.
 */
export function applicationInactive(settings: Settings, cache: CacheData, connection: ConnectionView): boolean {
  return connection.kind === 'connected' && settings.athleteId !== null && cache.athleteId === settings.athleteId && cache.lastFailure?.code === 'app_inactive';
}

export function composeDashboardState(inputs: StateInputs): DashboardState {
  const { settings, cache, now } = inputs;
  const fetchedAt = lastFetch(cache);
  const showData = hasAccountData(settings, cache);
  // A refresh that just failed (offline, rate limited, refused) leaves the data as old as it was.
  const stale = isStale(cache, settings, now) || inputs.sync.offline || inputs.sync.lastError !== null || inputs.connection.kind === 'reconnect_needed';
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
            garminAttribution: garminAttribution(cache.activities),
          }
        : null,
    sync: { ...inputs.sync, applicationInactive: applicationInactive(settings, cache, inputs.connection) },
    missingScopes: inputs.missingScopes,
    settings: {
      clientId: settings.clientId,
      units: effectiveUnits(settings, cache.athlete?.measurement_preference),
      primarySport: settings.primarySport,
      refreshIntervalMinutes: settings.refreshIntervalMinutes,
      launchAtLogin: settings.launchAtLogin,
      signInMethod: settings.signInMethod,
    },
    choices: { sports: SPORT_CHOICES, refreshIntervalMinutes: [...REFRESH_INTERVAL_MINUTES.presets] },
    desktop: inputs.desktop ?? NO_DESKTOP,
    about: { version: inputs.about.version, update: inputs.about.update, updateLine: updateLine(inputs.about.update) },
  };
}
