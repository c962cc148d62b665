// Strava's rate limits: 15-minute windows reset on the quarter hour, daily ones at UTC midnight.
// The budget is learnt from response headers and counted locally for requests in flight, so no
// request leaves when the read budget is spent. It is persisted so the app and the CLI share it.

const QUARTER_HOUR = 15 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

/**
 * How far Strava's clock (its Date header) is believed to be from ours. A machine synced by NTP is
 * seconds off; beyond this a Date header is more likely wrong (a proxy, a hostile answer) than our
 * clock, and one `Date: 2100` must not hold every request back for decades.
 */
export const MAX_TRUSTED_SKEW_MS = 15 * 60 * 1000;

function clampSkew(skewMs: number): number {
  return Math.max(-MAX_TRUSTED_SKEW_MS, Math.min(MAX_TRUSTED_SKEW_MS, skewMs));
}

export interface WindowPair {
  limit: [number, number];
  usage: [number, number];
}

export interface RateSnapshot {
  /** X-ReadRateLimit-*: applies to GETs. */
  read: WindowPair | null;
  /** X-RateLimit-*: applies to every API request. */
  overall: WindowPair | null;
  /** Epoch ms, in Strava's time, of the response the numbers come from. */
  observedAt: number;
  /** Strava's clock minus ours, from the Date header: windows reset on Strava's quarter hours. */
  skewMs?: number;
}

export function nextQuarterHour(now: number): number {
  return Math.floor(now / QUARTER_HOUR) * QUARTER_HOUR + QUARTER_HOUR;
}

export function nextUtcMidnight(now: number): number {
  return Math.floor(now / DAY) * DAY + DAY;
}

type HeaderValue = string | string[] | number | undefined | null;

function header(headers: Record<string, HeaderValue>, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined || value === null) continue;
    return Array.isArray(value) ? (value[0] ?? null) : String(value);
  }
  return null;
}

/** "100,1000" → [100, 1000]; anything else → null. */
export function parsePair(raw: string | null): [number, number] | null {
  if (raw === null) return null;
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.length !== 2 || !parts.every((part) => /^\d{1,9}$/.test(part))) return null;
  return [Number(parts[0]), Number(parts[1])];
}

function parseWindow(headers: Record<string, HeaderValue>, prefix: string): WindowPair | null {
  const limit = parsePair(header(headers, `${prefix}-Limit`));
  const usage = parsePair(header(headers, `${prefix}-Usage`));
  return limit && usage ? { limit, usage } : null;
}

/** Reads X-RateLimit-* and X-ReadRateLimit-* case-insensitively; null when neither pair is usable. */
export function parseRateHeaders(headers: Record<string, HeaderValue>, now: number): RateSnapshot | null {
  const read = parseWindow(headers, 'X-ReadRateLimit');
  const overall = parseWindow(headers, 'X-RateLimit');
  return read || overall ? { read, overall, observedAt: now } : null;
}

/** Usage as it stands at `now`: windows that have reset since the snapshot count from zero. */
function usageNow(pair: WindowPair, observedAt: number, now: number): [number, number] {
  const shortReset = now >= nextQuarterHour(observedAt);
  const dailyReset = now >= nextUtcMidnight(observedAt);
  return [shortReset ? 0 : pair.usage[0], dailyReset ? 0 : pair.usage[1]];
}

/** When a spent window resets, or null while there is budget left. */
function blockedUntilFor(pair: WindowPair | null, observedAt: number, now: number, extra: number): number | null {
  if (!pair) return null;
  const [shortUsed, dailyUsed] = usageNow(pair, observedAt, now);
  if (dailyUsed + extra >= pair.limit[1]) return nextUtcMidnight(now);
  if (shortUsed + extra >= pair.limit[0]) return nextQuarterHour(now);
  return null;
}

export class RateBudget {
  private snapshot: RateSnapshot | null;
  private inFlight = 0;
  private skewMs: number;

  constructor(
    private readonly clock: () => number,
    initial: RateSnapshot | null = null,
  ) {
    this.skewMs = clampSkew(initial?.skewMs ?? 0);
    this.snapshot = initial && this.plausible(initial) ? initial : null;
  }

  /** A snapshot observed later than Strava's clock can be (as we bound it) is not believed. */
  private plausible(snapshot: RateSnapshot): boolean {
    return snapshot.observedAt <= this.clock() + MAX_TRUSTED_SKEW_MS;
  }

  current(): RateSnapshot | null {
    return this.snapshot ? { ...this.snapshot, skewMs: this.skewMs } : null;
  }

  /** Now, on Strava's clock. */
  serverNow(): number {
    return this.clock() + this.skewMs;
  }

  /**
   * Learns Strava's time from a response's Date header. The header has whole seconds, so Strava's
   * clock may look up to a second behind: windows then reset up to a second late on our side, the
   * safe direction. Always applied, so every snapshot's time is on the same (Strava's) clock.
   */
  noteServerDate(serverMs: number): void {
    if (!Number.isFinite(serverMs)) return;
    this.skewMs = clampSkew(serverMs - this.clock());
  }

  /** Epoch ms (our clock) until which no read may be sent, or null when a read may go now. */
  blockedUntil(): number | null {
    const snapshot = this.snapshot;
    if (!snapshot) return null;
    const now = this.serverNow();
    const times = [
      blockedUntilFor(snapshot.read, snapshot.observedAt, now, this.inFlight),
      blockedUntilFor(snapshot.overall, snapshot.observedAt, now, this.inFlight),
    ].filter((time): time is number => time !== null);
    if (times.length === 0) return null;
    // However the numbers came about, no block outlasts the next daily reset on our own clock (plus
    // the skew we allow): the windows Strava counts in are never longer than that.
    return Math.min(Math.max(...times) - this.skewMs, nextUtcMidnight(this.clock() + MAX_TRUSTED_SKEW_MS) + MAX_TRUSTED_SKEW_MS);
  }

  /**
   * Read requests counted in the current 15-minute and daily windows (Strava's numbers from the
   * last response, rolled over at the resets, plus ours in flight), and their limits; null before
   * any response. What the backfill paces itself by (core/sync/walkPacing.ts).
   */
  readUsage(): { used: [number, number]; limit: [number, number]; serverNow: number } | null {
    const pair = this.snapshot?.read ?? this.snapshot?.overall ?? null;
    if (!pair || !this.snapshot) return null;
    const serverNow = this.serverNow();
    const [short, daily] = usageNow(pair, this.snapshot.observedAt, serverNow);
    return { used: [short + this.inFlight, daily + this.inFlight], limit: pair.limit, serverNow };
  }

  /** Our clock's time of a moment on Strava's clock. */
  toLocalTime(serverMs: number): number {
    return serverMs - this.skewMs;
  }

  /** Reserve one request; the returned function releases it when the answer arrives. */
  reserve(): () => void {
    this.inFlight += 1;
    let released = false;
    return () => {
      if (!released) this.inFlight -= 1;
      released = true;
    };
  }

  /** Headers are the truth; a snapshot older than the one we hold is ignored. */
  observe(snapshot: RateSnapshot): void {
    if (!this.plausible(snapshot)) return;
    // An older snapshot loses, unless the one held is from a future Strava's clock has not reached
    // (taken while a wrong Date header moved our idea of it).
    if (this.snapshot && snapshot.observedAt < this.snapshot.observedAt && this.snapshot.observedAt <= this.serverNow()) return;
    this.snapshot = snapshot;
    if (snapshot.skewMs !== undefined) this.skewMs = clampSkew(snapshot.skewMs);
  }

  /** A 429 means a window is spent even when the headers are missing or lag behind. */
  observeRejection(snapshot: RateSnapshot | null): number {
    // Strava's refusal is the newest word there is: adopt its numbers whatever we held before.
    if (snapshot && this.plausible(snapshot)) this.snapshot = snapshot;
    const now = this.serverNow();
    if (this.blockedUntil() === null) {
      const current = this.snapshot;
      const rolled = (pair: WindowPair | null): WindowPair | null =>
        pair && current ? { limit: pair.limit, usage: usageNow(pair, current.observedAt, now) } : pair;
      const read = rolled(current?.read ?? null);
      this.snapshot = {
        read: read
          ? { limit: read.limit, usage: [read.limit[0], read.usage[1]] }
          : { limit: [1, Number.MAX_SAFE_INTEGER], usage: [1, 0] },
        overall: rolled(current?.overall ?? null),
        observedAt: now,
      };
    }
    return this.blockedUntil() ?? nextQuarterHour(now) - this.skewMs;
  }
}
