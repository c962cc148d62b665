// The dashboard's goals, recent activities and the glance and notification settings, in headless
// Chromium, against goal views and recent activities made by core (goalFixtures.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GOAL_STATUSES } from '../../core/domain';
import type { DashboardState } from '../../preload/contract';
import { fixtures, withState } from './fixtures';
import { WEEK_ELAPSED } from './goalFixtures';
import { closeHarness, openDashboard, warmUpHarness, type FakeDashboardPage, type OpenOptions } from './harness';
import { waitForText, waitForValue } from './waits';

const f = fixtures();
let opened: FakeDashboardPage[] = [];

async function open(state: DashboardState, options: OpenOptions = {}): Promise<FakeDashboardPage> {
  const dashboard = await openDashboard(state, options);
  opened.push(dashboard);
  return dashboard;
}

beforeAll(warmUpHarness, 120_000);

// Every page stays clean: no console errors, no CSP violations, nothing fetched from outside.
afterEach(async () => {
  const pages = opened;
  opened = [];
  for (const dashboard of pages) {
    const violations = await dashboard.cspViolations();
    await dashboard.close();
    expect(dashboard.consoleErrors).toEqual([]);
    expect(violations).toEqual([]);
    expect(dashboard.externalRequests).toEqual([]);
  }
});

afterAll(closeHarness);

async function openGoalForm(d: FakeDashboardPage): Promise<void> {
  const details = d.page.locator('#goal-add');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/** Fills the add form and submits it; `target` is the amount, or hours and minutes. */
async function addGoal(d: FakeDashboardPage, choice: { sport: string; period: string; measure: string; target: string | [string, string] }): Promise<void> {
  const { page } = d;
  await page.getByLabel('Sport', { exact: true }).selectOption(choice.sport);
  await page.getByLabel('Period', { exact: true }).selectOption(choice.period);
  await page.getByLabel('Measure', { exact: true }).selectOption(choice.measure);
  if (Array.isArray(choice.target)) {
    await page.getByLabel('Hours', { exact: true }).fill(choice.target[0]);
    await page.getByLabel('Minutes', { exact: true }).fill(choice.target[1]);
  } else {
    await page.locator('#goal-amount').fill(choice.target);
  }
  await page.getByRole('button', { name: 'Add goal' }).click();
}

describe('goals', () => {
  it('shows every goal with its title, a labelled progress bar, done / target, the pace and what is still needed, in core\'s words', async () => {
    const state = f.everyGoalStatus;
    // The fixture holds one goal of each status, or this test would prove less than it says.
    expect(state.goals.map((view) => view.status).sort()).toEqual([...GOAL_STATUSES].sort());
    const { page } = await open(state);
    const items = page.locator('#goals li.goal');
    expect(await items.count()).toBe(state.goals.length);
    for (const [index, view] of state.goals.entries()) {
      const item = items.nth(index);
      expect(await item.getAttribute('data-status')).toBe(view.status);
      expect(await item.getByRole('heading', { level: 3 }).innerText()).toBe(view.text.title);
      const bar = item.getByRole('progressbar', { name: view.text.title });
      expect(await bar.getAttribute('aria-valuetext')).toBe(`${view.text.progress}, ${view.text.pace}`);
      // Indeterminate (position -1) while counting; otherwise done / target, full once reached.
      const position = await bar.evaluate((element) => (element as HTMLProgressElement).position);
      expect(position).toBeCloseTo(view.status === 'counting' ? -1 : Math.min(1, view.fraction), 5);
      expect(await item.locator('.goal-progress').innerText()).toBe(view.text.progress);
      expect(await item.locator('.goal-pace').innerText()).toContain(view.text.pace);
      const needed = item.locator('.goal-needed');
      if (view.text.needed) expect(await needed.innerText()).toBe(view.text.needed);
      else expect(await needed.count()).toBe(0);
    }
    // A few of core's sentences, literally: the fixture is not empty words.
    const text = await page.locator('#goals').innerText();
    for (const words of ['ahead by 564 m', 'on pace', 'behind by 0h 55m', 'reached', '— / 4,000 km', 'counting your history…']) expect(text).toContain(words);
  });

  it('marks where an even pace would be today, except once reached or while counting', async () => {
    const state = f.everyGoalStatus;
    const { page } = await open(state);
    for (const view of state.goals) {
      const mark = page.locator(`li.goal[data-goal="${view.goal.id}"] .goal-pace-mark rect`);
      if (view.status === 'reached' || view.status === 'counting') {
        expect(await mark.count()).toBe(0);
        continue;
      }
      expect(await mark.isVisible()).toBe(true);
      expect(await mark.getAttribute('x')).toBe(`${(view.elapsed * 100).toFixed(1)}%`);
    }
    // No inline style anywhere: the strict CSP's promise (style-src 'self').
    expect(await page.locator('[style]').count()).toBe(0);
    // The week goals' mark is at the week's share gone.
    const weekGoal = state.goals.find((view) => view.status === 'on_pace')!;
    expect(weekGoal.elapsed).toBe(WEEK_ELAPSED);
  });

  it('tells ahead, behind, on pace and reached apart by a mark, not by colour alone', async () => {
    const { page } = await open(f.everyGoalStatus);
    const marks: Record<string, string> = {};
    const colours: Record<string, string> = {};
    for (const status of GOAL_STATUSES) {
      const pace = page.locator(`.goal-pace[data-status="${status}"]`);
      marks[status] = await pace.locator('.goal-mark').innerText();
      colours[status] = await pace.evaluate((element) => getComputedStyle(element).color);
      // The mark is decoration for sight: the words say it to a screen reader.
      expect(await pace.locator('.goal-mark').getAttribute('aria-hidden')).toBe('true');
    }
    expect(new Set(Object.values(marks)).size).toBe(GOAL_STATUSES.length);
    expect(colours.ahead).not.toBe(colours.behind);
  });

  it('invites the first goal with the form open; goals that arrive later leave the form as it is', async () => {
    const d = await open(f.noGoals);
    const { page } = d;
    expect(await page.locator('.goal-invite').isVisible()).toBe(true);
    expect(await page.locator('#goals li.goal').count()).toBe(0);
    expect(await page.locator('#goal-add').getAttribute('open')).toBe('');
    await d.push(f.connected);
    expect(await page.locator('.goal-invite').isVisible()).toBe(false);
    expect(await page.locator('#goals li.goal').count()).toBe(3);
    expect(await page.locator('#goal-add').getAttribute('open')).toBe('');
    // With goals, the form waits behind "Add a goal".
    const { page: withGoals } = await open(f.connected);
    expect(await withGoals.locator('#goal-add').getAttribute('open')).toBeNull();
  });

  it('adds a goal in km: the target goes to main in metres, and the target field empties for the next one', async () => {
    const d = await open(f.connected);
    await openGoalForm(d);
    expect(await d.page.getByLabel('Sport', { exact: true }).inputValue()).toBe('run'); // the primary sport first
    await addGoal(d, { sport: 'ride', period: 'month', measure: 'distance', target: '150' });
    expect(await d.waitForActions(1)).toEqual([{ method: 'addGoal', args: [{ sport: 'ride', period: 'month', measure: 'distance', target: 150_000 }] }]);
    await waitForValue(d.page.locator('#goal-amount'), '');
    expect(await d.page.getByLabel('Sport', { exact: true }).inputValue()).toBe('ride');
  });

  it('asks in the units the settings imply and converts miles, feet, yards, hours and minutes, and counts', async () => {
    const d = await open(f.imperial);
    await openGoalForm(d);
    const { page } = d;
    const amountLabel = page.locator('label[for="goal-amount"]');
    const steps: [Parameters<typeof addGoal>[1], string | null, unknown][] = [
      [{ sport: 'run', period: 'week', measure: 'distance', target: '26.2' }, 'Target (mi)', { sport: 'run', period: 'week', measure: 'distance', target: 42_164.813 }],
      [{ sport: 'ride', period: 'year', measure: 'elevation', target: '6562' }, 'Target (ft)', { sport: 'ride', period: 'year', measure: 'elevation', target: 2_000.098 }],
      [{ sport: 'swim', period: 'month', measure: 'distance', target: '5000' }, 'Target (yd)', { sport: 'swim', period: 'month', measure: 'distance', target: 4_572 }],
      [{ sport: 'fitness', period: 'week', measure: 'time', target: ['5', '30'] }, null, { sport: 'fitness', period: 'week', measure: 'time', target: 19_800 }],
      [{ sport: 'run', period: 'month', measure: 'count', target: '12' }, 'Target (runs)', { sport: 'run', period: 'month', measure: 'count', target: 12 }],
    ];
    for (const [index, [choice, label, sent]] of steps.entries()) {
      await addGoal(d, choice);
      if (label) expect(await amountLabel.innerText()).toBe(label);
      else expect(await page.locator('#goal-amount').isVisible()).toBe(false);
      const actions = await d.waitForActions(index + 1);
      expect(actions[index]).toEqual({ method: 'addGoal', args: [sent] });
    }
  });

  it('offers only the measures a sport is counted in: no distance for fitness, no climbing for swims', async () => {
    const d = await open(f.connected);
    await openGoalForm(d);
    const measure = d.page.getByLabel('Measure', { exact: true });
    const options = () => measure.locator('option').evaluateAll((list) => list.map((option) => (option as HTMLOptionElement).value));
    expect(await options()).toEqual(['distance', 'time', 'elevation', 'count']);
    await d.page.getByLabel('Sport', { exact: true }).selectOption('fitness');
    expect(await options()).toEqual(['time', 'count']);
    await d.page.getByLabel('Sport', { exact: true }).selectOption('swim');
    expect(await options()).toEqual(['distance', 'time', 'count']);
    // The measure chosen stays while the new sport offers it: fitness's moving time is a swim's too.
    expect(await measure.inputValue()).toBe('time');
    await measure.selectOption('distance');
    expect(await d.page.locator('label[for="goal-amount"]').innerText()).toBe('Target (m)');
  });

  it('checks the target before sending anything, one line at a time', async () => {
    const d = await open(f.connected);
    await openGoalForm(d);
    const { page } = d;
    const error = page.locator('#goal-error');
    const submit = page.getByRole('button', { name: 'Add goal' });
    await submit.click();
    expect(await error.innerText()).toBe('Enter a target: a number of km.');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.locator('#goal-amount').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('goal-amount');
    await page.locator('#goal-amount').fill('0');
    await submit.click();
    expect(await error.innerText()).toBe('The target is a number of km above 0.');
    await page.getByLabel('Measure', { exact: true }).selectOption('time');
    await submit.click();
    expect(await error.innerText()).toBe('Enter a target time: hours, minutes or both.');
    expect(d.actions()).toEqual([]);
  });

  it('shows main\'s refusal in one line and keeps everything typed, through a state push too', async () => {
    const d = await open(f.connected);
    const refusal = "A goal's target is a positive amount (a whole number of activities for a count goal), at most 1,000,000 km, 10,000 h, 100,000 km of climbing or 100,000 activities.";
    d.setResult('addGoal', { ok: false, message: `${refusal}\nsecond line never shown` });
    await openGoalForm(d);
    await addGoal(d, { sport: 'ride', period: 'year', measure: 'distance', target: '2000000' });
    await waitForText(d.page.locator('#goal-error'), refusal);
    await d.push(f.stale);
    const { page } = d;
    expect(await page.getByLabel('Sport', { exact: true }).inputValue()).toBe('ride');
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe('year');
    expect(await page.getByLabel('Measure', { exact: true }).inputValue()).toBe('distance');
    expect(await page.locator('#goal-amount').inputValue()).toBe('2000000');
    expect(await page.locator('#goal-add').getAttribute('open')).toBe('');
  });

  it('keeps a half-typed goal when the goals change under it', async () => {
    const d = await open(f.connected);
    await openGoalForm(d);
    await d.page.locator('#goal-amount').fill('42');
    await d.page.locator('#goal-amount').focus();
    await d.push(f.everyGoalStatus);
    expect(await d.page.locator('#goals li.goal').count()).toBe(f.everyGoalStatus.goals.length);
    expect(await d.page.locator('#goal-amount').inputValue()).toBe('42');
    expect(await d.page.evaluate(() => document.activeElement?.id)).toBe('goal-amount');
  });

  it('removes a goal from a button that names it, then keeps the keyboard in the section; a refusal shows', async () => {
    const d = await open(f.connected);
    const ride = f.connected.goals.find((view) => view.goal.sport === 'ride')!;
    expect(ride.text.title).toBe('Ride · 150 km a week');
    await d.page.getByRole('button', { name: 'Remove goal: Ride · 150 km a week' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'removeGoal', args: [ride.goal.id] }]);
    await d.page.locator('#goals-title:focus').waitFor();
    d.setResult('removeGoal', { ok: false, message: `There is no goal ${ride.goal.id}; nothing was changed.` });
    await d.page.getByRole('button', { name: 'Remove goal: Ride · 150 km a week' }).click();
    await waitForText(d.page.locator('#goals > .action-error'), `There is no goal ${ride.goal.id}; nothing was changed.`);
  });
});

describe('recent activities', () => {
  it('lists the latest activities with sport, distance, time and date in core\'s words, each opening on Strava', async () => {
    const recent = f.connected.data!.recent;
    expect(recent.length).toBeGreaterThan(2);
    const d = await open(f.connected);
    const items = d.page.locator('#recent li.recent-item');
    expect(await items.count()).toBe(recent.length);
    for (const [index, activity] of recent.entries()) {
      const item = items.nth(index);
      expect(await item.locator('.recent-name').innerText()).toBe(activity.name);
      expect(await item.locator('.recent-figures').innerText()).toBe([activity.text.sport, activity.text.distance, activity.text.time].filter((part) => part !== null).join(' · '));
      expect(await item.locator('time').innerText()).toBe(activity.text.date);
      expect(await item.locator('time').getAttribute('datetime')).toBe(activity.startLocal);
      // "View on Strava" on every row, each described by its activity's name.
      const button = item.getByRole('button', { name: 'View on Strava' });
      const described = await button.getAttribute('aria-describedby');
      expect(await d.page.locator(`#${described}`).innerText()).toBe(activity.name);
    }
    // Yoga has no distance: its row says the sport and the time only.
    const yoga = recent.find((activity) => activity.sportType === 'Yoga')!;
    expect(await d.page.locator(`li[data-activity="${yoga.id}"] .recent-figures`).innerText()).toBe('Yoga · 1h 00m');
    await items.nth(1).getByRole('button', { name: 'View on Strava' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'openActivityOnStrava', args: [recent[1]!.id] }]);
  });

  it('shows a refused open on its row, and says so when there is nothing yet', async () => {
    const d = await open(f.connected);
    d.setResult('openActivityOnStrava', { ok: false, message: 'That activity is not in your history.' });
    const first = d.page.locator('#recent li.recent-item').first();
    await first.getByRole('button', { name: 'View on Strava' }).click();
    await waitForText(first.locator('.action-error'), 'That activity is not in your history.');
    await d.push(withState(f.connected, { data: { ...f.connected.data!, recent: [] } }));
    expect(await d.page.locator('#recent').innerText()).toContain('No activities yet');
  });
});

describe('settings: units, the glance, notifications', () => {
  async function openSettings(state: DashboardState): Promise<FakeDashboardPage> {
    const d = await open(state);
    await d.page.getByText('Settings', { exact: true }).click();
    return d;
  }

  it('units: a third choice follows Strava, says which units that gives now, and is sent as null', async () => {
    const d = await openSettings(f.connected);
    const units = d.page.getByLabel('Units');
    expect(await units.inputValue()).toBe('strava');
    expect(await units.locator('option:checked').innerText()).toBe('Follow Strava (metric)');
    await units.selectOption('metric');
    await units.selectOption('strava');
    expect(await d.waitForActions(2)).toEqual([
      { method: 'updateSettings', args: [{ units: 'metric' }] },
      { method: 'updateSettings', args: [{ units: null }] },
    ]);
    await d.push(withState(f.connected, { settings: { units: 'imperial', stravaUnits: 'imperial' } }));
    expect(await units.locator('option[value="strava"]').innerText()).toBe('Follow Strava (imperial)');
    // Chosen by hand, the choice shows as it is, not as "follow".
    await d.push(withState(f.connected, { settings: { units: 'imperial', unitChoice: 'imperial', stravaUnits: 'metric' } }));
    expect(await units.inputValue()).toBe('imperial');
  });

  it('the menu-bar title only where there is a menu bar to show it (macOS)', async () => {
    const d = await openSettings(f.connected);
    expect(await d.page.getByLabel('Menu bar title').isVisible()).toBe(false);
    await d.push(withState(f.connected, { desktop: { ...f.connected.desktop, menuBarTitleAvailable: true } }));
    const title = d.page.getByLabel('Menu bar title');
    expect(await title.isVisible()).toBe(true);
    expect(await title.inputValue()).toBe('goal');
    await title.selectOption('week');
    await title.selectOption('off');
    expect(await d.waitForActions(2)).toEqual([
      { method: 'updateSettings', args: [{ menuBarTitle: 'week' }] },
      { method: 'updateSettings', args: [{ menuBarTitle: 'off' }] },
    ]);
  });

  it('the tray icon: the goal ring or the plain mark', async () => {
    const d = await openSettings(f.connected);
    const icon = d.page.getByLabel('Tray icon');
    expect(await icon.inputValue()).toBe('ring');
    await icon.selectOption('plain');
    expect(await d.waitForActions(1)).toEqual([{ method: 'updateSettings', args: [{ trayIcon: 'plain' }] }]);
  });

  it('notifications: a goal reached, and a weekly summary off or on a weekday at a time', async () => {
    const d = await openSettings(f.connected);
    const { page } = d;
    await page.getByLabel('When a goal is reached').check();
    const weekly = page.getByLabel('Weekly summary');
    expect(await weekly.isChecked()).toBe(false);
    expect(await page.locator('#setting-weekly-day').isVisible()).toBe(false);
    await weekly.check();
    expect(await d.waitForActions(2)).toEqual([
      { method: 'updateSettings', args: [{ notifyGoalReached: true }] },
      { method: 'updateSettings', args: [{ weeklySummaryAt: { weekday: 7, minute: 18 * 60 } }] },
    ]);
    // Main stores it and pushes it back: Wednesday 07:30 as it was set elsewhere (the CLI).
    await d.push(withState(f.connected, { settings: { notifyGoalReached: true, weeklySummaryAt: { weekday: 3, minute: 7 * 60 + 30 } } }));
    expect(await page.getByLabel('When a goal is reached').isChecked()).toBe(true);
    const day = page.locator('#setting-weekly-day');
    const time = page.locator('#setting-weekly-time');
    expect(await day.inputValue()).toBe('3');
    expect(await day.locator('option:checked').innerText()).toBe('Wednesday');
    expect(await time.inputValue()).toBe('07:30');
    await day.selectOption('5');
    await time.fill('06:15');
    await page.getByLabel('Weekly summary').uncheck();
    const actions = await d.waitForActions(5);
    expect(actions.slice(2)).toEqual([
      { method: 'updateSettings', args: [{ weeklySummaryAt: { weekday: 5, minute: 7 * 60 + 30 } }] },
      { method: 'updateSettings', args: [{ weeklySummaryAt: { weekday: 5, minute: 6 * 60 + 15 } }] },
      { method: 'updateSettings', args: [{ weeklySummaryAt: null }] },
    ]);
  });
});

describe('accessibility of the new sections', () => {
  it.each(['light', 'dark'] as const)('the goals form with an error and the weekly summary set: axe finds nothing (%s)', async (colorScheme) => {
    const d = await open(withState(f.everyGoalStatus, { settings: { weeklySummaryAt: { weekday: 7, minute: 1080 } }, desktop: { ...f.connected.desktop, menuBarTitleAvailable: true } }), { colorScheme, bypassCSP: true });
    await openGoalForm(d);
    await d.page.getByRole('button', { name: 'Add goal' }).click();
    await waitForText(d.page.locator('#goal-error'), 'Enter a target: a number of km.');
    await d.page.getByLabel('Measure', { exact: true }).selectOption('time');
    await d.page.getByText('Settings', { exact: true }).click();
    expect(await d.runAxe()).toEqual([]);
  });
});
