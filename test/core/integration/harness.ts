// A real engine wired to the Strava simulator over real HTTP, with conf stores in a temp folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, startStravaSim, type SimOptions, type StravaSim } from '../../../sim/index';
import { simulatedBrowser, type BrowserChoice } from '../../../sim/browser';
import { browserConsentRunner } from '../../../core/oauth/browserConsent';
import { PacebarEngine, type ConnectResult } from '../../../core/engine/engine';
import { type SecretBackend } from '../../../core/keychain/secretBackend';
import { heldTimers, type HeldTimers } from '../../support/heldTimers';
import { memoryBackend } from '../../support/memory';
import { openCacheStore, openSettingsStore } from '../../../core/store/confStores';
import { stravaEndpoints } from '../../../core/strava/endpoints';
import { commandLineTransport } from '../../../core/engine/createEngine';
import { HISTORY_FILE, HistoryRepository } from '../../../core/history/historyStore';

/** Headers and body timeout: roomy for a busy machine; a test times a hung server out with timers.fireAll(). */
export const HARNESS_TIMEOUT_MS = 5000;

export interface Harness {
  sim: StravaSim;
  engine: PacebarEngine;
  dir: string;
  secrets: SecretBackend;
  keychainService: string;
  /** The engine's HTTP timers: real, and a test may fire the pending ones now. */
  timers: HeldTimers;
  /** A second engine on the same keychain and files, as the CLI would be next to the app. */
  sibling(): PacebarEngine;
  close(): Promise<void>;
}

export interface HarnessOptions {
  secrets?: SecretBackend;
  sim?: SimOptions;
  /** Our clock minus Strava's (clock-skew tests). */
  clockOffsetMs?: number;
  /** The athlete's offset from UTC at a moment (default: UTC+1, the simulator's Oslo in winter). */
  utcOffsetMinutes?: (now: number) => number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sim = await startStravaSim({ now: Date.UTC(2026, 10, 18, 17, 40), seed: 7, ...options.sim });
  const dir = mkdtempSync(join(tmpdir(), 'pacebar-int-'));
  const secrets = options.secrets ?? memoryBackend();
  const keychainService = `pacebar-test-${Math.random().toString(16).slice(2, 10)}`;
  const timers = heldTimers();
  const make = () =>
    new PacebarEngine({
      transport: commandLineTransport({}),
      endpoints: stravaEndpoints(sim.baseUrl),
      secrets,
      keychainService,
      settingsStore: openSettingsStore(dir),
      cacheStore: openCacheStore(dir),
      history: new HistoryRepository(join(dir, HISTORY_FILE)),
      clock: () => sim.clock.now() + (options.clockOffsetMs ?? 0),
      utcOffsetMinutes: options.utcOffsetMinutes ?? (() => 60),
      http: {
        timeouts: { connectMs: 2000, headersMs: HARNESS_TIMEOUT_MS, bodyMs: HARNESS_TIMEOUT_MS },
        // Retries as many as in the app, without the back-off: no test waits for it.
        retry: { maxRetries: 2, minTimeoutMs: 0, maxTimeoutMs: 0 },
        timers,
      },
    });
  const engine = make();
  await engine.credentials.save(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret);
  const siblings: PacebarEngine[] = [];
  return {
    sim,
    engine,
    dir,
    secrets,
    keychainService,
    timers,
    sibling() {
      const other = make();
      siblings.push(other);
      return other;
    },
    async close() {
      await Promise.all([engine, ...siblings].map((e) => e.close()));
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The user's path, as the app and `pacebar login` take it: the browser sign-in's loopback
 * listener, Strava's consent page → Authorize → redirect → code exchange → first sync.
 */
export async function connect(h: Harness, choice?: BrowserChoice, engine: PacebarEngine = h.engine): Promise<ConnectResult> {
  const runner = browserConsentRunner({ stravaBaseUrl: h.sim.baseUrl, openExternal: simulatedBrowser(choice) });
  return engine.signIn(runner, { signal: new AbortController().signal });
}

/** Every file below dir, as text (for leak scans). */
export function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'latin1') }));
}

export async function currentTokens(h: Harness) {
  const athleteId = h.engine.settings.get().athleteId;
  if (athleteId === null) return null;
  return h.engine.vault.loadTokens(athleteId);
}
