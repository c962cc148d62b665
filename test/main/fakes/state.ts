// DashboardState builders for the main-process tests.
import { REFRESH_INTERVAL_MINUTES, type DashboardState, type SportTotals, type Totals, type UpdateView } from '../../../core/domain';
import { sportChoices, updateLine } from '../../../core/view/labels';
import { familyStats, statsView } from '../../support/statsFixtures';

const totals = (distance: number): Totals => ({ count: 1, distance, movingTime: 3600, elevationGain: 10 });
const sportTotals = (week: number, ytd: number): SportTotals => ({ week: totals(week), fourWeeks: totals(week * 4), ytd: totals(ytd), allTime: totals(ytd * 3) });

export const NOW = Date.UTC(2026, 10, 18, 17, 40);

export function baseState(overrides: Partial<DashboardState> = {}): DashboardState {
  return {
    loading: false,
    connection: { kind: 'not_connected' },
    data: null,
    goals: [],
    glance: { menuBarTitle: null, ring: null },
    sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null, applicationInactive: false },
    missingScopes: [],
    settings: {
      clientId: '12345',
      units: 'metric',
      unitChoice: 'strava',
      stravaUnits: 'metric',
      primarySport: 'run',
      eBikeRidesAsRides: false,
      refreshIntervalMinutes: 15,
      launchAtLogin: false,
      signInMethod: 'window',
      goals: [],
      menuBarTitle: 'goal',
      trayIcon: 'ring',
      notifyGoalReached: false,
      weeklySummaryAt: null,
    },
    choices: { sports: sportChoices(['run', 'ride', 'swim'], 'run'), refreshIntervalMinutes: [...REFRESH_INTERVAL_MINUTES.presets] },
    desktop: { launchAtLoginAvailable: true, trayIconHidden: false, menuBarTitleAvailable: false },
    about: { version: '0.1.0', update: { kind: 'off' }, updateLine: null },
    ...overrides,
  };
}

export function connectedState(overrides: Partial<DashboardState> = {}): DashboardState {
  return baseState({
    connection: { kind: 'connected' },
    data: {
      athlete: { id: 42, name: 'Marianne Vos', location: 'Utrecht, NL', avatarUrl: null },
      stats: statsView({ run: familyStats(sportTotals(24_300, 1_204_000)), ride: familyStats(sportTotals(151_000, 8_765_400)), swim: familyStats(sportTotals(2_500, 61_000)) }),
      updatedAt: new Date(NOW - 3 * 60_000).toISOString(),
      stale: false,
      garminAttribution: null,
      recent: [],
    },
    ...overrides,
  });
}

/** The state with the updater reporting `update`, its line composed as composeDashboardState does. */
export function withUpdate(state: DashboardState, update: UpdateView): DashboardState {
  return { ...state, about: { ...state.about, update, updateLine: updateLine(update) } };
}
