import { summaryActivity } from './activities';
import { detailedAthlete, summaryAthlete } from './athlete';
import { type SimRequest, type SimResponse, bearerToken, json, notFound, stravaError } from './http';
import { inactiveApplication, isInactive } from './program';
import type { SimState } from './state';
import { activityStats } from './stats';
import type { Grant } from './tokens';

const authError = (resource: string, field: string, code: string, status: number, headers: Record<string, string>) =>
  stravaError(status, 'Authorization Error', { resource, field, code }, headers);

/** Integer query parameter: undefined when absent, NaN when present but not a whole number >= min. */
function intParam(query: URLSearchParams, name: string, min: number): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min ? value : Number.NaN;
}

function listActivities(req: SimRequest, state: SimState, grant: Grant, headers: Record<string, string>): SimResponse {
  if (!grant.scopes.includes('activity:read') && !grant.scopes.includes('activity:read_all')) {
    return authError('AccessToken', 'activity:read_permission', 'missing', 403, headers);
  }
  const q = req.url.searchParams;
  const parsed = {
    before: intParam(q, 'before', 0),
    after: intParam(q, 'after', 0),
    page: intParam(q, 'page', 1),
    per_page: intParam(q, 'per_page', 1),
  };
  for (const [field, value] of Object.entries(parsed)) {
    if (Number.isNaN(value) || (field === 'per_page' && value !== undefined && value > 200)) {
      return stravaError(400, 'Bad Request', { resource: 'Activity', field, code: 'invalid' }, headers);
    }
  }
  const { before, after } = parsed;
  const page = parsed.page ?? 1;
  const perPage = parsed.per_page ?? 30;
  const now = state.clock.now();
  // activity:read lists Everyone and Followers activities; activity:read_all adds Only You ones.
  const withPrivate = grant.scopes.includes('activity:read_all');
  const matches = state.activities.all.filter(
    (a) =>
      a.start <= now &&
      (withPrivate || !a.private) &&
      (before === undefined || a.start < before * 1000) &&
      (after === undefined || a.start > after * 1000),
  );
  // Strava lists newest first, except with only `after` it walks forward in time (oldest first).
  const ascending = after !== undefined && before === undefined;
  matches.sort((a, b) => (ascending ? a.start - b.start || a.id - b.id : b.start - a.start || b.id - a.id));
  const slice = matches.slice((page - 1) * perPage, page * perPage);
  return json(200, slice.map((a) => summaryActivity(a, state.athleteId)), headers);
}

const ROOT_API_PATHS: readonly RegExp[] = [/^\/athlete$/, /^\/athlete\/activities$/, /^\/athletes\/[^/]+\/stats$/];

/**
 * The API path of a request, wherever the API is mounted: under /api/v3 (www.strava.com; any path
 * there, so unknown ones get the API's 404) or at the root (www.api-v3.strava.com, June 2027).
 * undefined when the request is not for the API.
 */
export function apiPath(pathname: string): string | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/api/v3' || path.startsWith('/api/v3/')) return path.slice('/api/v3'.length);
  return ROOT_API_PATHS.some((pattern) => pattern.test(path)) ? path : undefined;
}

/** The API: rate limits first (even rejected requests count), then the bearer token, then the application's status, then the route. */
export function handleApi(req: SimRequest, state: SimState, path: string): SimResponse {
  const rate = state.limiter.hit(state.clock.now(), req.method === 'GET');
  const headers = rate.headers;
  if (rate.exceeded) {
    return stravaError(429, 'Rate Limit Exceeded', { resource: 'Application', field: 'rate limit', code: 'exceeded' }, headers);
  }
  const grant = state.tokens.validAccess(bearerToken(req));
  if (!grant) return authError('Athlete', 'access_token', 'invalid', 401, headers);
  if (isInactive(state, grant.clientId)) return inactiveApplication(headers);

  if (req.method === 'GET' && path === '/athlete') {
    const full = grant.scopes.includes('profile:read_all');
    return json(200, full ? detailedAthlete(state.createdAt) : summaryAthlete(state.createdAt), headers);
  }
  if (req.method === 'GET' && path === '/athlete/activities') return listActivities(req, state, grant, headers);
  const stats = /^\/athletes\/(\d+)\/stats$/.exec(path);
  if (req.method === 'GET' && stats) {
    if (Number(stats[1]) !== grant.athleteId) return authError('Athlete', 'id', 'invalid', 403, headers);
    return json(200, activityStats(state.activities.all, state.clock.now(), state.activities.timeZone), headers);
  }
  return notFound(headers);
}
