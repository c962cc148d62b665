// Where settings and cache live on disk and how they are opened: shared by conf (CLI, tests) and
// electron-store (app), with no store library imported here, so the CLI can read without loading one.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsDefaults } from '../domain';
import { ConfigFolderError } from '../errors';
import type { Settings, TypedStore } from './settings';

export const SETTINGS_FILE = 'settings';
export const CACHE_FILE = 'cache';

/** Nothing secret is in these files, but your athlete profile and training are yours alone. */
export const STORE_FILE_MODE = 0o600;
export const STORE_FOLDER_MODE = 0o700;
/** Left in the folder while settings rebuilt from a damaged file still wait for the keychain. */
export const RECOVERY_MARKER = 'settings.recover-from-keychain';

/**
 * conf / electron-store options; validation is SettingsRepository's (zod), shared with the app.
 * A settings file that is not JSON is never cleared silently: setAsideDamaged moves it first.
 */
export function settingsStoreOptions(cwd: string) {
  return { cwd, configName: SETTINGS_FILE, defaults: settingsDefaults, clearInvalidConfig: false, configFileMode: STORE_FILE_MODE };
}

export function cacheStoreOptions(cwd: string) {
  return { cwd, configName: CACHE_FILE, clearInvalidConfig: true, configFileMode: STORE_FILE_MODE };
}

/**
 * Reads a conf/electron-store JSON file as it is now, and refuses writes. For commands that only
 * show what is stored (`pacebar status` from the cache), which then never load conf at all.
 */
export function readOnlyJsonStore<T extends object>(cwd: string, name: string, defaults: T): TypedStore<T> {
  const path = join(cwd, `${name}.json`);
  return {
    get store(): T {
      try {
        const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? { ...defaults, ...(parsed as Partial<T>) } : { ...defaults };
      } catch {
        return { ...defaults };
      }
    },
    set() {
      throw new Error(`${name}.json was opened read-only`);
    },
    clear() {
      throw new Error(`${name}.json was opened read-only`);
    },
  };
}

export function readOnlyStores(cwd: string): { settings: TypedStore<Settings>; cache: TypedStore<Record<string, unknown>> } {
  return {
    settings: readOnlyJsonStore<Settings>(cwd, SETTINGS_FILE, settingsDefaults),
    cache: readOnlyJsonStore<Record<string, unknown>>(cwd, CACHE_FILE, {}),
  };
}

/** Creates the settings folder (and any missing parent) readable by its owner only. */
export function prepareConfigFolder(cwd: string): void {
  mkdirSync(cwd, { recursive: true, mode: STORE_FOLDER_MODE });
}

/**
 * A settings file that is not a JSON object (garbage, truncated, `[]`, `null`) is moved aside as
 * settings.damaged-TIME.json, never overwritten, and a marker asks the engine to rebuild what the
 * keychain knows (the API application, the athlete). Returns the path it was moved to, or null.
 */
export function setAsideDamaged(cwd: string, name: string = SETTINGS_FILE, now: number = Date.now()): string | null {
  const path = join(cwd, `${name}.json`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null; // missing (a first start) or unreadable: conf reports the latter itself
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return null;
  } catch {
    // not JSON: damaged
  }
  const aside = join(cwd, `${name}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}.json`);
  renameSync(path, aside);
  writeFileSync(join(cwd, RECOVERY_MARKER), '', { mode: STORE_FILE_MODE });
  return aside;
}

/** Whether settings still wait to be rebuilt from the keychain, and the way to say they are done. */
export interface SettingsRecovery {
  pending(): boolean;
  done(): void;
}

export function settingsRecovery(cwd: string): SettingsRecovery {
  const marker = join(cwd, RECOVERY_MARKER);
  return {
    pending: () => existsSync(marker),
    done: () => rmSync(marker, { force: true }),
  };
}

function fileSystemCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]{2,15}$/.test(code) ? code : null;
}

/**
 * A store whose file-system failures (a read-only or full folder, EACCES…) surface as one typed
 * error naming the folder and the cause, instead of a raw Node error.
 */
export function guardStore<T>(store: TypedStore<T>, folder: string): TypedStore<T> {
  const guard = <R>(operation: () => R): R => {
    try {
      return operation();
    } catch (error) {
      const code = fileSystemCode(error);
      throw code ? new ConfigFolderError(folder, code) : error;
    }
  };
  return {
    get store() {
      return guard(() => store.store);
    },
    set: (values) => guard(() => store.set(values)),
    clear: () => guard(() => store.clear()),
  };
}
