// The refresh race of issue 9, as the test and the benchmark both run it: an expired token found at
// the same moment by N `pacebar status --refresh` processes and the app's engine (in this process),
// all on one settings folder and one real keychain, with the token endpoint's answer held back for
// some milliseconds after Strava rotated the token (ordinary network latency; a refusal is answered
// at once, which is the order that used to lose records). A run is lost when
// any of them ends in "reconnect needed" or the keychain is left without a record Strava accepts.
import { createEngine } from '../../core/engine/createEngine';
import type { PacebarEngine } from '../../core/engine/engine';
import { ReconnectNeededError } from '../../core/errors';
import { browserConsentRunner } from '../../core/oauth/browserConsent';
import { openCacheStore, openSettingsStore } from '../../core/store/confStores';
import { simulatedBrowser } from '../../sim/browser';
import { DEMO_CLIENT, startStravaSim, type StravaSim } from '../../sim/index';
import { buildCliOnce, newAccount, type Account } from '../cli/cliHarness';

export interface RaceWorld {
  sim: StravaSim;
  account: Account;
  /** The app's engine, on the account's folder and keychain service. */
  engine: PacebarEngine;
  athleteId: number;
  close(): Promise<void>;
}

export interface BurstResult {
  processes: number;
  latencyMs: number;
  /** Token requests Strava received during the burst (one is ideal). */
  refreshes: number;
  /** CLI runs that exited 4 or said "reconnect", plus the engine if it did. */
  reconnects: number;
  /** CLI runs that failed for another reason (with their stderr). */
  failures: string[];
  /** The keychain has no record, or one whose refresh token Strava no longer accepts. */
  recordLost: boolean;
}

/** Builds the CLI, starts a simulator with room for many reads, sets up and signs in once. */
export async function startRaceWorld(): Promise<RaceWorld> {
  buildCliOnce();
  // The command runs on the real clock: the sim's starts there too. Reads are plentiful: the race
  // is about the token endpoint, not the rate limit.
  const sim = await startStravaSim({ now: Date.now(), readLimits: [1_000_000, 1_000_000], overallLimits: [1_000_000, 1_000_000] });
  const account = newAccount(sim.baseUrl);
  const engine = await createEngine({
    env: account.env(),
    openStores: (folder) => ({ settings: openSettingsStore(folder), cache: openCacheStore(folder) }),
  });
  await engine.credentials.save(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret);
  const runner = browserConsentRunner({ stravaBaseUrl: sim.baseUrl, openExternal: simulatedBrowser() });
  const { athlete } = await engine.signIn(runner, { signal: new AbortController().signal });
  return {
    sim,
    account,
    engine,
    athleteId: athlete.id,
    async close() {
      await engine.disconnect({ forgetCredentials: true }).catch(() => {});
      await engine.close();
      await sim.close();
      account.dispose();
    },
  };
}

/**
 * One burst: every access token dead at Strava; each participant's first read is held until all
 * have sent theirs, so all get their 401 at the same instant and go for the refresh together
 * (half the commands also find the stored token expired and go for it first thing).
 */
export async function runBurst(world: RaceWorld, processes: number, latencyMs: number): Promise<BurstResult> {
  const { sim, account, engine, athleteId } = world;
  if (!(await engine.vault.loadTokens(athleteId))) throw new Error('race: no record to start from');
  sim.expireAccessTokens();
  sim.clearFaults();
  sim.inject({ method: 'GET', path: /^\/api\/v3\//, times: processes + 1, action: { kind: 'gather', count: processes + 1 } });
  // Only the winning answer (a 200) is late; a refusal comes at once: the order that loses records.
  sim.inject({ method: 'POST', path: '/oauth/token', times: Number.POSITIVE_INFINITY, action: { kind: 'latency', ms: (status) => (status === 200 ? latencyMs : 0) } });
  const before = sim.count({ method: 'POST', path: '/oauth/token' });

  const cli = Array.from({ length: processes }, () => account.run(['status', '--refresh', '--format', 'json'], { timeoutMs: 60_000 }));
  const app = engine.sync().then(
    () => null,
    (error: unknown) => error,
  );
  const [runs, appError] = await Promise.all([Promise.all(cli), app]);
  sim.clearFaults();

  let reconnects = appError instanceof ReconnectNeededError ? 1 : 0;
  const failures: string[] = appError && !(appError instanceof ReconnectNeededError) ? [`engine: ${String(appError)}`] : [];
  for (const run of runs) {
    if (run.code === 4 || /reconnect|pacebar login/i.test(run.stderr)) reconnects += 1;
    else if (run.code !== 0) failures.push(`exit ${run.code}: ${run.stderr.trim()}`);
  }
  const after = await engine.vault.loadTokens(athleteId).catch(() => null);
  return {
    processes,
    latencyMs,
    refreshes: sim.count({ method: 'POST', path: '/oauth/token' }) - before,
    reconnects,
    failures,
    recordLost: after === null || !sim.isLiveRefreshToken(after.refreshToken),
  };
}

/** The latencies each configuration runs at: a handful for `npm test`, many with PACEBAR_DEEP_RACE=1. */
export function raceLatencies(deep: boolean): number[] {
  if (!deep) return [0, 40, 90, 200];
  const spread = [0, 10, 15, 25, 40, 60, 90, 120, 160, 200];
  return Array.from({ length: 5 }, () => spread).flat();
}
