// When the app takes the history's walk steps (engine.historyStep): right after each poll, then
// one step after another while the walks' share of the rate budget lasts, then at the reset of the
// window. Apart from the poll's own timer (refreshScheduler), so a walk never holds a poll up.
import type { Clock } from '../clock';
import type { StepOutcome } from '../sync/historyWalker';
import type { SchedulerTimers } from './refreshScheduler';

export interface BackfillSchedulerOptions {
  step: () => Promise<StepOutcome>;
  /** A page was applied: the figures changed (the controller publishes a new state). */
  onStepped: () => void;
  clock: Clock;
  timers?: SchedulerTimers;
}

/** While another process walks, look again after this long. */
export const BUSY_RETRY_MS = 30_000;

const defaultTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class BackfillScheduler {
  private readonly timers: SchedulerTimers;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: BackfillSchedulerOptions) {
    this.timers = options.timers ?? defaultTimers;
  }

  /** Walks now unless a step is under way (after every poll, and on wake). */
  kick(): void {
    this.stopped = false;
    if (this.running) return;
    this.disarm();
    this.running = this.run().finally(() => {
      this.running = null;
    });
  }

  /** Stops stepping; resolves when a step under way has finished (before a disconnect deletes files). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.disarm();
    await this.running;
  }

  private async run(): Promise<void> {
    for (;;) {
      let outcome: StepOutcome;
      try {
        outcome = await this.options.step();
      } catch {
        return; // offline, rate limited, signed out: the next poll kicks again
      }
      if (this.stopped) return;
      if (outcome.status === 'stepped') {
        this.options.onStepped();
        continue;
      }
      if (outcome.status === 'paced') this.arm(Math.max(1000, outcome.retryAt - this.options.clock()));
      else if (outcome.status === 'busy') this.arm(BUSY_RETRY_MS);
      return; // idle: the next poll kicks again
    }
  }

  private arm(delayMs: number): void {
    this.disarm();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delayMs);
  }

  private disarm(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
