// Pure formatting: numbers, units, durations and times. No DOM, so it is unit-tested in Node.
// Distances, durations and "ago" follow core/view/format.ts, the tray's and the CLI's wording;
// here they get the locale's digits (Intl) and a dash for a value Strava does not have.
import type { FamilyDisplay, Units } from '../../preload/contract';
import * as shared from '../../core/view/format';

/** Shown for a value Strava does not have. */
export const MISSING = '—';

const METRES_PER_MILE = 1609.344;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string | undefined, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

function usable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The shared formatter's digits, in this locale. */
function localeNumber(locale: string | undefined): shared.NumberText {
  return (value, digits) => numberFormat(locale, digits).format(value);
}

/** Whole number with thousands separators: 1234 → "1,234". */
export function formatCount(value: number | null | undefined, locale?: string): string {
  return usable(value) ? shared.formatCount(value, localeNumber(locale)) : MISSING;
}

/** The number part of a distance in the user's units, without the unit. */
export function distanceValue(metres: number, units: Units): number {
  return units === 'imperial' ? metres / METRES_PER_MILE : metres / 1000;
}

export function distanceUnit(units: Units): string {
  return shared.distanceUnit(units);
}

/**
 * Metres as km or mi: one decimal below 100 ("42.2 km"), whole numbers from 100 up ("1,204 km"),
 * and a plain "0 km" for nothing at all.
 */
export function formatDistanceNumber(metres: number | null | undefined, units: Units, locale?: string): string {
  return usable(metres) ? shared.formatDistanceNumber(metres, units, localeNumber(locale)) : MISSING;
}

export function formatDistance(metres: number | null | undefined, units: Units, locale?: string): string {
  return usable(metres) ? shared.formatDistance(metres, units, localeNumber(locale)) : MISSING;
}

/** Elevation in whole metres or feet: "3,412 m", "11,194 ft". */
export function formatElevation(metres: number | null | undefined, units: Units, locale?: string): string {
  return usable(metres) ? shared.formatElevation(metres, units, localeNumber(locale)) : MISSING;
}

/** Seconds as hours and zero-padded minutes: 43500 → "12h 05m", 0 → "0h 00m". */
export function formatDuration(seconds: number | null | undefined, locale?: string): string {
  return usable(seconds) ? shared.formatHours(seconds, localeNumber(locale)) : MISSING;
}

/** "just now", "3 min ago", "26 h ago", "5 days ago" (the tray's words). Future times read "just now". */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  const then = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(then) ? shared.formatAgo(then, now) : 'at an unknown time';
}

/** Local clock time in the user's locale, e.g. "14:45" (en-GB) or "2:45 PM" (en-US). */
export function formatClock(iso: string | null | undefined, locale?: string, timeZone?: string): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return MISSING;
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(date);
}

/** A moment for "showing data from …": the clock time when it is today, else day, month and time. */
export function formatMoment(iso: string | null | undefined, now: number = Date.now(), locale?: string, timeZone?: string): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return MISSING;
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  if (day.format(date) === day.format(new Date(now))) return formatClock(iso, locale, timeZone);
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(date);
  return `${dayMonth}, ${formatClock(iso, locale, timeZone)}`;
}

/** "2025-03-03" → "3 Mar" (locale order), read as a calendar date without a time zone shift. */
export function formatWeekStart(weekStart: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(weekStart);
  if (!match) return weekStart;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/** Up to two initials for an avatar placeholder: "Zoë Ødegård-Núñez" → "ZØ". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  const result = letters.map((word) => Array.from(word ?? '')[0] ?? '').join('').toLocaleUpperCase();
  return result || '?';
}

/** "1 run", "12 rides", "0 workouts": the family's own nouns (from the state's choices). */
export function formatActivities(count: number, noun: [string, string], locale?: string): string {
  return `${formatCount(count, locale)} ${count === 1 ? noun[0] : noun[1]}`;
}

const METRES_PER_YARD = 0.9144;

/** Swims in whole metres or yards: "2,350 m", "2,570 yd". */
export function formatShortDistance(metres: number | null | undefined, units: Units, locale?: string): string {
  return usable(metres) ? shared.formatShortDistance(metres, units, localeNumber(locale)) : MISSING;
}

/** A family's distance as its sport reads it: km/mi, or m/yd for swims; MISSING where it means nothing. */
export function formatFamilyDistance(metres: number | null | undefined, display: Pick<FamilyDisplay, 'distance'>, units: Units, locale?: string): string {
  if (display.distance === null) return MISSING;
  return display.distance === 'short' ? formatShortDistance(metres, units, locale) : formatDistance(metres, units, locale);
}

function minutesAndSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/**
 * An average speed (m/s) as the sport reads it: pace for runs and walks ("5:12 /km"), per 100 m or
 * yd for swims ("1:55 /100 m"), speed for rides ("28.4 km/h"); MISSING without one.
 */
export function formatRate(speed: number | null | undefined, display: Pick<FamilyDisplay, 'rate'>, units: Units, locale?: string): string {
  if (!usable(speed) || speed <= 0 || display.rate === null) return MISSING;
  const imperial = units === 'imperial';
  switch (display.rate) {
    case 'pace':
      return `${minutesAndSeconds((imperial ? METRES_PER_MILE : 1000) / speed)} /${imperial ? 'mi' : 'km'}`;
    case 'swimPace':
      return `${minutesAndSeconds((imperial ? 100 * METRES_PER_YARD : 100) / speed)} /100 ${imperial ? 'yd' : 'm'}`;
    case 'speed': {
      const perHour = (speed * 3600) / (imperial ? METRES_PER_MILE : 1000);
      return `${numberFormat(locale, 1).format(perHour)} ${imperial ? 'mph' : 'km/h'}`;
    }
  }
}
