// What `pacebar status` prints, as pure functions of the cached data: text, json and waybar.
import type { Sport, Totals, Units } from '../preload/contract';
import type { CacheData } from '../core/store/cache';
import { effectiveUnits, type Settings } from '../core/store/settings';
import { buildStatsView } from '../core/stats/statsView';
import { formatDistance, formatAgo } from '../core/view/format';
import { SPORTS } from '../core/stats/sportFamilies';
import { athleteDisplayName, type ActivityStats, type Athlete } from '../core/strava/models';
import type { Format } from './args';
import { lastFetch } from '../core/view/dashboardState';

export interface StatusInput {
  settings: Settings;
  cache: CacheData;
  now: number;
  utcOffsetMinutes: number;
  stale: boolean;
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
}

export interface WaybarOutput {
  text: string;
  tooltip: string;
  class: string;
}

const SPORT_LABEL: Record<Sport, string> = { run: 'Run', ride: 'Ride', swim: 'Swim' };

/** Epoch ms of the last successful fetch of anything, or null (the app's rule). */
export const lastFetchedAt = lastFetch;

/** Whether the cache holds data for the connected athlete. */
export function hasCachedData(settings: Settings, cache: CacheData): cache is CacheData & { athlete: Athlete } {
  return cache.athlete !== null && settings.athleteId !== null && cache.athleteId === settings.athleteId;
}

function jsonTotals(totals: Totals): JsonTotals {
  return { count: totals.count, distance: totals.distance, moving_time: totals.movingTime, elevation_gain: totals.elevationGain };
}

function view(input: StatusInput) {
  return buildStatsView(input.cache.stats, input.cache.activities, input.now, input.utcOffsetMinutes);
}

function units(input: StatusInput): Units {
  return effectiveUnits(input.settings, input.cache.athlete?.measurement_preference);
}

function requireAthlete(input: StatusInput): Athlete {
  if (!input.cache.athlete) throw new Error('no cached athlete');
  return input.cache.athlete;
}

export function statusJson(input: StatusInput): StatusJson {
  const totals = view(input).totals;
  const fetchedAt = lastFetchedAt(input.cache);
  return {
    athlete: requireAthlete(input),
    stats: input.cache.stats,
    this_week: Object.fromEntries(SPORTS.map((sport) => [sport, jsonTotals(totals[sport].week)])) as Record<Sport, JsonTotals>,
    updated_at: fetchedAt !== null ? new Date(fetchedAt).toISOString() : null,
    stale: input.stale,
  };
}

/** `Run · week 24.3 km · YTD 1,204 km`, for the primary sport. */
function summaryLine(input: StatusInput): string {
  const sport = input.settings.primarySport;
  const totals = view(input).totals[sport];
  const u = units(input);
  return `${SPORT_LABEL[sport]} · week ${formatDistance(totals.week.distance, u)} · YTD ${formatDistance(totals.ytd.distance, u)}`;
}

export function statusText(input: StatusInput): string {
  requireAthlete(input);
  return summaryLine(input) + (input.stale ? ' (stale)' : '');
}

/** waybar's text and tooltip are Pango markup. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function statusWaybar(input: StatusInput): WaybarOutput {
  const athlete = requireAthlete(input);
  const totals = view(input).totals;
  const u = units(input);
  const fetchedAt = lastFetchedAt(input.cache);
  const lines = [
    athleteDisplayName(athlete),
    ...SPORTS.map(
      (sport) =>
        `${SPORT_LABEL[sport]}: week ${formatDistance(totals[sport].week.distance, u)} · 4 weeks ${formatDistance(totals[sport].fourWeeks.distance, u)} · YTD ${formatDistance(totals[sport].ytd.distance, u)}`,
    ),
    (fetchedAt !== null ? `Updated ${formatAgo(fetchedAt, input.now)}` : 'Not updated yet') + (input.stale ? ' (stale)' : ''),
  ];
  return {
    text: escapeMarkup(summaryLine(input)),
    tooltip: escapeMarkup(lines.join('\n')),
    class: input.stale ? 'stale' : 'ok',
  };
}

export type ProblemKind = 'disconnected' | 'reconnect' | 'error';

/** waybar output when there is nothing to show: the module stays visible and says what to do. */
export function waybarProblem(kind: ProblemKind, message: string): WaybarOutput {
  const text = kind === 'disconnected' ? 'Strava: not connected' : kind === 'reconnect' ? 'Strava: reconnect' : 'Strava: error';
  return { text: escapeMarkup(text), tooltip: escapeMarkup(message), class: kind };
}

export function renderStatus(format: Format, input: StatusInput): string {
  switch (format) {
    case 'json':
      return JSON.stringify(statusJson(input));
    case 'waybar':
      return JSON.stringify(statusWaybar(input));
    case 'text':
      return statusText(input);
  }
}
