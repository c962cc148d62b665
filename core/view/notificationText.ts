// What Pacebar's progress notifications say, from the one view model: a goal reached, and the
// week's summary. Each also has a one-line form for the tray's menu, where it is read instead when
// the system does not show notifications.
import type { DashboardState, GoalView } from '../domain';
import { formatCount } from './format';
import { FAMILY_DISPLAY, periodValue } from './labels';

export interface NotificationText {
  title: string;
  body: string;
  /** The tray's one line for it. */
  line: string;
}

/** Body lines at most: notification centres show three or four. */
const MAX_BODY_LINES = 4;

/** "Goal reached: Ride · 150 km a week", "Ride this week: 151 / 150 km · reached". */
export function goalReachedText(goal: GoalView): NotificationText {
  const title = `Goal reached: ${goal.text.title}`;
  return { title, body: goal.text.line, line: `${title} (${goal.text.progress})` };
}

function countOf(count: number, noun: readonly [string, string]): string {
  return `${formatCount(count)} ${count === 1 ? noun[0] : noun[1]}`;
}

/**
 * "Your week: 5 activities", then a line per sport done this week (the primary first) and one per
 * goal ("Run 24.3 km · 3 runs", "Ride this week: 92.0 / 150 km · ahead by 12 km · …").
 */
export function weeklySummaryText(state: Pick<DashboardState, 'data' | 'settings' | 'goals'>): NotificationText {
  const stats = state.data?.stats;
  const primary = state.settings.primarySport;
  const families = stats ? [primary, ...stats.active.filter((sport) => sport !== primary)].filter((sport) => stats.families[sport].totals.week.count > 0) : [];
  const total = families.reduce((sum, sport) => sum + stats!.families[sport].totals.week.count, 0);
  const sports = families.map((sport) => {
    const display = FAMILY_DISPLAY[sport];
    return `${display.label} ${periodValue(state, sport, 'week')} · ${countOf(stats!.families[sport].totals.week.count, display.noun)}`;
  });
  const lines = [...sports, ...state.goals.map((goal) => goal.text.line)].slice(0, MAX_BODY_LINES);
  const title = total > 0 ? `Your week: ${countOf(total, ['activity', 'activities'])}` : 'Your week: no activities yet';
  const body = lines.length > 0 ? lines.join('\n') : 'Nothing recorded this week so far.';
  return { title, body, line: sports[0] ? `${title} · ${sports[0]}` : title };
}
