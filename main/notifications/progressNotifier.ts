// The progress notifications (a goal reached, the weekly summary), opt-in per kind in the settings.
// On every state and at the weekly time it asks core's planner what is due
// (core/controller/notificationPlanner.ts), stores the new `notified` record in the settings FIRST
// (so a crash or a restart cannot repeat one; the record is re-read each time, as the `pacebar`
// command writes the same file), then shows each one. One the system does not show (unsupported,
// or 'failed') becomes a line in the tray's menu for the rest of its period, never silently lost;
// so does one whose record could not be stored (shown as a notification it could repeat at every
// state). Clicking a notification opens the dashboard.
import type { Timers } from '../../core/clock';
import type { DashboardState, NotifiedRecord } from '../../core/domain';
import { planNotifications, sameNotified, type PlannedNotification, type PlannerMemory } from '../../core/controller/notificationPlanner';
import { describeError } from '../../core/errors';
import type { DesktopNotifier } from './desktopNotifier';

export interface ProgressNotifierDeps {
  notifier: DesktopNotifier;
  /** The notified record as stored now (engine.settings). */
  readNotified: () => NotifiedRecord;
  /** Stores a new record; throws when the settings cannot be written. */
  saveNotified: (record: NotifiedRecord) => void;
  now: () => number;
  /** Minutes east of UTC at an instant (the engine's, which follows the machine's zone and DST). */
  utcOffsetAt: (epochMs: number) => number;
  timers: Timers;
  /** The tray's lines for what was not shown as a notification (TrayController.setNotices). */
  showNotices: (lines: string[]) => void;
  openDashboard: () => void;
  log?: (line: string) => void;
}

/**
 * The longest wait between plans while a weekly time is set: a timer set days ahead fires late
 * after a sleep or a clock change, and the offset can change before the time comes.
 */
export const MAX_WAIT_MS = 60 * 60_000;

interface Notice {
  periodKey: string;
  line: string;
}

export class ProgressNotifier {
  private state: DashboardState | null = null;
  private seen: PlannerMemory | null = null;
  private timer: unknown = null;
  private stopped = false;
  /** What the tray shows instead, by subject (a goal's id, or 'week'). */
  private readonly notices = new Map<string, Notice>();
  private shownNotices = '';
  private saveFailed = false;

  constructor(private readonly deps: ProgressNotifierDeps) {}

  /** Every new state (main's fan-out). */
  update(state: DashboardState): void {
    this.state = state;
    this.plan();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private plan(): void {
    if (this.stopped || !this.state) return;
    const stored = this.deps.readNotified();
    const plan = planNotifications({ state: this.state, notified: stored, now: this.deps.now(), utcOffsetAt: this.deps.utcOffsetAt, seen: this.seen });
    this.seen = plan.seen;
    const recorded = sameNotified(plan.notified, stored) || this.save(plan.notified);
    for (const item of plan.send) {
      if (!recorded) this.notice(item);
      else this.deps.notifier.show(item.text, { onClick: () => this.deps.openDashboard(), onUndelivered: () => this.notice(item) });
    }
    for (const [subject, notice] of this.notices) if (plan.currentPeriods[subject] !== notice.periodKey) this.notices.delete(subject);
    this.publishNotices();
    this.schedule(plan.nextCheckAt);
  }

  private save(record: NotifiedRecord): boolean {
    try {
      this.deps.saveNotified(record);
      this.saveFailed = false;
      return true;
    } catch (error) {
      if (!this.saveFailed) this.deps.log?.(`Pacebar: could not record a notification (${describeError(error)}); the tray shows it instead`);
      this.saveFailed = true;
      return false;
    }
  }

  private notice(item: PlannedNotification): void {
    this.notices.set(item.subject, { periodKey: item.periodKey, line: item.text.line });
    this.publishNotices();
  }

  private publishNotices(): void {
    const lines = [...this.notices.values()].map((notice) => notice.line);
    if (lines.join('\n') === this.shownNotices) return;
    this.shownNotices = lines.join('\n');
    this.deps.showNotices(lines);
  }

  private schedule(at: number | null): void {
    this.clearTimer();
    if (at === null) return;
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, at - this.deps.now()));
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      this.plan();
    }, wait);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
