// Which API base the reads go to: Strava's old base until the move of 1 June 2027, the new host from then.
import { describe, expect, it } from 'vitest';
import { StravaApi } from '../../../core/api/stravaApi';
import type { StravaHttp } from '../../../core/api/httpClient';
import { API_MOVES_AT, endpointsFromEnv } from '../../../core/strava/endpoints';

function recordingApi(now: () => number) {
  const urls: string[] = [];
  const http = {
    getJson: async (url: string) => {
      urls.push(url);
      return [];
    },
  } as unknown as StravaHttp;
  return { api: new StravaApi(http, endpointsFromEnv({}), { withToken: (call) => call('token') }, now), urls };
}

describe('the API base on the day of the request', () => {
  it('reads www.strava.com/api/v3 before 1 June 2027 and www.api-v3.strava.com from then, in one running engine', async () => {
    let now = Date.UTC(2027, 4, 31, 23, 59);
    const { api, urls } = recordingApi(() => now);
    await api.activities({ page: 1 });
    now = API_MOVES_AT;
    await api.activities({ page: 1 });
    expect(urls).toEqual([
      'https://www.strava.com/api/v3/athlete/activities?page=1&per_page=200',
      'https://www.api-v3.strava.com/athlete/activities?page=1&per_page=200',
    ]);
  });
});
