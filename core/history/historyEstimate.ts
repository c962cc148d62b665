// "Counting your history: 1,800 of about 4,100 activities": how many there are, roughly, while the
// backfill is still walking back. The pace so far (activities per day between the backfill's
// position and now), carried back to when the athlete joined Strava; never below what is counted
// already, nor below Strava's own public run, ride and swim count.
import { backfillComplete, reachesBack, type HistoryData } from './historyData';
import type { HistoryDigest } from './historyDigest';

export interface EstimateInputs {
  /** Epoch ms of the athlete's created_at on Strava, if known. */
  joinedAt: number | null;
  /** Strava's all-time count of public runs, rides and swims (a floor), if known. */
  publicCount: number | null;
  now: number;
}

export function estimateTotal(data: HistoryData | HistoryDigest, inputs: EstimateInputs): number | null {
  const counted = 'counted' in data ? data.counted : data.activities.length;
  if (backfillComplete(data)) return counted;
  const reach = reachesBack(data);
  const floor = Math.max(counted, inputs.publicCount ?? 0);
  if (reach === null || inputs.joinedAt === null || reach <= inputs.joinedAt || reach >= inputs.now) {
    // Without a pace to carry back, only Strava's public count says there are more than counted.
    return inputs.publicCount !== null && inputs.publicCount > counted ? roundUp(floor) : null;
  }
  const perMs = counted / (inputs.now - reach);
  const guess = counted + perMs * (reach - inputs.joinedAt);
  return roundUp(Math.max(floor, guess));
}

/** "about 4,100": up to the next hundred (at least what is counted). */
function roundUp(value: number): number {
  return Math.max(1, Math.ceil(value / 100) * 100);
}
