// electron-store instances for the app: same folder, file names and defaults as the
// CLI's conf stores (core/store/confStores), so the app and `pacebar` read and write the same files.
import Store from 'electron-store';
import { cacheStoreOptions, settingsStoreOptions } from '../../core/store/storeFiles';
import { resolveConfigDir } from '../../core/store/configDir';
import { settingsJsonSchema, type Settings, type TypedStore } from '../../core/store/settings';

export interface AppStores {
  settings: TypedStore<Settings>;
  cache: TypedStore<Record<string, unknown>>;
}

export function openElectronStores(cwd: string = resolveConfigDir()): AppStores {
  // The CLI's own options (file names, defaults, 0600 files, invalid file → defaults), with
  // electron-store's `name` in place of conf's `configName`. Values are validated by core's
  // SettingsRepository (zod), exactly as in the CLI.
  const { configName: settingsName, ...settingsOptions } = settingsStoreOptions(cwd);
  const { configName: cacheName, ...cacheOptions } = cacheStoreOptions(cwd);
  // electron-store also checks every write against the JSON-schema form of the same zod rules.
  const settings = new Store<Settings>({ ...settingsOptions, name: settingsName, schema: settingsJsonSchema() as never });
  const cache = new Store<Record<string, unknown>>({ ...cacheOptions, name: cacheName });
  return { settings, cache };
}
