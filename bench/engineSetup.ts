// An engine on the simulator for benchmarks: conf stores in a temp folder, in-memory keychain (the
// keychain is not what is measured here; its real behaviour is covered by the test suite).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, startStravaSim, type StravaSim } from '../sim/index';
import { simulatedBrowser, type BrowserChoice } from '../sim/browser';
import { browserConsentRunner } from '../core/oauth/browserConsent';
import { PacebarEngine } from '../core/engine/engine';
import { memoryBackend } from '../test/support/memory';
import { openCacheStore, openSettingsStore } from '../core/store/confStores';
import { stravaEndpoints } from '../core/strava/endpoints';
import { commandLineTransport } from '../core/engine/createEngine';
import { HISTORY_FILE, HistoryRepository } from '../core/history/historyStore';

export interface BenchRig {
  sim: StravaSim;
  engine: PacebarEngine;
  dir: string;
  close(): Promise<void>;
}

export async function startRig(sim?: StravaSim): Promise<BenchRig> {
  const ownSim = sim ?? (await startStravaSim({ now: Date.UTC(2026, 10, 18, 6, 0), seed: 11 }));
  const dir = mkdtempSync(join(tmpdir(), 'pacebar-bench-'));
  const engine = new PacebarEngine({
      transport: commandLineTransport({}),
    endpoints: stravaEndpoints(ownSim.baseUrl),
    secrets: memoryBackend(),
    settingsStore: openSettingsStore(dir),
    cacheStore: openCacheStore(dir),
    history: new HistoryRepository(join(dir, HISTORY_FILE)),
    clock: () => ownSim.clock.now(),
  });
  await engine.credentials.save(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret);
  return {
    sim: ownSim,
    engine,
    dir,
    async close() {
      await engine.close();
      if (!sim) await ownSim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in as the app does (browser sign-in, loopback listener); `browser` may watch or alter the redirect. */
export async function connectRig(rig: BenchRig, browser: BrowserChoice = {}): Promise<void> {
  const runner = browserConsentRunner({ stravaBaseUrl: rig.sim.baseUrl, openExternal: simulatedBrowser(browser) });
  await rig.engine.signIn(runner, { signal: new AbortController().signal });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
