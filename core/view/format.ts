// Compact number formatting for the tray and the CLI (the renderer has its own, richer one).
import type { FamilyDisplay, Units } from '../domain';

const METRES_PER_MILE = 1609.344;
const METRES_PER_YARD = 0.9144;

/** 1204.4 → "1,204"; by hand, because ICU's NumberFormat costs ~12 ms on first use in a CLI. */
export function groupThousands(value: number, digits: number): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

export function formatCount(value: number): string {
  return groupThousands(Math.round(value), 0);
}

export function formatDistance(metres: number, units: Units): string {
  const value = units === 'imperial' ? metres / METRES_PER_MILE : metres / 1000;
  // "0 km", as the dashboard writes it, rather than a precise-looking "0.0 km".
  const digits = value === 0 || value >= 100 ? 0 : 1;
  return `${groupThousands(value, digits)} ${units === 'imperial' ? 'mi' : 'km'}`;
}

/** Swims in whole metres or yards: "2,350 m", "2,570 yd". */
export function formatShortDistance(metres: number, units: Units): string {
  return units === 'imperial' ? `${formatCount(metres / METRES_PER_YARD)} yd` : `${formatCount(metres)} m`;
}

export function formatFamilyDistance(metres: number, scale: NonNullable<FamilyDisplay['distance']>, units: Units): string {
  return scale === 'short' ? formatShortDistance(metres, units) : formatDistance(metres, units);
}

/** "12h 05m" of moving time. */
export function formatHours(seconds: number): string {
  const minutes = Math.max(0, Math.round(seconds / 60));
  return `${groupThousands(Math.floor(minutes / 60), 0)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

export function formatAgo(thenMs: number, nowMs: number): string {
  const minutes = Math.max(0, Math.round((nowMs - thenMs) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

const FEET_PER_METRE = 3.280839895;

/** Elevation in whole metres or feet: "2,000 m", "6,562 ft". */
export function formatElevation(metres: number, units: Units): string {
  return units === 'imperial' ? `${formatCount(metres * FEET_PER_METRE)} ft` : `${formatCount(metres)} m`;
}

/** A short duration: "52m" under an hour, "1h 05m" from an hour. */
export function formatDuration(seconds: number): string {
  const minutes = Math.max(0, Math.round(seconds / 60));
  return minutes < 60 ? `${minutes}m` : formatHours(seconds);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A wall-clock day as "Tue 1 Dec", with its year when it is not `currentYear`'s: "Mon 1 Dec 2025". */
export function formatDay(localWallClock: number, currentYear: number): string {
  const date = new Date(localWallClock);
  const year = date.getUTCFullYear();
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${year === currentYear ? '' : ` ${year}`}`;
}
