// Which Pacebar this process is. Electron keys its single-instance lock (and Chromium's profile) on
// app.getPath('userData') (docs/api/app.md, requestSingleInstanceLock), not on Pacebar's settings
// folder. So a run with its own settings folder (PACEBAR_CONFIG_DIR: `npm start` with a test
// folder, `npm run demo`, the e2e test) takes that folder as userData too, before the lock: it runs
// beside an installed Pacebar instead of quitting in its favour. By default userData and the
// settings folder are already the same (<appData>/Pacebar, see core/store/configDir.ts).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { App } from 'electron';
import { ConfigFolderError } from '../../core/errors';

/** The demo without a folder of its own must still never use the installed app's. */
export const DEMO_FOLDER_NAME = 'Pacebar Demo';

/**
 * The environment this run works with: PACEBAR_CONFIG_DIR made absolute (app.setPath refuses a
 * relative path: "Path must be absolute", App::SetPath in shell/browser/api/electron_api_app.cc),
 * the same folder for userData and the engine; the demo always gets a settings folder of its own.
 */
export function instanceEnvironment(env: NodeJS.ProcessEnv, appData: string, cwd: string = process.cwd()): NodeJS.ProcessEnv {
  const folder = env.PACEBAR_CONFIG_DIR?.trim();
  if (folder) return { ...env, PACEBAR_CONFIG_DIR: resolve(cwd, folder) };
  if (env.PACEBAR_DEMO !== '1') return env;
  return { ...env, PACEBAR_CONFIG_DIR: join(appData, DEMO_FOLDER_NAME) };
}

/**
 * Sets userData to the overridden settings folder (created first: setPath refuses a missing one,
 * docs/api/app.md). A folder that cannot be created or used is a ConfigFolderError, the same one
 * line the engine factory gives for a settings folder it cannot use.
 */
export function useInstanceFolder(app: Pick<App, 'setPath'>, env: NodeJS.ProcessEnv): string | null {
  const folder = env.PACEBAR_CONFIG_DIR?.trim();
  if (!folder) return null;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    app.setPath('userData', folder);
  } catch (error) {
    // Only the file system's own codes (EACCES, ENOTDIR, EROFS…) are named; setPath's message is not.
    const code = (error as { code?: unknown } | null)?.code;
    throw new ConfigFolderError(folder, typeof code === 'string' && /^E[A-Z]{2,15}$/.test(code) ? code : undefined);
  }
  return folder;
}

/** Said on stdout when another Pacebar holds the lock, so `npm start` and the demo do not just vanish. */
export function alreadyRunningMessage(folder: string): string {
  return `Pacebar is already running with the settings folder ${folder}: its dashboard opens instead. Quit it first, or set PACEBAR_CONFIG_DIR to another folder.`;
}
