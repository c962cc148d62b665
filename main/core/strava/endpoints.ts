// Where Strava lives. STRAVA_BASE_URL points everything at the simulator in tests and the demo.

export const DEFAULT_STRAVA_BASE_URL = 'https://www.strava.com';

export interface StravaEndpoints {
  baseUrl: string;
  authorize: string;
  token: string;
  deauthorize: string;
  api: string;
}

export function stravaEndpoints(baseUrl: string = DEFAULT_STRAVA_BASE_URL): StravaEndpoints {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`STRAVA_BASE_URL must be an http(s) URL, got ${url.protocol}`);
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
