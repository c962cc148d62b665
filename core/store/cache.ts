// The last athlete and stats with their fetch times, and the shared rate budget, so Pacebar works
// offline and the CLI answers without a request (the activities are in the history file). Read
// back through a decoder: a damaged file is an empty cache, never a crash. Holds no token or secret.
import * as z from 'zod';
import { activityStatsSchema, athleteSchema, type ActivityStats, type Athlete } from '../strava/models';
import { MAX_TRUSTED_SKEW_MS, type RateSnapshot } from '../api/rateBudget';
import type { TypedStore } from './settings';

const windowPairSchema = z.object({ limit: z.tuple([z.number(), z.number()]), usage: z.tuple([z.number(), z.number()]) });
const rateSnapshotSchema = z.object({
  read: windowPairSchema.nullable(),
  overall: windowPairSchema.nullable(),
  observedAt: z.number(),
  skewMs: z.number().optional(),
});

const cacheSchema = z.object({
  athleteId: z.number().nullable().default(null),
  athlete: athleteSchema.nullable().default(null),
  athleteFetchedAt: z.number().nullable().default(null),
  stats: activityStatsSchema.nullable().default(null),
  statsFetchedAt: z.number().nullable().default(null),
  /** Last poll for new activities. */
  activitiesFetchedAt: z.number().nullable().default(null),
  /** Last attempt that failed, for "stale" and the UI's error line. */
  lastFailure: z.object({ code: z.string(), message: z.string(), at: z.number() }).nullable().default(null),
  rateBudget: rateSnapshotSchema.nullable().default(null),
});

export interface CacheData {
  athleteId: number | null;
  athlete: Athlete | null;
  athleteFetchedAt: number | null;
  stats: ActivityStats | null;
  statsFetchedAt: number | null;
  activitiesFetchedAt: number | null;
  lastFailure: { code: string; message: string; at: number } | null;
  rateBudget: RateSnapshot | null;
}

export function emptyCache(): CacheData {
  return cacheSchema.parse({});
}

export class CacheRepository {
  /** clock: to tell a rate budget saved from an impossible future (a hostile Date header) from a real one. */
  constructor(
    private readonly backing: TypedStore<Record<string, unknown>>,
    private readonly clock: () => number = Date.now,
  ) {}

  private believable(snapshot: RateSnapshot): boolean {
    return snapshot.observedAt <= this.clock() + MAX_TRUSTED_SKEW_MS;
  }

  read(): CacheData {
    const parsed = cacheSchema.safeParse(this.backing.store);
    return parsed.success ? parsed.data : emptyCache();
  }

  /** Only the shared rate budget, without decoding the rest (read at every start of the CLI). */
  readRateBudget(): RateSnapshot | null {
    const parsed = rateSnapshotSchema.nullable().safeParse(this.backing.store.rateBudget ?? null);
    return parsed.success ? parsed.data : null;
  }

  write(patch: Partial<CacheData>): CacheData {
    const current = this.read();
    const next = { ...current, ...patch };
    // The rate budget is written by every process sharing the file: never move it backwards (but a
    // budget "observed" in an impossible future is no reason to keep refusing newer ones).
    const writerNow = this.clock() + (next.rateBudget?.skewMs ?? 0);
    const held = current.rateBudget;
    if (held && this.believable(held) && (!next.rateBudget || (next.rateBudget.observedAt < held.observedAt && held.observedAt <= writerNow))) {
      next.rateBudget = current.rateBudget;
    }
    this.backing.set(next as unknown as Record<string, unknown>);
    return next;
  }

  /** Forget the account's data (logout) but keep the shared rate budget: Strava still counts it. */
  clearAccount(): void {
    const { rateBudget } = this.read();
    this.backing.clear();
    this.backing.set({ rateBudget } as Record<string, unknown>);
  }
}
