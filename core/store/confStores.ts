// conf-backed stores for plain Node (the CLI and tests). The app uses electron-store with the same
// file names, folder, schema and defaults, so both read and write the same files.
import Conf from 'conf';
import type { Settings, TypedStore } from './settings';
import { cacheStoreOptions, prepareConfigFolder, setAsideDamaged, settingsStoreOptions } from './storeFiles';

export { CACHE_FILE, SETTINGS_FILE } from './storeFiles';

/** A damaged settings file is moved aside first (see setAsideDamaged), never overwritten. */
export function openSettingsStore(cwd: string): TypedStore<Settings> {
  prepareConfigFolder(cwd);
  setAsideDamaged(cwd);
  return new Conf<Settings>(settingsStoreOptions(cwd));
}

export function openCacheStore(cwd: string): TypedStore<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>(cacheStoreOptions(cwd));
}
