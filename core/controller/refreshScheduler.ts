// When the app polls Strava in the background. Pure timing logic (no Electron): the app wires
// `poll` to PacebarController.refresh() and tells it about wake-ups and interval changes.
//
// - normal outcome ('ok', 'failed', 'skipped' when not connected): next poll after the interval;
// - 'offline': back off 1, 2, 4, 8 … minutes, capped at the interval (nothing reaches Strava while
//   offline, so short waits cost nothing but notice the network coming back soon);
// - 'rate_limited': wait until Strava's budget window resets;
// - 'inactive' (the API application is inactive until its owner subscribes): at most one automatic
//   attempt an hour, wake-ups included; "Refresh now" goes to the controller and is never held back.
// A poll never overlaps another: pollNow() during a running poll shares it.
import type { Clock } from '../clock';
import type { RefreshOutcome } from './pacebarController';

export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RefreshSchedulerOptions {
  poll: () => Promise<RefreshOutcome>;
  /** Read after every poll, so a changed setting applies to the next wait. */
  intervalMs: () => number;
  /** Epoch ms until which Strava's budget is spent, or null. */
  rateLimitedUntil: () => number | null;
  clock: Clock;
  timers?: SchedulerTimers;
}

export const OFFLINE_BACKOFF_START_MS = 60_000;
/** While the application is inactive: one automatic attempt an hour (or the interval, if longer). */
export const INACTIVE_RETRY_MS = 60 * 60_000;
/** Never spin: even a reset time in the past waits this long. */
export const MIN_DELAY_MS = 1_000;

const defaultTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A background timer must not keep a CLI or test process alive.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RefreshScheduler {
  private readonly timers: SchedulerTimers;
  private timer: unknown = null;
  private running: Promise<RefreshOutcome> | null = null;
  private started = false;
  private offlineStreak = 0;
  private lastOutcome: RefreshOutcome | null = null;
  private lastFinishedAt: number | null = null;
  /** Epoch ms of the next scheduled poll, or null. */
  private nextAt: number | null = null;

  constructor(private readonly options: RefreshSchedulerOptions) {
    this.timers = options.timers ?? defaultTimers;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    // Refresh at launch.
    this.arm(0);
  }

  stop(): void {
    this.started = false;
    this.disarm();
  }

  isStarted(): boolean {
    return this.started;
  }

  /** Epoch ms of the next background poll, or null (stopped or polling now). */
  nextPollAt(): number | null {
    return this.nextAt;
  }

  /**
   * Polls now (wake from sleep, unlock); shares a poll that is already running. While the
   * application is inactive the hourly wait stands: 'skipped', and the pending poll is kept.
   */
  pollNow(): Promise<RefreshOutcome> {
    if (this.running) return this.running;
    if (this.lastOutcome === 'inactive' && this.lastFinishedAt !== null && this.options.clock() - this.lastFinishedAt < this.inactiveWaitMs()) {
      return Promise.resolve('skipped');
    }
    return this.startPoll();
  }

  /**
   * A refresh made outside the scheduler ("Refresh now") found the application active again: the
   * hourly wait ends and the next poll is one interval after now.
   */
  recovered(): void {
    if (this.lastOutcome !== 'inactive') return;
    this.lastOutcome = 'ok';
    this.lastFinishedAt = this.options.clock();
    this.reschedule();
  }

  private startPoll(): Promise<RefreshOutcome> {
    if (this.running) return this.running;
    this.disarm();
    const run = this.runPoll();
    this.running = run;
    return run;
  }

  /**
   * Re-times the pending wait after the interval setting changed: the next poll is one new
   * interval after the last one. Backoff and rate-limit waits are left alone.
   */
  reschedule(): void {
    if (!this.started || this.running) return;
    if (this.lastOutcome === 'offline' || this.lastOutcome === 'rate_limited' || this.lastOutcome === 'inactive') return;
    const now = this.options.clock();
    const from = this.lastFinishedAt ?? now;
    this.arm(Math.max(0, from + this.options.intervalMs() - now));
  }

  private async runPoll(): Promise<RefreshOutcome> {
    let outcome: RefreshOutcome;
    try {
      outcome = await this.options.poll();
    } catch {
      outcome = 'failed';
    }
    this.running = null;
    this.lastOutcome = outcome;
    this.lastFinishedAt = this.options.clock();
    if (this.started) this.arm(this.delayAfter(outcome));
    return outcome;
  }

  private delayAfter(outcome: RefreshOutcome): number {
    const interval = Math.max(MIN_DELAY_MS, this.options.intervalMs());
    if (outcome === 'offline') {
      const backoff = OFFLINE_BACKOFF_START_MS * 2 ** Math.min(this.offlineStreak, 30);
      this.offlineStreak += 1;
      return Math.min(backoff, interval);
    }
    this.offlineStreak = 0;
    if (outcome === 'inactive') return this.inactiveWaitMs();
    if (outcome === 'rate_limited') {
      const until = this.options.rateLimitedUntil();
      if (until === null) return interval;
      return Math.max(MIN_DELAY_MS, until - this.options.clock());
    }
    return interval;
  }

  private inactiveWaitMs(): number {
    return Math.max(INACTIVE_RETRY_MS, this.options.intervalMs());
  }

  private arm(delayMs: number): void {
    this.disarm();
    this.nextAt = this.options.clock() + delayMs;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.nextAt = null;
      // The scheduled poll itself: its wait is what the back-off asked for.
      void this.startPoll();
    }, delayMs);
  }

  private disarm(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }
}
