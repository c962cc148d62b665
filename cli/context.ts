// What a command runs with: the engine built from the environment (same folder, keychain service
// and Strava as the app), and the process's streams.
import { PacebarEngine } from '../main/core/engine';
import { keytarBackend } from '../main/core/keychain/secretBackend';
import { DEFAULT_KEYCHAIN_SERVICE } from '../main/core/keychain/tokenVault';
import { openCacheStore, openSettingsStore } from '../main/core/store/confStores';
import { resolveConfigDir } from '../main/core/store/configDir';
import { endpointsFromEnv, type StravaEndpoints } from '../main/core/strava/endpoints';
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
  /** Built on first use, so `--help` and usage errors touch neither disk nor keychain. */
  engine(): PacebarEngine;
}

function endpoints(env: NodeJS.ProcessEnv): StravaEndpoints {
  try {
    return endpointsFromEnv(env);
  } catch {
    throw new CliError('STRAVA_BASE_URL must be an http(s) URL such as https://www.strava.com.', EXIT.usage);
  }
}

export function keychainService(env: NodeJS.ProcessEnv): string {
  return env.PACEBAR_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}

export function createEngine(env: NodeJS.ProcessEnv): PacebarEngine {
  const dir = resolveConfigDir(env);
  let settingsStore, cacheStore;
  try {
    settingsStore = openSettingsStore(dir);
    cacheStore = openCacheStore(dir);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new CliError(`Cannot use the settings folder ${dir}${typeof code === 'string' ? ` (${code})` : ''}. Check PACEBAR_CONFIG_DIR and its permissions.`, EXIT.failure);
  }
  return new PacebarEngine({
    endpoints: endpoints(env),
    secrets: keytarBackend(),
    keychainService: keychainService(env),
    settingsStore,
    cacheStore,
  });
}

export function createContext(io: Io): Context & { close(): Promise<void> } {
  let engine: PacebarEngine | null = null;
  return {
    io,
    engine() {
      engine ??= createEngine(io.env);
      return engine;
    },
    async close() {
      await engine?.close();
    },
  };
}
