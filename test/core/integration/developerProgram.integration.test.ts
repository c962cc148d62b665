// Strava's 2026–2027 developer program against the simulator over real HTTP and the real keychain:
// the inactive application (API, refresh and code exchange), bounded polling while inactive, the
// API base split (STRAVA_BASE_URL alone vs STRAVA_API_URL), and tokens travelling in the
// Authorization header only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PacebarController } from '../../../core/controller/pacebarController';
import { RefreshScheduler, type SchedulerTimers } from '../../../core/controller/refreshScheduler';
import { createEngine } from '../../../core/engine/createEngine';
import type { PacebarEngine } from '../../../core/engine/engine';
import { AppInactiveError } from '../../../core/errors';
import { keytarBackend } from '../../../core/keychain/secretBackend';
import { openCacheStore, openSettingsStore } from '../../../core/store/confStores';
import { browserConsentRunner } from '../../../core/oauth/browserConsent';
import { DEMO_CLIENT, startStravaSim, type RecordedRequest, type StravaSim } from '../../../sim/index';
import { simulatedBrowser } from '../../../sim/browser';
import { connect, currentTokens, startHarness, type Harness } from './harness';

const HOUR = 60 * 60_000;
const isApi = (r: RecordedRequest) => !r.path.startsWith('/oauth/');

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ secrets: keytarBackend() });
});
afterEach(async () => {
  const athleteId = h.engine.settings.get().athleteId;
  if (athleteId !== null) await h.engine.vault.deleteTokens(athleteId);
  await h.engine.vault.deleteClientSecret(DEMO_CLIENT.clientId);
  await h.close();
});

const view = (engine: PacebarEngine = h.engine) =>
  engine.viewState({
    connection: { kind: 'connected' },
    missingScopes: [],
    sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: null },
    about: { version: '0.0.0-test', update: { kind: 'off' } },
  });

describe('an inactive API application', () => {
  it('an API read answered 403 inactive → AppInactiveError; tokens and cached data kept; the view says inactive', async () => {
    await connect(h);
    const tokens = await currentTokens(h);
    const athlete = h.engine.cache.read().athlete;
    h.sim.setApplicationInactive(true);
    h.sim.clock.advance(20 * 60_000);
    h.sim.clearRequests();
    await expect(h.engine.sync()).rejects.toBeInstanceOf(AppInactiveError);
    // One request, no retry, no refresh.
    expect(h.sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /api/v3/athlete/activities 403']);
    expect(await currentTokens(h)).toEqual(tokens);
    expect(await h.engine.status()).toBe('connected');
    expect(h.engine.cache.read().athlete).toEqual(athlete);
    const state = view();
    expect(state.sync.applicationInactive).toBe(true);
    expect(state.data?.stale).toBe(true);
    expect(state.data?.athlete.id).toBe(h.sim.athleteId);
    // A fresh process (the CLI, the app after a restart) knows it from the cache.
    expect(view(h.sibling()).sync.applicationInactive).toBe(true);
    // Reactivated: the next sync clears it.
    h.sim.setApplicationInactive(false);
    await h.engine.sync();
    expect(view().sync.applicationInactive).toBe(false);
  });

  it('a token refresh answered 403 inactive → AppInactiveError; nothing deleted, and the refresh works once reactivated', async () => {
    await connect(h);
    const tokens = await currentTokens(h);
    h.sim.clock.set(tokens!.expiresAt * 1000 + 60_000);
    h.sim.setApplicationInactive(true);
    h.sim.clearRequests();
    await expect(h.engine.sync()).rejects.toBeInstanceOf(AppInactiveError);
    expect(h.sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /oauth/token 403']);
    expect(await currentTokens(h)).toEqual(tokens);
    expect(await h.engine.status()).toBe('connected');
    expect(view().sync.applicationInactive).toBe(true);
    h.sim.setApplicationInactive(false);
    await h.engine.sync();
    expect((await currentTokens(h))!.refreshToken).not.toBe(tokens!.refreshToken);
  });

  it('a code exchange answered 403 inactive → AppInactiveError; nothing stored, the API application kept', async () => {
    h.sim.setApplicationInactive(true);
    await expect(connect(h)).rejects.toBeInstanceOf(AppInactiveError);
    expect(h.engine.settings.get().athleteId).toBeNull();
    expect(await h.engine.status()).toBe('not_connected');
    expect(await h.engine.credentials.has()).toBe(true);
    expect(h.sim.count({ path: /^\/api\// })).toBe(0);
  });

  it('six hours of background polling make at most one API request an hour; "Refresh now" still asks at once', async () => {
    await connect(h);
    h.sim.setApplicationInactive(true);
    const controller = new PacebarController({ engine: h.engine, consent: { window: unused, browser: unused } });
    await controller.init();
    const timers = simulatedTimers(h.sim);
    const scheduler = new RefreshScheduler({
      poll: () => timers.track(controller.refresh()),
      intervalMs: () => h.engine.settings.get().refreshIntervalMinutes * 60_000,
      rateLimitedUntil: () => h.engine.budget.blockedUntil(),
      clock: () => h.sim.clock.now(),
      timers,
    });
    h.sim.clearRequests();
    const start = h.sim.clock.now();
    scheduler.start();
    await timers.runUntil(start + 6 * HOUR);
    // Every request to Strava counts (past the six-hour token lifetime a poll is a refresh, answered 403 too).
    const polls = h.sim.requests;
    expect(polls.every((r) => r.status === 403)).toBe(true);
    expect(polls.length).toBeLessThanOrEqual(7);
    expect(polls.length).toBeGreaterThanOrEqual(6);
    for (let hour = 0; hour < 6; hour++) {
      expect(polls.filter((r) => r.at >= start + hour * HOUR && r.at < start + (hour + 1) * HOUR).length, `hour ${hour}`).toBeLessThanOrEqual(1);
    }
    expect(controller.state().sync.applicationInactive).toBe(true);
    // A wake-up inside the hour sends nothing; "Refresh now" (the controller) asks at once.
    const before = h.sim.requests.length;
    expect(await scheduler.pollNow()).toBe('skipped');
    expect(h.sim.requests.length).toBe(before);
    expect(await controller.refreshAction()).toEqual({ ok: false, message: new AppInactiveError().message });
    expect(h.sim.requests.length).toBe(before + 1);
    scheduler.stop();
  });
});

describe('Garmin attribution', () => {
  it('an activity Garmin Connect uploaded puts "Garmin" next to the figures; none, no line', async () => {
    await connect(h);
    expect(view().data?.garminAttribution).toBeNull();
    h.sim.addActivity({ sport_type: 'Run', distance: 10_000, moving_time: 3000, start: h.sim.clock.now() - 60_000, external_id: 'garmin_push_12345678901' });
    h.sim.clock.advance(20 * 60_000);
    await h.engine.sync();
    expect(view().data?.garminAttribution).toBe('Garmin');
    // Kept in the cache: a fresh process shows it without asking Strava.
    expect(view(h.sibling()).data?.garminAttribution).toBe('Garmin');
  });
});

describe('API base and tokens on the wire', () => {
  const dirs: string[] = [];
  const engines: PacebarEngine[] = [];
  const sims: StravaSim[] = [];
  afterEach(async () => {
    for (const engine of engines.splice(0)) {
      const athleteId = engine.settings.get().athleteId;
      if (athleteId !== null) await engine.vault.deleteTokens(athleteId);
      await engine.vault.deleteClientSecret(DEMO_CLIENT.clientId);
      await engine.close();
    }
    for (const sim of sims.splice(0)) await sim.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** The engine exactly as the app and the CLI build it, from environment variables. */
  async function engineFor(env: (sim: StravaSim) => NodeJS.ProcessEnv): Promise<{ sim: StravaSim; engine: PacebarEngine }> {
    const sim = await startStravaSim({ now: Date.UTC(2026, 10, 18, 17, 40), seed: 7 });
    sims.push(sim);
    const dir = mkdtempSync(join(tmpdir(), 'pacebar-program-'));
    dirs.push(dir);
    const engine = await createEngine({
      env: { PACEBAR_CONFIG_DIR: dir, PACEBAR_KEYCHAIN_SERVICE: `pacebar-test-${Math.random().toString(16).slice(2, 10)}`, ...env(sim) },
      openStores: (folder) => ({ settings: openSettingsStore(folder), cache: openCacheStore(folder) }),
      secrets: keytarBackend(),
      overrides: { clock: () => sim.clock.now(), utcOffsetMinutes: () => 60 },
    });
    engines.push(engine);
    await engine.credentials.save(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret);
    const runner = browserConsentRunner({ stravaBaseUrl: sim.baseUrl, openExternal: simulatedBrowser() });
    await engine.signIn(runner, { signal: new AbortController().signal });
    // An expired token too, so a refresh and a 401 retry are on the wire as well.
    sim.expireAccessTokens();
    await engine.sync({ full: true });
    return { sim, engine };
  }

  function expectTokensInHeaderOnly(sim: StravaSim): void {
    const api = sim.requests.filter(isApi);
    expect(api.length).toBeGreaterThanOrEqual(6);
    for (const request of api) {
      expect(request.authorization, request.path).toMatch(/^Bearer [0-9a-f]{40}$/);
      expect(request.body).toBe('');
    }
    for (const secret of sim.issuedSecrets()) {
      for (const request of api) {
        expect(request.path.includes(secret) || JSON.stringify(request.query).includes(secret) || request.body.includes(secret)).toBe(false);
      }
    }
  }

  it('with only STRAVA_BASE_URL set, every API request goes to its /api/v3', async () => {
    const { sim } = await engineFor((s) => ({ STRAVA_BASE_URL: s.baseUrl }));
    const api = sim.requests.filter(isApi);
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((r) => r.path.startsWith('/api/v3/'))).toBe(true);
    expectTokensInHeaderOnly(sim);
  });

  it('with STRAVA_API_URL set, no API request goes to /api/v3', async () => {
    const { sim } = await engineFor((s) => ({ STRAVA_BASE_URL: s.baseUrl, STRAVA_API_URL: s.baseUrl }));
    const api = sim.requests.filter(isApi);
    expect(api.map((r) => r.path)).toContain('/athlete');
    expect(api.some((r) => r.path.startsWith('/api/v3'))).toBe(false);
    expectTokensInHeaderOnly(sim);
  });
});

const unused = { prepare: () => Promise.reject(new Error('not used')) };

/**
 * The scheduler's timers on the simulator's clock: runUntil() moves the clock to each due timer in
 * turn and waits for the poll it starts, so hours pass without any real waiting.
 */
function simulatedTimers(sim: StravaSim): SchedulerTimers & { runUntil(end: number): Promise<void>; track<T>(poll: Promise<T>): Promise<T> } {
  let pending: { due: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  let polling: Promise<unknown> | null = null;
  return {
    track(poll) {
      polling = poll;
      return poll;
    },
    setTimeout(callback, ms) {
      const id = nextId++;
      pending.push({ due: sim.clock.now() + ms, callback, id });
      return id;
    },
    clearTimeout(handle) {
      pending = pending.filter((timer) => timer.id !== handle);
    },
    async runUntil(end) {
      for (;;) {
        pending.sort((a, b) => a.due - b.due);
        const next = pending[0];
        if (!next || next.due > end) break;
        pending.shift();
        sim.clock.set(Math.max(sim.clock.now(), next.due));
        polling = null;
        next.callback();
        // The poll it started, then the turn in which the scheduler arms its next wait.
        await polling;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
