// Inline SVG bar chart of the last 12 weeks for one family, each bar with its value written above it
// (not only on hover) and an accessible label. Distance, or moving time for families without one.
import type { FamilyDisplay, Units, WeekBar } from '../../preload/contract';
import { el, svg } from './dom';
import { distanceUnit, distanceValue, formatDuration, formatFamilyDistance, formatWeekStart } from './format';

const WIDTH = 360;
const HEIGHT = 132;
const TOP = 30;
const BOTTOM = 128;
const WEEKS = 12;
const METRES_PER_YARD = 0.9144;

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

interface Scale {
  value: (week: WeekBar) => number;
  /** The short label above a bar: "42", "1.5", "2,300". */
  short: (value: number) => string;
  unit: string;
  full: (week: WeekBar) => string;
}

function scaleFor(display: FamilyDisplay, units: Units, locale?: string): Scale {
  const compact = (value: number) => (value === 0 ? '0' : value < 10 ? value.toLocaleString(locale, { maximumFractionDigits: 1 }) : Math.round(value).toLocaleString(locale));
  if (display.distance === null) {
    return { value: (week) => week.movingTime / 3600, short: compact, unit: 'h', full: (week) => formatDuration(week.movingTime, locale) };
  }
  if (display.distance === 'short') {
    const perUnit = units === 'imperial' ? METRES_PER_YARD : 1;
    return {
      value: (week) => week.distance / perUnit,
      short: (value) => Math.round(value).toLocaleString(locale),
      unit: units === 'imperial' ? 'yd' : 'm',
      full: (week) => formatFamilyDistance(week.distance, display, units, locale),
    };
  }
  return { value: (week) => distanceValue(week.distance, units), short: compact, unit: distanceUnit(units), full: (week) => formatFamilyDistance(week.distance, display, units, locale) };
}

export function weeklyChart(weeks: WeekBar[], display: FamilyDisplay, units: Units, locale?: string): HTMLElement[] {
  const bars = weeks.slice(-WEEKS);
  const scale = scaleFor(display, units, locale);
  const values = bars.map(scale.value);
  const max = niceMax(Math.max(0, ...values));
  const slot = WIDTH / WEEKS;
  const barWidth = slot * 0.62;
  const measure = display.distance === null ? 'time' : 'distance';
  const title = `${display.label} ${measure}, last ${WEEKS} weeks (${scale.unit})`;

  const chart = svg(
    'svg',
    { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'list', 'aria-label': title },
    svg('line', { class: 'chart-axis', x1: 0, x2: WIDTH, y1: BOTTOM, y2: BOTTOM, 'aria-hidden': 'true' }),
    ...bars.map((week, index) => {
      const value = values[index] ?? 0;
      const height = value > 0 ? Math.max(2, ((BOTTOM - TOP) * value) / max) : 1;
      const isCurrent = index === bars.length - 1;
      const label = `${isCurrent ? 'This week' : `Week of ${formatWeekStart(week.weekStart, locale)}`}: ${scale.full(week)}`;
      const x = index * slot + (slot - barWidth) / 2;
      return svg(
        'g',
        { role: 'listitem', 'aria-label': label, class: isCurrent ? 'bar bar-current' : 'bar' },
        svg('rect', { x: x.toFixed(1), y: (BOTTOM - height).toFixed(1), width: barWidth.toFixed(1), height: height.toFixed(1), rx: 2 }),
        svg('text', { class: 'bar-value', x: (x + barWidth / 2).toFixed(1), y: (BOTTOM - height - 4).toFixed(1), 'text-anchor': 'middle', 'aria-hidden': 'true' }, scale.short(value)),
      );
    }),
  );

  const first = bars[0];
  return [
    el('h2', { class: 'section-title' }, title),
    el(
      'div',
      { class: 'chart-wrap' },
      bars.length > 0 ? chart : el('p', { class: 'muted' }, 'No weeks to show yet.'),
      bars.length > 0
        ? el('div', { class: 'chart-labels muted', 'aria-hidden': 'true' }, el('span', {}, first ? formatWeekStart(first.weekStart, locale) : ''), el('span', {}, 'This week'))
        : null,
    ),
  ];
}
