// The athlete's activity history as Pacebar keeps it in memory, and where each of its walks through
// Strava's activity list stands. The file format is historyCodec.ts; merge rules historyMerge.ts.
import type { ActivityRecord } from '../domain';

/**
 * A walk pages back through GET /athlete/activities with `before` (exclusive, epoch seconds):
 * - backfill: once, from now to the first activity;
 * - recent: daily, from now back to `stopAt` (the last weeks), catching edits and deletions;
 * - rescan: weekly, the whole history again.
 * `before` is where the next page starts; null when the walk is not under way.
 */
export interface WalkState {
  before: number | null;
  /** Epoch seconds; only the recent walk stops before the first activity. */
  stopAt: number | null;
  /** Epoch ms when the walk under way began, and when the last one completed. */
  startedAt: number | null;
  completedAt: number | null;
  /** Requests every walk of this kind has made: the benchmarks and the README report them. */
  requests: number;
}

export const WALK_KINDS = ['backfill', 'recent', 'rescan'] as const;
export type WalkKind = (typeof WALK_KINDS)[number];

export interface HistoryReads {
  /** activity:read: Everyone and Followers activities can be listed. */
  activities: boolean;
  /** activity:read_all: Only You activities too. */
  private: boolean;
}

export interface HistoryData {
  /** Counts the file's writes: the digest beside it names the revision it was made from. */
  revision: number;
  athleteId: number | null;
  /** What the list showed when last read; null before the first read. */
  reads: HistoryReads | null;
  activities: ActivityRecord[];
  walks: Record<WalkKind, WalkState>;
}

export function idleWalk(): WalkState {
  return { before: null, stopAt: null, startedAt: null, completedAt: null, requests: 0 };
}

export function emptyHistory(athleteId: number | null = null): HistoryData {
  return { revision: 0, athleteId, reads: null, activities: [], walks: { backfill: idleWalk(), recent: idleWalk(), rescan: idleWalk() } };
}

/** The backfill has reached the athlete's first activity. */
export function backfillComplete(data: Pick<HistoryData, 'walks'>): boolean {
  return data.walks.backfill.completedAt !== null;
}

/**
 * Epoch ms back to which the history holds every activity Pacebar may see: -Infinity once the
 * backfill is complete, the backfill's position while it runs, null before the first page.
 */
export function reachesBack(data: Pick<HistoryData, 'walks'>): number | null {
  if (backfillComplete(data)) return Number.NEGATIVE_INFINITY;
  const before = data.walks.backfill.before;
  return before === null ? null : before * 1000;
}
