// Realistic DashboardState fixtures for the renderer tests and screenshots.
import { AppInactiveError, KeychainUnavailableError } from '../../core/errors';
import type { ActivityLink, DashboardState, HistoryView, Sport, SportTotals, StatsView, WeekBar } from '../../preload/contract';
import { sportChoices } from '../../core/view/labels';
import { familyStats, statsView } from '../support/statsFixtures';
import { MAIN_GOALS, everyStatusGoals, withGoals } from './goalFixtures';

const MINUTE = 60_000;

/** Monday (UTC) of the week containing `now`, as YYYY-MM-DD, stepped back `weeksAgo` weeks. */
function mondayOf(now: number, weeksAgo: number): string {
  const date = new Date(now);
  const day = (date.getUTCDay() + 6) % 7; // Monday = 0
  const monday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day - weeksAgo * 7);
  return new Date(monday).toISOString().slice(0, 10);
}

function weeks(now: number, kilometres: number[]): WeekBar[] {
  return kilometres.map((km, index) => ({
    weekStart: mondayOf(now, kilometres.length - 1 - index),
    distance: Math.round(km * 1000),
    movingTime: Math.round(km * 330),
  }));
}

export const TOTALS: Record<'run' | 'ride' | 'swim' | 'fitness', SportTotals> = {
  run: {
    week: { count: 4, distance: 42_195, movingTime: 13_920, elevationGain: 512 },
    fourWeeks: { count: 16, distance: 168_400, movingTime: 54_600, elevationGain: 2_140 },
    ytd: { count: 148, distance: 1_204_300, movingTime: 421_560, elevationGain: 14_850 },
    allTime: { count: 1_012, distance: 8_734_900, movingTime: 2_931_400, elevationGain: 98_420 },
  },
  ride: {
    week: { count: 1, distance: 62_300, movingTime: 8_040, elevationGain: 740 },
    fourWeeks: { count: 6, distance: 318_000, movingTime: 40_500, elevationGain: 3_910 },
    ytd: { count: 41, distance: 2_412_800, movingTime: 312_000, elevationGain: 28_740 },
    allTime: { count: 388, distance: 21_904_000, movingTime: 2_880_000, elevationGain: 241_300 },
  },
  swim: {
    week: { count: 0, distance: 0, movingTime: 0, elevationGain: 0 },
    fourWeeks: { count: 3, distance: 7_500, movingTime: 9_000, elevationGain: 0 },
    ytd: { count: 22, distance: 48_200, movingTime: 62_000, elevationGain: 0 },
    allTime: { count: 140, distance: 301_000, movingTime: 398_000, elevationGain: 0 },
  },
  fitness: {
    week: { count: 2, distance: 0, movingTime: 6_300, elevationGain: 0 },
    fourWeeks: { count: 7, distance: 0, movingTime: 22_500, elevationGain: 0 },
    ytd: { count: 64, distance: 0, movingTime: 201_600, elevationGain: 0 },
    allTime: { count: 240, distance: 0, movingTime: 770_000, elevationGain: 0 },
  },
};

const link = (id: number, name: string, sportType: string, date: string, distance: number, movingTime: number, elevationGain: number): ActivityLink => ({ id, name, sportType, date, distance, movingTime, elevationGain });

export function stats(now: number = Date.now(), history?: HistoryView): StatsView {
  return statsView(
    {
      run: familyStats(structuredClone(TOTALS.run), {
        weekly: weeks(now, [31.2, 38.5, 27.9, 45.1, 40.3, 0, 22.4, 48.6, 51.2, 36.7, 44.0, 42.195]),
        records: { longest: link(9101, 'Oslo Marathon', 'Run', '2025-09-20', 42_421.6, 12_204, 188), biggestClimb: link(9102, 'Galdhøpiggen opp og ned', 'TrailRun', '2025-07-12', 21_300, 14_400, 1_812) },
        bySportType: [
          { sportType: 'Run', label: 'Run', totals: structuredClone(TOTALS.run) },
          { sportType: 'TrailRun', label: 'Trail run', totals: { ...structuredClone(TOTALS.run), ytd: { count: 12, distance: 180_400, movingTime: 72_000, elevationGain: 6_300 } } },
        ],
      }),
      ride: familyStats(structuredClone(TOTALS.ride), {
        weekly: weeks(now, [80.4, 0, 112.5, 65.2, 0, 140.8, 95.1, 0, 72.3, 118.0, 64.6, 62.3]),
        records: { longest: link(9201, 'Trondheim–Oslo', 'Ride', '2024-06-22', 212_400, 27_000, 2_104), biggestClimb: link(9201, 'Trondheim–Oslo', 'Ride', '2024-06-22', 212_400, 27_000, 2_104) },
      }),
      swim: familyStats(structuredClone(TOTALS.swim), {
        weekly: weeks(now, [2.5, 3.0, 0, 2.0, 2.5, 0, 3.2, 2.4, 0, 2.5, 2.5, 0]),
        records: { longest: link(9301, 'Sognsvann crossing', 'Swim', '2025-08-02', 3_850, 5_100, 0), biggestClimb: null },
      }),
      fitness: familyStats(structuredClone(TOTALS.fitness), { records: { longest: link(9401, 'Long yoga', 'Yoga', '2025-01-05', 0, 5_400, 0), biggestClimb: null } }),
    },
    history,
  );
}

export const AVATAR_URL = 'https://dgalywyr863hv.cloudfront.net/pictures/athletes/123456/987654/2/medium.jpg';
export const ATHLETE_NAME = 'Zoë Ødegård-Núñez';

/** Base: connected with fresh data fetched three minutes before `now`. */
export function connectedState(now: number = Date.now()): DashboardState {
  return {
    loading: false,
    connection: { kind: 'connected' },
    data: {
      athlete: { id: 123456, name: ATHLETE_NAME, location: 'Bergen, Vestland, Norway', avatarUrl: AVATAR_URL },
      stats: stats(now),
      updatedAt: new Date(now - 3 * MINUTE).toISOString(),
      stale: false,
      garminAttribution: null,
      recent: [],
    },
    goals: [],
    glance: { menuBarTitle: null, ring: null },
    sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null, applicationInactive: false },
    missingScopes: [],
    settings: {
      clientId: '123456',
      units: 'metric',
      primarySport: 'run',
      eBikeRidesAsRides: false,
      refreshIntervalMinutes: 30,
      launchAtLogin: true,
      signInMethod: 'window',
      unitChoice: 'strava',
      stravaUnits: 'metric',
      goals: [],
      menuBarTitle: 'goal',
      trayIcon: 'ring',
      notifyGoalReached: false,
      weeklySummaryAt: null,
    },
    choices: {
      sports: sportChoices(['run', 'ride', 'fitness', 'swim'], 'run'),
      refreshIntervalMinutes: [15, 30, 60, 120],
    },
    desktop: { launchAtLoginAvailable: true, trayIconHidden: false, menuBarTitleAvailable: false },
    about: { version: '0.1.0', update: { kind: 'off' }, updateLine: null },
  };
}

type Patch = {
  [K in keyof DashboardState]?: K extends 'sync' | 'settings' ? Partial<DashboardState[K]> : DashboardState[K];
};

export function withState(base: DashboardState, patch: Patch): DashboardState {
  return {
    ...base,
    ...patch,
    sync: { ...base.sync, ...patch.sync },
    settings: { ...base.settings, ...patch.settings },
  } as DashboardState;
}

/** Today at 14:45 UTC: the harness runs pages in UTC, so it reads "14:45" there. */
export function todayAt1445(now: number = Date.now()): string {
  return `${new Date(now).toISOString().slice(0, 10)}T14:45:00.000Z`;
}

export function fixtures(now: number = Date.now()) {
  // The dashboard as an athlete with goals sees it: three goals and the latest activities.
  const connected = withGoals(connectedState(now), MAIN_GOALS);
  const signedOut = withState(connected, { connection: { kind: 'not_connected' }, data: null });
  return {
    loading: withState(connected, { loading: true, data: null, connection: { kind: 'not_connected' } }),
    needsCredentials: withState(signedOut, { connection: { kind: 'needs_credentials' }, settings: { clientId: null } }),
    notConnected: signedOut,
    notConnectedBrowser: withState(signedOut, { settings: { signInMethod: 'browser' } }),
    connectingWindow: withState(signedOut, { connection: { kind: 'connecting', method: 'window' } }),
    connectingBrowser: withState(signedOut, { connection: { kind: 'connecting', method: 'browser' } }),
    connected,
    connectedFetching: withState(connected, { data: null }),
    refreshing: withState(connected, { sync: { refreshing: true } }),
    offline: withState(connected, {
      data: { ...connected.data!, updatedAt: new Date(now - 95 * MINUTE).toISOString(), stale: true },
      sync: { offline: true, lastError: null },
    }),
    stale: withState(connected, { data: { ...connected.data!, updatedAt: new Date(now - 75 * MINUTE).toISOString(), stale: true } }),
    rateLimited: withState(connected, { sync: { rateLimitedUntil: todayAt1445(now) } }),
    missingScopes: withState(connected, {
      data: { ...connected.data!, stats: stats(now, { ...connected.data!.stats.history, includesPrivate: false }) },
      missingScopes: [
        { scope: 'activity:read_all', consequence: 'Activities you set to Only You are not counted: totals, chart and records include only Everyone and Followers activities.' },
        { scope: 'profile:read_all', consequence: 'Pacebar cannot read your units preference on Strava, so it shows metric unless you choose in Settings. Your name, photo and location are still shown.' },
      ],
    }),
    counting: withState(connected, {
      data: {
        ...connected.data!,
        stats: (() => {
          const counting = stats(now, { state: 'counting', counted: 1_800, estimatedTotal: 4_100, includesPrivate: true, readsActivities: true });
          for (const sport of ['run', 'ride', 'swim'] as Sport[]) counting.families[sport].sources = { week: 'history', fourWeeks: 'history', ytd: 'public_stats', allTime: 'public_stats' };
          return counting;
        })(),
      },
    }),
    reconnectNeeded: withState(connected, {
      connection: { kind: 'reconnect_needed' },
      data: { ...connected.data!, updatedAt: new Date(now - 26 * 60 * MINUTE).toISOString(), stale: true },
    }),
    keychainUnavailable: withState(signedOut, {
      // As the controller sets it when keytar says "Cannot autolaunch D-Bus without X11 $DISPLAY".
      connection: { kind: 'keychain_unavailable', detail: new KeychainUnavailableError('no_service', 'linux').message },
    }),
    updateReady: withState(connected, {
      about: { version: '0.1.0', update: { kind: 'ready', version: '0.2.0' }, updateLine: 'Update ready: restart to install' },
    }),
    applicationInactive: withState(connected, {
      data: { ...connected.data!, updatedAt: new Date(now - 50 * MINUTE).toISOString(), stale: true },
      sync: { lastError: new AppInactiveError().message, applicationInactive: true },
    }),
    lastError: withState(connected, { sync: { lastError: 'Strava answered 503 Service Unavailable. Pacebar will retry in 5 minutes.' } }),
    garmin: withState(connected, { data: { ...connected.data!, garminAttribution: 'Garmin Forerunner 965' } }),
    noAvatar: withState(connected, {
      data: { ...connected.data!, athlete: { ...connected.data!.athlete, avatarUrl: null, location: null } },
    }),
    imperial: withGoals(withState(connected, { settings: { units: 'imperial', unitChoice: 'imperial', primarySport: 'ride' } }), MAIN_GOALS),
    noGoals: connectedState(now),
    everyGoalStatus: withGoals(connectedState(now), everyStatusGoals(), '2026-06-01'),
    everyGoalStatusImperial: withGoals(withState(connectedState(now), { settings: { units: 'imperial', unitChoice: 'imperial' } }), everyStatusGoals(), '2026-06-01'),
    noTray: withState(connected, { desktop: { launchAtLoginAvailable: true, trayIconHidden: true, menuBarTitleAvailable: false } }),
    noRecords: withState(connected, {
      data: { ...connected.data!, stats: statsView({ run: familyStats(structuredClone(TOTALS.run)) }) },
      choices: { ...connected.choices, sports: sportChoices(['run'], 'run') },
    }),
  } satisfies Record<string, DashboardState>;
}

export type FixtureName = keyof ReturnType<typeof fixtures>;
