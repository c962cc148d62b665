// The history against the simulator's ground truth: a long, varied history backfilled over real
// HTTP, kept exact through edits and deletions, within the request budget.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeMarkup, statusJson, statusText, statusWaybar, type JsonPeriod } from '../../../cli/formats';
import { PERIODS, SPORTS, type Period, type Sport, type Totals } from '../../../core/domain';
import { formatFamilyDistance, formatHours } from '../../../core/view/format';
import { FAMILY_DISPLAY } from '../../../core/view/labels';
import { trayMenuModel } from '../../../main/tray/trayMenuModel';
import type { PacebarEngine } from '../../../core/engine/engine';
import { zoneOffsetSeconds } from '../../../sim/time';
import { truthTotals } from '../../support/groundTruth';
import { DEEP, propertyTest } from '../../support/properties';
import { connect, startHarness, type Harness } from './harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const NOW = Date.UTC(2026, 2, 30, 9, 15); // the Monday after Europe's switch to summer time
const live = {
  connection: { kind: 'connected' as const },
  missingScopes: [],
  sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null },
  about: { version: '0.0.0-test', update: { kind: 'off' as const } },
};
const JSON_PERIOD: Record<Period, JsonPeriod> = { week: 'week', fourWeeks: 'four_weeks', ytd: 'ytd', allTime: 'all_time' };
const ZONE = 'America/New_York';

async function historyHarness(count: number, zone = ZONE): Promise<Harness> {
  return startHarness({
    sim: { now: NOW, seed: 99, history: { count, years: 10, timeZone: zone } },
    utcOffsetMinutes: (now) => zoneOffsetSeconds(zone, now) / 60,
  });
}

/** Steps until every walk is done, moving the simulated clock to each pacing reset; returns the pages read. */
async function walkToTheEnd(harness: Harness, engine: PacebarEngine = harness.engine): Promise<number> {
  let pages = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const outcome = await engine.historyStep();
    if (outcome.status === 'stepped') pages += 1;
    else if (outcome.status === 'paced') harness.sim.clock.set(Math.max(harness.sim.clock.now(), outcome.retryAt) + 1000);
    else return pages;
  }
  throw new Error('the walk did not end');
}

function expectTotals(actual: Totals, expected: Totals, what: string): void {
  expect(actual.count, `${what} count`).toBe(expected.count);
  expect(actual.distance, `${what} distance`).toBeCloseTo(expected.distance, 3);
  expect(actual.movingTime, `${what} moving time`).toBe(expected.movingTime);
  expect(actual.elevationGain, `${what} elevation`).toBeCloseTo(expected.elevationGain, 3);
}

describe('backfill', () => {
  it('reads 1,000 activities in ceil(N/200)+2 requests at most, never draws a 429, and every figure equals the ground truth', async () => {
    h = await historyHarness(1000);
    h.sim.clearRequests();
    await connect(h);
    const pages = await walkToTheEnd(h);
    const lists = h.sim.count({ path: '/api/v3/athlete/activities' });
    const n = h.sim.activities().length;
    expect(lists).toBeLessThanOrEqual(Math.ceil(n / 200) + 2);
    expect(lists).toBe(pages + 1); // the first page came with the connect
    expect(h.sim.requests.filter((r) => r.status === 429)).toEqual([]);
    const state = h.engine.viewState(live);
    const stats = state.data!.stats;
    expect(stats.history).toMatchObject({ state: 'complete', counted: n, includesPrivate: true });
    const options = { now: h.sim.clock.now(), homeZone: ZONE, includesPrivate: true };
    for (const sport of SPORTS) {
      for (const period of PERIODS) {
        expect(stats.families[sport].sources[period]).toBe('history');
        expectTotals(stats.families[sport].totals[period], truthTotals(h.sim.activities(), sport, period, options), `${sport} ${period}`);
      }
    }
  });
});


function expectTruth(harness: Harness, includesPrivate: boolean, engine: PacebarEngine = harness.engine): void {
  const stats = engine.viewState(live).data!.stats;
  const options = { now: harness.sim.clock.now(), homeZone: harness.sim.timeZone, includesPrivate };
  for (const sport of SPORTS) {
    for (const period of PERIODS) expectTotals(stats.families[sport].totals[period], truthTotals(harness.sim.activities(), sport, period, options), `${sport} ${period}`);
  }
}

const DAY = 86_400_000;

describe('kept exact afterwards', () => {
  it('catches recent edits and deletions with the daily re-read and old ones with the weekly rescan', async () => {
    h = await historyHarness(600);
    await connect(h);
    await walkToTheEnd(h);
    const all = [...h.sim.activities()].sort((a, b) => b.start - a.start);
    const recent = all.filter((a) => a.start > NOW - 20 * DAY);
    const old = all.filter((a) => a.start < NOW - 3 * 365 * DAY);
    h.sim.editActivity(recent[0]!.id, { distance: recent[0]!.distance + 5000 });
    h.sim.deleteActivity(recent[1]!.id);
    h.sim.deleteActivity(old[0]!.id);
    h.sim.editActivity(old[1]!.id, { sport_type: 'Swim' });

    // Polls alone see none of it (the list does not announce edits).
    h.sim.clock.advance(15 * 60_000);
    await h.engine.sync();
    expect(await walkToTheEnd(h)).toBe(0);

    h.sim.clock.advance(DAY);
    h.sim.clearRequests();
    await h.engine.sync();
    const recentPages = await walkToTheEnd(h);
    expect(recentPages).toBeGreaterThanOrEqual(1);
    const counted = h.engine.history.read().activities;
    expect(counted.find((a) => a.id === recent[0]!.id)?.distance).toBe(recent[0]!.distance);
    expect(counted.some((a) => a.id === recent[1]!.id)).toBe(false);
    expect(counted.some((a) => a.id === old[0]!.id)).toBe(true); // older than the recent weeks

    h.sim.clock.advance(7 * DAY);
    await h.engine.sync();
    await walkToTheEnd(h);
    expect(h.engine.history.read().activities.some((a) => a.id === old[0]!.id)).toBe(false);
    expectTruth(h, true);
  });
});

describe('without activity:read_all', () => {
  it('counts Everyone and Followers activities, and differs from the stats endpoint by exactly the Followers ones', async () => {
    h = await historyHarness(800);
    await connect(h, { uncheck: ['activity:read_all'] });
    await walkToTheEnd(h);
    const view = h.engine.viewState(live).data!.stats;
    expect(view.history).toMatchObject({ includesPrivate: false, readsActivities: true, state: 'complete' });
    expect(h.engine.history.read().activities.some((a) => a.visibility === 'only_me')).toBe(false);
    expectTruth(h, false);
    const endpoint = h.engine.cache.read().stats!;
    const options = { now: h.sim.clock.now(), homeZone: ZONE, includesPrivate: false };
    for (const sport of ['run', 'ride', 'swim'] as const) {
      for (const [period, key] of [['fourWeeks', 'recent'], ['ytd', 'ytd'], ['allTime', 'all']] as const) {
        const followers = truthTotals(h.sim.activities(), sport, period, options, (a) => a.visibility === 'followers_only');
        const ours = view.families[sport].totals[period];
        const theirs = endpoint[`${key}_${sport}_totals`];
        expect(ours.count - theirs.count, `${sport} ${period}`).toBe(followers.count);
        expect(ours.distance - theirs.distance).toBeCloseTo(followers.distance, 0);
      }
    }
  });
});

describe('faults', () => {
  it('a 429 in the middle of the backfill stops it until the window resets, and it resumes where it stopped', async () => {
    h = await historyHarness(1000);
    await connect(h);
    await h.engine.historyStep();
    await h.engine.historyStep();
    h.sim.inject({ path: '/api/v3/athlete/activities', times: 1, action: { kind: 'status', status: 429, headers: { 'X-ReadRateLimit-Limit': '100,1000', 'X-ReadRateLimit-Usage': '101,300' } } });
    await expect(h.engine.historyStep()).rejects.toMatchObject({ code: 'rate_limited' });
    h.sim.clearRequests();
    const paced = await h.engine.historyStep();
    expect(paced.status).toBe('paced');
    expect(h.sim.requests).toEqual([]); // nothing leaves while the window is spent
    await walkToTheEnd(h);
    const ids = h.engine.history.read().activities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(h.sim.activities().length);
    expectTruth(h, true);
  });

  it('a crash between reading a page and saving it resumes at that page, with nothing counted twice', async () => {
    h = await historyHarness(1000);
    await connect(h);
    await h.engine.historyStep();
    const before = h.engine.history.read().walks.backfill.before;
    // The process dies after the page arrived and before it was written.
    const update = h.engine.history.update.bind(h.engine.history);
    h.engine.history.update = async () => {
      throw new Error('killed');
    };
    await expect(h.engine.historyStep()).rejects.toThrow('killed');
    h.engine.history.update = update;
    const restarted = h.sibling();
    expect(restarted.history.read().walks.backfill.before).toBe(before);
    h.sim.clearRequests();
    const pages = await walkToTheEnd(h, restarted);
    // It asks again for the page that was lost, and the whole backfill stays within its budget.
    expect(h.sim.requests.find((r) => r.path === '/api/v3/athlete/activities')?.query.before).toBe(String(before));
    expect(pages + 2).toBeLessThanOrEqual(Math.ceil(h.sim.activities().length / 200) + 2);
    expectTruth(h, true, restarted);
  });

  it('a damaged history file is rebuilt, not trusted', async () => {
    h = await historyHarness(500);
    await connect(h);
    await walkToTheEnd(h);
    const path = h.engine.history.path;
    const { readFileSync, writeFileSync } = await import('node:fs');
    const text = readFileSync(path, 'utf8');
    // A duplicated id (decodes as JSON, breaks a rule): all of it is refused.
    writeFileSync(path, text.replace(/"id":\[(\d+),/, '"id":[$1,$1,').replace(/"name":\[/, '"name":["x",'));
    const detailed = h.engine.history.readDetailed();
    expect(detailed.damaged).toBe(true);
    expect(detailed.data.activities).toEqual([]);
    writeFileSync(path, text.slice(0, text.length / 2));
    expect(h.engine.history.readDetailed().damaged).toBe(true);
    h.sim.clock.advance(15 * 60_000);
    await h.engine.sync();
    await walkToTheEnd(h);
    expect(h.engine.history.readDetailed().damaged).toBe(false);
    expectTruth(h, true);
  });

  it('the app and the CLI walking and polling at the same time end with one consistent history', async () => {
    h = await historyHarness(1500);
    await connect(h);
    const cli = h.sibling();
    h.sim.addActivity({ sport_type: 'Run', distance: 8000, moving_time: 2400, start: NOW - 60_000 });
    const both = await Promise.all([walkToTheEnd(h), walkToTheEnd(h, cli), h.engine.sync(), cli.sync()]);
    expect(both[0] + both[1]).toBeGreaterThan(0);
    await walkToTheEnd(h);
    const ids = h.engine.history.read().activities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(h.sim.activities().length);
    expect(h.sim.requests.filter((r) => r.status === 429)).toEqual([]);
    expectTruth(h, true);
    expectTruth(h, true, cli);
  });
});

describe('every surface equals the ground truth', () => {
  const ZONES = ['America/New_York', 'Europe/Oslo', 'Australia/Sydney', 'Asia/Kolkata', 'America/Los_Angeles'];

  it('for generated athletes (seed, home zone with or without DST, size): tray, CLI text, json and waybar show the simulator\'s own figures, and differ from Strava\'s stats by exactly the non-public activities', propertyTest, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(...ZONES), fc.integer({ min: 150, max: 900 }), fc.constantFrom('run', 'ride', 'swim', 'walk', 'fitness'), async (seed, zone, count, primary) => {
        await h?.close();
        h = await startHarness({ sim: { now: NOW + seed * 60_000, seed, history: { count, years: 10, timeZone: zone } }, utcOffsetMinutes: (now) => zoneOffsetSeconds(zone, now) / 60 });
        await connect(h);
        await walkToTheEnd(h);
        h.engine.settings.update({ primarySport: primary as Sport });
        const state = h.engine.viewState(live);
        const data = state.data!;
        const options = { now: h.sim.clock.now(), homeZone: zone, includesPrivate: true };
        const truth = (sport: Sport, period: Period) => truthTotals(h!.sim.activities(), sport, period, options);
        const cache = h.engine.cache.read();
        const view = { state: { ...state, data }, athlete: cache.athlete!, stats: cache.stats, now: h.sim.clock.now(), utcOffsetMinutes: (at: number) => h!.engine.utcOffsetMinutes(at) };

        // json: every family the athlete does, every period.
        const json = statusJson(view);
        for (const sport of data.stats.active) {
          for (const period of PERIODS) {
            const expected = truth(sport, period);
            const shown = json.totals[sport]![JSON_PERIOD[period]];
            expect(shown.count, `${sport} ${period}`).toBe(expected.count);
            expect(shown.distance).toBeCloseTo(expected.distance, 3);
            expect(shown.moving_time).toBe(expected.movingTime);
          }
        }
        // Families the athlete does not do are none of the shown ones, and have no activity in truth.
        for (const sport of SPORTS.filter((s) => !data.stats.active.includes(s))) expect(truth(sport, 'allTime').count).toBe(0);

        // text and tray: the primary sport's week and year, formatted from the truth.
        const display = FAMILY_DISPLAY[primary as Sport];
        const figure = (t: Totals) => (display.distance === null ? formatHours(t.movingTime) : formatFamilyDistance(t.distance, display.distance, state.settings.units));
        const line = `${display.label} · week ${figure(truth(primary as Sport, 'week'))} · YTD ${figure(truth(primary as Sport, 'ytd'))}`;
        expect(statusText(view)).toBe(line);
        expect(trayMenuModel(state, h.sim.clock.now()).items.find((item) => item.id === 'summary')?.label).toBe(line);
        expect(statusWaybar(view).text).toBe(escapeMarkup(line));
        const tooltip = statusWaybar(view).tooltip;
        expect(tooltip).toContain(escapeMarkup(`${display.label}: week ${figure(truth(primary as Sport, 'week'))} · 4 weeks ${figure(truth(primary as Sport, 'fourWeeks'))} · YTD ${figure(truth(primary as Sport, 'ytd'))}`));

        // Strava's stats endpoint: exactly the public activities, ours: all of them.
        const endpoint = cache.stats!;
        for (const sport of ['run', 'ride', 'swim'] as const) {
          for (const [period, key] of [['fourWeeks', 'recent'], ['ytd', 'ytd'], ['allTime', 'all']] as const) {
            const nonPublic = truthTotals(h.sim.activities(), sport, period, options, (a) => a.visibility !== 'everyone');
            expect(data.stats.families[sport].totals[period].count - endpoint[`${key}_${sport}_totals`].count, `${sport} ${period}`).toBe(nonPublic.count);
          }
        }
      }),
      // Each run backfills a whole simulated athlete over HTTP: a handful in `npm test`, more in a deep run.
      { numRuns: DEEP ? 40 : 4 },
    );
  });
});
