// What `pacebar status` prints: text, json and waybar, each rendered from the same DashboardState
// the tray and the dashboard render (engine.viewState), so the three can never disagree.
import { SPORTS, type DashboardState, type Sport, type Totals } from '../core/domain';
import type { ActivityStats, Athlete } from '../core/strava/models';
import { formatAgo, formatDistance } from '../core/view/format';
import { APPLICATION_INACTIVE, SPORT_LABEL, summaryLine } from '../core/view/labels';
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

export interface StatusJson {
  athlete: Athlete;
  stats: ActivityStats | null;
  this_week: Record<Sport, JsonTotals>;
  updated_at: string | null;
  stale: boolean;
  /** "Garmin …" when the figures include Garmin-recorded activities (Garmin's attribution), else null. */
  garmin_attribution: string | null;
  /** Strava answers "Application Status Inactive" (see pacebar's stderr line for what to do). */
  application_inactive: boolean;
}

export interface WaybarOutput {
  text: string;
  tooltip: string;
  class: string;
}

function jsonTotals(totals: Totals): JsonTotals {
  return { count: totals.count, distance: totals.distance, moving_time: totals.movingTime, elevation_gain: totals.elevationGain };
}

export function statusJson(view: StatusView): StatusJson {
  const { data } = view.state;
  return {
    athlete: view.athlete,
    stats: view.stats,
    this_week: Object.fromEntries(SPORTS.map((sport) => [sport, jsonTotals(data.stats.totals[sport].week)])) as Record<Sport, JsonTotals>,
    updated_at: data.updatedAt,
    stale: data.stale,
    garmin_attribution: data.garminAttribution,
    application_inactive: view.state.sync.applicationInactive,
  };
}

function summary(view: StatusView): string {
  return summaryLine(view.state) ?? '';
}

export function statusText(view: StatusView): string {
  const attribution = view.state.data.garminAttribution ? ` · ${view.state.data.garminAttribution}` : '';
  return summary(view) + attribution + (view.state.data.stale ? ' (stale)' : '');
}

/** waybar's text and tooltip are Pango markup. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function statusWaybar(view: StatusView): WaybarOutput {
  const { data, settings } = view.state;
  const totals = data.stats.totals;
  const units = settings.units;
  const lines = [
    data.athlete.name,
    ...(data.garminAttribution ? [data.garminAttribution] : []),
    ...SPORTS.map(
      (sport) =>
        `${SPORT_LABEL[sport]}: week ${formatDistance(totals[sport].week.distance, units)} · 4 weeks ${formatDistance(totals[sport].fourWeeks.distance, units)} · YTD ${formatDistance(totals[sport].ytd.distance, units)}`,
    ),
    `Updated ${formatAgo(Date.parse(data.updatedAt), view.now)}` + (data.stale ? ' (stale)' : ''),
    ...(view.state.sync.applicationInactive ? [APPLICATION_INACTIVE.statusLine] : []),
  ];
  return {
    text: escapeMarkup(summary(view)),
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
