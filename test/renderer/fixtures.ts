// Realistic DashboardState fixtures for the renderer tests and screenshots.
import { AppInactiveError } from '../../core/errors';
import type { DashboardState, Sport, SportTotals, StatsView, WeekBar } from '../../preload/contract';

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
  }));
}

export const TOTALS: Record<Sport, SportTotals> = {
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
};

export function stats(now: number = Date.now()): StatsView {
  return {
    totals: structuredClone(TOTALS),
    biggestRideDistance: 212_400,
    biggestClimbElevationGain: 2_104,
    weekly: {
      run: weeks(now, [31.2, 38.5, 27.9, 45.1, 40.3, 0, 22.4, 48.6, 51.2, 36.7, 44.0, 42.195]),
      ride: weeks(now, [80.4, 0, 112.5, 65.2, 0, 140.8, 95.1, 0, 72.3, 118.0, 64.6, 62.3]),
      swim: weeks(now, [2.5, 3.0, 0, 2.0, 2.5, 0, 3.2, 2.4, 0, 2.5, 2.5, 0]),
    },
  };
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
    },
    sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null, applicationInactive: false },
    missingScopes: [],
    settings: {
      clientId: '123456',
      units: 'metric',
      primarySport: 'run',
      refreshIntervalMinutes: 30,
      launchAtLogin: true,
      signInMethod: 'window',
    },
    choices: {
      sports: [{ value: 'run', label: 'Run' }, { value: 'ride', label: 'Ride' }, { value: 'swim', label: 'Swim' }],
      refreshIntervalMinutes: [15, 30, 60, 120],
    },
    desktop: { launchAtLoginAvailable: true, trayIconHidden: false },
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
  const connected = connectedState(now);
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
      missingScopes: [
        { scope: 'activity:read_all', consequence: 'Private activities are left out of your totals and chart.' },
        { scope: 'profile:read_all', consequence: 'Your location and profile photo cannot be shown.' },
      ],
    }),
    reconnectNeeded: withState(connected, {
      connection: { kind: 'reconnect_needed' },
      data: { ...connected.data!, updatedAt: new Date(now - 26 * 60 * MINUTE).toISOString(), stale: true },
    }),
    keychainUnavailable: withState(signedOut, {
      connection: { kind: 'keychain_unavailable', detail: 'Cannot autolaunch D-Bus without X11 $DISPLAY' },
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
    imperial: withState(connected, { settings: { units: 'imperial', primarySport: 'ride' } }),
    noTray: withState(connected, { desktop: { launchAtLoginAvailable: true, trayIconHidden: true } }),
    noRecords: withState(connected, {
      data: { ...connected.data!, stats: { ...connected.data!.stats, biggestRideDistance: null, biggestClimbElevationGain: null } },
    }),
  } satisfies Record<string, DashboardState>;
}

export type FixtureName = keyof ReturnType<typeof fixtures>;
