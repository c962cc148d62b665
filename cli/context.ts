// What a command runs with: the engine (built by core's createEngine, exactly as the app builds it,
// with conf stores) and the process's streams.
import { DEFAULT_RETRY } from '../core/api/httpClient';
import type { PacebarEngine } from '../core/engine/engine';
import { createEngine, type EngineStores } from '../core/engine/createEngine';
import { cacheStoreOptions, readOnlyStores, settingsStoreOptions } from '../core/store/storeFiles';
import type { Settings } from '../core/store/settings';

export interface Io {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  stdin: NodeJS.ReadStream;
  /** Results: what scripts and status bars read. */
  out(line: string): void;
  /** Messages for the person at the terminal: prompts, warnings, the sign-in URL, errors. */
  err(line: string): void;
  /** The same stream without a newline (prompts). */
  errText(text: string): void;
  /** Aborted on Ctrl-C, so a waiting sign-in can stop cleanly. */
  signal: AbortSignal;
}

export interface Context {
  io: Io;
  /**
   * Built on first use, so `--help` and usage errors touch neither disk nor keychain. With
   * readOnly, settings and cache are read straight from their files and conf is never loaded
   * (a status bar asking for cached stats every few seconds should cost little more than Node).
   */
  engine(options?: { readOnly?: boolean }): Promise<PacebarEngine>;
}

/**
 * PACEBAR_RETRY_DELAY_MS (like PACEBAR_LOGIN_TIMEOUT_MS, for tests) shortens the first back-off
 * before a failed GET is retried; later ones double from it. It can only shorten: unset, malformed
 * or longer than the default, the default applies.
 */
export function firstRetryDelayFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.PACEBAR_RETRY_DELAY_MS?.trim();
  if (!raw || !/^\d{1,10}$/.test(raw)) return DEFAULT_RETRY.minTimeoutMs;
  return Math.min(Number(raw), DEFAULT_RETRY.minTimeoutMs);
}

/** conf (and its ajv) is loaded only when something may be written. */
async function confStores(folder: string): Promise<EngineStores> {
  const { default: Conf } = await import('conf');
  return { settings: new Conf<Settings>(settingsStoreOptions(folder)), cache: new Conf<Record<string, unknown>>(cacheStoreOptions(folder)) };
}

export function createContext(io: Io): Context & { close(): Promise<void> } {
  const engines = new Map<boolean, Promise<PacebarEngine>>();
  return {
    io,
    engine(options = {}) {
      const readOnly = options.readOnly ?? false;
      let engine = engines.get(readOnly);
      if (!engine) {
        engine = createEngine({
          env: io.env,
          openStores: readOnly ? readOnlyStores : confStores,
          readOnly,
          overrides: { http: { retry: { minTimeoutMs: firstRetryDelayFromEnv(io.env) } } },
        }).then((created) => {
          if (created.damagedSettingsFile) {
            io.err(`pacebar: warning: the settings file was damaged; it is kept as ${created.damagedSettingsFile} and what the keychain knows (your API application and account) is taken from there.`);
          }
          return created;
        });
        engines.set(readOnly, engine);
      }
      return engine;
    },
    async close() {
      for (const engine of engines.values()) await (await engine.catch(() => null))?.close();
    },
  };
}
