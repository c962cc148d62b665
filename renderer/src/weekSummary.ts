// The glanceable headline: this week's numbers for the primary sport, big.
import type { Sport, SportTotals, Units } from '../../preload/contract';
import { el } from './dom';
import { distanceUnit, formatActivities, formatDistanceNumber, formatDuration, formatElevation, sportName } from './format';

export function weekSummary(sport: Sport, totals: SportTotals | undefined, units: Units, locale?: string): HTMLElement[] {
  const week = totals?.week ?? { count: 0, distance: 0, movingTime: 0, elevationGain: 0 };
  return [
    el('h2', { class: 'section-title' }, `This week · ${sportName(sport)}`),
    el(
      'p',
      { class: 'hero-distance' },
      el('span', { class: 'hero-number' }, formatDistanceNumber(week.distance, units, locale)),
      ' ',
      el('span', { class: 'hero-unit' }, distanceUnit(units)),
    ),
    el(
      'ul',
      { class: 'hero-stats', 'aria-label': `This week's ${sportName(sport).toLowerCase()} stats` },
      el('li', {}, el('span', { class: 'hero-stat-value' }, formatActivities(week.count, sport, locale))),
      el('li', {}, el('span', { class: 'hero-stat-value' }, formatDuration(week.movingTime, locale)), el('span', { class: 'muted' }, ' moving')),
      el('li', {}, el('span', { class: 'hero-stat-value' }, formatElevation(week.elevationGain, units, locale)), el('span', { class: 'muted' }, ' climbed')),
    ),
  ];
}
