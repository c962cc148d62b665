// Why the figures shown are not fresh, in one line: reconnect needed, the API application
// inactive, Strava's rate limit (until when, in the user's time zone), offline, the last refresh
// failed, or simply older than a couple of refresh intervals. Status bars put it in their tooltip.
import type { DashboardState } from '../domain';
import { STALE_AFTER_INTERVALS } from './dashboardState';
import { formatLocalMoment } from './format';
import { APPLICATION_INACTIVE } from './labels';

export type StaleCode = 'reconnect_needed' | 'application_inactive' | 'rate_limited' | 'offline' | 'refresh_failed' | 'old';

export interface StaleReason {
  code: StaleCode;
  /** One line for people, times in their zone: "Strava's rate limit is reached until 14:45". */
  text: string;
}

/** "Strava's rate limit is reached until 14:45" (or "until 13 Jun 02:00" on another day). */
export function rateLimitedText(resetAt: number, now: number, utcOffsetMinutes: (at: number) => number): string {
  return `Strava's rate limit is reached until ${formatLocalMoment(resetAt, now, utcOffsetMinutes)}`;
}

function minutesOrHours(minutes: number): string {
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

/** Null while the data is fresh (and the application active, the sign-in alive). */
export function staleReason(state: DashboardState, now: number, utcOffsetMinutes: (at: number) => number): StaleReason | null {
  const { data, sync } = state;
  if (!data) return null;
  if (state.connection.kind === 'reconnect_needed') return { code: 'reconnect_needed', text: 'Reconnect needed: Strava access was revoked or has expired' };
  if (sync.applicationInactive) return { code: 'application_inactive', text: APPLICATION_INACTIVE.statusLine };
  if (!data.stale) return null;
  const resetAt = sync.rateLimitedUntil === null ? Number.NaN : Date.parse(sync.rateLimitedUntil);
  if (resetAt > now) return { code: 'rate_limited', text: rateLimitedText(resetAt, now, utcOffsetMinutes) };
  if (sync.offline) return { code: 'offline', text: "Offline: Strava can't be reached" };
  if (sync.lastError !== null) return { code: 'refresh_failed', text: `Last refresh failed: ${sync.lastError}` };
  const limit = state.settings.refreshIntervalMinutes * STALE_AFTER_INTERVALS;
  if (now - Date.parse(data.updatedAt) > limit * 60_000) return { code: 'old', text: `Older than ${minutesOrHours(limit)}` };
  return { code: 'refresh_failed', text: 'Last refresh failed' };
}
