// The words the tray, the dashboard and the CLI share for what they show: family names and how
// each family's figures are read, the one-line summary, the counting line, the coverage note and
// the update status. (The dashboard gets the family names and displays through
// DashboardState.choices and the update line through DashboardState.about.)
import { SPORTS, type DashboardState, type FamilyDisplay, type ManualUpdateReason, type Period, type SettingsChoices, type Sport, type UpdateView } from '../domain';
import { formatCount, formatFamilyDistance, formatHours } from './format';

export const FAMILY_DISPLAY: Record<Sport, FamilyDisplay> = {
  run: { label: 'Run', noun: ['run', 'runs'], rate: 'pace', distance: 'long', elevation: true },
  ride: { label: 'Ride', noun: ['ride', 'rides'], rate: 'speed', distance: 'long', elevation: true },
  swim: { label: 'Swim', noun: ['swim', 'swims'], rate: 'swimPace', distance: 'short', elevation: false },
  walk: { label: 'Walk & hike', noun: ['walk or hike', 'walks and hikes'], rate: 'pace', distance: 'long', elevation: true },
  ebike: { label: 'E-bike', noun: ['e-bike ride', 'e-bike rides'], rate: 'speed', distance: 'long', elevation: true },
  winter: { label: 'Winter sports', noun: ['activity', 'activities'], rate: 'speed', distance: 'long', elevation: true },
  water: { label: 'Water sports', noun: ['activity', 'activities'], rate: 'speed', distance: 'long', elevation: false },
  fitness: { label: 'Fitness', noun: ['workout', 'workouts'], rate: null, distance: null, elevation: false },
  other: { label: 'Other sports', noun: ['activity', 'activities'], rate: null, distance: 'long', elevation: false },
};

export const SPORT_LABEL: Record<Sport, string> = Object.fromEntries(SPORTS.map((sport) => [sport, FAMILY_DISPLAY[sport].label])) as Record<Sport, string>;

/** The families the athlete does, and the primary one even before any activity of it is counted. */
export function sportChoices(active: readonly Sport[], primary: Sport): SettingsChoices['sports'] {
  const shown = active.includes(primary) ? active : [primary, ...active];
  return shown.map((value) => ({ value, ...FAMILY_DISPLAY[value] }));
}

const PERIOD_WORD: Record<Period, string> = { week: 'week', fourWeeks: '4 weeks', ytd: 'YTD', allTime: 'all time' };

/** "24.3 km", "1,204 km (public only)", "counting…", "—": a period's figure, distance or (families without distance) time. */
export function periodValue(state: Pick<DashboardState, 'data' | 'settings'>, sport: Sport, period: Period): string {
  const stats = state.data?.stats.families[sport];
  if (!stats) return '—';
  if (stats.sources[period] === 'counting') return 'counting…';
  const totals = stats.totals[period];
  const display = FAMILY_DISPLAY[sport];
  const value = display.distance === null ? formatHours(totals.movingTime) : formatFamilyDistance(totals.distance, display.distance, state.settings.units);
  return `${value}${stats.sources[period] === 'public_stats' ? ' (public only)' : ''}`;
}

/** "week 24.3 km", "YTD 1,204 km (public only)". */
export function periodFigure(state: DashboardState, sport: Sport, period: Period): string {
  return `${PERIOD_WORD[period]} ${periodValue(state, sport, period)}`;
}

/** "Run · week 24.3 km · YTD 1,204 km" for the primary sport, or null without data. */
export function summaryLine(state: DashboardState): string | null {
  if (!state.data) return null;
  const sport = state.settings.primarySport;
  return `${SPORT_LABEL[sport]} · ${periodFigure(state, sport, 'week')} · ${periodFigure(state, sport, 'ytd')}`;
}

/** "Counting your history: 1,800 of about 4,100 activities", while the backfill runs. */
export function historyLine(state: DashboardState): string | null {
  const history = state.data?.stats.history;
  if (!history || history.state !== 'counting') return null;
  const of = history.estimatedTotal !== null && history.estimatedTotal > history.counted ? ` of about ${formatCount(history.estimatedTotal)}` : '';
  return `Counting your history: ${formatCount(history.counted)}${of} activities`;
}

/** What the totals leave out for want of a permission, and how to fix it; null when nothing is. */
export function coverageLine(state: DashboardState): string | null {
  const history = state.data?.stats.history;
  if (!history) return null;
  if (!history.readsActivities) return 'Activities cannot be read: totals are Strava\'s public run, ride and swim figures. Reconnect and allow access to your activities.';
  if (!history.includesPrivate) return 'Only You activities are not counted. Reconnect and tick "View data about your private activities".';
  return null;
}

const CANNOT_SELF_UPDATE: Record<ManualUpdateReason, string> = {
  deb: 'this .deb install can’t update itself',
  mac_unsigned: 'this unsigned build can’t update itself',
};

/** The update status in one line ("Update ready: restart to install"), or null when there is nothing to say. */
export function updateLine(update: UpdateView): string | null {
  switch (update.kind) {
    case 'off':
      return null;
    case 'idle':
      return update.checkedAt === null ? null : 'Pacebar is up to date';
    case 'checking':
      return 'Checking for updates…';
    case 'downloading':
      return `Downloading Pacebar ${update.version}…`;
    case 'ready':
      return 'Update ready: restart to install';
    case 'manual':
      return `Pacebar ${update.version} is available: ${CANNOT_SELF_UPDATE[update.reason]}`;
    case 'error':
      return update.message;
  }
}

/** The inactive application in the tray's status line and waybar's text (the error's message says what to do). */
export const APPLICATION_INACTIVE = {
  statusLine: 'Strava API application inactive: subscription needed',
  waybarText: 'Strava: app inactive',
} as const;
