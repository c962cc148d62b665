// conf-backed stores for plain Node (the CLI and tests). The app uses electron-store with the same
// file names, folder, schema and defaults, so both read and write the same files.
import Conf from 'conf';
import { settingsDefaults, type Settings, type TypedStore } from './settings';

export const SETTINGS_FILE = 'settings';
export const CACHE_FILE = 'cache';

export function openSettingsStore(cwd: string): TypedStore<Settings> {
  // Validation is SettingsRepository's (zod), shared with the app.
  return new Conf<Settings>({ cwd, configName: SETTINGS_FILE, defaults: settingsDefaults, clearInvalidConfig: true });
}

export function openCacheStore(cwd: string): TypedStore<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({ cwd, configName: CACHE_FILE, clearInvalidConfig: true });
}

/** In-memory store for unit tests. */
export function memoryStore<T extends object>(defaults: T): TypedStore<T> {
  let data: T = { ...defaults };
  return {
    get store() {
      return data;
    },
    set(values) {
      data = { ...data, ...values };
    },
    clear() {
      data = { ...defaults };
    },
  };
}
