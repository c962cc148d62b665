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
import type { StravaEndpoints } from '../strava/endpoints';
import type { StravaSession } from '../session/stravaSession';
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

export class StravaApi {
  constructor(
    private readonly http: StravaHttp,
    private readonly endpoints: StravaEndpoints,
    private readonly session: StravaSession,
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
    return this.session.withToken((token) => this.http.getJson(`${this.endpoints.api}${path}`, token));
  }
}
