// Which progress notifications are due, as a pure decision the app's notifier acts on: a goal
// reached (once per goal and period) and the weekly summary at the athlete's chosen local weekday
// and time (once per week; one missed while Pacebar was not running is sent at the next start in
// the same week). What was sent is the settings' `notified` record: the caller stores the new one
// before showing anything, so neither a restart nor a crash repeats a notification. Something
// already true when it is switched on (a goal reached before the setting was ticked or the goal
// added, a weekly time already past this week) is recorded without a notification: only news is
// notified.
import type { DashboardState, NotifiedRecord, WeeklySummaryAt } from '../domain';
import { goalPeriodKey, goalWindow } from '../goals/goalPeriods';
import { DAY_MS, WEEK_MS } from '../stats/weeklySummary';
import { goalReachedText, weeklySummaryText, type NotificationText } from '../view/notificationText';

export type ProgressNotificationKind = 'goal_reached' | 'weekly_summary';

export interface PlannedNotification {
  kind: ProgressNotificationKind;
  /** The goal's id, or 'week'. */
  subject: string;
  /** The period it is for: "2026-W49", "2026-12", "2026". */
  periodKey: string;
  text: NotificationText;
}

/** What this run saw at the last plan: what was on, and which goals existed. Null before the first. */
export interface PlannerMemory {
  notifyGoalReached: boolean;
  weeklySummaryAt: WeeklySummaryAt | null;
  goalIds: number[];
}

export interface PlannerInput {
  state: Pick<DashboardState, 'data' | 'goals' | 'settings'>;
  /** As stored now (re-read each time: the `pacebar` command writes the same settings file). */
  notified: NotifiedRecord;
  now: number;
  /** Minutes east of UTC at an instant (DST moves it; the weekly time is wall-clock). */
  utcOffsetAt: (epochMs: number) => number;
  seen: PlannerMemory | null;
}

export interface NotificationPlan {
  /** Show these, after storing `notified`. */
  send: PlannedNotification[];
  /** The record to store; equal to the input's when nothing changed. */
  notified: NotifiedRecord;
  /** Epoch ms to plan again at (the next weekly time), or null when only a new state can change anything. */
  nextCheckAt: number | null;
  seen: PlannerMemory;
  /** The current period of each subject: a notice shown for another period is old news. */
  currentPeriods: Record<string, string>;
}

const sameTime = (a: WeeklySummaryAt | null, b: WeeklySummaryAt | null) => a?.weekday === b?.weekday && a?.minute === b?.minute;

/** The epoch ms of a local wall-clock instant, with the offset in force then (not now's). */
function epochOf(local: number, now: number, utcOffsetAt: (epochMs: number) => number): number {
  const guess = local - utcOffsetAt(now) * 60_000;
  return local - utcOffsetAt(guess) * 60_000;
}

export function planNotifications(input: PlannerInput): NotificationPlan {
  const { state, seen, now } = input;
  const settings = state.settings;
  const send: PlannedNotification[] = [];
  const goalIds = settings.goals.map((goal) => goal.id);
  // Records of goals that no longer exist go: an id used again later starts afresh.
  const goalReached = Object.fromEntries(Object.entries(input.notified.goalReached).filter(([id]) => goalIds.includes(Number(id))));
  let weeklySummary = input.notified.weeklySummary;
  const currentPeriods: Record<string, string> = {};

  const goalsSwitchedOn = seen !== null && !seen.notifyGoalReached;
  for (const goal of state.goals) {
    const id = String(goal.goal.id);
    currentPeriods[id] = goal.periodKey;
    if (!settings.notifyGoalReached || goal.status !== 'reached' || goalReached[id] === goal.periodKey) continue;
    goalReached[id] = goal.periodKey;
    const added = seen !== null && !seen.goalIds.includes(goal.goal.id);
    if (!goalsSwitchedOn && !added) send.push({ kind: 'goal_reached', subject: id, periodKey: goal.periodKey, text: goalReachedText(goal) });
  }

  let nextCheckAt: number | null = null;
  const at = settings.weeklySummaryAt;
  const offsetNow = input.utcOffsetAt(now);
  const week = goalWindow('week', { now, utcOffsetMinutes: offsetNow });
  const weekKey = goalPeriodKey('week', week);
  currentPeriods.week = weekKey;
  if (at) {
    const dueLocal = week.startLocal + (at.weekday - 1) * DAY_MS + at.minute * 60_000;
    const nextWeek = epochOf(dueLocal + WEEK_MS, now, input.utcOffsetAt);
    if (weeklySummary === weekKey) {
      nextCheckAt = nextWeek;
    } else if (week.nowLocal < dueLocal) {
      nextCheckAt = epochOf(dueLocal, now, input.utcOffsetAt);
    } else if (seen !== null && !sameTime(seen.weeklySummaryAt, at)) {
      // Switched on (or moved) to a time already past this week: the first summary is next week's.
      weeklySummary = weekKey;
      nextCheckAt = nextWeek;
    } else if (state.data) {
      weeklySummary = weekKey;
      send.push({ kind: 'weekly_summary', subject: 'week', periodKey: weekKey, text: weeklySummaryText(state) });
      nextCheckAt = nextWeek;
    }
    // Due, but no figures yet (loading, signed out): the next state with data sends it, this week.
  }

  const notified: NotifiedRecord = { goalReached, weeklySummary };
  return {
    send,
    notified,
    nextCheckAt,
    seen: { notifyGoalReached: settings.notifyGoalReached, weeklySummaryAt: at, goalIds },
    currentPeriods,
  };
}

/** Whether two records say the same (the caller stores only a change). */
export function sameNotified(a: NotifiedRecord, b: NotifiedRecord): boolean {
  const keys = (record: NotifiedRecord) => Object.keys(record.goalReached).sort();
  return a.weeklySummary === b.weeklySummary && keys(a).join() === keys(b).join() && keys(a).every((id) => a.goalReached[id] === b.goalReached[id]);
}
