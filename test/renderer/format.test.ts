import { describe, expect, it } from 'vitest';
import {
  formatFamilyDistance,
  formatRate,
  MISSING,
  formatActivities,
  formatClock,
  formatCount,
  formatDistance,
  formatDistanceNumber,
  formatDuration,
  formatElevation,
  formatMoment,
  formatRelative,
  formatWeekStart,
  initials,
} from '../../renderer/src/format';
import { checkCredentials } from '../../renderer/src/setupForm';
import { niceMax } from '../../renderer/src/weeklyChart';

const L = 'en-US';

describe('formatDistance', () => {
  it('shows km with one decimal below 100 and thousands separators above', () => {
    expect(formatDistance(42_195, 'metric', L)).toBe('42.2 km');
    expect(formatDistance(5_000, 'metric', L)).toBe('5.0 km');
    expect(formatDistance(1_204_300, 'metric', L)).toBe('1,204 km');
    expect(formatDistance(21_904_000, 'metric', L)).toBe('21,904 km');
  });
  it('rounds at the 100 boundary without a stray decimal', () => {
    expect(formatDistance(99_940, 'metric', L)).toBe('99.9 km');
    expect(formatDistance(99_960, 'metric', L)).toBe('100 km');
  });
  it('converts to miles for imperial', () => {
    expect(formatDistance(1_609.344, 'imperial', L)).toBe('1.0 mi');
    expect(formatDistance(42_195, 'imperial', L)).toBe('26.2 mi');
    expect(formatDistance(1_204_300, 'imperial', L)).toBe('748 mi');
    expect(formatDistance(21_904_000, 'imperial', L)).toBe('13,611 mi');
  });
  it('shows zero plainly and null as a dash', () => {
    expect(formatDistance(0, 'metric', L)).toBe('0 km');
    expect(formatDistance(null, 'metric', L)).toBe(MISSING);
    expect(formatDistance(undefined, 'imperial', L)).toBe(MISSING);
    expect(formatDistance(Number.NaN, 'metric', L)).toBe(MISSING);
    expect(formatDistanceNumber(null, 'metric', L)).toBe(MISSING);
  });
  it('follows the locale separators', () => {
    expect(formatDistance(1_204_300, 'metric', 'de-DE')).toBe('1.204 km');
    expect(formatDistance(42_195, 'metric', 'de-DE')).toBe('42,2 km');
  });
});

describe('formatElevation', () => {
  it('shows whole metres or feet with separators', () => {
    expect(formatElevation(512, 'metric', L)).toBe('512 m');
    expect(formatElevation(98_420, 'metric', L)).toBe('98,420 m');
    expect(formatElevation(1_000, 'imperial', L)).toBe('3,281 ft');
    expect(formatElevation(2_104.6, 'metric', L)).toBe('2,105 m');
  });
  it('handles zero and null', () => {
    expect(formatElevation(0, 'metric', L)).toBe('0 m');
    expect(formatElevation(null, 'imperial', L)).toBe(MISSING);
  });
});

describe('formatDuration', () => {
  it('shows hours and zero-padded minutes', () => {
    expect(formatDuration(43_500, L)).toBe('12h 05m');
    expect(formatDuration(13_920, L)).toBe('3h 52m');
    expect(formatDuration(0, L)).toBe('0h 00m');
    expect(formatDuration(59, L)).toBe('0h 01m');
    expect(formatDuration(3_599, L)).toBe('1h 00m');
  });
  it('separates thousands of hours', () => {
    expect(formatDuration(2_931_400, L)).toBe('814h 17m');
    expect(formatDuration(3_600 * 1_234 + 60, L)).toBe('1,234h 01m');
  });
  it('shows null as a dash', () => {
    expect(formatDuration(null, L)).toBe(MISSING);
  });
});

describe('formatCount and formatActivities', () => {
  it('separates thousands and pluralises', () => {
    expect(formatCount(1_012, L)).toBe('1,012');
    expect(formatCount(null, L)).toBe(MISSING);
    expect(formatActivities(1, ['run', 'runs'], L)).toBe('1 run');
    expect(formatActivities(0, ['swim', 'swims'], L)).toBe('0 swims');
    expect(formatActivities(1_200, ['ride', 'rides'], L)).toBe('1,200 rides');
  });
});

describe('figures the way each sport reads them', () => {
  it('pace for runs, per 100 m or yd for swims, speed for rides', () => {
    expect(formatRate(1000 / 312, { rate: 'pace' }, 'metric', L)).toBe('5:12 /km');
    expect(formatRate(1609.344 / 502, { rate: 'pace' }, 'imperial', L)).toBe('8:22 /mi');
    expect(formatRate(100 / 115, { rate: 'swimPace' }, 'metric', L)).toBe('1:55 /100 m');
    expect(formatRate(91.44 / 105, { rate: 'swimPace' }, 'imperial', L)).toBe('1:45 /100 yd');
    expect(formatRate(28.4 / 3.6, { rate: 'speed' }, 'metric', L)).toBe('28.4 km/h');
    expect(formatRate(1609.344 * 17.6 / 3600, { rate: 'speed' }, 'imperial', L)).toBe('17.6 mph');
    expect(formatRate(1 / 7200 * 1000, { rate: 'pace' }, 'metric', L)).toBe('2:00:00 /km');
    expect(formatRate(null, { rate: 'pace' }, 'metric', L)).toBe(MISSING);
    expect(formatRate(3, { rate: null }, 'metric', L)).toBe(MISSING);
  });

  it('swims in metres or yards, and no distance where a sport has none', () => {
    expect(formatFamilyDistance(2_350, { distance: 'short' }, 'metric', L)).toBe('2,350 m');
    expect(formatFamilyDistance(2_350, { distance: 'short' }, 'imperial', L)).toBe('2,570 yd');
    expect(formatFamilyDistance(42_195, { distance: 'long' }, 'metric', L)).toBe('42.2 km');
    expect(formatFamilyDistance(0, { distance: null }, 'metric', L)).toBe(MISSING);
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2025-03-12T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  it('reads naturally', () => {
    expect(formatRelative(ago(10_000), now)).toBe('just now');
    expect(formatRelative(ago(60_000), now)).toBe('1 min ago');
    expect(formatRelative(ago(3 * 60_000 + 59_000), now)).toBe('3 min ago');
    expect(formatRelative(ago(59 * 60_000), now)).toBe('59 min ago');
    expect(formatRelative(ago(2 * 3_600_000), now)).toBe('2 h ago');
    // The tray's and the CLI's words (core/view/format.ts): hours until two days.
    expect(formatRelative(ago(26 * 3_600_000), now)).toBe('26 h ago');
    expect(formatRelative(ago(47 * 3_600_000 + 59 * 60_000), now)).toBe('47 h ago');
    expect(formatRelative(ago(48 * 3_600_000), now)).toBe('2 days ago');
    expect(formatRelative(ago(5 * 86_400_000), now)).toBe('5 days ago');
  });
  it('treats the future as now and junk as unknown', () => {
    expect(formatRelative(new Date(now + 60_000).toISOString(), now)).toBe('just now');
    expect(formatRelative('not a date', now)).toBe('at an unknown time');
    expect(formatRelative(null, now)).toBe('at an unknown time');
  });
});

describe('clock and dates', () => {
  it('formats local clock time in the locale', () => {
    expect(formatClock('2025-03-12T14:45:00Z', 'en-GB', 'UTC')).toBe('14:45');
    expect(formatClock('2025-03-12T14:45:00Z', 'en-US', 'UTC')).toBe('2:45 PM');
    expect(formatClock('2025-03-12T14:45:00Z', 'en-GB', 'Europe/Oslo')).toBe('15:45');
    expect(formatClock(null, 'en-GB', 'UTC')).toBe(MISSING);
  });
  it('shows a moment as a time today and with the date before', () => {
    const now = Date.parse('2025-03-12T18:00:00Z');
    expect(formatMoment('2025-03-12T16:25:00Z', now, 'en-GB', 'UTC')).toBe('16:25');
    expect(formatMoment('2025-03-10T16:25:00Z', now, 'en-GB', 'UTC')).toBe('10 Mar, 16:25');
  });
  it('reads week starts as calendar dates', () => {
    expect(formatWeekStart('2025-03-03', 'en-GB')).toBe('3 Mar');
    expect(formatWeekStart('2025-03-03', 'en-US')).toBe('Mar 3');
    expect(formatWeekStart('bogus', 'en-GB')).toBe('bogus');
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('Zoë Ødegård-Núñez')).toBe('ZØ');
    expect(initials('  madonna ')).toBe('M');
    expect(initials('Jean Claude van Damme')).toBe('JD');
    expect(initials('')).toBe('?');
  });
});

describe('checkCredentials', () => {
  it('accepts digits and a secret, trimming a paste', () => {
    expect(checkCredentials(' 123456 ', ' 0123456789abcdef0123456789abcdef01234567\n')).toEqual({
      ok: true,
      value: { clientId: '123456', clientSecret: '0123456789abcdef0123456789abcdef01234567' },
    });
  });
  it('rejects a non-numeric id, an empty secret and inner whitespace', () => {
    expect(checkCredentials('', 'x')).toMatchObject({ ok: false, field: 'clientId' });
    expect(checkCredentials('12a4', 'x')).toMatchObject({ ok: false, field: 'clientId' });
    expect(checkCredentials('1234', '  ')).toMatchObject({ ok: false, field: 'clientSecret' });
    expect(checkCredentials('1234', 'abc def')).toMatchObject({ ok: false, field: 'clientSecret' });
  });
});

describe('chart scale', () => {
  it('rounds the chart maximum up to a readable number', () => {
    expect(niceMax(51.2)).toBe(60);
    expect(niceMax(140.8)).toBe(150);
    expect(niceMax(3.2)).toBe(4);
    expect(niceMax(0)).toBe(10);
    expect(niceMax(100)).toBe(100);
  });
});
