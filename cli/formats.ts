// What `pacebar status` prints: text, json and waybar, each rendered from the same DashboardState
// the tray and the dashboard render (engine.viewState), so the three can never disagree.
// The json shape is versioned (STATUS_JSON_VERSION) and documented field by field in docs/cli-json.md.
import { PERIODS, STATS_ENDPOINT_SPORTS, type ActivityLink, type DashboardState, type FigureSource, type HistoryView, type Period, type Sport, type Totals } from '../core/domain';
import { athleteDisplayName, type ActivityStats, type Athlete } from '../core/strava/models';
import { formatAgo, formatCount } from '../core/view/format';
import { APPLICATION_INACTIVE, SPORT_LABEL, coverageLine, historyLine, periodFigure, summaryLine } from '../core/view/labels';
import { staleReason, type StaleCode, type StaleReason } from '../core/view/staleReason';
import type { Format } from './args';

/** Bumped when a key is removed or changes meaning; new keys may come within a version. */
export const STATUS_JSON_VERSION = 1;

/** The view model with data, plus Strava's own records: json passes the stats through, and of the athlete only JsonAthlete. */
export interface StatusView {
  state: DashboardState & { data: NonNullable<DashboardState['data']> };
  athlete: Athlete;
  stats: ActivityStats | null;
  now: number;
  /** The user's time zone (minutes east of UTC at a moment): times are said in it. */
  utcOffsetMinutes: (at: number) => number;
}

/** Only what a status bar shows of the athlete: never weight, FTP, bio or the rest of Strava's record. */
export interface JsonAthlete {
  id: number;
  name: string;
  firstname: string | null;
  lastname: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  /** Avatar URLs (124 and 62 px), https only: Strava's placeholder is a relative path. */
  profile: string | null;
  profile_medium: string | null;
  measurement_preference: 'meters' | 'feet' | null;
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
  version: typeof STATUS_JSON_VERSION;
  athlete: JsonAthlete;
  /** Strava's stats endpoint as it answered (public activities only). */
  stats: ActivityStats | null;
  /** This week's run, ride and swim totals (kept as before; `totals` has every family). */
  this_week: Record<'run' | 'ride' | 'swim', JsonTotals>;
  updated_at: string | null;
  stale: boolean;
  /** Why the data is stale (null while fresh): a code for scripts and the tooltip's words. */
  stale_reason: { code: StaleCode; text: string } | null;
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

function text(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function httpsUrl(value: string | null | undefined): string | null {
  return typeof value === 'string' && /^https:\/\//.test(value) ? value : null;
}

export function jsonAthlete(athlete: Athlete): JsonAthlete {
  return {
    id: athlete.id,
    name: athleteDisplayName(athlete),
    firstname: text(athlete.firstname),
    lastname: text(athlete.lastname),
    city: text(athlete.city),
    state: text(athlete.state),
    country: text(athlete.country),
    profile: httpsUrl(athlete.profile),
    profile_medium: httpsUrl(athlete.profile_medium),
    measurement_preference: athlete.measurement_preference ?? null,
  };
}

function reasonOf(view: StatusView): StaleReason | null {
  return staleReason(view.state, view.now, view.utcOffsetMinutes);
}

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
  const reason = reasonOf(view);
  return {
    version: STATUS_JSON_VERSION,
    athlete: jsonAthlete(view.athlete),
    stats: view.stats,
    this_week: Object.fromEntries(STATS_ENDPOINT_SPORTS.map((sport) => [sport, jsonTotals(families[sport].totals.week)])) as StatusJson['this_week'],
    updated_at: data.updatedAt,
    stale: data.stale,
    stale_reason: data.stale ? reason : null,
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
    state.data.stale ? (state.connection.kind === 'reconnect_needed' ? '(stale: reconnect needed)' : '(stale)') : null,
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
  const reason = reasonOf(view);
  const shown = [settings.primarySport, ...data.stats.active.filter((sport) => sport !== settings.primarySport)].slice(0, 4);
  const lines = [
    data.athlete.name,
    ...(data.garminAttribution ? [data.garminAttribution] : []),
    ...shown.map((sport) => `${SPORT_LABEL[sport]}: ${(['week', 'fourWeeks', 'ytd'] as const).map((period) => periodFigure(view.state, sport, period)).join(' · ')}`),
    historyLine(view.state),
    coverageLine(view.state),
    `Updated ${formatAgo(Date.parse(data.updatedAt), view.now)}`,
    // Why it is stale (and what to run, where the command is the fix).
    reason ? (reason.code === 'reconnect_needed' ? `${reason.text}. Run: pacebar login` : reason.text) : null,
  ].filter((line): line is string => line !== null);
  return {
    text: escapeMarkup(summaryLine(view.state) ?? ''),
    tooltip: escapeMarkup(lines.join('\n')),
    // Their own classes, so a status bar can style "reconnect" and "subscribe and reactivate" apart from plain staleness.
    class: reason?.code === 'reconnect_needed' ? 'reconnect' : view.state.sync.applicationInactive ? 'inactive' : data.stale ? 'stale' : 'ok',
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
