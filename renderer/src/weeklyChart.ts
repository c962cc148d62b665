// Inline SVG bar chart of the last 12 weeks' distance for one sport, each bar with an accessible label.
import type { Sport, Units, WeekBar } from '../../preload/contract';
import { el, svg } from './dom';
import { distanceUnit, distanceValue, formatDistance, formatWeekStart, sportName } from './format';

const WIDTH = 360;
const HEIGHT = 114;
const TOP = 18;
const BOTTOM = 110;
const WEEKS = 12;

/** A rounded-up axis maximum in the user's units, so the top gridline reads "60 km", not "57.3 km". */
export function niceMax(value: number): number {
  if (!(value > 0)) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const candidate = Number((factor * magnitude).toPrecision(6));
    if (candidate >= value) return candidate;
  }
  return 10 * magnitude;
}

export function weeklyChart(weeks: WeekBar[], sport: Sport, units: Units, locale?: string): HTMLElement[] {
  const bars = weeks.slice(-WEEKS);
  const values = bars.map((week) => distanceValue(week.distance, units));
  const max = niceMax(Math.max(0, ...values));
  const slot = WIDTH / WEEKS;
  const barWidth = slot * 0.62;
  const title = `${sportName(sport)} distance, last ${WEEKS} weeks`;

  const chart = svg(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'list',
      'aria-label': title,
      preserveAspectRatio: 'none',
    },
    svg('line', { class: 'chart-grid', x1: 0, x2: WIDTH, y1: TOP, y2: TOP, 'aria-hidden': 'true' }),
    svg('line', { class: 'chart-axis', x1: 0, x2: WIDTH, y1: BOTTOM, y2: BOTTOM, 'aria-hidden': 'true' }),
    ...bars.map((week, index) => {
      const value = values[index] ?? 0;
      const height = value > 0 ? Math.max(2, ((BOTTOM - TOP) * value) / max) : 1;
      const isCurrent = index === bars.length - 1;
      const label = `${isCurrent ? 'This week' : `Week of ${formatWeekStart(week.weekStart, locale)}`}: ${formatDistance(week.distance, units, locale)}`;
      return svg(
        'g',
        { role: 'listitem', 'aria-label': label, class: isCurrent ? 'bar bar-current' : 'bar' },
        svg('title', {}, label),
        svg('rect', {
          x: (index * slot + (slot - barWidth) / 2).toFixed(1),
          y: (BOTTOM - height).toFixed(1),
          width: barWidth.toFixed(1),
          height: height.toFixed(1),
          rx: 2,
        }),
      );
    }),
  );

  const first = bars[0];
  return [
    el('h2', { class: 'section-title' }, title),
    el(
      'div',
      { class: 'chart-wrap' },
      el('span', { class: 'chart-max muted', 'aria-hidden': 'true' }, `${max.toLocaleString(locale)} ${distanceUnit(units)}`),
      bars.length > 0 ? chart : el('p', { class: 'muted' }, 'No weeks to show yet.'),
      bars.length > 0
        ? el(
            'div',
            { class: 'chart-labels muted', 'aria-hidden': 'true' },
            el('span', {}, first ? formatWeekStart(first.weekStart, locale) : ''),
            el('span', {}, 'This week'),
          )
        : null,
    ),
  ];
}
