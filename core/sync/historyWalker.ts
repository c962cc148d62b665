// One step of the history's walks (backfill, daily re-read, weekly rescan): at most one request,
// paced by walkPacing, and only while no other process walks (the step lock). Resumable: where each
// walk stands is in the history file, written with the page it read, so a crash or a 429 resumes
// at the page that was not yet applied (a page applied twice changes nothing: merge by id).
import type { RateBudget } from '../api/rateBudget';
import { MAX_PER_PAGE, type StravaApi } from '../api/stravaApi';
import type { Clock } from '../clock';
import { type HistoryReads, type WalkKind } from '../history/historyData';
import { applyWalkPage, startWalk } from '../history/historyMerge';
import type { HistoryRepository } from '../history/historyStore';
import { nextWalk } from '../history/walkPlan';
import { chartWindowStartSeconds } from '../stats/weeklySummary';
import { toActivityRecord } from './activityRecords';
import { walkPace } from './walkPacing';

export type StepOutcome =
  /** A page was read and applied. */
  | { status: 'stepped'; kind: WalkKind; walkDone: boolean }
  /** Nothing to do before `dueAt` (null: nothing at all, e.g. no activity access). */
  | { status: 'idle'; dueAt: number | null }
  /** The walk's share of the rate budget is used: try again at `retryAt`. */
  | { status: 'paced'; retryAt: number }
  /** Another process is taking a step. */
  | { status: 'busy' };

export interface WalkerDeps {
  api: StravaApi;
  history: HistoryRepository;
  budget: RateBudget;
  clock: Clock;
  utcOffsetMinutes: (now: number) => number;
  reads: HistoryReads;
  /** Saves the rate budget where the other process sees it (after each request). */
  shareBudget: () => void;
}

/** A `before` that lists everything there is, whatever Strava's clock says. */
export function walkFromNow(now: number): number {
  return Math.floor(now / 1000) + 24 * 60 * 60;
}

export class HistoryWalker {
  constructor(private readonly deps: WalkerDeps) {}

  async step(): Promise<StepOutcome> {
    if (!this.deps.reads.activities) return { status: 'idle', dueAt: null };
    const plan = nextWalk(this.deps.history.read(), this.deps.clock());
    if (plan.kind === null) return { status: 'idle', dueAt: plan.dueAt };
    const pace = walkPace(this.deps.budget);
    if (!pace.allowed) return { status: 'paced', retryAt: pace.retryAt };
    const result = await this.deps.history.withStepLock(() => this.stepLocked());
    return result.locked ? result.value : { status: 'busy' };
  }

  private async stepLocked(): Promise<StepOutcome> {
    const { history, clock } = this.deps;
    const now = clock();
    // Under the lock, look again: the other process may have moved on while we waited.
    const plan = nextWalk(history.read(), now);
    if (plan.kind === null) return { status: 'idle', dueAt: plan.dueAt };
    const kind = plan.kind;
    const stopAt = kind === 'recent' ? chartWindowStartSeconds(now, this.deps.utcOffsetMinutes(now)) : null;
    const started = history.read().walks[kind].before === null ? await history.update((data) => startWalk(data, kind, walkFromNow(now), now, stopAt)) : history.read();
    const before = started.walks[kind].before;
    if (before === null) return { status: 'idle', dueAt: null };
    const knownBefore = new Set(started.activities.map((record) => record.id));
    try {
      const page = await this.deps.api.activities({ before, page: 1, perPage: MAX_PER_PAGE });
      const records = page.map(toActivityRecord);
      const next = await history.update((data) => applyWalkPage(data, { kind, before, records, pageSize: MAX_PER_PAGE, knownBefore, now: clock() }));
      return { status: 'stepped', kind, walkDone: next.walks[kind].before === null };
    } finally {
      this.deps.shareBudget();
    }
  }
}
