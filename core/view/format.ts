// The one formatter of distances, durations, "ago" wording and local clock times, for the tray,
// the CLI and the dashboard (renderer/src/format.ts delegates here, passing its locale's digits).
// It imports nothing but types, so the renderer may load it (test/architecture/importRules.ts),
// and it stays free of Intl: ICU's formatters cost ~12 ms on first use in a CLI.
import type { FamilyDisplay, Units } from '../domain';

const METRES_PER_MILE = 1609.344;
const METRES_PER_YARD = 0.9144;
const FEET_PER_METRE = 3.280839895;

/** Writes a number with exactly `digits` decimals; the dashboard passes its locale's (Intl). */
export type NumberText = (value: number, digits: number) => string;

/** 1204.4 → "1,204"; by hand, because ICU's NumberFormat costs ~12 ms on first use in a CLI. */
export function groupThousands(value: number, digits: number): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

export function formatCount(value: number, number: NumberText = groupThousands): string {
  return number(Math.round(value), 0);
}

export function distanceUnit(units: Units): 'km' | 'mi' {
  return units === 'imperial' ? 'mi' : 'km';
}

/**
 * The number of a distance in km or mi: one decimal below 100 ("42.2"), whole from 100 up
 * ("1,204"), a plain "0" for nothing. Rounded first, so 99.96 km reads "100", not "100.0".
 */
export function formatDistanceNumber(metres: number, units: Units, number: NumberText = groupThousands): string {
  if (metres === 0) return number(0, 0);
  const value = units === 'imperial' ? metres / METRES_PER_MILE : metres / 1000;
  const oneDecimal = Math.round(value * 10) / 10;
  return Math.abs(oneDecimal) < 100 ? number(oneDecimal, 1) : number(value, 0);
}

export function formatDistance(metres: number, units: Units, number: NumberText = groupThousands): string {
  return `${formatDistanceNumber(metres, units, number)} ${distanceUnit(units)}`;
}

/** Swims in whole metres or yards: "2,350 m", "2,570 yd". */
export function formatShortDistance(metres: number, units: Units, number: NumberText = groupThousands): string {
  return units === 'imperial' ? `${formatCount(metres / METRES_PER_YARD, number)} yd` : `${formatCount(metres, number)} m`;
}

export function formatFamilyDistance(metres: number, scale: NonNullable<FamilyDisplay['distance']>, units: Units, number: NumberText = groupThousands): string {
  return scale === 'short' ? formatShortDistance(metres, units, number) : formatDistance(metres, units, number);
}

/** Elevation in whole metres or feet: "3,412 m", "11,194 ft". */
export function formatElevation(metres: number, units: Units, number: NumberText = groupThousands): string {
  return units === 'imperial' ? `${formatCount(metres * FEET_PER_METRE, number)} ft` : `${formatCount(metres, number)} m`;
}

/** "12h 05m" of moving time; "0h 00m" for none. */
export function formatHours(seconds: number, number: NumberText = groupThousands): string {
  const minutes = Math.max(0, Math.round(seconds / 60));
  return `${formatCount(Math.floor(minutes / 60), number)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * "just now", "15 min ago", "26 h ago" (hours until two days), "3 days ago"; whole units gone by,
 * never rounded up. A time in the future reads "just now".
 */
export function formatAgo(thenMs: number, nowMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** A short duration: "52m" under an hour, "1h 05m" from an hour. */
export function formatDuration(seconds: number, number: NumberText = groupThousands): string {
  const minutes = Math.max(0, Math.round(seconds / 60));
  return minutes < 60 ? `${minutes}m` : formatHours(seconds, number);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A wall-clock day as "Tue 1 Dec", with its year when it is not `currentYear`'s: "Mon 1 Dec 2025". */
export function formatDay(localWallClock: number, currentYear: number): string {
  const date = new Date(localWallClock);
  const year = date.getUTCFullYear();
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${year === currentYear ? '' : ` ${year}`}`;
}

const DAY_MS = 86_400_000;

/** Wall-clock time at `offsetMinutes` east of UTC, read with the UTC getters. */
function wallClock(ms: number, offsetMinutes: number): Date {
  return new Date(ms + offsetMinutes * 60_000);
}

/** "14:45" in the user's time zone (its offset from UTC at that moment, in minutes east). */
export function formatClockTime(ms: number, offsetMinutes: number): string {
  const local = wallClock(ms, offsetMinutes);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** "14:45" today, "13 Jun 02:00" on another day: a moment people read, in their time zone. */
export function formatLocalMoment(ms: number, nowMs: number, offsetMinutes: (at: number) => number): string {
  const offset = offsetMinutes(ms);
  const clock = formatClockTime(ms, offset);
  const day = Math.floor(wallClock(ms, offset).getTime() / DAY_MS);
  const today = Math.floor(wallClock(nowMs, offsetMinutes(nowMs)).getTime() / DAY_MS);
  if (day === today) return clock;
  const local = wallClock(ms, offset);
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${clock}`;
}
