// What `pacebar status` prints: text, json and waybar, each rendered from the same DashboardState
// the tray and the dashboard render (engine.viewState), so the three can never disagree.
import { PERIODS, STATS_ENDPOINT_SPORTS, type ActivityLink, type DashboardState, type FigureSource, type HistoryView, type Period, type Sport, type Totals } from '../core/domain';
import type { ActivityStats, Athlete } from '../core/strava/models';
import { formatAgo, formatCount } from '../core/view/format';
import { APPLICATION_INACTIVE, SPORT_LABEL, coverageLine, historyLine, periodFigure, summaryLine } from '../core/view/labels';
import type { Format } from './args';

/** The view model with data, plus Strava's own records, which --format json passes through. */
export interface StatusView {
  state: DashboardState & { data: NonNullable<DashboardState['data']> };
  athlete: Athlete;
  stats: ActivityStats | null;
  now: number;
}

export interface JsonTotals {
  count: number;
  distance: number;
  moving_time: number;
  elevation_gain: number;
}

export type JsonPeriod = 'week' | 'four_weeks' | 'ytd' | 'all_time';

export interface JsonActivity {
  id: number;
  name: string;
  sport_type: string;
  date: string;
  distance: number;
  moving_time: number;
  elevation_gain: number;
  url: string;
}

export interface StatusJson {
  athlete: Athlete;
  /** Strava's stats endpoint as it answered (public activities only). */
  stats: ActivityStats | null;
  /** This week's run, ride and swim totals (kept as before; `totals` has every family). */
  this_week: Record<'run' | 'ride' | 'swim', JsonTotals>;
  updated_at: string | null;
  stale: boolean;
  /** "Garmin …" when the figures include Garmin-recorded activities (Garmin's attribution), else null. */
  garmin_attribution: string | null;
  /** Strava answers "Application Status Inactive" (see pacebar's stderr line for what to do). */
  application_inactive: boolean;
  primary_sport: Sport;
  /** Every family the athlete does: each period's totals and where they come from. */
  totals: Partial<Record<Sport, Record<JsonPeriod, JsonTotals & { source: FigureSource }>>>;
  records: Partial<Record<Sport, { longest: JsonActivity | null; biggest_climb: JsonActivity | null }>>;
  history: { state: HistoryView['state']; counted: number; estimated_total: number | null; includes_private: boolean; reads_activities: boolean };
}

export interface WaybarOutput {
  text: string;
  tooltip: string;
  class: string;
}

const JSON_PERIOD: Record<Period, JsonPeriod> = { week: 'week', fourWeeks: 'four_weeks', ytd: 'ytd', allTime: 'all_time' };

function jsonTotals(totals: Totals): JsonTotals {
  return { count: totals.count, distance: totals.distance, moving_time: totals.movingTime, elevation_gain: totals.elevationGain };
}

function jsonActivity(activity: ActivityLink | null): JsonActivity | null {
  if (!activity) return null;
  return {
    id: activity.id,
    name: activity.name,
    sport_type: activity.sportType,
    date: activity.date,
    distance: activity.distance,
    moving_time: activity.movingTime,
    elevation_gain: activity.elevationGain,
    url: `https://www.strava.com/activities/${activity.id}`,
  };
}

export function statusJson(view: StatusView): StatusJson {
  const { data, settings } = view.state;
  const { families, active, history } = data.stats;
  const shown = active.includes(settings.primarySport) ? active : [settings.primarySport, ...active];
  return {
    athlete: view.athlete,
    stats: view.stats,
    this_week: Object.fromEntries(STATS_ENDPOINT_SPORTS.map((sport) => [sport, jsonTotals(families[sport].totals.week)])) as StatusJson['this_week'],
    updated_at: data.updatedAt,
    stale: data.stale,
    garmin_attribution: data.garminAttribution,
    application_inactive: view.state.sync.applicationInactive,
    primary_sport: settings.primarySport,
    totals: Object.fromEntries(
      shown.map((sport) => [
        sport,
        Object.fromEntries(PERIODS.map((period) => [JSON_PERIOD[period], { ...jsonTotals(families[sport].totals[period]), source: families[sport].sources[period] }])),
      ]),
    ),
    records: Object.fromEntries(
      shown.map((sport) => [sport, { longest: jsonActivity(families[sport].records.longest), biggest_climb: jsonActivity(families[sport].records.biggestClimb) }]),
    ),
    history: {
      state: history.state,
      counted: history.counted,
      estimated_total: history.estimatedTotal,
      includes_private: history.includesPrivate,
      reads_activities: history.readsActivities,
    },
  };
}

/** The one text line: the summary, then what the reader must know (stale, counting, left out). */
export function statusText(view: StatusView): string {
  const { state } = view;
  const history = state.data.stats.history;
  const notes = [
    state.data.garminAttribution ? `· ${state.data.garminAttribution}` : null,
    state.data.stale ? '(stale)' : null,
    history.state === 'counting' ? `· counting ${formatCount(history.counted)}${history.estimatedTotal && history.estimatedTotal > history.counted ? ` of ~${formatCount(history.estimatedTotal)}` : ''}` : null,
    !history.readsActivities ? '· public activities only' : !history.includesPrivate ? '· Only You not counted' : null,
  ].filter((note): note is string => note !== null);
  return [summaryLine(state) ?? '', ...notes].join(' ');
}

/** waybar's text and tooltip are Pango markup. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function statusWaybar(view: StatusView): WaybarOutput {
  const { data, settings } = view.state;
  const shown = [settings.primarySport, ...data.stats.active.filter((sport) => sport !== settings.primarySport)].slice(0, 4);
  const lines = [
    data.athlete.name,
    ...(data.garminAttribution ? [data.garminAttribution] : []),
    ...shown.map((sport) => `${SPORT_LABEL[sport]}: ${(['week', 'fourWeeks', 'ytd'] as const).map((period) => periodFigure(view.state, sport, period)).join(' · ')}`),
    historyLine(view.state),
    coverageLine(view.state),
    `Updated ${formatAgo(Date.parse(data.updatedAt), view.now)}` + (data.stale ? ' (stale)' : ''),
    view.state.sync.applicationInactive ? APPLICATION_INACTIVE.statusLine : null,
  ].filter((line): line is string => line !== null);
  return {
    text: escapeMarkup(summaryLine(view.state) ?? ''),
    tooltip: escapeMarkup(lines.join('\n')),
    // Its own class, so a status bar can style "subscribe and reactivate" apart from plain staleness.
    class: view.state.sync.applicationInactive ? 'inactive' : data.stale ? 'stale' : 'ok',
  };
}

export type ProblemKind = 'disconnected' | 'reconnect' | 'inactive' | 'error';

/** waybar output when there is nothing to show: the module stays visible and says what to do. */
export function waybarProblem(kind: ProblemKind, message: string): WaybarOutput {
  const text =
    kind === 'disconnected' ? 'Strava: not connected' : kind === 'reconnect' ? 'Strava: reconnect' : kind === 'inactive' ? APPLICATION_INACTIVE.waybarText : 'Strava: error';
  return { text: escapeMarkup(text), tooltip: escapeMarkup(message), class: kind };
}

export function renderStatus(format: Format, view: StatusView): string {
  switch (format) {
    case 'json':
      return JSON.stringify(statusJson(view));
    case 'waybar':
      return JSON.stringify(statusWaybar(view));
    case 'text':
      return statusText(view);
  }
}
