// The built `pacebar config` and `pacebar goals` as subprocesses: every settable key round-trips
// through the settings file, bad input changes no byte of it, and the goals in every format carry
// the figures of the dashboard's DashboardState (engine.viewState) for the same folder.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../cli/context';
import { CLI_WALK_STEPS, walkSteps } from '../../cli/commands/status';
import { GOAL_WAYBAR_CLASS } from '../../cli/goalFormats';
import { GOALS_MAX, settingsDefaults, type DashboardState, type Goal, type GoalView } from '../../core/domain';
import type { PacebarEngine } from '../../core/engine/engine';
import { browserConsentRunner } from '../../core/oauth/browserConsent';
import { SETTING_TEXTS, settingsPatchFromText } from '../../core/store/settingsText';
import { simulatedBrowser } from '../../sim/browser';
import { DEMO_CLIENT, startStravaSim, type StravaSim } from '../../sim/index';
import { buildCliOnce, deadPort, newAccount, type Account, type RunResult } from './cliHarness';

const sims: StravaSim[] = [];
const accounts: Account[] = [];
/** Accounts that signed in: logged out at the end so the test keyring keeps nothing. */
const signedIn: Account[] = [];

function account(baseUrl = 'http://127.0.0.1:9'): Account {
  const created = newAccount(baseUrl);
  accounts.push(created);
  return created;
}

function expectOneErrorLine(result: RunResult, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pacebar: /);
  expect(lines[0]).toMatch(pattern);
}

function ok(result: RunResult): string {
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

function storedSettings(a: Account): Record<string, unknown> {
  return JSON.parse(readFileSync(join(a.configDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

/** No keychain (no D-Bus session) and no Strava: what `config` and `goals add/remove` must not need. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined };

async function offline(): Promise<Record<string, string | undefined>> {
  return { ...NO_KEYCHAIN, STRAVA_BASE_URL: `http://127.0.0.1:${await deadPort()}` };
}

/** The command's own engine for this account, built in-process exactly as `pacebar` builds it. */
async function withEngine<T>(a: Account, work: (engine: PacebarEngine) => Promise<T>, readOnly = false): Promise<T> {
  const ctx = createContext({ env: a.env(), platform: process.platform, stdin: process.stdin, out: () => {}, err: () => {}, errText: () => {}, signal: new AbortController().signal });
  try {
    return await work(await ctx.engine({ readOnly }));
  } finally {
    await ctx.close();
  }
}

/** Signed in against a simulator of its own, with the history counted (as `pacebar login` leaves it). */
async function connectedAccount(): Promise<{ strava: StravaSim; a: Account }> {
  const strava = await startStravaSim({ now: Date.now() });
  sims.push(strava);
  const a = account(strava.baseUrl);
  signedIn.push(a);
  await withEngine(a, async (engine) => {
    await engine.credentials.save(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret);
    await engine.signIn(browserConsentRunner({ stravaBaseUrl: strava.baseUrl, openExternal: simulatedBrowser() }), { signal: new AbortController().signal });
    await walkSteps(engine, CLI_WALK_STEPS);
  });
  return { strava, a };
}

/** The dashboard's view model for the account's folder, composed in this process from the same files. */
function dashboardState(a: Account): Promise<DashboardState> {
  return withEngine(
    a,
    async (engine) =>
      engine.viewState({
        connection: { kind: 'connected' },
        missingScopes: [],
        sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null },
        about: { version: 'test', update: { kind: 'off' } },
      }),
    true,
  );
}

/**
 * The command ran between `before` and `after`: each goal's figures are those of one of the two
 * (the share of the period gone moves with the clock; what is done does not).
 */
function expectGoalFrom(printed: Record<string, any>, before: GoalView, after: GoalView): void {
  expect(printed).toMatchObject({ id: before.goal.id, sport: before.goal.sport, period: before.goal.period, measure: before.goal.measure, target: before.goal.target });
  expect(printed.done).toBe(before.done);
  expect(printed.done).toBe(after.done);
  expect(printed.period_key).toBe(before.periodKey);
  expect(printed.elapsed).toBeGreaterThanOrEqual(before.elapsed);
  expect(printed.elapsed).toBeLessThanOrEqual(after.elapsed);
  expect(printed.delta).toBeLessThanOrEqual(before.delta);
  expect(printed.delta).toBeGreaterThanOrEqual(after.delta);
  expect([before.status, after.status]).toContain(printed.status);
  expect([before.text, after.text]).toContainEqual(printed.text);
}

beforeAll(() => {
  buildCliOnce();
});

afterAll(async () => {
  for (const a of signedIn) await a.run(['logout', '--forget-credentials']);
  for (const s of sims) await s.close();
  for (const a of accounts) a.dispose();
}, 90_000);

describe('pacebar config', { timeout: 300_000 }, () => {
  it('prints every setting as key = value without a keychain or Strava, and gets one alone', async () => {
    const a = account();
    const env = await offline();
    const lines = ok(await a.run(['config'], { env })).trimEnd().split('\n');
    expect(lines).toEqual(SETTING_TEXTS.map((entry) => `${entry.key} = ${(entry.print as (value: unknown) => string)(settingsDefaults[entry.setting])}`));
    expect(lines).toContain('units = strava');
    expect(ok(await a.run(['config', 'get', 'refresh-interval'], { env }))).toBe('15\n');
    expect(readdirSync(a.scratch)).not.toContain('config'); // reading created nothing
  });

  it('round-trips every settable key through the settings file', async () => {
    const a = account();
    const env = await offline();
    const values: Record<string, string> = {
      'primary-sport': 'fitness',
      units: 'imperial',
      'ebike-rides-as-rides': 'on',
      'refresh-interval': '1440',
      'menu-bar-title': 'week',
      'tray-icon': 'plain',
      'notify-goal-reached': 'on',
      'weekly-summary': 'sun 20:00',
      'sign-in-method': 'browser',
    };
    const settable = SETTING_TEXTS.filter((entry) => !entry.readOnly);
    expect(Object.keys(values).sort()).toEqual(settable.map((entry) => entry.key).sort());
    for (const entry of settable) {
      // Not the default, so the change shows. `set` prints the value read back from the file.
      expect(values[entry.key]).not.toBe((entry.print as (value: unknown) => string)(settingsDefaults[entry.setting]));
      expect(ok(await a.run(['config', 'set', entry.key, values[entry.key]!], { env }))).toBe(`${entry.key} = ${values[entry.key]}\n`);
    }
    // Another process reads every one back from the file, and the file holds what the app would store.
    const listed = ok(await a.run(['config'], { env })).trimEnd().split('\n');
    expect(listed).toEqual(SETTING_TEXTS.map((entry) => `${entry.key} = ${values[entry.key] ?? (entry.print as (value: unknown) => string)(settingsDefaults[entry.setting])}`));
    expect(storedSettings(a)).toMatchObject({
      primarySport: 'fitness',
      units: 'imperial',
      eBikeRidesAsRides: true,
      refreshIntervalMinutes: 1440,
      menuBarTitle: 'week',
      trayIcon: 'plain',
      notifyGoalReached: true,
      weeklySummaryAt: { weekday: 7, minute: 1200 },
      signInMethod: 'browser',
    });
  });

  it('normalises what it reads ("Sunday 8:05" is sun 08:05, in 2 words or 1); units strava is stored as null', async () => {
    const a = account();
    const env = await offline();
    expect(ok(await a.run(['config', 'set', 'weekly-summary', 'Sunday', '8:05'], { env }))).toBe('weekly-summary = sun 08:05\n');
    expect(storedSettings(a).weeklySummaryAt).toEqual({ weekday: 7, minute: 485 });
    expect(ok(await a.run(['config', 'set', 'refresh-interval', '30m'], { env }))).toBe('refresh-interval = 30\n');
    // "strava" is the way back to following the athlete's preference: stored as null, as the app does.
    ok(await a.run(['config', 'set', 'units', 'Imperial'], { env }));
    expect(storedSettings(a).units).toBe('imperial');
    expect(ok(await a.run(['config', 'set', 'units', 'strava'], { env }))).toBe('units = strava\n');
    expect(storedSettings(a).units).toBeNull();
  });

  it('refuses bad keys and values (config and goals) in one line, exit 2, with the settings file byte-identical', async () => {
    const a = account();
    const env = await offline();
    ok(await a.run(['config', 'set', 'units', 'imperial'], { env }));
    ok(await a.run(['goals', 'add', '--sport', 'ride', '--period', 'week', '--distance', '150km'], { env }));
    const file = join(a.configDir, 'settings.json');
    const bytes = readFileSync(file);
    const names = readdirSync(a.configDir).sort();
    const cases: [string[], RegExp][] = [
      [['config', 'set', 'colour', 'blue'], /Unknown setting\. Settings: primary-sport, units/],
      [['config', 'set', 'units', 'furlongs'], /units takes metric, imperial or strava/],
      [['config', 'set', 'primary-sport', 'rowing'], /run, ride, swim, walk, ebike, winter, water, fitness or other/],
      [['config', 'set', 'refresh-interval', '5'], /from 15 to 1440/],
      [['config', 'set', 'menu-bar-title', 'always'], /goal, week or off/],
      [['config', 'set', 'tray-icon', 'bar'], /ring or plain/],
      [['config', 'set', 'ebike-rides-as-rides', 'maybe'], /on or off/],
      [['config', 'set', 'notify-goal-reached', '2'], /on or off/],
      [['config', 'set', 'weekly-summary', 'sun 25:00'], /"sun 20:00", or off/],
      [['config', 'set', 'sign-in-method', 'carrier-pigeon'], /window or browser/],
      [['config', 'set', 'client-id', '12345'], /pacebar setup --client-id ID/],
      [['config', 'set', 'launch-at-login', 'on'], /app's settings/],
      [['goals', 'add', '--sport', 'ride', '--period', 'week', '--distance', '150'], /km, mi, m or yd/],
      [['goals', 'add', '--sport', 'ride', '--period', 'week', '--count', '0'], /positive amount/],
      [['goals', 'add', '--sport', 'ride', '--period', 'week', '--distance', '2000000km'], /at most 1,000,000 km/],
      [['goals', 'add', '--sport', 'ride', '--period', 'week', '--time', '5h', '--count', '3'], /one of --distance/],
      [['goals', 'remove', '9'], /There is no goal 9; nothing was changed/],
    ];
    const results = await Promise.all(cases.map(([args]) => a.run(args, { env })));
    results.forEach((result, index) => expectOneErrorLine(result, cases[index]![1]));
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(a.configDir).sort()).toEqual(names);
  });

  it(`refuses a goal beyond ${GOALS_MAX}, and any goal edit over a stored goal it cannot read, without writing`, async () => {
    const full = account();
    const env = await offline();
    ok(await full.run(['config', 'set', 'primary-sport', 'ride'], { env }));
    const goals: Goal[] = Array.from({ length: GOALS_MAX }, (_, index) => ({ id: index + 1, sport: 'run', period: 'week', measure: 'count', target: index + 1 }));
    await withEngine(full, async (engine) => void engine.settings.update({ goals }));
    const bytes = readFileSync(join(full.configDir, 'settings.json'));
    expectOneErrorLine(await full.run(['goals', 'add', '--sport', 'run', '--period', 'week', '--count', '3'], { env }), new RegExp(`up to ${GOALS_MAX} goals`));
    expect(readFileSync(join(full.configDir, 'settings.json')).equals(bytes)).toBe(true);

    // A goal edited by hand (or by a newer Pacebar): writing the list back would lose it.
    const edited = account();
    ok(await edited.run(['goals', 'add', '--sport', 'ride', '--period', 'week', '--distance', '150km'], { env }));
    const file = join(edited.configDir, 'settings.json');
    const settings = storedSettings(edited);
    writeFileSync(file, JSON.stringify({ ...settings, goals: [...(settings.goals as Goal[]), { id: 2, sport: 'ride', period: 'fortnight', measure: 'distance', target: 1 }] }, null, '\t'));
    const handEdited = readFileSync(file);
    for (const args of [['goals', 'add', '--sport', 'run', '--period', 'week', '--count', '3'], ['goals', 'remove', '1']]) {
      expectOneErrorLine(await edited.run(args, { env }), /a goal Pacebar cannot read .*nothing was changed\. Fix or delete it under "goals" in settings\.json/);
    }
    expect(readFileSync(file).equals(handEdited)).toBe(true);
  });
});

// Many pacebar subprocesses in a row: minutes on a loaded 2-core machine (121 s seen at load 20).
describe('pacebar goals', { timeout: 300_000 }, () => {
  it('adds and removes goals without a keychain or Strava, naming each', async () => {
    const a = account();
    const env = await offline();
    expect(ok(await a.run(['goals'], { env }))).toMatch(/^No goals yet\. Add one: pacebar goals add /);
    expect(ok(await a.run(['goals', 'add', '--sport', 'ride', '--period', 'week', '--distance', '150km'], { env }))).toBe('Added goal 1: Ride · 150 km a week\n');
    expect(ok(await a.run(['goals', 'add', '--sport', 'run', '--period', 'month', '--time', '5h30m'], { env }))).toBe('Added goal 2: Run · 5h 30m a month\n');
    expect(ok(await a.run(['goals', 'add', '--sport', 'ride', '--period', 'year', '--elevation', '6500ft'], { env }))).toBe('Added goal 3: Ride · 1,981 m of climbing a year\n');
    ok(await a.run(['config', 'set', 'units', 'imperial'], { env }));
    expect(ok(await a.run(['goals', 'add', '--sport', 'swim', '--period', 'week', '--count', '3'], { env }))).toBe('Added goal 4: Swim · 3 swims a week\n');
    expect(ok(await a.run(['goals', 'remove', '2'], { env }))).toBe('Removed goal 2: Run · 5h 30m a month\n');
    expect(ok(await a.run(['goals', 'add', '--sport', 'walk', '--period', 'week', '--distance', '20mi'], { env }))).toBe('Added goal 5: Walk & hike · 20.0 mi a week\n');
    expect(storedSettings(a).goals).toEqual([
      { id: 1, sport: 'ride', period: 'week', measure: 'distance', target: 150_000 },
      { id: 3, sport: 'ride', period: 'year', measure: 'elevation', target: 1981.2 },
      { id: 4, sport: 'swim', period: 'week', measure: 'count', target: 3 },
      { id: 5, sport: 'walk', period: 'week', measure: 'distance', target: 32186.88 },
    ]);
    // Without goals nothing is fetched; with goals but no account, listing says to set one up.
    const listing = await a.run(['goals', '--format', 'json'], { env });
    expect(listing.code).toBe(3);
    expect(listing.stderr).toMatch(/^pacebar: No Strava API application set up/);
    const waybar = await a.run(['goals', '--format', 'waybar'], { env });
    expect(waybar.code).toBe(0);
    expect(JSON.parse(waybar.stdout)).toMatchObject({ class: 'disconnected' });
  });

  it("prints in text, json and waybar the figures of the dashboard's view model for the same folder", async () => {
    const { a } = await connectedAccount();
    for (const args of [
      ['--sport', 'run', '--period', 'week', '--distance', '30km'],
      ['--sport', 'ride', '--period', 'month', '--time', '12h'],
      ['--sport', 'run', '--period', 'year', '--count', '150'],
      ['--sport', 'ride', '--period', 'year', '--elevation', '20000m'],
    ]) {
      ok(await a.run(['goals', 'add', ...args]));
    }
    const before = await dashboardState(a);
    const json = JSON.parse(ok(await a.run(['goals', '--format', 'json', '--offline'])));
    const text = ok(await a.run(['goals', '--offline'])).trimEnd().split('\n');
    const waybar = JSON.parse(ok(await a.run(['goals', '--format', 'waybar', '--offline'])));
    const after = await dashboardState(a);

    expect(before.goals).toHaveLength(4);
    // Not all counting: the history reaches back to the start of the year.
    expect(before.goals.every((goal) => goal.status !== 'counting')).toBe(true);
    expect(before.goals.some((goal) => goal.done > 0)).toBe(true);
    expect(json).toMatchObject({ version: 1, units: before.settings.units, updated_at: before.data!.updatedAt, stale: false });
    expect(json.goals).toHaveLength(4);
    json.goals.forEach((goal: Record<string, any>, index: number) => expectGoalFrom(goal, before.goals[index]!, after.goals[index]!));

    expect(text).toHaveLength(4);
    text.forEach((line, index) => {
      const [first, last] = [before.goals[index]!, after.goals[index]!];
      expect([`#${first.goal.id} ${first.text.line}`, `#${last.goal.id} ${last.text.line}`]).toContain(line);
    });

    expect([before.goals[0]!.text.short, after.goals[0]!.text.short]).toContain(waybar.text);
    expect(waybar.class).toBe(GOAL_WAYBAR_CLASS[before.goals[0]!.status]);
    expect(waybar.tooltip.split('\n')).toHaveLength(5);
  });

  it('fetches as status does: --offline never asks Strava, --refresh counts a new activity at once', async () => {
    const { strava, a } = await connectedAccount();
    ok(await a.run(['goals', 'add', '--sport', 'run', '--period', 'week', '--distance', '500km']));
    const requests = strava.count();
    const cached = JSON.parse(ok(await a.run(['goals', '--format', 'json'])));
    expect(strava.count()).toBe(requests); // fresh cache: nobody asked
    strava.addActivity({ sport_type: 'Run', distance: 12_345, moving_time: 3600, total_elevation_gain: 50, start: Date.now() - 60_000 });
    const offline = JSON.parse(ok(await a.run(['goals', '--format', 'json', '--offline'])));
    expect(offline.goals[0].done).toBe(cached.goals[0].done);
    expect(strava.count()).toBe(requests);
    const refreshed = JSON.parse(ok(await a.run(['goals', '--format', 'json', '--refresh'])));
    expect(strava.count()).toBeGreaterThan(requests);
    expect(refreshed.goals[0].done).toBeCloseTo(cached.goals[0].done + 12_345, 3);
    expect(refreshed.goals[0].done).toBe((await dashboardState(a)).goals[0]!.done);
  });
});
