// The words the tray, the dashboard and the CLI share for what they show: sport names and the
// one-line summary. (The dashboard gets the sport names through DashboardState.choices.)
import { SPORTS, type DashboardState, type Sport } from '../domain';
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
