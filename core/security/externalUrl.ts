// Gate for shell.openExternal: a URL handed to the OS opener can launch any registered protocol
// handler (file:, smb:, ms-msdt:, custom schemes…), so only web pages we expect get through.
// Pure: no Electron, unit-tested.

/** Any https origin (links from Strava's page to its help or terms). http is never "any". */
export const ANY_HTTPS = '*';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_URL_LENGTH = 8_192;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  // Control characters or whitespace have no place in a URL we mean to open.
  if (/[\u0000-\u0020\u007f]/.test(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `url` is https (or http on a loopback host, for the Strava simulator) and its origin is
 * one of `allowedOrigins` (ANY_HTTPS accepts every https origin). Credentials in the URL never pass.
 */
export function isSafeExternalUrl(url: unknown, allowedOrigins: readonly string[] | typeof ANY_HTTPS): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.hostname === '') return false;
  const isHttps = parsed.protocol === 'https:';
  const isLoopbackHttp = parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
  if (!isHttps && !isLoopbackHttp) return false;
  if (allowedOrigins === ANY_HTTPS) return isHttps;
  return allowedOrigins.some((origin) => {
    const allowed = parse(origin);
    return allowed !== null && allowed.origin === parsed.origin;
  });
}
