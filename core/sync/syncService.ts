// One poll of Strava, light on the rate budget: one activities request for what is new since the
// newest known activity; stats only when something changed (or daily); the athlete at most daily;
// once a day a re-read of the chart window to pick up edits and deletions.
import { PacebarError, describeError } from '../errors';
import type { Clock } from '../clock';
import type { RateSnapshot } from '../api/rateBudget';
import type { StravaApi } from '../api/stravaApi';
import { MAX_PER_PAGE } from '../api/stravaApi';
import { emptyCache, type CacheData, type CacheRepository } from '../store/cache';
import type { ActivityRecord } from '../domain';
import type { Athlete } from '../strava/models';
import { chartWindowStartSeconds } from '../stats/weeklySummary';
import { mergeActivities, sameActivities, toActivityRecord } from './activityRecords';

export const DAILY_MS = 24 * 60 * 60 * 1000;
/** Enough pages for 12 weeks of even a very busy athlete, and a bound on any loop. */
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
  clock: Clock;
  utcOffsetMinutes: (now: number) => number;
  /** Whether the token may list activities (activity:read or activity:read_all). */
  canReadActivities: boolean;
  /** The rate budget as the requests left it: saved with the data, so other processes see it. */
  rateSnapshot: () => RateSnapshot | null;
}

export interface SyncReport {
  cache: CacheData;
  /** Something new arrived (activities, stats or athlete). */
  changed: boolean;
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
      let activitiesChanged = false;
      if (this.deps.canReadActivities) {
        const reconcile = due(base.activitiesReconciledAt);
        const windowStart = chartWindowStartSeconds(now, this.deps.utcOffsetMinutes(now));
        const fetched = await this.fetchActivities(reconcile ? windowStart : this.newestStartSeconds(base.activities, windowStart));
        const windowStartMs = windowStart * 1000;
        const merged = mergeActivities(reconcile ? [] : base.activities, fetched).filter((record) => record.start >= windowStartMs);
        activitiesChanged = !sameActivities(merged, base.activities);
        patch.activities = merged;
        patch.activitiesFetchedAt = now;
        if (reconcile) patch.activitiesReconciledAt = now;
      }
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

  /** Strava's `after` is exclusive, so the newest known start finds only newer activities. */
  private newestStartSeconds(activities: readonly ActivityRecord[], windowStart: number): number {
    const newest = activities.reduce((max, record) => Math.max(max, record.start), 0);
    return newest > 0 ? Math.max(Math.floor(newest / 1000), windowStart) : windowStart;
  }

  private async fetchActivities(afterSeconds: number): Promise<ActivityRecord[]> {
    const records: ActivityRecord[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const batch = await this.deps.api.activities({ after: afterSeconds, page, perPage: MAX_PER_PAGE });
      records.push(...batch.map(toActivityRecord));
      if (batch.length < MAX_PER_PAGE) break;
    }
    return records;
  }
}
