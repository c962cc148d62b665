// The athlete's latest activities as the dashboard and the tray list them, each a link to Strava.
import type { ActivityRecord, RecentActivity, Sport, Units } from '../domain';
import { activityLink } from '../stats/historySummary';
import { sportTypeLabel } from '../stats/sportFamilies';
import { formatDay, formatDuration, formatFamilyDistance } from './format';
import { FAMILY_DISPLAY } from './labels';

/** How many the dashboard and the tray submenu list. */
export const RECENT_ACTIVITIES = 5;

export function recentActivities(
  records: readonly ActivityRecord[],
  context: { now: number; nowLocal: number; units: Units; familyOf: (sportType: string) => Sport },
): RecentActivity[] {
  const currentYear = new Date(context.nowLocal).getUTCFullYear();
  return records
    .filter((record) => record.start <= context.now)
    .sort((a, b) => b.start - a.start || b.id - a.id)
    .slice(0, RECENT_ACTIVITIES)
    .map((record) => {
      const family = context.familyOf(record.sportType);
      const scale = FAMILY_DISPLAY[family].distance;
      const distance = scale !== null && record.distance > 0 ? formatFamilyDistance(record.distance, scale, context.units) : null;
      const time = formatDuration(record.movingTime);
      const date = formatDay(record.startLocal, currentYear);
      return {
        ...activityLink(record),
        family,
        startLocal: new Date(record.startLocal).toISOString().slice(0, 16),
        text: { sport: sportTypeLabel(record.sportType), distance, time, date, line: [record.name, distance, time, date].filter((part) => part !== null).join(' · ') },
      };
    });
}
