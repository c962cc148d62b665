// Builds the engine from the environment, the same way for the desktop app and the `pacebar`
// command: Strava's address, the settings folder, the keychain, and one error for each that fails.
// Only how settings and cache are stored differs (electron-store in the app, conf in the CLI).
import type { TransportFactory } from '../api/httpClient';
import { undiciTransport } from '../api/undiciTransport';
import { ConfigFolderError, InvalidInputError } from '../errors';
import { keytarBackend, type SecretBackend } from '../keychain/secretBackend';
import { DEFAULT_KEYCHAIN_SERVICE } from '../keychain/tokenVault';
import { resolveConfigDir } from '../store/configDir';
import { folderLock } from '../store/folderLock';
import { guardStore, prepareConfigFolder, setAsideDamaged, settingsRecovery } from '../store/storeFiles';
import type { Settings, TypedStore } from '../store/settings';
import { endpointsFromEnv, type StravaEndpoints } from '../strava/endpoints';
import { HISTORY_FILE, HistoryRepository } from '../history/historyStore';
import { join } from 'node:path';
import { PacebarEngine, type EngineOptions } from './engine';

export interface EngineStores {
  settings: TypedStore<Settings>;
  cache: TypedStore<Record<string, unknown>>;
}

export interface EngineEnvironment {
  env: NodeJS.ProcessEnv;
  /** Opens settings and cache in `folder`; may throw (a folder that cannot be created or written). */
  openStores: (folder: string) => EngineStores | Promise<EngineStores>;
  /** The OS keychain (keytar) unless a test passes another. */
  secrets?: SecretBackend;
  /** What sends the engine's HTTP: Electron's net.fetch in the app; by default commandLineTransport(env). */
  transport?: TransportFactory;
  /**
   * Stores opened only to read (the CLI's `status` from the cache): the folder is neither created
   * nor repaired, and nothing is written.
   */
  readOnly?: boolean;
  /**
   * The installed app (Electron's app.isPackaged): STRAVA_BASE_URL and STRAVA_API_URL are then
   * honoured only when they point at this machine. The CLI is never packaged.
   */
  isPackaged?: boolean;
  /** Where an ignored override is reported (one line); console.error by default. */
  warn?: (line: string) => void;
  /** Test and benchmark knobs (clock, timeouts). */
  overrides?: Partial<Pick<EngineOptions, 'clock' | 'utcOffsetMinutes' | 'http'>>;
}

/**
 * The CLI's transport (and the tests'): undici honouring HTTPS_PROXY / HTTP_PROXY / NO_PROXY from
 * `env`, the environment it was given, never process.env behind its back.
 */
export function commandLineTransport(env: NodeJS.ProcessEnv): TransportFactory {
  return (timeouts) => undiciTransport({ env, connectTimeoutMs: timeouts.connectMs });
}

/** PACEBAR_KEYCHAIN_SERVICE names the keychain records' service (tests, or two Pacebars side by side). */
export function keychainServiceFrom(env: NodeJS.ProcessEnv): string {
  return env.PACEBAR_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}

function endpoints(environment: EngineEnvironment): StravaEndpoints {
  try {
    return endpointsFromEnv(environment.env, {
      packaged: environment.isPackaged ?? false,
      separateKeychain: keychainServiceFrom(environment.env) !== DEFAULT_KEYCHAIN_SERVICE,
      warn: environment.warn ?? ((line) => console.error(line)),
    });
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError('STRAVA_BASE_URL and STRAVA_API_URL must be http(s) URLs such as https://www.strava.com.');
  }
}

async function stores(environment: EngineEnvironment, folder: string): Promise<EngineStores & { damagedSettingsFile: string | null }> {
  try {
    let damagedSettingsFile: string | null = null;
    if (!environment.readOnly) {
      prepareConfigFolder(folder);
      damagedSettingsFile = setAsideDamaged(folder);
    }
    const opened = await environment.openStores(folder);
    return { settings: guardStore(opened.settings, folder), cache: guardStore(opened.cache, folder), damagedSettingsFile };
  } catch (error) {
    // Only the file system's errors (EACCES, ENOTDIR, EROFS, ENOSPC…) are the folder's fault.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !/^E[A-Z]{2,15}$/.test(code)) throw error;
    throw new ConfigFolderError(folder, code);
  }
}

export async function createEngine(environment: EngineEnvironment): Promise<PacebarEngine> {
  const { env } = environment;
  const strava = endpoints(environment);
  const folder = resolveConfigDir(env);
  const opened = await stores(environment, folder);
  return new PacebarEngine({
    endpoints: strava,
    secrets: environment.secrets ?? keytarBackend(),
    keychainService: keychainServiceFrom(env),
    settingsStore: opened.settings,
    cacheStore: opened.cache,
    lock: folderLock(folder),
    ...(environment.readOnly ? {} : { recovery: settingsRecovery(folder) }),
    damagedSettingsFile: opened.damagedSettingsFile,
    history: new HistoryRepository(join(folder, HISTORY_FILE), { readOnly: environment.readOnly ?? false }),
    transport: environment.transport ?? commandLineTransport(env),
    ...environment.overrides,
  });
}
