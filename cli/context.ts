// What a command runs with: the engine built from the environment (same folder, keychain service
// and Strava as the app), and the process's streams.
import { DEFAULT_RETRY } from '../core/api/httpClient';
import { PacebarEngine } from '../core/engine/engine';
import { keytarBackend } from '../core/keychain/secretBackend';
import { DEFAULT_KEYCHAIN_SERVICE } from '../core/keychain/tokenVault';
import type { Settings, TypedStore } from '../core/store/settings';
import { cacheStoreOptions, readOnlyStores, settingsStoreOptions } from '../core/store/storeFiles';
import { resolveConfigDir } from '../core/store/configDir';
import { endpointsFromEnv, type StravaEndpoints } from '../core/strava/endpoints';
import { CliError, EXIT } from './exitCodes';

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

function endpoints(env: NodeJS.ProcessEnv): StravaEndpoints {
  try {
    return endpointsFromEnv(env);
  } catch {
    throw new CliError('STRAVA_BASE_URL must be an http(s) URL such as https://www.strava.com.', EXIT.usage);
  }
}

/**
 * PACEBAR_RETRY_DELAY_MS (like PACEBAR_LOGIN_TIMEOUT_MS, for tests) shortens the first back-off
 * before a failed GET is retried; later ones double from it. It can only shorten: unset, malformed
 * or longer than the default, the default applies.
 */
export function retryDelayMs(env: NodeJS.ProcessEnv): number {
  const raw = env.PACEBAR_RETRY_DELAY_MS?.trim();
  if (!raw || !/^\d{1,10}$/.test(raw)) return DEFAULT_RETRY.minTimeoutMs;
  return Math.min(Number(raw), DEFAULT_RETRY.minTimeoutMs);
}

export function keychainService(env: NodeJS.ProcessEnv): string {
  return env.PACEBAR_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}

async function openStores(dir: string, readOnly: boolean): Promise<{ settings: TypedStore<Settings>; cache: TypedStore<Record<string, unknown>> }> {
  if (readOnly) return readOnlyStores(dir);
  // conf (and its ajv) is loaded only when something may be written.
  const { default: Conf } = await import('conf');
  try {
    return { settings: new Conf<Settings>(settingsStoreOptions(dir)), cache: new Conf<Record<string, unknown>>(cacheStoreOptions(dir)) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new CliError(`Cannot use the settings folder ${dir}${typeof code === 'string' ? ` (${code})` : ''}. Check PACEBAR_CONFIG_DIR and its permissions.`, EXIT.failure);
  }
}

export async function createEngine(env: NodeJS.ProcessEnv, readOnly = false): Promise<PacebarEngine> {
  const stores = await openStores(resolveConfigDir(env), readOnly);
  return new PacebarEngine({
    endpoints: endpoints(env),
    secrets: keytarBackend(),
    keychainService: keychainService(env),
    settingsStore: stores.settings,
    cacheStore: stores.cache,
    http: { retry: { minTimeoutMs: retryDelayMs(env) } },
  });
}

export function createContext(io: Io): Context & { close(): Promise<void> } {
  const engines = new Map<boolean, Promise<PacebarEngine>>();
  return {
    io,
    engine(options = {}) {
      const readOnly = options.readOnly ?? false;
      let engine = engines.get(readOnly);
      if (!engine) {
        engine = createEngine(io.env, readOnly);
        engines.set(readOnly, engine);
      }
      return engine;
    },
    async close() {
      for (const engine of engines.values()) await (await engine.catch(() => null))?.close();
    },
  };
}
