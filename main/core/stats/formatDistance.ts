// Compact number formatting for the tray and the CLI (the renderer has its own, richer one).
import type { Units } from '../../../preload/contract';

const METRES_PER_MILE = 1609.344;

export function formatDistance(metres: number, units: Units): string {
  const value = units === 'imperial' ? metres / METRES_PER_MILE : metres / 1000;
  const digits = value < 100 ? 1 : 0;
  const text = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return `${text} ${units === 'imperial' ? 'mi' : 'km'}`;
}

export function formatAgo(thenMs: number, nowMs: number): string {
  const minutes = Math.max(0, Math.round((nowMs - thenMs) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
