// The dashboard's goal actions and its recent activities through the controller, against the
// simulator: what the IPC handlers reach once a payload has passed its checks.
import { afterEach, describe, expect, it } from 'vitest';
import { PacebarController } from '../../../core/controller/pacebarController';
import { GOALS_MAX, type DashboardState, type GoalInput } from '../../../core/domain';
import type { ConsentRunner } from '../../../core/oauth/consentRunner';
import { connect, startHarness, type Harness } from '../integration/harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const unusedConsent: ConsentRunner = {
  prepare: () => Promise.reject(new Error('no sign-in in these tests')),
};

async function connectedController(): Promise<{ harness: Harness; controller: PacebarController; pushed: DashboardState[] }> {
  h = await startHarness();
  await connect(h);
  const pushed: DashboardState[] = [];
  const controller = new PacebarController({ engine: h.engine, consent: { window: unusedConsent, browser: unusedConsent }, onStateChanged: (state) => pushed.push(state) });
  await controller.init();
  return { harness: h, controller, pushed };
}

const rideWeek: GoalInput = { sport: 'ride', period: 'week', measure: 'distance', target: 150_000 };

describe('goals from the dashboard', () => {
  it('adds a goal: stored in the settings, shown in the state it pushes, with core\'s words', async () => {
    const { harness, controller, pushed } = await connectedController();
    pushed.length = 0;
    expect(controller.addGoal(rideWeek)).toEqual({ ok: true });
    expect(harness.engine.settings.get().goals).toEqual([{ id: 1, ...rideWeek }]);
    expect(pushed).toHaveLength(1);
    const [view] = pushed[0]!.goals;
    expect(view).toMatchObject({ goal: { id: 1, ...rideWeek }, text: { title: 'Ride · 150 km a week' } });
    expect(pushed[0]!.settings.goals).toEqual([{ id: 1, ...rideWeek }]);
    // A second goal gets the next id; the first stays first (the primary goal).
    expect(controller.addGoal({ sport: 'run', period: 'month', measure: 'count', target: 12 })).toEqual({ ok: true });
    expect(controller.state().goals.map((goal) => goal.goal.id)).toEqual([1, 2]);
  });

  it('a goal the rule refuses changes nothing and says why in one line', async () => {
    const { harness, controller, pushed } = await connectedController();
    controller.addGoal(rideWeek);
    const before = harness.engine.settings.get().goals;
    pushed.length = 0;
    const result = controller.addGoal({ sport: 'run', period: 'week', measure: 'count', target: 2.5 });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('a whole number of activities') });
    if (!result.ok) expect(result.message).not.toMatch(/\n/);
    expect(harness.engine.settings.get().goals).toEqual(before);
    // The state is published either way, so the dashboard shows what is really stored.
    expect(pushed).toHaveLength(1);
  });

  it(`keeps at most ${GOALS_MAX} goals, and says so`, async () => {
    const { controller } = await connectedController();
    for (let i = 0; i < GOALS_MAX; i += 1) expect(controller.addGoal({ ...rideWeek, target: 1000 + i })).toEqual({ ok: true });
    expect(controller.addGoal(rideWeek)).toEqual({ ok: false, message: `Pacebar keeps up to ${GOALS_MAX} goals; remove one first.` });
    expect(controller.state().settings.goals).toHaveLength(GOALS_MAX);
  });

  it('removes a goal by its id; an unknown id changes nothing', async () => {
    const { harness, controller } = await connectedController();
    controller.addGoal(rideWeek);
    controller.addGoal({ sport: 'run', period: 'year', measure: 'elevation', target: 20_000 });
    expect(controller.removeGoal(7)).toEqual({ ok: false, message: 'There is no goal 7; nothing was changed.' });
    expect(harness.engine.settings.get().goals.map((goal) => goal.id)).toEqual([1, 2]);
    expect(controller.removeGoal(1)).toEqual({ ok: true });
    expect(controller.state().goals.map((goal) => goal.goal.id)).toEqual([2]);
  });
});

describe('recent activities open on Strava', () => {
  it('every recent activity the state lists passes the history check; other ids do not', async () => {
    const { harness, controller } = await connectedController();
    const recent = controller.state().data?.recent ?? [];
    expect(recent.length).toBeGreaterThan(0);
    for (const activity of recent) expect(controller.activityUrl(activity.id)).toBe(`https://www.strava.com/activities/${activity.id}`);
    const known = new Set(harness.engine.history.read().activities.map((record) => record.id));
    const stranger = Math.max(...known) + 1;
    expect(controller.activityUrl(stranger)).toBeNull();
  });
});
