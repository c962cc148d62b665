// One folder for settings and cache, shared by the desktop app and the `pacebar` command.
// It matches Electron's app.getPath('userData') for the product name "Pacebar".
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Pacebar';

export function defaultConfigDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
}

export function resolveConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PACEBAR_CONFIG_DIR?.trim() || defaultConfigDir(process.platform, env);
}
