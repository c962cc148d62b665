// What the history costs: requests to backfill 1,000 / 5,000 / 20,000 activities, a day of polls
// after it (the daily re-read included), the weekly rescan; the history file's size, the time to
// compute every total, and `pacebar status --offline` with a 20,000-activity history.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStravaSim, type StravaSim } from '../sim/index';
import { ActivityStore, summaryActivity } from '../sim/activities';
import { zoneOffsetSeconds } from '../sim/time';
import type { PacebarEngine } from '../core/engine/engine';
import { encodeHistory } from '../core/history/historyCodec';
import { emptyHistory, type HistoryData } from '../core/history/historyData';
import { HISTORY_FILE, HistoryRepository } from '../core/history/historyStore';
import { buildStatsView } from '../core/stats/statsView';
import { familyOf } from '../core/stats/sportFamilies';
import { summaryActivitySchema } from '../core/strava/models';
import { toActivityRecord } from '../core/sync/activityRecords';
import { connectRig, median, startRig } from './engineSetup';
import type { MeasureRow } from './extraMeasures';

const NOW = Date.UTC(2026, 10, 18, 6, 0);
const ZONE = 'Europe/Berlin';
const DAY = 86_400_000;
const RUNS = 9;

async function historySim(count: number): Promise<StravaSim> {
  return startStravaSim({ now: NOW, seed: 17, history: { count, years: 10, timeZone: ZONE } });
}

/** Steps until every walk is done, moving the simulated clock to each pacing reset. */
async function walkToTheEnd(engine: PacebarEngine, sim: StravaSim): Promise<number> {
  let pages = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const outcome = await engine.historyStep();
    if (outcome.status === 'stepped') pages += 1;
    else if (outcome.status === 'paced') sim.clock.set(Math.max(sim.clock.now(), outcome.retryAt) + 1000);
    else return pages;
  }
  throw new Error('the walk did not end');
}

export interface BackfillCount {
  activities: number;
  requests: number;
  rateLimited: number;
}

/** Connect, then backfill: every activities request counted (the first page comes with the connect). */
export async function backfillRequests(count: number): Promise<BackfillCount> {
  const sim = await historySim(count);
  const rig = await startRig(sim);
  try {
    sim.clearRequests();
    await connectRig(rig);
    await walkToTheEnd(rig.engine, sim);
    return {
      activities: sim.activities().length,
      requests: sim.count({ path: '/api/v3/athlete/activities' }),
      rateLimited: sim.requests.filter((r) => r.status === 429).length,
    };
  } finally {
    await rig.close();
    await sim.close();
  }
}

/** After a backfill of `count`, a day of 15-minute polls (each followed by the walk steps due); and the week's rescan. */
export async function dayAndWeekAfterBackfill(count: number): Promise<{ dayReads: number; recentRequests: number; rescanRequests: number; weekReads: number }> {
  const sim = await historySim(count);
  const rig = await startRig(sim);
  try {
    await connectRig(rig);
    await walkToTheEnd(rig.engine, sim);
    const history = () => rig.engine.history.read().walks;
    const recentBefore = history().recent.requests;
    sim.clearRequests();
    const poll = async () => {
      sim.clock.advance(15 * 60_000);
      await rig.engine.sync();
      await walkToTheEnd(rig.engine, sim);
    };
    for (let i = 0; i < 96; i++) {
      if (i === 40) sim.addActivity({ sport_type: 'Run', distance: 10_012.4, moving_time: 2_950, total_elevation_gain: 88 });
      await poll();
    }
    const dayReads = sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v3/')).length;
    const recentRequests = history().recent.requests - recentBefore;
    const rescanBefore = history().rescan.requests;
    for (let i = 0; i < 6 * 96; i++) await poll();
    return { dayReads, recentRequests, rescanRequests: history().rescan.requests - rescanBefore, weekReads: sim.requests.filter((r) => r.method === 'GET').length };
  } finally {
    await rig.close();
    await sim.close();
  }
}

/** `count` simulated activities as the history keeps them (decoded as the sync decodes Strava's answers). */
export function historyOf(count: number, athleteId: number): HistoryData {
  const store = new ActivityStore(23, NOW, 0, { count, years: 10, timeZone: ZONE });
  const data = emptyHistory(athleteId);
  data.reads = { activities: true, private: true };
  data.activities = store.all.map((activity) => toActivityRecord(summaryActivitySchema.parse(summaryActivity(activity, athleteId))));
  data.walks.backfill = { ...data.walks.backfill, startedAt: NOW - DAY, completedAt: NOW - DAY };
  return data;
}

/** Median time to compute every family's totals, records and chart from the history. */
export function computeMs(data: HistoryData): number {
  const times: number[] = [];
  const familyFor = familyOf({ eBikeRidesAsRides: false });
  const moment = { now: NOW, utcOffsetMinutes: zoneOffsetSeconds(ZONE, NOW) / 60 };
  const coverage = { reachesBack: Number.NEGATIVE_INFINITY, state: 'complete' as const, counted: data.activities.length, estimatedTotal: data.activities.length, includesPrivate: true, readsActivities: true };
  for (let run = 0; run < RUNS + 2; run++) {
    const started = performance.now();
    buildStatsView({ records: data.activities, stats: null, coverage, moment, familyOf: familyFor });
    times.push(performance.now() - started);
  }
  return median(times.slice(2));
}

function timeCommand(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
}

/** `pacebar status --offline` with a 20,000-activity history against the same with an empty one, interleaved. */
export async function cliWithHistory(count: number): Promise<{ fullMs: number; emptyMs: number }> {
  timeCommand([join(import.meta.dirname, '..', 'scripts', 'build-cli.mjs')], process.env);
  const rig = await startRig();
  const emptyDir = mkdtempSync(join(tmpdir(), 'pacebar-bench-empty-'));
  try {
    await connectRig(rig);
    const athleteId = rig.engine.settings.get().athleteId!;
    // Two folders alike but for the history: the rig's (20,000 activities) and a copy with none.
    cpSync(rig.dir, emptyDir, { recursive: true });
    // Written as the app and the command write it: the history and its digest.
    const history = historyOf(count, athleteId);
    await new HistoryRepository(join(rig.dir, HISTORY_FILE)).update(() => history);
    await new HistoryRepository(join(emptyDir, HISTORY_FILE)).update(() => ({ ...history, activities: [] }));
    const cli = join(import.meta.dirname, '..', 'out', 'cli', 'pacebar.js');
    const env = (dir: string) => ({ ...process.env, PACEBAR_CONFIG_DIR: dir, STRAVA_BASE_URL: rig.sim.baseUrl });
    const full: number[] = [];
    const empty: number[] = [];
    timeCommand([cli, 'status', '--offline'], env(rig.dir));
    timeCommand([cli, 'status', '--offline'], env(emptyDir));
    for (let run = 0; run < RUNS; run++) {
      empty.push(timeCommand([cli, 'status', '--offline'], env(emptyDir)));
      full.push(timeCommand([cli, 'status', '--offline'], env(rig.dir)));
    }
    return { fullMs: median(full), emptyMs: median(empty) };
  } finally {
    rmSync(emptyDir, { recursive: true, force: true });
    await rig.close();
  }
}

export async function measure(): Promise<MeasureRow[]> {
  const rows: MeasureRow[] = [];
  for (const count of [1_000, 5_000, 20_000]) {
    const backfill = await backfillRequests(count);
    const bound = Math.ceil(backfill.activities / 200) + 2;
    rows.push({
      measure: `backfill of ${backfill.activities.toLocaleString('en')} activities: list requests (429s)`,
      value: `${backfill.requests} (${backfill.rateLimited})`,
      target: `≤ ${bound} (0)`,
      ok: backfill.requests <= bound && backfill.rateLimited === 0,
    });
  }
  const after = await dayAndWeekAfterBackfill(5_000);
  rows.push({ measure: 'read requests in a simulated day after a 5,000 backfill (daily re-read included)', value: `${after.dayReads} (re-read ${after.recentRequests})`, target: '≤ 110', ok: after.dayReads <= 110 });
  rows.push({ measure: 'weekly rescan of 5,000 activities: requests (reads that week)', value: `${after.rescanRequests} (${after.weekReads})`, target: '—', ok: true });
  const small = historyOf(1_000, 1);
  const large = historyOf(20_000, 1);
  const sizes = [small, large].map((data) => Buffer.byteLength(encodeHistory(data)));
  rows.push({ measure: 'history file, 1,000 / 20,000 activities', value: `${(sizes[0]! / 1024).toFixed(0)} KB / ${(sizes[1]! / 1024 / 1024).toFixed(2)} MB`, target: '—', ok: true });
  const smallMs = computeMs(small);
  const largeMs = computeMs(large);
  rows.push({
    measure: `all totals from 1,000 / 20,000 activities (median of ${RUNS})`,
    value: `${smallMs.toFixed(2)} ms / ${largeMs.toFixed(1)} ms = ×${(largeMs / smallMs).toFixed(1)}`,
    target: '≤ ×25',
    ok: largeMs / smallMs <= 25,
  });
  const cli = await cliWithHistory(20_000);
  const ratio = cli.fullMs / cli.emptyMs;
  rows.push({
    measure: `pacebar status --offline, 20,000 vs 0 activities (median of ${RUNS})`,
    value: `${cli.fullMs.toFixed(0)} ms vs ${cli.emptyMs.toFixed(0)} ms = ×${ratio.toFixed(2)}`,
    target: '≤ ×1.3',
    ok: ratio <= 1.3,
  });
  return rows;
}
