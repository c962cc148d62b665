// The three Strava reads Pacebar makes, each decoded at the boundary.
import {
  activityListSchema,
  activityStatsSchema,
  athleteSchema,
  decode,
  type ActivityStats,
  type Athlete,
  type SummaryActivity,
} from '../strava/models';
import { apiBaseAt, type StravaEndpoints } from '../strava/endpoints';
import type { StravaHttp } from './httpClient';

export const MAX_PER_PAGE = 200;

export interface ActivityQuery {
  /** Epoch seconds: only activities that started after this. */
  after?: number;
  /** Epoch seconds: only activities that started before this. */
  before?: number;
  page?: number;
  perPage?: number;
}

/** Runs a request with a valid access token (the session, which refreshes and retries on a 401). */
export interface AccessTokens {
  withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T>;
}

export class StravaApi {
  constructor(
    private readonly http: StravaHttp,
    private readonly endpoints: StravaEndpoints,
    private readonly tokens: AccessTokens,
    /** The API base depends on the date (endpoints.ts: the move of 1 June 2027). */
    private readonly now: () => number = Date.now,
  ) {}

  async athlete(): Promise<Athlete> {
    const body = await this.get('/athlete');
    return decode(athleteSchema, body, 'athlete');
  }

  async stats(athleteId: number): Promise<ActivityStats> {
    const body = await this.get(`/athletes/${encodeURIComponent(String(athleteId))}/stats`);
    return decode(activityStatsSchema, body, 'stats');
  }

  async activities(query: ActivityQuery = {}): Promise<SummaryActivity[]> {
    const params = new URLSearchParams();
    if (query.after !== undefined) params.set('after', String(Math.floor(query.after)));
    if (query.before !== undefined) params.set('before', String(Math.floor(query.before)));
    params.set('page', String(query.page ?? 1));
    params.set('per_page', String(Math.min(query.perPage ?? MAX_PER_PAGE, MAX_PER_PAGE)));
    const body = await this.get(`/athlete/activities?${params.toString()}`);
    return decode(activityListSchema, body, 'activities');
  }

  private get(path: string): Promise<unknown> {
    return this.tokens.withToken((token) => this.http.getJson(`${apiBaseAt(this.endpoints, this.now())}${path}`, token));
  }
}
