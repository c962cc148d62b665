// One family's totals (this week / last 4 weeks / this year / all time × count, distance, time,
// pace or speed, elevation where it means something), its sport types, and its records.
import type { ActivityLink, FamilyDisplay, FamilyStats, FigureSource, PacebarApi, Period, Totals, Units } from '../../preload/contract';
import { actionButton, alertSlot } from './actions';
import { el } from './dom';
import { MISSING, formatCount, formatDuration, formatElevation, formatFamilyDistance, formatRate } from './format';

const PERIODS: [Period, string][] = [
  ['week', 'This week'],
  ['fourWeeks', '4 weeks'],
  ['ytd', 'This year'],
  ['allTime', 'All time'],
];

/** Where a figure comes from, when it is not the athlete's own full history. */
export const SOURCE_NOTE: Record<FigureSource, string | null> = {
  history: null,
  public_stats: 'public activities only',
  counting: 'counting…',
};

interface Column {
  name: string;
  label: string;
  cell: (totals: Totals, speed: number | null) => string;
}

function columns(display: FamilyDisplay, units: Units, locale?: string): Column[] {
  const list: Column[] = [{ name: 'count', label: 'Count', cell: (totals) => formatCount(totals.count, locale) }];
  if (display.distance !== null) list.push({ name: 'distance', label: 'Distance', cell: (totals) => formatFamilyDistance(totals.distance, display, units, locale) });
  list.push({ name: 'time', label: 'Time', cell: (totals) => formatDuration(totals.movingTime, locale) });
  if (display.rate !== null) list.push({ name: 'rate', label: display.rate === 'speed' ? 'Speed' : 'Pace', cell: (_totals, speed) => formatRate(speed, display, units, locale) });
  if (display.elevation) list.push({ name: 'elevation', label: 'Elevation', cell: (totals) => formatElevation(totals.elevationGain, units, locale) });
  return list;
}

function row(label: string, source: FigureSource, cells: string[]): HTMLTableRowElement {
  const note = SOURCE_NOTE[source];
  const shown = source === 'counting' ? cells.map(() => MISSING) : cells;
  return el(
    'tr',
    { 'data-source': source },
    el('th', { scope: 'row' }, label, note ? el('span', { class: 'source-note' }, ` (${note})`) : null),
    ...shown.map((text) => el('td', {}, text)),
  );
}

export function totalsTable(display: FamilyDisplay, stats: FamilyStats, units: Units, locale?: string): HTMLTableElement {
  const cols = columns(display, units, locale);
  return el(
    'table',
    { class: 'totals' },
    el('caption', {}, `${display.label} totals`),
    el(
      'thead',
      {},
      el('tr', {}, el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Period')), ...cols.map((col) => el('th', { scope: 'col' }, col.label))),
    ),
    el('tbody', {}, ...PERIODS.map(([period, label]) => row(label, stats.sources[period], cols.map((col) => col.cell(stats.totals[period], stats.averageSpeed[period]))))),
  );
}

/** "Trail run 38 · Run 612": the family's sport types, this year and all time. */
function sportTypes(stats: FamilyStats, display: FamilyDisplay, units: Units, locale?: string): HTMLElement | null {
  if (stats.bySportType.length < 2) return null;
  return el(
    'table',
    { class: 'totals by-type' },
    el('caption', {}, 'By sport type'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Sport type'), el('th', { scope: 'col' }, 'This year'), el('th', { scope: 'col' }, 'All time'))),
    el(
      'tbody',
      {},
      ...stats.bySportType.map((type) => {
        const figure = (totals: Totals) => `${formatCount(totals.count, locale)}${display.distance !== null ? ` · ${formatFamilyDistance(totals.distance, display, units, locale)}` : ` · ${formatDuration(totals.movingTime, locale)}`}`;
        return el('tr', {}, el('th', { scope: 'row' }, type.label), el('td', {}, figure(type.totals.ytd)), el('td', {}, figure(type.totals.allTime)));
      }),
    ),
  );
}

function record(term: string, value: string, activity: ActivityLink, api: PacebarApi): HTMLElement {
  const slot = alertSlot();
  return el(
    'div',
    { class: 'record' },
    el('dt', {}, term),
    el('dd', { class: 'record-value' }, value),
    el('dd', { class: 'record-name' }, `${activity.name || 'Untitled'} · ${activity.date}`),
    el('dd', {}, actionButton('View on Strava', 'link-button strava-link', slot, () => api.openActivityOnStrava(activity.id)), slot),
  );
}

export function recordsList(display: FamilyDisplay, stats: FamilyStats, units: Units, api: PacebarApi, locale?: string): HTMLElement {
  const { longest, biggestClimb } = stats.records;
  const items = [
    longest ? record(display.distance === null || longest.distance === 0 ? 'Longest (time)' : 'Longest', display.distance === null || longest.distance === 0 ? formatDuration(longest.movingTime, locale) : formatFamilyDistance(longest.distance, display, units, locale), longest, api) : null,
    display.elevation && biggestClimb ? record('Biggest climb', formatElevation(biggestClimb.elevationGain, units, locale), biggestClimb, api) : null,
  ].filter((item): item is HTMLElement => item !== null);
  return items.length > 0 ? el('dl', { class: 'records' }, ...items) : el('p', { class: 'muted' }, 'No records yet.');
}

export function totalsSection(display: FamilyDisplay, stats: FamilyStats, units: Units, api: PacebarApi, locale?: string): HTMLElement[] {
  return [
    el('h2', { class: 'section-title' }, 'Totals'),
    totalsTable(display, stats, units, locale),
    sportTypes(stats, display, units, locale),
    el('h2', { class: 'section-title' }, 'Records'),
    recordsList(display, stats, units, api, locale),
  ].filter((node): node is HTMLElement => node !== null);
}
