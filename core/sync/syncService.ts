// One poll of Strava, light on the rate budget: one activities request for what is new since the
// newest known activity (into the history); stats only when something changed (or daily); the
// athlete at most daily. The very first poll reads the backfill's first page instead (the newest
// 200 activities), so connecting costs no extra request. Edits, deletions and the older history
// are the walks' work (historyWalker.ts), paced apart from the poll.
import { PacebarError, describeError } from '../errors';
import type { Clock } from '../clock';
import type { RateSnapshot } from '../api/rateBudget';
import type { StravaApi } from '../api/stravaApi';
import { MAX_PER_PAGE } from '../api/stravaApi';
import { emptyCache, type CacheData, type CacheRepository } from '../store/cache';
import type { ActivityRecord } from '../domain';
import type { Athlete } from '../strava/models';
import type { HistoryData, HistoryReads } from '../history/historyData';
import { adoptReads, applyWalkPage, startWalk, upsertActivities } from '../history/historyMerge';
import type { HistoryRepository } from '../history/historyStore';
import { chartWindowStartSeconds } from '../stats/weeklySummary';
import { toActivityRecord } from './activityRecords';
import { walkFromNow } from './historyWalker';

export const DAILY_MS = 24 * 60 * 60 * 1000;
/** A bound on one poll's pages (1,000 new activities); the rest come with the next poll. */
const MAX_PAGES = 5;

export interface SyncOptions {
  /** Fetch everything now (first connect, "Refresh now" after reconnect). */
  full?: boolean;
  /** The athlete as the API just answered (a sign-in checks it): used instead of asking again. */
  athlete?: Athlete;
}

export interface SyncDeps {
  api: StravaApi;
  athleteId: number;
  cache: CacheRepository;
  history: HistoryRepository;
  clock: Clock;
  utcOffsetMinutes: (now: number) => number;
  /** What the token may list (activity:read, activity:read_all). */
  reads: HistoryReads;
  /** The rate budget as the requests left it: saved with the data, so other processes see it. */
  rateSnapshot: () => RateSnapshot | null;
}

export interface SyncReport {
  cache: CacheData;
  /** Something new arrived (activities, stats or athlete). */
  changed: boolean;
}

/** Whether two sets of records hold the same activities with the same figures. */
/** How far before the newest known activity a poll looks, for activities uploaded late. */
export const LATE_UPLOAD_SLACK_MS = 7 * 24 * 60 * 60 * 1000;

/** Field by field: a record read back from the history file need not list its fields in the same order. */
function sameRecord(a: ActivityRecord, b: ActivityRecord): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ActivityRecord)[]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

function sameRecords(known: readonly ActivityRecord[], fresh: readonly ActivityRecord[]): boolean {
  const byId = new Map(known.map((record) => [record.id, record]));
  return fresh.every((record) => {
    const old = byId.get(record.id);
    return old !== undefined && sameRecord(old, record);
  });
}

export class SyncService {
  constructor(private readonly deps: SyncDeps) {}

  async sync(options: SyncOptions = {}): Promise<SyncReport> {
    const { cache, clock } = this.deps;
    const now = clock();
    const before = cache.read();
    // A cache left by another athlete is not ours to merge into.
    const base: CacheData =
      before.athleteId === this.deps.athleteId
        ? before
        : { ...emptyCache(), rateBudget: before.rateBudget, athleteId: this.deps.athleteId };
    const due = (fetchedAt: number | null) => options.full || fetchedAt === null || now - fetchedAt >= DAILY_MS;
    // Everything fetched goes into one patch, written once: also on failure, so what did arrive is kept.
    const patch: Partial<CacheData> = { athleteId: this.deps.athleteId };
    let changed = false;
    try {
      if (options.athlete?.id === this.deps.athleteId) {
        patch.athlete = options.athlete;
        patch.athleteFetchedAt = now;
        changed = true;
      } else if (due(base.athleteFetchedAt)) {
        patch.athlete = await this.deps.api.athlete();
        patch.athleteFetchedAt = now;
        changed = true;
      }
      const activitiesChanged = await this.pollActivities(now);
      if (this.deps.reads.activities) patch.activitiesFetchedAt = now;
      if (activitiesChanged || due(base.statsFetchedAt)) {
        patch.stats = await this.deps.api.stats(this.deps.athleteId);
        patch.statsFetchedAt = now;
      }
      changed ||= activitiesChanged;
      return { cache: cache.write({ ...base, ...patch, lastFailure: null, rateBudget: this.deps.rateSnapshot() }), changed };
    } catch (error) {
      const code = error instanceof PacebarError ? error.code : 'unexpected';
      cache.write({ ...base, ...patch, lastFailure: { code, message: describeError(error), at: now }, rateBudget: this.deps.rateSnapshot() });
      throw error;
    }
  }

  /** New activities into the history; whether any arrived or changed. */
  private async pollActivities(now: number): Promise<boolean> {
    const { history, athleteId, reads } = this.deps;
    const current = history.read();
    const adopted = adoptReads(current, athleteId, reads);
    // The first page adopts the reads in the same write as the page (one write at connect).
    if (reads.activities && adopted.walks.backfill.before === null && adopted.walks.backfill.completedAt === null) return this.firstPage(adopted, now);
    const known = adopted !== current ? await history.update((data) => adoptReads(data, athleteId, reads)) : current;
    if (!reads.activities) return adopted !== current && current.activities.length > 0;
    const newest = known.activities.reduce((max, record) => Math.max(max, record.start), 0);
    const windowStart = chartWindowStartSeconds(now, this.deps.utcOffsetMinutes(now));
    // A week back from the newest: an activity uploaded after a newer one (a watch syncing after the
    // phone, a manual entry, a late Garmin push) starts before it. Still one request; known ones merge by id.
    const after = newest > 0 ? Math.floor((newest - LATE_UPLOAD_SLACK_MS) / 1000) : windowStart;
    const fresh: ActivityRecord[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const batch = await this.deps.api.activities({ after, page, perPage: MAX_PER_PAGE });
      fresh.push(...batch.map(toActivityRecord));
      if (batch.length < MAX_PER_PAGE) break;
    }
    if (fresh.length === 0 || sameRecords(known.activities, fresh)) return false;
    await history.update((data) => upsertActivities(data, fresh));
    return true;
  }

  /** The backfill's first page: the newest 200 activities, which also covers the recent weeks. */
  private async firstPage(known: HistoryData, now: number): Promise<boolean> {
    const before = walkFromNow(now);
    const batch = await this.deps.api.activities({ before, page: 1, perPage: MAX_PER_PAGE });
    const records = batch.map(toActivityRecord);
    const knownBefore = new Set(known.activities.map((record) => record.id));
    const { athleteId, reads } = this.deps;
    await this.deps.history.update((data) =>
      applyWalkPage(startWalk(adoptReads(data, athleteId, reads), 'backfill', before, now), { kind: 'backfill', before, records, pageSize: MAX_PER_PAGE, knownBefore, now }),
    );
    return true;
  }
}
