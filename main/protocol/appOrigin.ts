// Where the dashboard lives: app://pacebar, served by appProtocol.ts. The IPC sender check, the
// navigation guards and the protocol handler all compare against these.
export const APP_SCHEME = 'app';
export const APP_HOST = 'pacebar';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** app://pacebar/… — compared by scheme and host: WHATWG URL gives custom schemes an opaque origin. */
export function isAppUrl(raw: string | null | undefined): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
