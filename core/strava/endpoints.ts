// Where Strava lives. OAuth stays at https://www.strava.com/oauth/…; from 1 June 2027 the API is at
// https://www.api-v3.strava.com with its paths directly under it (Strava's "An Update To Our
// Developer Program", June 2026). Until then it stays at https://www.strava.com/api/v3: the new
// host does not answer yet (it did not resolve in July 2026, bikeindex/bike_index#3835; Strava's
// changelog makes it available from 4 January 2027, stravalib/stravalib#737), while the old base
// works until the move. So Pacebar reads the old base before API_MOVES_AT and the new one from it.
// STRAVA_BASE_URL points OAuth (and, unless STRAVA_API_URL is set, the API at
// ${STRAVA_BASE_URL}/api/v3) at the simulator in tests and the demo; an override has no schedule.
import { InvalidInputError } from '../errors';

export const DEFAULT_STRAVA_BASE_URL = 'https://www.strava.com';
export const DEFAULT_STRAVA_API_URL = 'https://www.api-v3.strava.com';
/** The API's base until the move. */
export const LEGACY_STRAVA_API_URL = 'https://www.strava.com/api/v3';
/** 1 June 2027 00:00 UTC: the API moves to DEFAULT_STRAVA_API_URL (the old base's last day is 31 May). */
export const API_MOVES_AT = Date.UTC(2027, 5, 1);

export interface StravaEndpoints {
  /** The OAuth base (STRAVA_BASE_URL): the consent page's origin. */
  baseUrl: string;
  authorize: string;
  token: string;
  /** Replaces oauth/deauthorize (retired 1 June 2027): Basic auth, revokes access and refresh token. */
  revoke: string;
  /** The API base (from `apiMovesAt`, when there is a move); paths such as /athlete go directly under it. */
  api: string;
  /** Strava's own API before its move: the base until `apiMovesAt`. Null for an override (no move). */
  legacyApi: string | null;
  apiMovesAt: number | null;
}

/** The API base in effect at `now`. */
export function apiBaseAt(endpoints: StravaEndpoints, now: number): string {
  return endpoints.legacyApi !== null && endpoints.apiMovesAt !== null && now < endpoints.apiMovesAt ? endpoints.legacyApi : endpoints.api;
}

function root(raw: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidInputError(`${variable} is not a URL: set it to e.g. https://www.strava.com or unset it.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidInputError(`${variable} must start with https:// (or http:// for a local simulator).`);
  }
  if (url.username !== '' || url.password !== '') throw new InvalidInputError(`${variable} must not contain a user name or password.`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * The OAuth endpoints under `baseUrl`; the API under `apiUrl`, or, when only an OAuth base other
 * than Strava's is given (the simulator), at `${baseUrl}/api/v3`.
 */
export function stravaEndpoints(baseUrl: string = DEFAULT_STRAVA_BASE_URL, apiUrl?: string): StravaEndpoints {
  const oauth = root(baseUrl, 'STRAVA_BASE_URL');
  const stravas = apiUrl === undefined && oauth === DEFAULT_STRAVA_BASE_URL;
  const api = apiUrl !== undefined ? root(apiUrl, 'STRAVA_API_URL') : stravas ? DEFAULT_STRAVA_API_URL : `${oauth}/api/v3`;
  return {
    baseUrl: oauth,
    authorize: `${oauth}/oauth/authorize`,
    token: `${oauth}/oauth/token`,
    revoke: `${oauth}/oauth/revoke`,
    api,
    legacyApi: stravas ? LEGACY_STRAVA_API_URL : null,
    apiMovesAt: stravas ? API_MOVES_AT : null,
  };
}

/** 127.0.0.0/8, ::1 or localhost, after the URL parser's normalisation (so 127.1 and 0x7f.0.0.1 count, 127.0.0.1.evil.example does not). */
export function isLoopbackUrl(raw: string): boolean {
  let host: string;
  try {
    host = new URL(raw).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface EndpointRules {
  /**
   * The installed (packaged) app: an override must point at this machine, or any local process could
   * start the signed app against its own server and receive its tokens and Client Secret.
   */
  packaged: boolean;
  /**
   * The run keeps its tokens under a keychain service of its own (PACEBAR_KEYCHAIN_SERVICE: the demo,
   * the e2e test). A packaged build honours a loopback override only then: a local server started
   * beside the installed app must never receive the person's real tokens and Client Secret (on
   * macOS the keychain would hand them to the signed app without asking).
   */
  separateKeychain?: boolean;
  /** Told one line for each override that is ignored. */
  warn?: (line: string) => void;
}

/** STRAVA_BASE_URL and STRAVA_API_URL from `env`, under the packaged-build rule. */
export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env, rules: EndpointRules = { packaged: false }): StravaEndpoints {
  const honoured = (variable: 'STRAVA_BASE_URL' | 'STRAVA_API_URL'): string | undefined => {
    const value = env[variable]?.trim();
    if (!value) return undefined;
    if (rules.packaged && !isLoopbackUrl(value)) {
      rules.warn?.(`Pacebar: ignoring ${variable}: an installed Pacebar only talks to Strava or to a simulator on this machine (127.0.0.1, ::1, localhost).`);
      return undefined;
    }
    if (rules.packaged && rules.separateKeychain !== true) {
      rules.warn?.(`Pacebar: ignoring ${variable}: an installed Pacebar talks to a simulator only with a keychain service of its own (set PACEBAR_KEYCHAIN_SERVICE too), so your real tokens never leave for it.`);
      return undefined;
    }
    return value;
  };
  return stravaEndpoints(honoured('STRAVA_BASE_URL') ?? DEFAULT_STRAVA_BASE_URL, honoured('STRAVA_API_URL'));
}
