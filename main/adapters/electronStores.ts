// electron-store instances for the app: same folder, file names and defaults as the
// CLI's conf stores (core/store/confStores), so the app and `pacebar` read and write the same files.
import Store from 'electron-store';
import { CACHE_FILE, SETTINGS_FILE } from '../core/store/storeFiles';
import { resolveConfigDir } from '../core/store/configDir';
import { settingsDefaults, type Settings, type TypedStore } from '../core/store/settings';

export interface AppStores {
  settings: TypedStore<Settings>;
  cache: TypedStore<Record<string, unknown>>;
}

export function openElectronStores(cwd: string = resolveConfigDir()): AppStores {
  const settings = new Store<Settings>({
    cwd,
    name: SETTINGS_FILE,
    // Values are validated by core's SettingsRepository (zod), exactly as in the CLI.
    defaults: settingsDefaults,
    // A hand-edited, invalid file falls back to defaults instead of crashing the app at start.
    clearInvalidConfig: true,
  });
  const cache = new Store<Record<string, unknown>>({ cwd, name: CACHE_FILE, clearInvalidConfig: true });
  return { settings, cache };
}
