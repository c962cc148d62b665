// The glanceable headline: this week's numbers for the selected family, big.
import type { FamilyDisplay, FamilyStats, Units } from '../../preload/contract';
import { el } from './dom';
import { distanceUnit, formatActivities, formatDistanceNumber, formatDuration, formatElevation, formatRate, formatShortDistance } from './format';

function heroNumber(stats: FamilyStats, display: FamilyDisplay, units: Units, locale?: string): [string, string] {
  const week = stats.totals.week;
  if (display.distance === null) return [formatDuration(week.movingTime, locale), ''];
  if (display.distance === 'short') {
    const [number = '0', unit = ''] = formatShortDistance(week.distance, units, locale).split(' ');
    return [number, unit];
  }
  return [formatDistanceNumber(week.distance, units, locale), distanceUnit(units)];
}

export function weekSummary(display: FamilyDisplay, stats: FamilyStats, units: Units, locale?: string): HTMLElement[] {
  const week = stats.totals.week;
  const [number, unit] = heroNumber(stats, display, units, locale);
  const rate = formatRate(stats.averageSpeed.week, display, units, locale);
  return [
    el('h2', { class: 'section-title' }, `This week · ${display.label}`),
    el('p', { class: 'hero-distance' }, el('span', { class: 'hero-number' }, number), ' ', unit ? el('span', { class: 'hero-unit' }, unit) : null),
    el(
      'ul',
      { class: 'hero-stats', 'aria-label': `This week's ${display.label.toLowerCase()} stats` },
      el('li', {}, el('span', { class: 'hero-stat-value' }, formatActivities(week.count, display.noun, locale))),
      display.distance !== null ? el('li', {}, el('span', { class: 'hero-stat-value' }, formatDuration(week.movingTime, locale)), el('span', { class: 'muted' }, ' moving')) : null,
      display.rate !== null && week.count > 0 ? el('li', {}, el('span', { class: 'hero-stat-value' }, rate), el('span', { class: 'muted' }, display.rate === 'speed' ? ' average' : ' pace')) : null,
      display.elevation ? el('li', {}, el('span', { class: 'hero-stat-value' }, formatElevation(week.elevationGain, units, locale)), el('span', { class: 'muted' }, ' climbed')) : null,
    ),
  ];
}
