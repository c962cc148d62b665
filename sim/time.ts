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

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset from UTC (seconds) of an IANA zone at an instant, with its real DST rules (ICU). */
export function zoneOffsetSeconds(timeZone: string, ms: number): number {
  if (timeZone === 'Europe/Oslo') return osloOffsetSeconds(ms);
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    zoneFormats.set(timeZone, format);
  }
  const name = format.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60);
}

/** Strava's label for a zone: "(GMT+01:00) Europe/Oslo" (the standard offset, whatever the season). */
export function zoneLabel(timeZone: string, offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  return `(GMT${sign}${String(Math.floor(abs / 3600)).padStart(2, '0')}:${String(Math.floor((abs % 3600) / 60)).padStart(2, '0')}) ${timeZone}`;
}
