import { describe, expect, it } from 'vitest';
import type { DashboardState, NotifiedRecord, WeeklySummaryAt } from '../../../core/domain';
import { planNotifications, sameNotified, type PlannerInput, type PlannerMemory } from '../../../core/controller/notificationPlanner';
import { goalReachedText, weeklySummaryText } from '../../../core/view/notificationText';
import { NOW, baseState, connectedState } from '../../main/fakes/state';
import { RIDE_WEEK, RUN_MONTH, goalView, withGoals } from '../../main/fakes/goals';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOTHING: NotifiedRecord = { goalReached: {}, weeklySummary: null };
const utc = () => 0;

/** NOW is Wednesday 18 November 2026, 17:40 UTC: ISO week 2026-W47 (Monday 16 to Sunday 22). */
const WEEK = '2026-W47';

function withSettings(state: DashboardState, settings: Partial<DashboardState['settings']>): DashboardState {
  return { ...state, settings: { ...state.settings, ...settings } };
}

/** The ride goal at `distance` this week, with goal-reached notifications on unless said otherwise. */
function riding(distance: number | null, options: { now?: number; notify?: boolean; utcOffsetMinutes?: number } = {}): DashboardState {
  const view = goalView(RIDE_WEEK, distance === null ? null : { distance }, { now: options.now ?? NOW, utcOffsetMinutes: options.utcOffsetMinutes ?? 0 });
  return withSettings(withGoals(connectedState(), [view]), { notifyGoalReached: options.notify ?? true });
}

function plan(state: DashboardState, overrides: Partial<PlannerInput> = {}) {
  return planNotifications({ state, notified: NOTHING, now: NOW, utcOffsetAt: utc, seen: null, ...overrides });
}

/** Plans again as the running app does: the stored record and this run's memory carried over. */
function then(previous: ReturnType<typeof plan>, state: DashboardState, overrides: Partial<PlannerInput> = {}) {
  return plan(state, { notified: previous.notified, seen: previous.seen, ...overrides });
}

describe('goal reached notifications', () => {
  it('once per goal and period: sent when reached, recorded, never again in that period', () => {
    const first = plan(riding(92_000));
    expect(first.send).toEqual([]);
    const reached = then(first, riding(151_000));
    expect(reached.send).toEqual([{ kind: 'goal_reached', subject: '1', periodKey: WEEK, text: goalReachedText(riding(151_000).goals[0]!) }]);
    expect(reached.notified).toEqual({ goalReached: { '1': WEEK }, weeklySummary: null });
    // More riding, more polls, a restart: nothing more this week.
    expect(then(reached, riding(170_000)).send).toEqual([]);
    expect(plan(riding(170_000), { notified: reached.notified, seen: null }).send).toEqual([]);
    // Next week it is news again.
    const nextWeek = NOW + 7 * DAY;
    const again = then(reached, riding(150_000, { now: nextWeek }), { now: nextWeek });
    expect(again.send.map((item) => item.periodKey)).toEqual(['2026-W48']);
  });

  it('reached while Pacebar was not running: sent at the next start', () => {
    expect(plan(riding(151_000)).send.map((item) => item.kind)).toEqual(['goal_reached']);
  });

  it('opt-in: off sends nothing and records nothing', () => {
    const off = plan(riding(151_000, { notify: false }));
    expect(off.send).toEqual([]);
    expect(off.notified).toEqual(NOTHING);
  });

  it('switched on, or a goal added, when already reached: recorded quietly; the next period notifies', () => {
    const before = plan(riding(151_000, { notify: false }));
    const switchedOn = then(before, riding(151_000));
    expect(switchedOn.send).toEqual([]);
    expect(switchedOn.notified.goalReached).toEqual({ '1': WEEK });

    const noGoals = plan(withSettings(connectedState(), { notifyGoalReached: true }));
    const added = then(noGoals, riding(151_000));
    expect(added.send).toEqual([]);
    expect(added.notified.goalReached).toEqual({ '1': WEEK });
    const nextWeek = NOW + 7 * DAY;
    expect(then(added, riding(150_000, { now: nextWeek }), { now: nextWeek }).send).toHaveLength(1);
  });

  it('a goal counting its history is not judged; once counted and reached it is notified', () => {
    const counting = plan(riding(null));
    expect(counting.send).toEqual([]);
    expect(then(counting, riding(151_000)).send).toHaveLength(1);
  });

  it('without data (loading) at start, goals known from the settings are not taken for new ones', () => {
    const loading = plan(withSettings(withGoals(baseState({ loading: true }), [goalView(RIDE_WEEK, { distance: 151_000 })]), { notifyGoalReached: true }));
    expect(loading.send).toEqual([]);
    expect(then(loading, riding(151_000)).send).toHaveLength(1);
  });

  it('each goal on its own: two reached at once are two notifications; records of removed goals are dropped', () => {
    const two = withSettings(withGoals(connectedState(), [goalView(RIDE_WEEK, { distance: 151_000 }), goalView(RUN_MONTH, { count: 12 })]), { notifyGoalReached: true });
    const both = plan(two, { notified: { goalReached: { '7': '2026-W40' }, weeklySummary: 'x' } });
    expect(both.send.map((item) => `${item.subject} ${item.periodKey}`)).toEqual(['1 2026-W47', '2 2026-11']);
    // Goal 7 is gone (removed with the command): its record goes; what else was stored stays.
    expect(both.notified).toEqual({ goalReached: { '1': WEEK, '2': '2026-11' }, weeklySummary: 'x' });
  });
});

describe('the weekly summary', () => {
  const SUNDAY_19H: WeeklySummaryAt = { weekday: 7, minute: 19 * 60 };
  const sundayEvening = Date.UTC(2026, 10, 22, 19, 0);
  const weekly = (state: DashboardState, at: WeeklySummaryAt | null = SUNDAY_19H) => withSettings(state, { weeklySummaryAt: at });

  it('waits for the chosen local time, then sends once; the next check is next week\'s time', () => {
    const early = plan(weekly(connectedState()));
    expect(early.send).toEqual([]);
    expect(early.nextCheckAt).toBe(sundayEvening);
    const due = then(early, weekly(connectedState()), { now: sundayEvening });
    expect(due.send).toEqual([{ kind: 'weekly_summary', subject: 'week', periodKey: WEEK, text: weeklySummaryText(weekly(connectedState())) }]);
    expect(due.notified.weeklySummary).toBe(WEEK);
    expect(due.nextCheckAt).toBe(sundayEvening + 7 * DAY);
    expect(then(due, weekly(connectedState()), { now: sundayEvening + HOUR }).send).toEqual([]);
  });

  it('missed while not running: sent at the next start in the same week, not after the week is over', () => {
    const lateStart = plan(weekly(connectedState()), { now: sundayEvening + 3 * HOUR });
    expect(lateStart.send.map((item) => item.kind)).toEqual(['weekly_summary']);
    // Monday 00:10 of the next week: that week was missed for good; next Sunday's is planned.
    const monday = Date.UTC(2026, 10, 23, 0, 10);
    const nextWeek = plan(weekly(connectedState()), { now: monday });
    expect(nextWeek.send).toEqual([]);
    expect(nextWeek.notified.weeklySummary).toBeNull();
    expect(nextWeek.nextCheckAt).toBe(sundayEvening + 7 * DAY);
  });

  it('a restart in the same week sends nothing again', () => {
    expect(plan(weekly(connectedState()), { now: sundayEvening + HOUR, notified: { goalReached: {}, weeklySummary: WEEK } }).send).toEqual([]);
  });

  it('switched on (or moved) to a time already past this week: recorded quietly, first summary next week', () => {
    const before = plan(weekly(connectedState(), null), { now: sundayEvening + HOUR });
    expect(before.nextCheckAt).toBeNull();
    const switchedOn = then(before, weekly(connectedState()), { now: sundayEvening + HOUR });
    expect(switchedOn.send).toEqual([]);
    expect(switchedOn.notified.weeklySummary).toBe(WEEK);
    expect(switchedOn.nextCheckAt).toBe(sundayEvening + 7 * DAY);
    // Moved to later this week instead: it comes at the new time.
    const moved = then(before, weekly(connectedState(), { weekday: 7, minute: 22 * 60 }), { now: sundayEvening + HOUR });
    expect(moved.send).toEqual([]);
    expect(moved.nextCheckAt).toBe(sundayEvening + 3 * HOUR);
  });

  it('due without figures (loading, signed out): kept for the first state with data that week', () => {
    const loading = plan(weekly(baseState({ loading: true })), { now: sundayEvening });
    expect(loading.send).toEqual([]);
    expect(loading.notified.weeklySummary).toBeNull();
    expect(then(loading, weekly(connectedState()), { now: sundayEvening + HOUR }).send).toHaveLength(1);
  });

  it('local wall-clock time across DST: Sunday 19:00 in Amsterdam the day clocks go forward is 17:00 UTC', () => {
    // EU summer time from 29 March 2026 01:00 UTC (+1 h to +2 h), back on 25 October 2026 01:00 UTC.
    const amsterdam = (at: number) => (at >= Date.UTC(2026, 2, 29, 1) && at < Date.UTC(2026, 9, 25, 1) ? 120 : 60);
    const monday = Date.UTC(2026, 2, 23, 9);
    expect(plan(weekly(connectedState()), { now: monday, utcOffsetAt: amsterdam }).nextCheckAt).toBe(Date.UTC(2026, 2, 29, 17));
    const autumn = Date.UTC(2026, 9, 19, 9);
    expect(plan(weekly(connectedState()), { now: autumn, utcOffsetAt: amsterdam }).nextCheckAt).toBe(Date.UTC(2026, 9, 25, 18));
    // At 18:30 UTC on that spring Sunday it is 20:30 there: due.
    expect(plan(weekly(connectedState()), { now: Date.UTC(2026, 2, 29, 18, 30), utcOffsetAt: amsterdam }).send).toHaveLength(1);
  });

  it('weeks are the athlete\'s local ISO weeks: Honolulu\'s Sunday evening is Monday in UTC; the year turns inside a week', () => {
    const honolulu = () => -600;
    // Sunday 22 November 19:00 in Honolulu = Monday 05:00 UTC.
    const due = plan(weekly(connectedState()), { now: Date.UTC(2026, 10, 23, 5, 30), utcOffsetAt: honolulu });
    expect(due.send.map((item) => item.periodKey)).toEqual([WEEK]);
    // Wednesday 31 December 2025 and Thursday 1 January 2026 are both in 2026-W01: one summary.
    const wednesday = { weekday: 3, minute: 8 * 60 };
    const newYearsEve = plan(weekly(connectedState(), wednesday), { now: Date.UTC(2025, 11, 31, 9) });
    expect(newYearsEve.send.map((item) => item.periodKey)).toEqual(['2026-W01']);
    expect(plan(weekly(connectedState(), wednesday), { now: Date.UTC(2026, 0, 1, 9), notified: newYearsEve.notified }).send).toEqual([]);
  });

  it('each kind on its own setting: the summary and a goal reached in the same plan', () => {
    const state = weekly(riding(151_000));
    expect(plan(state, { now: sundayEvening }).send.map((item) => item.kind)).toEqual(['goal_reached', 'weekly_summary']);
  });
});

describe('the notified record', () => {
  it('sameNotified compares by content, so an unchanged record is not written again', () => {
    expect(sameNotified({ goalReached: { '1': 'a', '2': 'b' }, weeklySummary: null }, { goalReached: { '2': 'b', '1': 'a' }, weeklySummary: null })).toBe(true);
    expect(sameNotified({ goalReached: { '1': 'a' }, weeklySummary: null }, { goalReached: { '1': 'b' }, weeklySummary: null })).toBe(false);
    expect(sameNotified({ goalReached: {}, weeklySummary: null }, { goalReached: {}, weeklySummary: 'w' })).toBe(false);
    expect(sameNotified({ goalReached: { '1': 'a' }, weeklySummary: null }, { goalReached: {}, weeklySummary: null })).toBe(false);
  });

  it('the memory says what was on and which goals existed', () => {
    const memory: PlannerMemory = plan(withSettings(riding(10_000), { weeklySummaryAt: { weekday: 1, minute: 0 } })).seen;
    expect(memory).toEqual({ notifyGoalReached: true, weeklySummaryAt: { weekday: 1, minute: 0 }, goalIds: [1] });
  });
});

describe('what the notifications say', () => {
  it('a goal reached: the goal and its figures', () => {
    expect(goalReachedText(riding(151_000).goals[0]!)).toEqual({
      title: 'Goal reached: Ride · 150 km a week',
      body: 'Ride this week: 151 / 150 km · reached',
      line: 'Goal reached: Ride · 150 km a week (151 / 150 km)',
    });
  });

  it('the week: how many activities, each sport done (the primary first), each goal', () => {
    const state = withSettings(riding(92_000), { primarySport: 'ride' });
    expect(weeklySummaryText(state)).toEqual({
      title: 'Your week: 3 activities',
      body: ['Ride 151 km · 1 ride', 'Run 24.3 km · 1 run', 'Swim 2,500 m · 1 swim', 'Ride this week: 92.0 / 150 km · ahead by 33.4 km · 11.6 km a day to go'].join('\n'),
      line: 'Your week: 3 activities · Ride 151 km · 1 ride',
    });
  });

  it('a quiet week says so', () => {
    const state = connectedState();
    const stats = state.data!.stats;
    const none = { count: 0, distance: 0, movingTime: 0, elevationGain: 0 };
    const families = Object.fromEntries(Object.entries(stats.families).map(([sport, family]) => [sport, { ...family, totals: { ...family.totals, week: none } }])) as typeof stats.families;
    const quiet = { ...state, data: { ...state.data!, stats: { ...stats, families } } };
    expect(weeklySummaryText(quiet)).toEqual({ title: 'Your week: no activities yet', body: 'Nothing recorded this week so far.', line: 'Your week: no activities yet' });
  });
});
