// Which Pacebar this process is. Electron keys its single-instance lock (and Chromium's profile) on
// app.getPath('userData') (docs/api/app.md, requestSingleInstanceLock), not on Pacebar's settings
// folder. So a run with its own settings folder (PACEBAR_CONFIG_DIR: `npm start` with a test
// folder, `npm run demo`, the e2e test) takes that folder as userData too, before the lock: it runs
// beside an installed Pacebar instead of quitting in its favour. By default userData and the
// settings folder are already the same (<appData>/Pacebar, see core/store/configDir.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';

/** The demo without a folder of its own must still never use the installed app's. */
export const DEMO_FOLDER_NAME = 'Pacebar Demo';

/** The environment this run works with: the demo always gets a settings folder of its own. */
export function instanceEnvironment(env: NodeJS.ProcessEnv, appData: string): NodeJS.ProcessEnv {
  if (env.PACEBAR_CONFIG_DIR?.trim() || env.PACEBAR_DEMO !== '1') return env;
  return { ...env, PACEBAR_CONFIG_DIR: join(appData, DEMO_FOLDER_NAME) };
}

/** Sets userData to the overridden settings folder (created first: setPath refuses a missing one). */
export function useInstanceFolder(app: Pick<App, 'setPath'>, env: NodeJS.ProcessEnv): string | null {
  const folder = env.PACEBAR_CONFIG_DIR?.trim();
  if (!folder) return null;
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  app.setPath('userData', folder);
  return folder;
}

/** Said on stdout when another Pacebar holds the lock, so `npm start` and the demo do not just vanish. */
export function alreadyRunningMessage(folder: string): string {
  return `Pacebar is already running with the settings folder ${folder}: its dashboard opens instead. Quit it first, or set PACEBAR_CONFIG_DIR to another folder.`;
}
