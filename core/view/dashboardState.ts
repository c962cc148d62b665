// The one view model: DashboardState, composed from the engine's settings, cache, history and live
// status. The dashboard, the tray and every CLI format render it. Pure: nothing secret is read or returned.
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
import { athleteView, buildStatsView, publicStatsTotals, type HistoryCoverage } from '../stats/statsView';
import { familyOf } from '../stats/sportFamilies';
import { backfillComplete, reachesBack } from '../history/historyData';
import type { HistoryDigest } from '../history/historyDigest';
import { estimateTotal } from '../history/historyEstimate';
import { garminAttributionOf } from './attribution';
import { sportChoices, updateLine } from './labels';
import { goalWindow } from '../goals/goalPeriods';
import { goalProgress } from '../goals/goalProgress';
import { goalTotals, type GoalTotalsInputs } from '../goals/goalTotals';
import { goalText } from './goalText';
import { glanceView } from './glance';
import { recentActivities } from './recentActivities';
import type { GoalView, RecentActivity, StatsView, Units } from '../domain';

/** What the caller knows live about refreshing; whether the application is inactive is read from the cache. */
export type SyncInputs = Omit<SyncView, 'applicationInactive'>;

export interface StateInputs {
  settings: Settings;
  cache: CacheData;
  /** The history's digest, current for `now` (HistoryRepository.readDigest). */
  history: HistoryDigest;
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

/** How far the history reaches and what it counts, for the athlete the settings name. */
export function historyCoverage(history: HistoryDigest, cache: CacheData, athleteId: number, now: number): { coverage: HistoryCoverage; mine: HistoryDigest | null } {
  const data = history.athleteId === athleteId ? history : null;
  const reads = data?.reads ?? null;
  const publicCount = (['run', 'ride', 'swim'] as const).reduce((sum, sport) => sum + (publicStatsTotals(cache.stats, sport, 'allTime')?.count ?? 0), 0);
  const joined = cache.athlete?.created_at ? Date.parse(cache.athlete.created_at) : Number.NaN;
  const readsActivities = reads?.activities ?? true;
  return {
    mine: data,
    coverage: {
      reachesBack: data && readsActivities ? reachesBack(data) : null,
      state: !readsActivities ? 'unavailable' : data && backfillComplete(data) ? 'complete' : 'counting',
      counted: data?.counted ?? 0,
      estimatedTotal: data ? estimateTotal(data, { joinedAt: Number.isFinite(joined) ? joined : null, publicCount: cache.stats ? publicCount : null, now }) : null,
      includesPrivate: reads?.private ?? true,
      readsActivities,
    },
  };
}

export function composeDashboardState(inputs: StateInputs): DashboardState {
  const { settings, cache, now } = inputs;
  const fetchedAt = lastFetch(cache);
  const showData = hasAccountData(settings, cache);
  const units = effectiveUnits(settings, cache.athlete?.measurement_preference);
  const moment = { now, utcOffsetMinutes: inputs.utcOffsetMinutes };
  const family = familyOf({ eBikeRidesAsRides: settings.eBikeRidesAsRides });
  // A refresh that just failed (offline, rate limited, refused) leaves the data as old as it was.
  const stale = isStale(cache, settings, now) || inputs.sync.offline || inputs.sync.lastError !== null || inputs.connection.kind === 'reconnect_needed';
  let figures: { stats: StatsView; goals: GoalView[]; recent: RecentActivity[] } | null = null;
  if (showData && settings.athleteId !== null) {
    const { coverage, mine } = historyCoverage(inputs.history, cache, settings.athleteId, now);
    const records = mine?.recent ?? [];
    const stats = buildStatsView({
      records,
      extras: { older: mine?.older ?? [], leaders: mine?.leaders ?? [] },
      stats: cache.stats,
      coverage,
      moment,
      familyOf: family,
    });
    figures = {
      stats,
      goals: goalViews(settings, units, { records, families: stats.families, familyOf: family, reachesBack: coverage.reachesBack, now }, moment),
      recent: recentActivities(records, { now, nowLocal: now + inputs.utcOffsetMinutes * 60_000, units, familyOf: family }),
    };
  }
  const data =
    showData && cache.athlete && figures && fetchedAt !== null
      ? {
          athlete: athleteView(cache.athlete),
          stats: figures.stats,
          updatedAt: new Date(fetchedAt).toISOString(),
          stale,
          garminAttribution: inputs.history.athleteId === settings.athleteId ? garminAttributionOf(inputs.history.garminDevices) : null,
          recent: figures.recent,
        }
      : null;
  const goals = data && figures ? figures.goals : [];
  const settingsView: DashboardState['settings'] = {
    clientId: settings.clientId,
    units,
    unitChoice: settings.units ?? 'strava',
    stravaUnits: effectiveUnits({ ...settings, units: null }, cache.athlete?.measurement_preference),
    primarySport: settings.primarySport,
    eBikeRidesAsRides: settings.eBikeRidesAsRides,
    refreshIntervalMinutes: settings.refreshIntervalMinutes,
    launchAtLogin: settings.launchAtLogin,
    signInMethod: settings.signInMethod,
    goals: settings.goals,
    menuBarTitle: settings.menuBarTitle,
    trayIcon: settings.trayIcon,
    notifyGoalReached: settings.notifyGoalReached,
    weeklySummaryAt: settings.weeklySummaryAt,
  };
  return {
    loading: inputs.loading ?? false,
    connection: inputs.connection,
    data,
    goals,
    glance: glanceView({ data, settings: settingsView }, goals, settings),
    sync: { ...inputs.sync, applicationInactive: applicationInactive(settings, cache, inputs.connection) },
    missingScopes: inputs.missingScopes,
    settings: settingsView,
    choices: { sports: sportChoices(figures?.stats.active ?? [], settings.primarySport), refreshIntervalMinutes: [...REFRESH_INTERVAL_MINUTES.presets] },
    desktop: inputs.desktop ?? NO_DESKTOP,
    about: { version: inputs.about.version, update: inputs.about.update, updateLine: updateLine(inputs.about.update) },
  };
}

/** Every goal's progress in its current period, in the settings' order. */
export function goalViews(settings: Pick<Settings, 'goals'>, units: Units, totals: GoalTotalsInputs, moment: { now: number; utcOffsetMinutes: number }): GoalView[] {
  return settings.goals.map((goal) => {
    const window = goalWindow(goal.period, moment);
    const figures = goalProgress(goal, goalTotals(goal, window, totals), window);
    return { ...figures, text: goalText(figures, units) };
  });
}
