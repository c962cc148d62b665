// How fast the history's walks (backfill, daily re-read, weekly rescan) may go: never more than a
// fifth of Strava's 15-minute read window (100 reads by default, so 20), and never past half of the
// daily one, counting every read Strava saw (the regular poll, the other Pacebar process, other
// apps on the same API application). The regular poll is never paced by this: it keeps the other
// four fifths, and a walk step never holds it up.
import { nextQuarterHour, nextUtcMidnight, type RateBudget } from '../api/rateBudget';

export const WALK_SHARE_OF_WINDOW = 1 / 5;
export const WALK_SHARE_OF_DAY = 1 / 2;

export type WalkPace = { allowed: true } | { allowed: false; retryAt: number };

/** Whether one more walk request may leave now; if not, when to ask again (our clock). */
export function walkPace(budget: RateBudget): WalkPace {
  const blockedUntil = budget.blockedUntil();
  if (blockedUntil !== null) return { allowed: false, retryAt: blockedUntil };
  const usage = budget.readUsage();
  if (!usage) return { allowed: true };
  const windowShare = Math.max(1, Math.floor(usage.limit[0] * WALK_SHARE_OF_WINDOW));
  const dayShare = Math.max(1, Math.floor(usage.limit[1] * WALK_SHARE_OF_DAY));
  if (usage.used[1] >= dayShare) return { allowed: false, retryAt: budget.toLocalTime(nextUtcMidnight(usage.serverNow)) };
  if (usage.used[0] >= windowShare) return { allowed: false, retryAt: budget.toLocalTime(nextQuarterHour(usage.serverNow)) };
  return { allowed: true };
}
