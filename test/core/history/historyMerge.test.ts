import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../../core/domain';
import { emptyHistory, reachesBack, type HistoryData } from '../../../core/history/historyData';
import { adoptReads, applyWalkPage, startWalk, upsertActivities } from '../../../core/history/historyMerge';
import { nextWalk, RECENT_EVERY_MS, RESCAN_EVERY_MS } from '../../../core/history/walkPlan';
import { estimateTotal } from '../../../core/history/historyEstimate';

const S = 1000;
function rec(id: number, startSeconds: number, extra: Partial<ActivityRecord> = {}): ActivityRecord {
  return { id, name: `A${id}`, sportType: 'Run', distance: 1000, movingTime: 600, elapsedTime: 620, elevationGain: 0, start: startSeconds * S, startLocal: startSeconds * S, visibility: 'everyone', ...extra };
}
const NOW = 10_000 * S;

function history(records: ActivityRecord[]): HistoryData {
  return { ...emptyHistory(7), reads: { activities: true, private: true }, activities: records };
}

describe('upsertActivities', () => {
  it('merges by id, the fresh copy winning, newest first', () => {
    const merged = upsertActivities(history([rec(1, 100), rec(2, 300), rec(3, 200)]), [rec(2, 300, { distance: 2500 }), rec(4, 400)]);
    expect(merged.activities.map((r) => r.id)).toEqual([4, 2, 3, 1]);
    expect(merged.activities.find((r) => r.id === 2)?.distance).toBe(2500);
  });
});

describe('applyWalkPage', () => {
  const page = (data: HistoryData, before: number, records: ActivityRecord[], pageSize = 3) =>
    applyWalkPage(data, { kind: 'backfill', before, records, pageSize, knownBefore: new Set(data.activities.map((r) => r.id)), now: NOW });

  it('a full page moves the walk to one second after its oldest activity (ties at that second come again)', () => {
    const data = startWalk(history([]), 'backfill', 1000, NOW);
    const next = page(data, 1000, [rec(1, 900), rec(2, 800), rec(3, 700)]);
    expect(next.walks.backfill.before).toBe(701);
    expect(reachesBack(next)).toBe(701 * S);
    expect(next.walks.backfill.requests).toBe(1);
  });

  it('a short page ends the walk: the history is complete', () => {
    const data = startWalk(history([]), 'backfill', 1000, NOW);
    const done = page(data, 1000, [rec(1, 900)]);
    expect(done.walks.backfill.before).toBeNull();
    expect(done.walks.backfill.completedAt).toBe(NOW);
    expect(reachesBack(done)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('a known activity in the range a page covers, missing from it, was deleted; one the page could not see stays', () => {
    const data = startWalk(history([rec(1, 900), rec(9, 850), rec(3, 700), rec(5, 500)]), 'rescan', 1000, NOW);
    const next = applyWalkPage(data, { kind: 'rescan', before: 1000, records: [rec(1, 900), rec(2, 800), rec(3, 700)], pageSize: 3, knownBefore: new Set([1, 9, 3, 5]), now: NOW });
    expect(next.activities.map((r) => r.id)).toEqual([1, 2, 3, 5]); // 9 deleted, 5 is older than the page reaches
    // An activity another process added while the request was out is not "deleted".
    const racing = applyWalkPage({ ...data, activities: [...data.activities, rec(11, 860)] }, { kind: 'rescan', before: 1000, records: [rec(1, 900)], pageSize: 3, knownBefore: new Set([1, 9, 3, 5]), now: NOW });
    expect(racing.activities.map((r) => r.id)).toContain(11);
  });

  it('a page asked for by a walk another process already moved on only adds what it brought', () => {
    const data = startWalk(history([]), 'backfill', 1000, NOW);
    const moved = { ...data, walks: { ...data.walks, backfill: { ...data.walks.backfill, before: 500 } } };
    const next = page(moved, 1000, [rec(1, 900), rec(2, 800), rec(3, 700)]);
    expect(next.walks.backfill.before).toBe(500);
    expect(next.activities).toHaveLength(3);
  });

  it('the recent walk stops at its stop time and deletes nothing older', () => {
    const data = startWalk(history([rec(5, 100)]), 'recent', 1000, NOW, 750);
    const next = applyWalkPage(data, { kind: 'recent', before: 1000, records: [rec(1, 900), rec(2, 800), rec(3, 700)], pageSize: 3, knownBefore: new Set([5]), now: NOW });
    expect(next.walks.recent).toMatchObject({ before: null, completedAt: NOW });
    expect(next.activities.map((r) => r.id)).toContain(5);
  });
});

describe('adoptReads', () => {
  it('another athlete\'s history is dropped; losing activity:read_all drops Only You activities; gaining it walks again', () => {
    const data = history([rec(1, 1), rec(2, 2, { visibility: 'only_me' }), rec(3, 3, { visibility: 'followers_only' })]);
    data.walks.backfill = { ...data.walks.backfill, completedAt: 5 };
    expect(adoptReads(data, 8, { activities: true, private: true }).activities).toEqual([]);
    const narrowed = adoptReads(data, 7, { activities: true, private: false });
    expect(narrowed.activities.map((r) => r.id)).toEqual([1, 3]);
    const widened = adoptReads(narrowed, 7, { activities: true, private: true });
    expect(widened.walks.backfill.completedAt).toBeNull();
    expect(adoptReads(data, 7, { activities: false, private: false }).activities).toEqual([]);
    expect(adoptReads(data, 7, { activities: true, private: true })).toBe(data); // nothing changed: same object, no write
  });
});

describe('nextWalk', () => {
  it('backfill first, the daily re-read a day after it began, the weekly rescan a week after it completed', () => {
    const data = startWalk(history([]), 'backfill', 1000, 0);
    expect(nextWalk(data, 0)).toEqual({ kind: 'backfill' });
    expect(nextWalk(data, RECENT_EVERY_MS)).toEqual({ kind: 'recent' });
    const done = { ...data, walks: { ...data.walks, backfill: { ...data.walks.backfill, before: null, completedAt: 10 }, recent: { ...data.walks.recent, completedAt: RECENT_EVERY_MS } } };
    expect(nextWalk(done, RECENT_EVERY_MS + 5)).toEqual({ kind: null, dueAt: 2 * RECENT_EVERY_MS });
    expect(nextWalk(done, 10 + RESCAN_EVERY_MS).kind).toBe('recent');
    const recentDone = { ...done, walks: { ...done.walks, recent: { ...done.walks.recent, completedAt: 10 + RESCAN_EVERY_MS } } };
    expect(nextWalk(recentDone, 10 + RESCAN_EVERY_MS)).toEqual({ kind: 'rescan' });
  });
});

describe('estimateTotal', () => {
  it('carries the pace so far back to when the athlete joined, never below what is counted or Strava\'s public count', () => {
    const data = startWalk(history(Array.from({ length: 200 }, (_, i) => rec(i + 1, 9_000 + i))), 'backfill', 10_000, NOW);
    data.walks.backfill.before = 9_000; // 200 activities in the last 1,000 s
    expect(estimateTotal(data, { joinedAt: 5_000 * S, publicCount: null, now: NOW })).toBe(1000);
    expect(estimateTotal(data, { joinedAt: 5_000 * S, publicCount: 4_321, now: NOW })).toBe(4_400);
    expect(estimateTotal(data, { joinedAt: null, publicCount: null, now: NOW })).toBeNull();
  });
});
