// The words the tray, the dashboard and the CLI share for what they show: sport names, the
// one-line summary and the update status. (The dashboard gets the sport names through
// DashboardState.choices and the update line through DashboardState.about.)
import { SPORTS, type DashboardState, type ManualUpdateReason, type Sport, type UpdateView } from '../domain';
import { formatDistance } from './format';

export const SPORT_LABEL: Record<Sport, string> = { run: 'Run', ride: 'Ride', swim: 'Swim' };

export const SPORT_CHOICES: DashboardState['choices']['sports'] = SPORTS.map((value) => ({ value, label: SPORT_LABEL[value] }));

/** "Run · week 24.3 km · YTD 1,204 km" for the primary sport, or null without data. */
export function summaryLine(state: DashboardState): string | null {
  if (!state.data) return null;
  const sport = state.settings.primarySport;
  const totals = state.data.stats.totals[sport];
  const units = state.settings.units;
  return `${SPORT_LABEL[sport]} · week ${formatDistance(totals.week.distance, units)} · YTD ${formatDistance(totals.ytd.distance, units)}`;
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
