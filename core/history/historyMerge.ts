// How what Strava answers changes the history. Pure functions of the data, so the same rules apply
// whichever process writes, and they are applied to the file's content at write time (merge-on-write).
import type { ActivityRecord } from '../domain';
import { emptyHistory, idleWalk, type HistoryData, type HistoryReads, type WalkKind } from './historyData';

/** Newest first, then by id: one order, so unchanged content encodes to unchanged bytes. */
function sorted(activities: ActivityRecord[]): ActivityRecord[] {
  return activities.sort((a, b) => b.start - a.start || b.id - a.id);
}

/** Adds or replaces activities by id (what Strava answered last is the truth). */
export function upsertActivities(data: HistoryData, records: readonly ActivityRecord[]): HistoryData {
  if (records.length === 0) return data;
  const byId = new Map<number, ActivityRecord>();
  for (const record of data.activities) byId.set(record.id, record);
  for (const record of records) byId.set(record.id, record);
  return { ...data, activities: sorted([...byId.values()]) };
}

export function removeActivities(data: HistoryData, ids: ReadonlySet<number>): HistoryData {
  if (ids.size === 0) return data;
  return { ...data, activities: data.activities.filter((record) => !ids.has(record.id)) };
}

/**
 * The history belongs to one athlete and to what the token may see. Another athlete: start over.
 * More visible than before (activity:read or activity:read_all granted since): walk the list again.
 * Less: the Only You activities leave at once (they may no longer be counted).
 */
export function adoptReads(data: HistoryData, athleteId: number, reads: HistoryReads): HistoryData {
  let next = data.athleteId === athleteId ? data : emptyHistory(athleteId);
  const before = next.reads;
  if (before && before.private && !reads.private) {
    next = { ...next, activities: next.activities.filter((record) => record.visibility !== 'only_me') };
  }
  if (!reads.activities) next = { ...next, activities: [] };
  const widened = before !== null && ((!before.activities && reads.activities) || (!before.private && reads.private));
  if (widened) next = { ...next, walks: { ...next.walks, backfill: { ...idleWalk(), requests: next.walks.backfill.requests } } };
  if (before?.activities === reads.activities && before.private === reads.private) return next;
  return { ...next, reads };
}

export interface WalkPage {
  kind: WalkKind;
  /** The `before` the page was asked with (epoch seconds). */
  before: number;
  /** The page's activities, as records. */
  records: readonly ActivityRecord[];
  /** A short page is the last one. */
  pageSize: number;
  /** Ids the history held when the request left: only those can have been deleted at Strava. */
  knownBefore: ReadonlySet<number>;
  /** Epoch ms. */
  now: number;
}

/**
 * Applies one page of a walk. The page is the newest `pageSize` activities that started before
 * `before`; all of them, when it is short. So it covers [oldest second + 1 s, before) completely
 * (a full page may hold only some of the activities of its oldest second: the next page asks
 * again from that second). A known activity in the covered range that the page lacks was deleted.
 */
export function applyWalkPage(data: HistoryData, page: WalkPage): HistoryData {
  const walk = data.walks[page.kind];
  // Another process moved this walk on (or finished it) while our request was out: keep its word.
  if (walk.before !== page.before) return upsertActivities(data, page.records);
  const last = page.records.length < page.pageSize;
  const oldest = page.records.reduce((min, record) => Math.min(min, Math.floor(record.start / 1000)), Number.POSITIVE_INFINITY);
  // A full page of one single second cannot move the cursor by "oldest + 1": skip past that second.
  const nextBefore = last ? null : oldest + 1 < page.before ? oldest + 1 : oldest;
  const reachedStop = walk.stopAt !== null && nextBefore !== null && nextBefore <= walk.stopAt;
  const done = last || reachedStop;
  const lowMs = last ? (walk.stopAt ?? Number.NEGATIVE_INFINITY) * 1000 : Math.max((nextBefore ?? 0) * 1000, (walk.stopAt ?? Number.NEGATIVE_INFINITY) * 1000);
  const highMs = page.before * 1000;
  const inPage = new Set(page.records.map((record) => record.id));
  const deleted = new Set<number>();
  for (const record of data.activities) {
    if (record.start >= lowMs && record.start < highMs && !inPage.has(record.id) && page.knownBefore.has(record.id)) deleted.add(record.id);
  }
  const next = upsertActivities(removeActivities(data, deleted), page.records);
  const requests = walk.requests + 1;
  const state = done
    ? { ...walk, before: null, stopAt: null, completedAt: page.now, requests }
    : { ...walk, before: nextBefore, requests };
  return { ...next, walks: { ...next.walks, [page.kind]: state } };
}

/** Begins a walk at `before` (epoch seconds); `stopAt` ends it early (the recent walk). */
export function startWalk(data: HistoryData, kind: WalkKind, before: number, now: number, stopAt: number | null = null): HistoryData {
  const walk = data.walks[kind];
  if (walk.before !== null) return data; // already under way (maybe started by another process)
  return { ...data, walks: { ...data.walks, [kind]: { ...walk, before, stopAt, startedAt: now } } };
}
