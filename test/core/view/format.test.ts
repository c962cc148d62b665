import { describe, expect, it } from 'vitest';
import { formatAgo, formatClockTime, formatDistance, formatElevation, formatHours, formatLocalMoment, formatShortDistance, groupThousands } from '../../../core/view/format';

describe('formatDistance', () => {
  it('metric: kilometres with one decimal under 100', () => {
    expect(formatDistance(0, 'metric')).toBe('0 km');
    expect(formatDistance(5000, 'metric')).toBe('5.0 km');
    expect(formatDistance(42195, 'metric')).toBe('42.2 km');
    expect(formatDistance(99_940, 'metric')).toBe('99.9 km');
  });

  it('metric: whole kilometres with a thousands separator from 100', () => {
    expect(formatDistance(100_000, 'metric')).toBe('100 km');
    expect(formatDistance(175_454.2, 'metric')).toBe('175 km');
    expect(formatDistance(1_204_000, 'metric')).toBe('1,204 km');
    expect(formatDistance(1_204_400, 'metric')).toBe('1,204 km');
    expect(formatDistance(20_123_456.7, 'metric')).toBe('20,123 km');
  });

  it('rounds before choosing the decimals: 99.96 km is "100 km", as the dashboard writes it', () => {
    expect(formatDistance(99_960, 'metric')).toBe('100 km');
    expect(formatDistance(99_949, 'metric')).toBe('99.9 km');
    expect(formatDistance(160_870, 'imperial')).toBe('100 mi');
  });

  it('takes the digits from the caller (the dashboard passes its locale\'s)', () => {
    const german = (value: number, digits: number) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    expect(formatDistance(42_195, 'metric', german)).toBe('42,2 km');
    expect(formatDistance(1_204_300, 'metric', german)).toBe('1.204 km');
    expect(formatHours(3_600 * 1_234 + 60, german)).toBe('1.234h 01m');
    expect(formatElevation(1_000, 'imperial', german)).toBe('3.281 ft');
    expect(formatShortDistance(2_350, 'imperial', german)).toBe('2.570 yd');
  });

  it('imperial: miles', () => {
    expect(formatDistance(1609.344, 'imperial')).toBe('1.0 mi');
    expect(formatDistance(42195, 'imperial')).toBe('26.2 mi');
    expect(formatDistance(160_934.4, 'imperial')).toBe('100 mi');
    expect(formatDistance(1609.344 * 1204, 'imperial')).toBe('1,204 mi');
  });
});

describe('formatAgo', () => {
  const now = Date.UTC(2026, 10, 18, 17, 40);
  const MIN = 60_000;

  it('just now under a minute, and for a time in the future', () => {
    expect(formatAgo(now, now)).toBe('just now');
    expect(formatAgo(now - 29_000, now)).toBe('just now');
    expect(formatAgo(now + 10 * MIN, now)).toBe('just now');
  });

  it('minutes under an hour', () => {
    expect(formatAgo(now - MIN, now)).toBe('1 min ago');
    expect(formatAgo(now - 15 * MIN, now)).toBe('15 min ago');
    expect(formatAgo(now - 59 * MIN, now)).toBe('59 min ago');
  });

  it('whole minutes gone by, never rounded up (the dashboard\'s reading)', () => {
    expect(formatAgo(now - 59_999, now)).toBe('just now');
    expect(formatAgo(now - 90_000, now)).toBe('1 min ago');
    expect(formatAgo(now - 59.5 * MIN, now)).toBe('59 min ago');
    expect(formatAgo(now - 26 * 60 * MIN - 40 * MIN, now)).toBe('26 h ago');
  });

  it('hours under two days', () => {
    expect(formatAgo(now - 60 * MIN, now)).toBe('1 h ago');
    expect(formatAgo(now - 5 * 60 * MIN, now)).toBe('5 h ago');
    expect(formatAgo(now - 47 * 60 * MIN, now)).toBe('47 h ago');
  });

  it('days from two days', () => {
    expect(formatAgo(now - 48 * 60 * MIN, now)).toBe('2 days ago');
    expect(formatAgo(now - 10 * 24 * 60 * MIN, now)).toBe('10 days ago');
  });
});

describe('groupThousands', () => {
  it('groups like en-US Intl.NumberFormat does', () => {
    for (const [value, digits] of [[0, 1], [999.96, 1], [1204.4, 0], [1234567.891, 1], [-1234.5, 0], [-0.04, 1], [12, 0]] as const) {
      const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
      expect(groupThousands(value, digits)).toBe(intl.format(value).replace(/^-(0(\.0+)?)$/, '$1'));
    }
  });
});

describe('local clock times', () => {
  // 2026-11-18 14:45 UTC.
  const at = Date.UTC(2026, 10, 18, 14, 45);

  it('"14:45" at the zone\'s offset, never UTC unless the zone is', () => {
    expect(formatClockTime(at, 0)).toBe('14:45');
    expect(formatClockTime(at, 60)).toBe('15:45');
    expect(formatClockTime(at, 330)).toBe('20:15');
    expect(formatClockTime(at, -480)).toBe('06:45');
    expect(formatClockTime(Date.UTC(2026, 10, 18, 23, 30), 60)).toBe('00:30');
  });

  it('the date before the time when it is not today there', () => {
    const now = Date.UTC(2026, 10, 18, 12, 0);
    expect(formatLocalMoment(at, now, () => 0)).toBe('14:45');
    // 23:30 UTC is tomorrow 00:30 in Oslo, still today in London.
    expect(formatLocalMoment(Date.UTC(2026, 10, 18, 23, 30), now, () => 60)).toBe('19 Nov 00:30');
    expect(formatLocalMoment(Date.UTC(2026, 10, 18, 23, 30), now, () => 0)).toBe('23:30');
    expect(formatLocalMoment(Date.UTC(2026, 0, 2, 8, 5), now, () => 0)).toBe('2 Jan 08:05');
  });

  it('each moment at its own offset (a daylight saving change in between)', () => {
    // Europe/Oslo: +60 in winter, +120 from 29 March 2026 01:00 UTC.
    const oslo = (ms: number) => (ms >= Date.UTC(2026, 2, 29, 1) ? 120 : 60);
    const now = Date.UTC(2026, 2, 29, 0, 30); // 01:30 in Oslo, before the change
    expect(formatLocalMoment(Date.UTC(2026, 2, 29, 1, 15), now, oslo)).toBe('03:15');
  });
});
