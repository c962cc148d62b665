// Strava reports Oslo-athlete times with a fixed "(GMT+01:00)" label but a DST-aware utc_offset.

export const TIMEZONE = '(GMT+01:00) Europe/Oslo';

/** EU summer time: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC. */
function lastSundayAt0100Utc(year: number, monthIndex: number): number {
  const d = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.getTime();
}

export function osloOffsetSeconds(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayAt0100Utc(year, 2) && ms < lastSundayAt0100Utc(year, 9);
  return summer ? 7200 : 3600;
}

/** ISO 8601 without milliseconds, as Strava sends it. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Local wall time with a trailing Z: Strava's start_date_local quirk. */
export function isoLocal(ms: number): string {
  return isoSeconds(ms + osloOffsetSeconds(ms) * 1000);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
