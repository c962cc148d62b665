import { afterEach, describe, expect, it } from 'vitest';
import { type Json, T0, closeAll, get, login, startSim } from './helpers';

afterEach(closeAll);

const DAY = 86_400_000;

async function allActivities(sim: Awaited<ReturnType<typeof startSim>>, token: string, query = ''): Promise<any[]> {
  const out: any[] = [];
  for (let page = 1; ; page++) {
    const res = await get(sim, `/api/v3/athlete/activities?per_page=200&page=${page}${query}`, token);
    expect(res.status).toBe(200);
    out.push(...res.body);
    if (res.body.length < 200) return out;
  }
}

describe('GET /athlete', () => {
  it('is a SummaryAthlete without profile:read_all', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim, 'read,activity:read');
    const res = await get(sim, '/api/v3/athlete', access_token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: sim.athleteId, resource_state: 2, firstname: 'Zoë', lastname: 'Ødegård-Núñez', city: null });
    expect(res.body.profile).toMatch(/^https:\/\//);
    expect(res.body.profile_medium).toMatch(/^https:\/\//);
    for (const key of ['username', 'bio', 'state', 'country', 'sex', 'premium', 'summit', 'created_at', 'updated_at', 'badge_type_id', 'weight']) {
      expect(res.body).toHaveProperty(key);
    }
    expect(res.body).not.toHaveProperty('follower_count');
    expect(res.body).not.toHaveProperty('measurement_preference');
  });

  it('is a DetailedAthlete with profile:read_all', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim, 'read,profile:read_all');
    const res = await get(sim, '/api/v3/athlete', access_token);
    expect(res.body).toMatchObject({ resource_state: 3, ftp: null, bikes: [], shoes: [], clubs: [] });
    expect(['meters', 'feet']).toContain(res.body.measurement_preference);
    expect(typeof res.body.follower_count).toBe('number');
    expect(typeof res.body.friend_count).toBe('number');
    expect(typeof res.body.weight).toBe('number');
  });

  it('requires a bearer token', async () => {
    const sim = await startSim();
    for (const token of [undefined, 'f'.repeat(40)]) {
      const res = await get(sim, '/api/v3/athlete', token);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'Authorization Error', errors: [{ resource: 'Athlete', field: 'access_token', code: 'invalid' }] });
    }
  });

  it('unknown API paths are 404 Record Not Found', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const res = await get(sim, '/api/v3/segments/starred', access_token);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'Record Not Found', errors: [{ resource: 'resource', field: 'path', code: 'invalid' }] });
    expect((await get(sim, '/nope')).status).toBe(404);
  });
});

describe('GET /athletes/{id}/stats', () => {
  it('is 403 for another athlete', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const res = await get(sim, `/api/v3/athletes/${sim.athleteId + 1}/stats`, access_token);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ message: 'Authorization Error', errors: [{ resource: 'Athlete', field: 'id', code: 'invalid' }] });
  });

  it('totals the public activities by family and window', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const activities = await allActivities(sim, access_token);
    const stats = (await get(sim, `/api/v3/athletes/${sim.athleteId}/stats`, access_token)).body;
    // Strava's stats count Everyone activities only: not Only You, not Followers.
    const runs = activities.filter((a) => ['Run', 'TrailRun', 'VirtualRun'].includes(a.sport_type) && a.visibility === 'everyone');
    expect(activities.some((a) => a.visibility === 'followers_only')).toBe(true);
    const recent = runs.filter((a) => Date.parse(a.start_date) > T0 - 28 * DAY);
    // The year by each activity's local start, in the athlete's zone.
    const ytd = runs.filter((a) => Date.parse(a.start_date_local) >= Date.UTC(2025, 0, 1));
    const sum = (list: any[], key: string) => Math.round(list.reduce((s, a) => s + a[key], 0) * 10) / 10;
    expect(stats.recent_run_totals).toEqual({
      count: recent.length,
      distance: sum(recent, 'distance'),
      moving_time: sum(recent, 'moving_time'),
      elapsed_time: sum(recent, 'elapsed_time'),
      elevation_gain: sum(recent, 'total_elevation_gain'),
      achievement_count: sum(recent, 'achievement_count'),
    });
    expect(stats.ytd_run_totals.count).toBe(ytd.length);
    expect(stats.ytd_run_totals.distance).toBe(sum(ytd, 'distance'));
    expect(stats.ytd_run_totals).not.toHaveProperty('achievement_count');
    for (const family of ['run', 'ride', 'swim']) {
      expect(stats[`all_${family}_totals`].count).toBeGreaterThan(stats[`ytd_${family}_totals`].count);
      expect(stats[`all_${family}_totals`].distance).toBeGreaterThan(stats[`ytd_${family}_totals`].distance);
    }
    expect(typeof stats.biggest_ride_distance).toBe('number');
    expect(typeof stats.biggest_climb_elevation_gain).toBe('number');
  });

  it('reflects added activities, ignoring private ones and non-family sports', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const path = `/api/v3/athletes/${sim.athleteId}/stats`;
    const before = (await get(sim, path, access_token)).body;
    sim.addActivity({ sport_type: 'TrailRun', distance: 12345.6, moving_time: 4000, total_elevation_gain: 321.5 });
    sim.addActivity({ sport_type: 'Run', distance: 5000, moving_time: 1500, private: true });
    sim.addActivity({ sport_type: 'Yoga', distance: 0, moving_time: 3600 });
    const after = (await get(sim, path, access_token)).body;
    expect(after.recent_run_totals.count).toBe(before.recent_run_totals.count + 1);
    expect(after.ytd_run_totals.distance).toBeCloseTo(before.ytd_run_totals.distance + 12345.6, 1);
    expect(after.all_run_totals.elevation_gain).toBeCloseTo(before.all_run_totals.elevation_gain + 321.5, 1);
    expect(after.recent_ride_totals).toEqual(before.recent_ride_totals);
  });
});

describe('GET /athlete/activities', () => {
  it('needs activity:read or activity:read_all', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim, 'read,profile:read_all');
    const res = await get(sim, '/api/v3/athlete/activities', access_token);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ message: 'Authorization Error', errors: [{ resource: 'AccessToken', field: 'activity:read_permission', code: 'missing' }] });
  });

  it('returns 30 Strava-shaped summaries, newest first, by default', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const res = await get(sim, '/api/v3/athlete/activities', access_token);
    expect(res.body).toHaveLength(30);
    const first = res.body[0];
    expect(first).toMatchObject({ resource_state: 2, athlete: { id: sim.athleteId, resource_state: 1 }, workout_type: null, location_city: null, timezone: '(GMT+01:00) Europe/Oslo' });
    expect(first.start_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(first.start_date_local).toMatch(/Z$/);
    // June in Oslo is UTC+2: local wall time is two hours ahead, with Strava's trailing Z.
    expect(Date.parse(first.start_date_local) - Date.parse(first.start_date)).toBe(first.utc_offset * 1000);
    expect(first.utc_offset).toBe(7200);
    expect(['everyone', 'only_me']).toContain(first.visibility);
    const starts = res.body.map((a: any) => Date.parse(a.start_date));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(Math.max(...starts)).toBeLessThanOrEqual(T0);
  });

  it('generates a realistic, deterministic year of activities', async () => {
    const sim = await startSim();
    const twin = await startSim();
    const { access_token } = await login(sim);
    const list = await allActivities(sim, access_token);
    const twinList = await allActivities(twin, (await login(twin)).access_token);
    expect(twinList).toEqual(list);
    expect(list.length).toBeGreaterThanOrEqual(240);
    expect(list.length).toBeLessThanOrEqual(260);
    const sports = new Set(list.map((a) => a.sport_type));
    for (const s of ['Run', 'TrailRun', 'VirtualRun', 'Ride', 'GravelRide', 'VirtualRide', 'MountainBikeRide', 'Swim']) expect(sports).toContain(s);
    expect([...sports].some((s) => s === 'Walk' || s === 'Yoga')).toBe(true);
    expect(list.some((a) => a.private && a.visibility === 'only_me')).toBe(true);
    expect(list.some((a) => !Number.isInteger(a.distance))).toBe(true);
    expect(Math.min(...list.map((a) => Date.parse(a.start_date)))).toBeGreaterThanOrEqual(T0 - 366 * DAY);
    // Ids grow with date.
    const byDate = [...list].sort((a, b) => Date.parse(a.start_date) - Date.parse(b.start_date));
    const ids = byDate.map((a) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // Paces are plausible: runs 2.5-4 m/s, rides 3-10.5 m/s.
    for (const a of list.filter((x) => x.sport_type === 'Run')) expect(a.average_speed).toBeGreaterThan(2.4);
    for (const a of list.filter((x) => x.type === 'Ride')) expect(a.average_speed).toBeLessThan(10.5);
    const other = await startSim({ seed: 8 });
    const otherList = (await get(other, '/api/v3/athlete/activities', (await login(other)).access_token)).body;
    expect(otherList.map((a: any) => a.id)).not.toEqual(list.slice(0, 30).map((a) => a.id));
  });

  it('pages without overlap and rejects per_page over 200', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const p1: Json = await get(sim, '/api/v3/athlete/activities?per_page=10&page=1', access_token);
    const p2: Json = await get(sim, '/api/v3/athlete/activities?per_page=10&page=2', access_token);
    const both = await get(sim, '/api/v3/athlete/activities?per_page=20', access_token);
    expect([...p1.body, ...p2.body].map((a) => a.id)).toEqual(both.body.map((a: any) => a.id));
    expect((await get(sim, '/api/v3/athlete/activities?per_page=200', access_token)).body).toHaveLength(200);
    const tooBig = await get(sim, '/api/v3/athlete/activities?per_page=201', access_token);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toEqual({ message: 'Bad Request', errors: [{ resource: 'Activity', field: 'per_page', code: 'invalid' }] });
    expect((await get(sim, '/api/v3/athlete/activities?page=999', access_token)).body).toEqual([]);
  });

  it('filters on before/after (epoch seconds); after alone lists oldest first', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const after = Math.floor((T0 - 60 * DAY) / 1000);
    const before = Math.floor((T0 - 30 * DAY) / 1000);
    const asc = (await get(sim, `/api/v3/athlete/activities?after=${after}&per_page=200`, access_token)).body;
    const ascStarts = asc.map((a: any) => Date.parse(a.start_date) / 1000);
    expect(ascStarts.length).toBeGreaterThan(5);
    expect(ascStarts.every((s: number) => s > after)).toBe(true);
    expect(ascStarts).toEqual([...ascStarts].sort((a, b) => a - b));
    const window = (await get(sim, `/api/v3/athlete/activities?after=${after}&before=${before}&per_page=200`, access_token)).body;
    const winStarts = window.map((a: any) => Date.parse(a.start_date) / 1000);
    expect(winStarts.every((s: number) => s > after && s < before)).toBe(true);
    expect(winStarts).toEqual([...winStarts].sort((a, b) => b - a));
    expect(window.length).toBe(ascStarts.filter((s: number) => s < before).length);
    expect((await get(sim, '/api/v3/athlete/activities?before=abc', access_token)).status).toBe(400);
  });

  it('shows private activities only with activity:read_all', async () => {
    const sim = await startSim();
    const all = await allActivities(sim, (await login(sim, 'read,activity:read_all')).access_token);
    const publicOnly = await allActivities(sim, (await login(sim, 'read,activity:read')).access_token);
    const privateCount = all.filter((a) => a.private).length;
    expect(privateCount).toBeGreaterThan(0);
    expect(publicOnly.some((a) => a.private)).toBe(false);
    expect(publicOnly.length).toBe(all.length - privateCount);
  });

  it('hides activities dated after sim now, and shows added ones', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const future = sim.addActivity({ sport_type: 'Ride', distance: 40000.5, moving_time: 5000, start: T0 + DAY });
    const now = sim.addActivity({ sport_type: 'Swim', distance: 1500.2, moving_time: 1800 });
    let latest = (await get(sim, '/api/v3/athlete/activities?per_page=2', access_token)).body;
    expect(latest[0]).toMatchObject({ id: now, sport_type: 'Swim', type: 'Swim', distance: 1500.2, start_date: new Date(T0).toISOString().replace('.000', '') });
    expect(latest.map((a: any) => a.id)).not.toContain(future);
    sim.clock.advance(2 * DAY);
    const later = await login(sim); // the first token expired during those two days
    latest = (await get(sim, '/api/v3/athlete/activities?per_page=1', later.access_token)).body;
    expect(latest[0].id).toBe(future);
    expect(future).toBeLessThan(now);
  });
});
