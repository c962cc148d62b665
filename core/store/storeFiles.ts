// Where settings and cache live on disk and how they are opened: shared by conf (CLI, tests) and
// electron-store (app), with no store library imported here, so the CLI can read without loading one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsDefaults } from '../domain';
import type { Settings, TypedStore } from './settings';

export const SETTINGS_FILE = 'settings';
export const CACHE_FILE = 'cache';

/** Nothing secret is in these files, but your athlete profile and training are yours alone. */
export const STORE_FILE_MODE = 0o600;

/** conf / electron-store options; validation is SettingsRepository's (zod), shared with the app. */
export function settingsStoreOptions(cwd: string) {
  return { cwd, configName: SETTINGS_FILE, defaults: settingsDefaults, clearInvalidConfig: true, configFileMode: STORE_FILE_MODE };
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
