// Totals per sport: this week / last 4 weeks / year to date / all time × count, distance, time, elevation.
import type { Sport, SportTotals, StatsView, Totals, Units } from '../../preload/contract';
import { el } from './dom';
import { MISSING, formatCount, formatDistance, formatDuration, formatElevation, sportName } from './format';

const PERIODS: [keyof SportTotals, string][] = [
  ['week', 'This week'],
  ['fourWeeks', '4 weeks'],
  ['ytd', 'This year'],
  ['allTime', 'All time'],
];

const SPORTS: Sport[] = ['run', 'ride', 'swim'];

/** Primary sport first, the others in their usual order. */
export function sportOrder(primary: Sport): Sport[] {
  return [primary, ...SPORTS.filter((sport) => sport !== primary)];
}

function row(label: string, totals: Totals | undefined, units: Units, locale?: string): HTMLTableRowElement {
  const cells = totals
    ? [
        formatCount(totals.count, locale),
        formatDistance(totals.distance, units, locale),
        formatDuration(totals.movingTime, locale),
        formatElevation(totals.elevationGain, units, locale),
      ]
    : [MISSING, MISSING, MISSING, MISSING];
  return el('tr', {}, el('th', { scope: 'row' }, label), ...cells.map((text) => el('td', {}, text)));
}

export function totalsTable(sport: Sport, totals: SportTotals | undefined, units: Units, locale?: string): HTMLTableElement {
  return el(
    'table',
    { class: 'totals', 'data-sport': sport },
    el('caption', {}, `${sportName(sport)} totals`),
    el('colgroup', {}, ...['period', 'count', 'distance', 'time', 'elevation'].map((name) => el('col', { class: `col-${name}` }))),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Period')),
        el('th', { scope: 'col' }, 'Count'),
        el('th', { scope: 'col' }, 'Distance'),
        el('th', { scope: 'col' }, 'Time'),
        el('th', { scope: 'col' }, 'Elevation'),
      ),
    ),
    el('tbody', {}, ...PERIODS.map(([key, label]) => row(label, totals?.[key], units, locale))),
  );
}

export function totalsSection(stats: StatsView, units: Units, primary: Sport, locale?: string): HTMLElement[] {
  return [
    el('h2', { class: 'section-title' }, 'Totals'),
    ...sportOrder(primary).map((sport) => totalsTable(sport, stats.totals[sport], units, locale)),
    el('h2', { class: 'section-title' }, 'Records'),
    el(
      'dl',
      { class: 'records' },
      el(
        'div',
        {},
        el('dt', {}, 'Biggest ride'),
        el('dd', {}, formatDistance(stats.biggestRideDistance, units, locale)),
      ),
      el(
        'div',
        {},
        el('dt', {}, 'Biggest climb'),
        el('dd', {}, formatElevation(stats.biggestClimbElevationGain, units, locale)),
      ),
    ),
  ];
}
