// Which walk the history needs next, and when. The daily re-read of the recent weeks catches edits
// and deletions the list does not announce; the weekly rescan catches them everywhere else.
import { backfillComplete, type HistoryData, type WalkKind } from './historyData';

export const RECENT_EVERY_MS = 24 * 60 * 60 * 1000;
export const RESCAN_EVERY_MS = 7 * RECENT_EVERY_MS;

export type WalkPlan = { kind: WalkKind } | { kind: null; dueAt: number | null };

export function nextWalk(data: HistoryData, now: number): WalkPlan {
  const { backfill, recent, rescan } = data.walks;
  // The backfill's first page read the recent weeks too: the daily re-read counts from there.
  const recentFrom = Math.max(recent.completedAt ?? Number.NEGATIVE_INFINITY, backfill.startedAt ?? Number.NEGATIVE_INFINITY);
  const recentDue = recentFrom === Number.NEGATIVE_INFINITY ? null : recentFrom + RECENT_EVERY_MS;
  if (recent.before !== null || (recentDue !== null && now >= recentDue)) return { kind: 'recent' };
  if (!backfillComplete(data)) return { kind: 'backfill' };
  const rescanFrom = Math.max(rescan.completedAt ?? Number.NEGATIVE_INFINITY, backfill.completedAt ?? Number.NEGATIVE_INFINITY);
  const rescanDue = rescanFrom + RESCAN_EVERY_MS;
  if (rescan.before !== null || now >= rescanDue) return { kind: 'rescan' };
  return { kind: null, dueAt: Math.min(recentDue ?? Number.POSITIVE_INFINITY, rescanDue) };
}
