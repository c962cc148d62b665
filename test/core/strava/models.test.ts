import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadResponseError } from '../../../core/errors';
import { propertyTest, runs } from '../../support/properties';
import {
  activityListSchema,
  activityStatsSchema,
  athleteDisplayName,
  athleteSchema,
  decode,
  stravaFaultSchema,
  summaryActivitySchema,
  summaryAthleteSchema,
  tokenResponseSchema,
} from '../../../core/strava/models';

const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'; // looks like a Strava access token

function athletePayload(): Record<string, unknown> {
  return {
    id: 134815,
    username: 'marianne_t',
    resource_state: 3,
    firstname: 'Marianne',
    lastname: 'Teutenberg',
    bio: null,
    city: null,
    state: 'Bretagne',
    country: 'France',
    sex: 'F',
    premium: true,
    summit: true,
    created_at: '2017-11-14T02:30:05Z',
    updated_at: '2026-11-18T17:10:00Z',
    badge_type_id: 4,
    weight: 61.3,
    profile_medium: 'https://dgalywyr863hv.cloudfront.net/pictures/athletes/134815/medium.jpg',
    profile: 'https://dgalywyr863hv.cloudfront.net/pictures/athletes/134815/large.jpg',
    friend: null,
    follower: null,
    follower_count: 5,
    friend_count: 5,
    measurement_preference: 'meters',
    ftp: null,
    clubs: [],
    bikes: [{ id: 'b12345678987655', primary: true, name: 'EMC', resource_state: 2, distance: 0 }],
    shoes: [],
  };
}

function totals(count: number, distance: number) {
  return { count, distance, moving_time: 3600.0 * count, elapsed_time: 3700 * count, elevation_gain: 123.4 * count, achievement_count: null };
}

function statsPayload(): Record<string, unknown> {
  return {
    biggest_ride_distance: 175454.0,
    biggest_climb_elevation_gain: 1235.4000000000001,
    recent_ride_totals: totals(3, 120345.6),
    recent_run_totals: totals(5, 40123.2),
    recent_swim_totals: totals(0, 0),
    ytd_ride_totals: totals(40, 2012345.7),
    ytd_run_totals: totals(80, 700000.1),
    ytd_swim_totals: totals(2, 3000),
    all_ride_totals: totals(400, 20123456.7),
    all_run_totals: totals(800, 7000000.1),
    all_swim_totals: totals(20, 30000),
  };
}

function activityPayload(): Record<string, unknown> {
  return {
    resource_state: 2,
    athlete: { id: 134815, resource_state: 1 },
    name: 'Happy Friday',
    distance: 24931.4,
    moving_time: 4500,
    elapsed_time: 4500,
    total_elevation_gain: 0,
    type: 'Ride',
    sport_type: 'MountainBikeRide',
    workout_type: null,
    id: 154504250376823,
    start_date: '2018-05-02T12:15:09Z',
    start_date_local: '2018-05-02T05:15:09Z',
    timezone: '(GMT-08:00) America/Los_Angeles',
    utc_offset: -25200,
    location_city: null,
    achievement_count: 0,
    kudos_count: 3,
    map: { id: 'a12345678987654321', summary_polyline: null, resource_state: 2 },
    private: false,
    visibility: 'everyone',
    average_speed: 5.54,
    max_speed: 11,
    has_heartrate: false,
  };
}

function expectBadResponse(run: () => unknown): BadResponseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadResponseError);
    return error as BadResponseError;
  }
  throw new Error('expected decode to throw');
}

describe('decoders accept Strava-shaped payloads', () => {
  it('detailed athlete with floats, nulls and unknown fields kept', () => {
    const athlete = decode(athleteSchema, athletePayload(), 'athlete');
    expect(athlete.id).toBe(134815);
    expect(athlete.city).toBeNull();
    expect(athlete.weight).toBe(61.3);
    expect(athlete.measurement_preference).toBe('meters');
    expect((athlete as Record<string, unknown>).badge_type_id).toBe(4);
    expect((athlete as Record<string, unknown>).bikes).toEqual([{ id: 'b12345678987655', primary: true, name: 'EMC', resource_state: 2, distance: 0 }]);
  });

  it('summary athlete (no profile:read_all) decodes with the detailed schema too', () => {
    const summary = { id: 7, resource_state: 2, firstname: 'Jo', lastname: null, profile_medium: 'avatar/athlete/medium.png', city: null, state: null, country: null };
    expect(decode(athleteSchema, summary, 'athlete').firstname).toBe('Jo');
    expect(decode(summaryAthleteSchema, summary, 'athlete').lastname).toBeNull();
  });

  it('activity stats with float totals and biggest_ride_distance present, null or missing', () => {
    const stats = decode(activityStatsSchema, statsPayload(), 'stats');
    expect(stats.biggest_ride_distance).toBe(175454);
    expect(stats.recent_run_totals.distance).toBe(40123.2);
    expect(stats.recent_run_totals.achievement_count).toBeNull();

    const withNull = { ...statsPayload(), biggest_ride_distance: null, biggest_climb_elevation_gain: null };
    expect(decode(activityStatsSchema, withNull, 'stats').biggest_ride_distance).toBeNull();

    const missing = statsPayload();
    delete missing.biggest_ride_distance;
    delete missing.biggest_climb_elevation_gain;
    expect(decode(activityStatsSchema, missing, 'stats').biggest_ride_distance).toBeUndefined();
  });

  it('activity list with unknown fields kept; legacy type-only activities accepted', () => {
    const legacy = { ...activityPayload(), id: 2, sport_type: undefined, type: 'Run' };
    delete legacy.sport_type;
    const list = decode(activityListSchema, [activityPayload(), legacy], 'activities');
    expect(list).toHaveLength(2);
    expect(list[0]?.sport_type).toBe('MountainBikeRide');
    expect((list[0] as Record<string, unknown>).kudos_count).toBe(3);
    expect(list[1]?.type).toBe('Run');
    expect(decode(activityListSchema, [], 'activities')).toEqual([]);
  });

  it('token response with and without athlete', () => {
    const body = { token_type: 'Bearer', expires_at: 1568775134, expires_in: 21600, refresh_token: 'e5n567567', access_token: TOKEN, athlete: { id: 1, firstname: 'A' } };
    expect(decode(tokenResponseSchema, body, 'token response').athlete?.id).toBe(1);
    const refresh = { token_type: 'Bearer', access_token: TOKEN, expires_at: 1568775134, expires_in: 20566, refresh_token: 'r' };
    expect(decode(tokenResponseSchema, refresh, 'token response').athlete).toBeUndefined();
  });

  it('fault bodies are lenient', () => {
    expect(stravaFaultSchema.safeParse({}).success).toBe(true);
    expect(stravaFaultSchema.safeParse({ message: 'Bad Request', errors: [{}] }).success).toBe(true);
  });
});

describe('decoders reject wrong shapes with BadResponseError naming the field, never the value', () => {
  it('a token-like string in a numeric id', () => {
    const error = expectBadResponse(() => decode(athleteSchema, { ...athletePayload(), id: TOKEN }, 'athlete'));
    expect(error.code).toBe('bad_response');
    expect(error.message).toContain('athlete: id');
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain(TOKEN.slice(0, 12));
  });

  it('a token-like string in an enum field', () => {
    const error = expectBadResponse(() => decode(athleteSchema, { ...athletePayload(), measurement_preference: TOKEN }, 'athlete'));
    expect(error.message).toContain('measurement_preference');
    expect(error.message).not.toContain(TOKEN);
  });

  it('a nested totals field names its full path', () => {
    const stats = statsPayload();
    stats.recent_run_totals = { ...(stats.recent_run_totals as object), distance: TOKEN };
    const error = expectBadResponse(() => decode(activityStatsSchema, stats, 'stats'));
    expect(error.message).toContain('stats: recent_run_totals.distance');
    expect(error.message).not.toContain(TOKEN);
  });

  it('a missing totals object is named', () => {
    const stats = statsPayload();
    delete stats.all_swim_totals;
    expect(expectBadResponse(() => decode(activityStatsSchema, stats, 'stats')).message).toContain('all_swim_totals');
  });

  it('a bad date in the second activity names index and field', () => {
    const bad = { ...activityPayload(), id: 3, start_date_local: `not-a-date-${TOKEN}` };
    const error = expectBadResponse(() => decode(activityListSchema, [activityPayload(), bad], 'activities'));
    expect(error.message).toContain('activities: 1.start_date_local');
    expect(error.message).not.toContain(TOKEN);
  });

  it('an activity with neither sport_type nor type is refused', () => {
    const bare = activityPayload();
    delete bare.sport_type;
    delete bare.type;
    const error = expectBadResponse(() => decode(summaryActivitySchema, bare, 'activity'));
    expect(error.message).toContain('neither sport_type nor type');
  });

  it('negative distances and non-integer ids are refused', () => {
    expect(expectBadResponse(() => decode(summaryActivitySchema, { ...activityPayload(), distance: -1 }, 'activity')).message).toContain('distance');
    expect(expectBadResponse(() => decode(athleteSchema, { ...athletePayload(), id: 1.5 }, 'athlete')).message).toContain('id');
    expect(expectBadResponse(() => decode(athleteSchema, { ...athletePayload(), id: 0 }, 'athlete')).message).toContain('id');
  });

  it('an empty access token or a wrong-typed refresh token in a token response', () => {
    const body = { access_token: '', refresh_token: 'r', expires_at: 1 };
    expect(expectBadResponse(() => decode(tokenResponseSchema, body, 'token response')).message).toContain('access_token');
    const error = expectBadResponse(() => decode(tokenResponseSchema, { access_token: TOKEN, refresh_token: 12345678901, expires_at: 1 }, 'token response'));
    expect(error.message).toContain('refresh_token');
    expect(error.message).not.toContain('12345678901');
    expect(error.message).not.toContain(TOKEN);
  });

  it('a non-object root is "(root)"', () => {
    for (const value of [null, 'athlete', 42, [], true]) {
      const error = expectBadResponse(() => decode(athleteSchema, value, 'athlete'));
      expect(error.message).toContain('athlete: (root)');
    }
    expect(expectBadResponse(() => decode(activityListSchema, { not: 'a list' }, 'activities')).message).toContain('(root)');
  });
});

describe('decode properties', () => {
  const schemas = [
    ['athlete', athleteSchema],
    ['stats', activityStatsSchema],
    ['activities', activityListSchema],
    ['activity', summaryActivitySchema],
    ['token response', tokenResponseSchema],
  ] as const;

  function onlyBadResponse(run: () => unknown): void {
    try {
      run();
    } catch (error) {
      if (!(error instanceof BadResponseError)) throw new Error(`decode threw ${String(error)} instead of BadResponseError`);
      expect(error.message).not.toContain('\n');
    }
  }

  it('on arbitrary JSON values only ever throws BadResponseError', propertyTest, () => {
    fc.assert(
      fc.property(fc.constantFrom(...schemas), fc.jsonValue(), ([what, schema], value) => {
        onlyBadResponse(() => decode(schema as never, value, what));
      }),
      runs(1_000),
    );
  });

  it('on valid payloads with one field replaced by an arbitrary value: BadResponseError only, never echoing the value', propertyTest, () => {
    const RUNS = runs(1_000);
    const marker = fc.stringMatching(/^[0-9a-f]{24}$/).map((hex) => `tok_${hex}`);
    const replacement = (secret: string) =>
      fc.oneof(fc.constant(secret), fc.constant([secret]), fc.constant({ value: secret }), fc.jsonValue(), fc.constant(undefined));
    const bases = {
      athlete: { schema: athleteSchema, payload: athletePayload() },
      stats: { schema: activityStatsSchema, payload: statsPayload() },
      activity: { schema: summaryActivitySchema, payload: activityPayload() },
    } as const;
    const mutation = fc
      .tuple(fc.constantFrom('athlete', 'stats', 'activity' as const), marker, fc.nat(), fc.boolean())
      .chain(([what, secret, pick, nested]) => replacement(secret).map((value) => ({ what, secret, pick, nested, value })));
    let rejected = 0;
    fc.assert(
      fc.property(mutation, ({ what, secret, pick, nested, value }) => {
        const payload: Record<string, unknown> = structuredClone(bases[what].payload);
        const keys = Object.keys(payload);
        const key = keys[pick % keys.length]!;
        const current = payload[key];
        if (nested && current && typeof current === 'object' && !Array.isArray(current)) {
          const inner = current as Record<string, unknown>;
          const innerKeys = Object.keys(inner);
          inner[innerKeys[pick % innerKeys.length]!] = value;
        } else {
          payload[key] = value;
        }
        try {
          decode(bases[what].schema as never, payload, what);
        } catch (error) {
          if (!(error instanceof BadResponseError)) throw new Error(`decode threw ${String(error)}`);
          expect(error.message).not.toContain(secret);
          expect(error.message).not.toContain(secret.slice(4));
          rejected += 1;
        }
      }),
      RUNS,
    );
    expect(rejected).toBeGreaterThan(RUNS.numRuns * 0.1);
  });
});

describe('athleteDisplayName', () => {
  it('joins first and last name', () => {
    expect(athleteDisplayName({ id: 1, firstname: 'Marianne', lastname: 'Teutenberg' })).toBe('Marianne Teutenberg');
  });

  it('uses whichever part exists, trimming blanks', () => {
    expect(athleteDisplayName({ id: 1, firstname: 'Marianne', lastname: null })).toBe('Marianne');
    expect(athleteDisplayName({ id: 1, firstname: '  ', lastname: 'T.' })).toBe('T.');
    expect(athleteDisplayName({ id: 1, firstname: undefined, lastname: 'Teutenberg' })).toBe('Teutenberg');
  });

  it('falls back to "Athlete <id>" when there is no name', () => {
    expect(athleteDisplayName({ id: 134815, firstname: null, lastname: null })).toBe('Athlete 134815');
    expect(athleteDisplayName({ id: 9, firstname: ' ', lastname: '' })).toBe('Athlete 9');
  });
});
