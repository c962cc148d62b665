// The one way main opens a Strava page in the browser (the dashboard's links over IPC, the tray's
// recent activities): URLs built by Pacebar, checked by isSafeExternalUrl against strava.com before
// shell.openExternal, and a failure said in one line.
import type { ActionResult } from '../../core/domain';
import { isSafeExternalUrl } from '../../core/security/externalUrl';

export const STRAVA_WEB_ORIGIN = 'https://www.strava.com';

/** `url` null: there is nothing to open, and `missing` says why. */
export async function openStravaPage(openExternal: (url: string) => Promise<void>, url: string | null, missing: string): Promise<ActionResult> {
  if (url === null) return { ok: false, message: missing };
  if (!isSafeExternalUrl(url, [STRAVA_WEB_ORIGIN])) return { ok: false, message: 'Pacebar refused to open an unexpected address.' };
  try {
    await openExternal(url);
    return { ok: true };
  } catch {
    return { ok: false, message: `Pacebar could not open your browser. Visit ${url} yourself.` };
  }
}
