// Request counts: how light Pacebar is on Strava's rate limits.
import { request } from 'undici';
import { DEMO_CLIENT } from '../sim/index';
import { PacebarController, type RefreshOutcome } from '../core/controller/pacebarController';
import { RefreshScheduler } from '../core/controller/refreshScheduler';
import { walkFromNow } from '../core/sync/historyWalker';
import { connectRig, median, startRig, type BenchRig } from './engineSetup';

const QUARTER = 15 * 60_000;
const isApiOrToken = (path: string) => path.startsWith('/api/v3/') || path === '/oauth/token';

/** exchange + athlete + stats + activities */
export async function connectRequests(): Promise<number> {
  const rig = await startRig();
  try {
    rig.sim.clearRequests();
    await connectRig(rig);
    return rig.sim.requests.filter((r) => isApiOrToken(r.path)).length;
  } finally {
    await rig.close();
  }
}

/** Walk steps as the app's BackfillScheduler takes them after a poll, until paced or idle. */
async function walkSteps(rig: BenchRig): Promise<void> {
  while ((await rig.engine.historyStep()).status === 'stepped');
}

/**
 * A simulated day of background polls at the default 15-minute interval, with one new activity:
 * each poll followed by the walk steps the app would take (the backfill of the simulator's year,
 * then the daily re-read), as PacebarController does.
 */
export async function readsPerDay(): Promise<number> {
  const rig = await startRig();
  try {
    await connectRig(rig);
    await walkSteps(rig);
    const interval = rig.engine.settings.get().refreshIntervalMinutes * 60_000;
    rig.sim.clearRequests();
    const dayEnd = rig.sim.clock.now() + 24 * 60 * 60_000;
    let polls = 0;
    while (rig.sim.clock.now() + interval <= dayEnd) {
      rig.sim.clock.advance(interval);
      if (polls === 40) rig.sim.addActivity({ sport_type: 'Run', distance: 10_012.4, moving_time: 2_950, total_elevation_gain: 88 });
      await rig.engine.sync();
      await walkSteps(rig);
      polls += 1;
    }
    return rig.sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v3/')).length;
  } finally {
    await rig.close();
  }
}

/**
 * A simulated day of the app's background polling (the real scheduler, 15-minute interval, its
 * timers on the simulator's clock) while Strava says the API application is inactive: requests of
 * any kind sent to Strava.
 */
export async function requestsPerDayWhileInactive(): Promise<number> {
  const rig = await startRig();
  try {
    await connectRig(rig);
    rig.sim.setApplicationInactive(true);
    const controller = new PacebarController({ engine: rig.engine, consent: { window: unusedConsent, browser: unusedConsent } });
    await controller.init();
    const timers: { due: number; callback: () => void; id: number }[] = [];
    let nextId = 1;
    let polling: Promise<RefreshOutcome> | null = null;
    const scheduler = new RefreshScheduler({
      poll: () => (polling = controller.refresh()),
      intervalMs: () => rig.engine.settings.get().refreshIntervalMinutes * 60_000,
      rateLimitedUntil: () => rig.engine.budget.blockedUntil(),
      clock: () => rig.sim.clock.now(),
      timers: {
        setTimeout: (callback, ms) => {
          timers.push({ due: rig.sim.clock.now() + ms, callback, id: nextId });
          return nextId++;
        },
        clearTimeout: (handle) => void timers.splice(0, timers.length, ...timers.filter((timer) => timer.id !== handle)),
      },
    });
    rig.sim.clearRequests();
    const dayEnd = rig.sim.clock.now() + 24 * 60 * 60_000;
    scheduler.start();
    for (;;) {
      timers.sort((a, b) => a.due - b.due);
      const next = timers[0];
      if (!next || next.due > dayEnd) break;
      timers.shift();
      rig.sim.clock.set(Math.max(rig.sim.clock.now(), next.due));
      polling = null;
      next.callback();
      await polling;
      await new Promise((resolve) => setImmediate(resolve));
    }
    scheduler.stop();
    return rig.sim.requests.length;
  } finally {
    await rig.close();
  }
}

/** After a 429, how many requests Pacebar sends before the window resets (50 polls attempted). */
export async function requestsWhileRateLimited(): Promise<number> {
  const rig = await startRig();
  try {
    await connectRig(rig);
    rig.sim.clock.advance(60_000);
    rig.sim.inject({
      path: '/api/v3/athlete/activities',
      times: 1,
      action: { kind: 'status', status: 429, headers: { 'X-ReadRateLimit-Limit': '100,1000', 'X-ReadRateLimit-Usage': '101,300' } },
    });
    await rig.engine.sync().catch(() => undefined);
    const resetAt = rig.engine.budget.blockedUntil() ?? 0;
    rig.sim.clearRequests();
    for (let i = 0; i < 50 && rig.sim.clock.now() + 10_000 < resetAt; i += 1) {
      await rig.engine.sync().catch(() => undefined);
      rig.sim.clock.advance(10_000);
    }
    return rig.sim.requests.length;
  } finally {
    await rig.close();
  }
}

/** Engine connect (exchange + 3 decoded reads) against the same four raw undici requests. */
export async function connectOverheadRatio(runs = 9): Promise<{ engineMs: number; rawMs: number; ratio: number }> {
  const engineTimes: number[] = [];
  const rawTimes: number[] = [];
  const rig = await startRig();
  try {
    for (let run = 0; run < runs; run += 1) {
      // The consent page is the user's part: timing starts when the browser follows the redirect.
      let started = 0;
      let authorizeUrl = '';
      await connectRig(rig, {
        tamper: (_redirect, authorize) => {
          authorizeUrl = authorize.toString();
          started = performance.now();
        },
      });
      engineTimes.push(performance.now() - started);

      const code = new URL(await rig.sim.consent(authorizeUrl)).searchParams.get('code')!;
      rawTimes.push(await rawConnect(rig, code));
      await rig.engine.disconnect();
    }
  } finally {
    await rig.close();
  }
  const engineMs = median(engineTimes);
  const rawMs = median(rawTimes);
  return { engineMs, rawMs, ratio: engineMs / rawMs };
}

async function rawConnect(rig: BenchRig, code: string): Promise<number> {
  const base = rig.sim.baseUrl;
  const started = performance.now();
  const token = await request(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret, code, grant_type: 'authorization_code' }).toString(),
  });
  if (token.statusCode !== 200) throw new Error(`raw token exchange answered ${token.statusCode}`);
  const tokens = (await token.body.json()) as { access_token: string; athlete: { id: number } };
  const headers = { authorization: `Bearer ${tokens.access_token}` };
  // The very requests the engine makes: the backfill's first page (the newest 200) and the stats.
  const before = walkFromNow(rig.sim.clock.now());
  for (const path of ['/api/v3/athlete', `/api/v3/athlete/activities?before=${before}&page=1&per_page=200`, `/api/v3/athletes/${tokens.athlete.id}/stats`]) {
    const response = await request(`${base}${path}`, { headers });
    await response.body.json();
    if (response.statusCode !== 200) throw new Error(`raw ${path} answered ${response.statusCode}`);
  }
  return performance.now() - started;
}

const unusedConsent = {
  prepare(): never {
    throw new Error('the benchmark does not sign in through the controller');
  },
};
