// Where Strava lives. STRAVA_BASE_URL points everything at the simulator in tests and the demo.
import { InvalidInputError } from '../errors';

export const DEFAULT_STRAVA_BASE_URL = 'https://www.strava.com';

export interface StravaEndpoints {
  baseUrl: string;
  authorize: string;
  token: string;
  deauthorize: string;
  api: string;
}

export function stravaEndpoints(baseUrl: string = DEFAULT_STRAVA_BASE_URL): StravaEndpoints {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InvalidInputError('STRAVA_BASE_URL is not a URL: set it to e.g. https://www.strava.com or unset it.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidInputError('STRAVA_BASE_URL must start with https:// (or http:// for a local simulator).');
  }
  const root = url.origin + url.pathname.replace(/\/+$/, '');
  return {
    baseUrl: root,
    authorize: `${root}/oauth/authorize`,
    token: `${root}/oauth/token`,
    deauthorize: `${root}/oauth/deauthorize`,
    api: `${root}/api/v3`,
  };
}

export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): StravaEndpoints {
  return stravaEndpoints(env.STRAVA_BASE_URL?.trim() || DEFAULT_STRAVA_BASE_URL);
}
