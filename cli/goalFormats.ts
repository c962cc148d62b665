// What `pacebar goals` prints: text, json and waybar, each from DashboardState.goals (the figures
// and sentences core/view computed once), so the command says what the tray and dashboard say.
import type { DashboardState, GoalPeriod, GoalMeasure, GoalStatus, GoalText, GoalView, Sport, Units } from '../core/domain';
import { formatAgo } from '../core/view/format';
import type { Format } from './args';
import { escapeMarkup, type WaybarOutput } from './formats';

export interface GoalsView {
  state: DashboardState & { data: NonNullable<DashboardState['data']> };
  now: number;
}

/** Version 1 of `pacebar goals --format json`: numbers in Strava's units (metres, seconds, activities). */
export interface GoalsJson {
  version: 1;
  /** The units of the text: the setting, or the athlete's Strava preference. */
  units: Units;
  /** ISO-8601 time of the data the figures come from; null when there are no goals (nothing was read). */
  updated_at: string | null;
  stale: boolean;
  /** In the settings' order: the first is the primary goal (tray icon, menu bar, waybar). */
  goals: GoalJson[];
}

export interface GoalJson {
  id: number;
  sport: Sport;
  period: GoalPeriod;
  measure: GoalMeasure;
  target: number;
  done: number;
  status: GoalStatus;
  fraction: number;
  elapsed: number;
  delta: number;
  days_left: number;
  per_day: number | null;
  per_week: number | null;
  period_key: string;
  starts_on: string;
  ends_on: string;
  text: GoalText;
}

/** waybar classes: the status, with a hyphen where CSS prefers one. */
export const GOAL_WAYBAR_CLASS: Record<GoalStatus, string> = {
  counting: 'counting',
  reached: 'reached',
  ahead: 'ahead',
  on_pace: 'on-pace',
  behind: 'behind',
};

export const NO_GOALS_HINT = 'No goals yet. Add one: pacebar goals add --sport run --period week --distance 30km';

function goalJson(view: GoalView): GoalJson {
  const { goal } = view;
  return {
    id: goal.id,
    sport: goal.sport,
    period: goal.period,
    measure: goal.measure,
    target: goal.target,
    done: view.done,
    status: view.status,
    fraction: view.fraction,
    elapsed: view.elapsed,
    delta: view.delta,
    days_left: view.daysLeft,
    per_day: view.perDay,
    per_week: view.perWeek,
    period_key: view.periodKey,
    starts_on: view.startsOn,
    ends_on: view.endsOn,
    text: view.text,
  };
}

function updatedLine(view: GoalsView): string {
  const { data } = view.state;
  return `Updated ${formatAgo(Date.parse(data.updatedAt), view.now)}${data.stale ? ' (stale)' : ''}`;
}

export function goalsJson(view: GoalsView): GoalsJson {
  return { version: 1, units: view.state.settings.units, updated_at: view.state.data.updatedAt, stale: view.state.data.stale, goals: view.state.goals.map(goalJson) };
}

/** One line per goal, its id first (what `pacebar goals remove` takes); a last line when the data is stale. */
export function goalsText(view: GoalsView): string {
  const lines = view.state.goals.map((goal) => `#${goal.goal.id} ${goal.text.line}`);
  if (view.state.data.stale) lines.push(updatedLine(view));
  return lines.join('\n');
}

export function goalsWaybar(view: GoalsView): WaybarOutput {
  const [primary] = view.state.goals;
  if (!primary) return noGoalsWaybar();
  // A stale figure says why, when a refresh just failed.
  const why = view.state.data.stale ? view.state.sync.lastError : null;
  const lines = [...view.state.goals.map((goal) => goal.text.line), updatedLine(view), ...(why ? [why] : [])];
  return { text: escapeMarkup(primary.text.short), tooltip: escapeMarkup(lines.join('\n')), class: GOAL_WAYBAR_CLASS[primary.status] };
}

function noGoalsWaybar(): WaybarOutput {
  return { text: escapeMarkup('No goal'), tooltip: escapeMarkup(NO_GOALS_HINT), class: 'none' };
}

/** What `pacebar goals` prints when there is no goal (nothing is read from Strava for it). */
export function renderNoGoals(format: Format, units: Units): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ version: 1, units, updated_at: null, stale: false, goals: [] } satisfies GoalsJson);
    case 'waybar':
      return JSON.stringify(noGoalsWaybar());
    case 'text':
      return NO_GOALS_HINT;
  }
}

export function renderGoals(format: Format, view: GoalsView): string {
  if (view.state.goals.length === 0) return renderNoGoals(format, view.state.settings.units);
  switch (format) {
    case 'json':
      return JSON.stringify(goalsJson(view));
    case 'waybar':
      return JSON.stringify(goalsWaybar(view));
    case 'text':
      return goalsText(view);
  }
}
