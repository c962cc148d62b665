// Opens the sign-in page: $BROWSER if set (the URL as its only argument), else the platform's
// opener. No shell is involved; the child is detached so `pacebar login` can finish on its own.
import { spawn } from 'node:child_process';

export interface Launch {
  command: string;
  args: string[];
  /** Windows: pass args to cmd.exe exactly as written (the URL is quoted for cmd's sake). */
  verbatim: boolean;
}

export function browserLaunch(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Launch {
  const browser = env.BROWSER?.trim();
  if (browser) return { command: browser, args: [url], verbatim: false };
  if (platform === 'darwin') return { command: 'open', args: [url], verbatim: false };
  if (platform === 'win32') {
    // `start` is a cmd built-in; the empty "" is its window title. Quoting keeps & in the URL literal.
    return { command: 'cmd', args: ['/d', '/c', `start "" "${url.replace(/"/g, '%22')}"`], verbatim: true };
  }
  return { command: 'xdg-open', args: [url], verbatim: false };
}

/** Resolves once the program started (true) or could not be started (false); never throws. */
export function openBrowser(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const launch = browserLaunch(url, env, platform);
  return new Promise((resolve) => {
    try {
      const child = spawn(launch.command, launch.args, {
        detached: true,
        stdio: 'ignore',
        shell: false,
        windowsVerbatimArguments: launch.verbatim,
        windowsHide: true,
      });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
