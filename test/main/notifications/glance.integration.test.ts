// The glance end to end: the real engine against the Strava simulator, the app's controller, and
// main's tray and progress notifier on the fake Electron. A goal set by the command (a second
// engine on the same files) shows in the tray as a line and a ring, its reaching is notified once,
// recorded on disk first, and not again after a restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../fakes/electron'));

import { Notification, Tray, resetFakes, type FakeNativeImage } from '../fakes/electron';
import { PacebarController } from '../../../core/controller/pacebarController';
import { systemTimers } from '../../../core/clock';
import type { PacebarEngine } from '../../../core/engine/engine';
import { browserConsentRunner } from '../../../core/oauth/browserConsent';
import { simulatedBrowser } from '../../../sim/browser';
import { DesktopNotifier } from '../../../main/notifications/desktopNotifier';
import { ProgressNotifier } from '../../../main/notifications/progressNotifier';
import { TrayController } from '../../../main/tray/trayController';
import { decodePng } from '../../../main/tray/icon/png';
import { ringFace, ringIcon } from '../../../main/tray/icon/ringIcon';
import { pixelDifference } from '../../support/pixels';
import { startHarness, type Harness } from '../../core/integration/harness';

let h: Harness | null = null;
const running: { stop(): void }[] = [];

beforeEach(() => resetFakes());
afterEach(async () => {
  for (const part of running.splice(0)) part.stop();
  await h?.close();
  h = null;
});

/** Steps the history's walks to their end, moving the simulated clock past each pacing wait. */
async function walkToTheEnd(harness: Harness): Promise<void> {
  for (let guard = 0; guard < 1000; guard++) {
    const outcome = await harness.engine.historyStep();
    if (outcome.status === 'paced') harness.sim.clock.set(Math.max(harness.sim.clock.now(), outcome.retryAt) + 1000);
    else if (outcome.status !== 'stepped') return;
  }
  throw new Error('the walk did not end');
}

/** The app's parts for one engine: controller, tray (Linux) and progress notifier, wired as main/index does. */
function appOn(engine: PacebarEngine, harness: Harness) {
  const runner = browserConsentRunner({ stravaBaseUrl: harness.sim.baseUrl, openExternal: simulatedBrowser() });
  const controller = new PacebarController({ engine, consent: { window: runner, browser: runner } });
  const tray = new TrayController({ iconPath: '/res/tray/tray.png', platform: 'linux', onAction: () => {}, now: engine.clock });
  const progress = new ProgressNotifier({
    notifier: new DesktopNotifier({ createNotification: (options) => new Notification(options), isSupported: () => true }),
    readNotified: () => engine.settings.get().notified,
    saveNotified: (notified) => void engine.settings.update({ notified }),
    now: engine.clock,
    utcOffsetAt: (at) => engine.utcOffsetMinutes(at),
    timers: systemTimers,
    showNotices: (lines) => tray.setNotices(lines),
    openDashboard: () => {},
  });
  controller.subscribe((state) => {
    tray.update(state);
    progress.update(state);
  });
  running.push(progress, { stop: () => tray.destroy() }, { stop: () => void controller.dispose() });
  return { controller, tray: Tray.instances.at(-1)!, progress };
}

describe('the glance against the simulator', () => {
  it('a goal in the tray (line and ring), its reaching notified once, recorded on disk first, quiet after a restart', async () => {
    h = await startHarness();
    const app = appOn(h.engine, h);
    await app.controller.init();
    expect((await app.controller.connect('browser')).ok).toBe(true);
    await walkToTheEnd(h);
    h.engine.settings.update({ notifyGoalReached: true });
    // The week's most active sport, read from the state every surface renders.
    const before = app.controller.state();
    const stats = before.data!.stats;
    const sport = stats.active.find((family) => stats.families[family].totals.week.count > 0)!;
    const done = stats.families[sport].totals.week.count;
    expect(done).toBeGreaterThan(0);

    // `pacebar goals add` in another process: a weekly count goal one beyond what is done.
    const cli = h.sibling();
    cli.addGoal({ sport, period: 'week', measure: 'count', target: done + 1 });
    await app.controller.refresh();
    const counting = app.controller.state();
    expect(counting.goals).toHaveLength(1);
    expect(counting.goals[0]!.status).not.toBe('reached');
    expect(app.tray.menu!.template.map((item) => item.label)).toContain(counting.goals[0]!.text.line);
    const face = ringFace(counting.glance.ring!)!;
    const image = app.tray.image as FakeNativeImage;
    expect(pixelDifference(decodePng(image.representations[0]!.buffer), ringIcon(face, 'light', 22))).toBeNull();
    expect(Notification.instances).toHaveLength(0);

    // The athlete finishes one more: the next poll reaches the goal.
    const sportType = { run: 'Run', ride: 'Ride', swim: 'Swim' }[sport as 'run' | 'ride' | 'swim'] ?? 'Run';
    h.sim.addActivity({ sport_type: sportType, distance: 5_000, moving_time: 1_800, start: h.sim.clock.now() - 60 * 60_000 });
    h.sim.clock.advance(20 * 60_000);
    await app.controller.refresh();
    const reached = app.controller.state();
    expect(reached.goals[0]!.status).toBe('reached');
    expect(Notification.instances.map((n) => n.options.title)).toEqual([`Goal reached: ${reached.goals[0]!.text.title}`]);
    const onDisk = JSON.parse(readFileSync(join(h.dir, 'settings.json'), 'utf8')) as { notified: { goalReached: Record<string, string> } };
    expect(onDisk.notified.goalReached).toEqual({ [String(reached.goals[0]!.goal.id)]: reached.goals[0]!.periodKey });
    await app.controller.refresh();
    expect(Notification.instances).toHaveLength(1);

    // Quit and start again (a new engine on the same files): nothing more this week.
    for (const part of running.splice(0)) part.stop();
    const again = appOn(h.sibling(), h);
    await again.controller.init();
    await again.controller.refresh();
    expect(again.controller.state().goals[0]!.status).toBe('reached');
    expect(Notification.instances).toHaveLength(1);
  });
});
