import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, fakeEvent, resetFakes } from '../fakes/electron';
import { settingsDefaults, type DashboardState, type NotifiedRecord } from '../../../core/domain';
import { SettingsRepository } from '../../../core/store/settings';
import { DesktopNotifier } from '../../../main/notifications/desktopNotifier';
import { MAX_WAIT_MS, ProgressNotifier } from '../../../main/notifications/progressNotifier';
import { heldTimers, type HeldTimers } from '../../support/heldTimers';
import { memoryStore } from '../../support/memory';
import { NOW, connectedState } from '../fakes/state';
import { RIDE_WEEK, goalView, withGoals } from '../fakes/goals';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Sunday 22 November 2026 19:00 UTC; NOW is the Wednesday before. */
const SUNDAY_19H = Date.UTC(2026, 10, 22, 19);

function riding(distance: number, settings: Partial<DashboardState['settings']> = {}, now = NOW): DashboardState {
  const state = withGoals(connectedState(), [goalView(RIDE_WEEK, { distance }, { now })]);
  return { ...state, settings: { ...state.settings, notifyGoalReached: true, ...settings } };
}

/** The app's parts around the notifier: one settings file (shared with "the command"), the fake OS notifications, the tray's lines. */
function app(options: { settings?: SettingsRepository; supported?: boolean } = {}) {
  const settings = options.settings ?? new SettingsRepository(memoryStore({ ...settingsDefaults }));
  const events: string[] = [];
  let now = NOW;
  const timers: HeldTimers = heldTimers();
  const notices: string[][] = [];
  const openDashboard = vi.fn();
  const log = vi.fn();
  const notifier = new ProgressNotifier({
    notifier: new DesktopNotifier({
      createNotification: (text) => {
        const notification = new Notification(text);
        const show = notification.show.getMockImplementation()!;
        notification.show.mockImplementation(() => {
          events.push(`show ${text.title}`);
          show();
        });
        return notification;
      },
      isSupported: () => options.supported ?? true,
    }),
    readNotified: () => settings.get().notified,
    saveNotified: (notified) => {
      events.push(`save ${JSON.stringify(notified)}`);
      settings.update({ notified });
    },
    now: () => now,
    utcOffsetAt: () => 0,
    timers,
    showNotices: (lines) => notices.push(lines),
    openDashboard,
    log,
  });
  return { notifier, settings, events, timers, notices, openDashboard, log, setNow: (at: number) => (now = at) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('progress notifications', () => {
  const running: ProgressNotifier[] = [];
  beforeEach(() => resetFakes());
  afterEach(() => {
    for (const notifier of running.splice(0)) notifier.stop();
  });
  const start = (options?: Parameters<typeof app>[0]) => {
    const parts = app(options);
    running.push(parts.notifier);
    return parts;
  };

  it('a goal reached: stored first, then shown, once; a click opens the dashboard', async () => {
    const { notifier, events, openDashboard, settings } = start();
    notifier.update(riding(92_000));
    notifier.update(riding(151_000));
    notifier.update(riding(160_000));
    expect(events).toEqual(['save {"goalReached":{"1":"2026-W47"},"weeklySummary":null}', 'show Goal reached: Ride · 150 km a week']);
    expect(settings.get().notified.goalReached).toEqual({ '1': '2026-W47' });
    expect(Notification.instances.map((n) => n.options.body)).toEqual(['Ride this week: 151 / 150 km · reached']);
    Notification.instances[0]!.emit('click', fakeEvent());
    expect(openDashboard).toHaveBeenCalledTimes(1);
    await settle();
  });

  it('never twice across a restart: the next run reads what the last one stored', () => {
    const first = start();
    first.notifier.update(riding(151_000));
    first.notifier.stop();
    const second = start({ settings: first.settings });
    second.notifier.update(riding(151_000));
    expect(Notification.instances).toHaveLength(1);
    expect(second.events).toEqual([]);
  });

  it('reads the record afresh each time: what another process stored counts (no repeat, no lost record)', () => {
    const { notifier, settings } = start();
    notifier.update(riding(92_000));
    // Another Pacebar (the command shares the folder) stored the weekly summary's week meanwhile.
    settings.update({ notified: { goalReached: { '1': '2026-W47' }, weeklySummary: '2026-W47' } });
    notifier.update(riding(151_000));
    expect(Notification.instances).toHaveLength(0);
    expect(settings.get().notified).toEqual({ goalReached: { '1': '2026-W47' }, weeklySummary: '2026-W47' });
  });

  it('refused by the system (unsigned macOS build): a tray line for the rest of the period, not lost', async () => {
    Notification.failure = 'Notifications are not allowed for this application';
    const { notifier, notices, setNow } = start();
    notifier.update(riding(151_000));
    expect(notices).toEqual([]);
    await settle();
    expect(notices).toEqual([['Goal reached: Ride · 150 km a week (151 / 150 km)']]);
    notifier.update(riding(155_000));
    expect(notices).toHaveLength(1);
    // The next week it is old news.
    setNow(NOW + 7 * DAY);
    notifier.update(riding(10_000, {}, NOW + 7 * DAY));
    expect(notices.at(-1)).toEqual([]);
  });

  it('where notifications are unsupported, the tray line at once', () => {
    const { notifier, notices } = start({ supported: false });
    notifier.update(riding(151_000));
    expect(Notification.instances).toHaveLength(0);
    expect(notices).toEqual([['Goal reached: Ride · 150 km a week (151 / 150 km)']]);
  });

  it('a record that cannot be stored shows nothing that could repeat: the tray line, one log line', () => {
    const settings = new SettingsRepository(memoryStore({ ...settingsDefaults }));
    const parts = start({ settings });
    vi.spyOn(settings, 'update').mockImplementation(() => {
      throw new Error('EACCES: permission denied');
    });
    parts.notifier.update(riding(151_000));
    parts.notifier.update(riding(152_000));
    expect(Notification.instances).toHaveLength(0);
    // One line, kept current while it stays unrecorded.
    expect(parts.notices).toEqual([['Goal reached: Ride · 150 km a week (151 / 150 km)'], ['Goal reached: Ride · 150 km a week (152 / 150 km)']]);
    expect(parts.log).toHaveBeenCalledTimes(1);
    expect(parts.log).toHaveBeenCalledWith(
      'Pacebar: could not record a notification (Something unexpected went wrong. Try again; if it keeps happening, restart Pacebar.); the tray shows it instead',
    );
  });

  it('the weekly summary at its time: planned hour by hour until then, sent once when it comes', () => {
    const { notifier, timers, setNow, events } = start();
    const state = riding(92_000, { notifyGoalReached: false, weeklySummaryAt: { weekday: 7, minute: 19 * 60 } });
    notifier.update(state);
    expect(timers.delays()).toEqual([MAX_WAIT_MS]);
    setNow(SUNDAY_19H - 20 * 60_000);
    timers.fireAll();
    expect(timers.delays()).toEqual([20 * 60_000]);
    expect(Notification.instances).toHaveLength(0);
    setNow(SUNDAY_19H);
    timers.fireAll();
    expect(Notification.instances.map((n) => n.options.title)).toEqual(['Your week: 3 activities']);
    expect(events[0]).toBe('save {"goalReached":{},"weeklySummary":"2026-W47"}');
    // Next: next Sunday's, an hour at a time.
    expect(timers.delays()).toEqual([MAX_WAIT_MS]);
    notifier.update(state);
    expect(Notification.instances).toHaveLength(1);
  });

  it('nothing set, nothing planned; stop clears the timer', () => {
    const { notifier, timers } = start();
    notifier.update(riding(92_000, { notifyGoalReached: false }));
    expect(timers.pending()).toBe(0);
    notifier.update(riding(92_000, { weeklySummaryAt: { weekday: 7, minute: 19 * 60 } }));
    expect(timers.pending()).toBe(1);
    notifier.stop();
    expect(timers.pending()).toBe(0);
    notifier.update(riding(151_000));
    expect(Notification.instances).toHaveLength(0);
  });

  it('the stored record only changes when something was decided (no write per state)', () => {
    const { notifier, events } = start();
    for (let i = 0; i < 5; i++) notifier.update(riding(10_000 + i));
    expect(events).toEqual([]);
  });
});

describe('the stored record as the settings file keeps it', () => {
  it('round-trips through the settings rule (what the planner writes, the store accepts)', () => {
    const settings = new SettingsRepository(memoryStore({ ...settingsDefaults }));
    const record: NotifiedRecord = { goalReached: { '1': '2026-W47', '12': '2026' }, weeklySummary: '2026-W47' };
    settings.update({ notified: record });
    expect(settings.get().notified).toEqual(record);
  });
});
