import { describe, expect, it } from 'vitest';
import { formatAgo, formatDistance, groupThousands } from '../../../core/view/format';

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
