import { describe, expect, it } from 'vitest';
import { athleteView, buildStatsView, type HistoryCoverage } from '../../../core/stats/statsView';
import type { ActivityRecord } from '../../../core/domain';
import { familyOf } from '../../../core/stats/sportFamilies';
import type { ActivityStats, Athlete } from '../../../core/strava/models';

function total(count: number, distance: number, movingTime: number, elevation: number | null = 0) {
  return { count, distance, moving_time: movingTime, elapsed_time: movingTime + 60, elevation_gain: elevation, achievement_count: 0 };
}

const stats: ActivityStats = {
  biggest_ride_distance: 175454.2,
  biggest_climb_elevation_gain: 1235.4,
  recent_run_totals: total(5, 40123.2, 14400, 300.5),
  recent_ride_totals: total(3, 120345.6, 18000, 1200),
  recent_swim_totals: total(0, 0, 0, null),
  ytd_run_totals: total(80, 700000.1, 250000, 9000),
  ytd_ride_totals: total(40, 2012345.7, 300000, 20000),
  ytd_swim_totals: total(2, 3000, 3600),
  all_run_totals: total(800, 7000000.1, 2500000, 90000),
  all_ride_totals: total(400, 20123456.7, 3000000, 200000),
  all_swim_totals: total(20, 30000, 36000),
};

const NOW = Date.UTC(2024, 2, 13, 12);
const DAY = 86_400_000;
const run = (id: number, daysAgo: number, distance: number): ActivityRecord => ({
  id, name: `Run ${id}`, sportType: 'Run', distance, movingTime: 1800, elapsedTime: 1900, elevationGain: 20, start: NOW - daysAgo * DAY, startLocal: NOW - daysAgo * DAY, visibility: 'everyone',
});
const coverage = (reachesBack: number | null, state: HistoryCoverage['state'] = 'counting'): HistoryCoverage => ({
  reachesBack, state, counted: 2, estimatedTotal: 100, includesPrivate: true, readsActivities: true,
});
const view = (records: ActivityRecord[], reach: HistoryCoverage, withStats: ActivityStats | null = stats) =>
  buildStatsView({ records, stats: withStats, coverage: reach, moment: { now: NOW, utcOffsetMinutes: 0 }, familyOf: familyOf({ eBikeRidesAsRides: false }) });

describe('buildStatsView: each figure from the history where it reaches, else Strava\'s public figure', () => {
  const records = [run(1, 1, 5000), run(2, 20, 10000)];

  it('a complete history gives every figure', () => {
    const stats = view(records, coverage(Number.NEGATIVE_INFINITY, 'complete')).families.run;
    expect(stats.sources).toEqual({ week: 'history', fourWeeks: 'history', ytd: 'history', allTime: 'history' });
    expect(stats.totals.allTime).toEqual({ count: 2, distance: 15000, movingTime: 3600, elevationGain: 40 });
    expect(stats.averageSpeed.allTime).toBeCloseTo(15000 / 3600, 9);
  });

  it('while counting back 30 days: week and 4 weeks from the history, the year and all time public (run, ride, swim)', () => {
    const result = view(records, coverage(NOW - 30 * DAY));
    expect(result.families.run.sources).toEqual({ week: 'history', fourWeeks: 'history', ytd: 'public_stats', allTime: 'public_stats' });
    expect(result.families.run.totals.ytd).toEqual({ count: 80, distance: 700000.1, movingTime: 250000, elevationGain: 9000 });
    expect(result.families.swim.totals.fourWeeks.elevationGain).toBe(0); // a null elevation from Strava reads 0
    // Strava has no figures for other families: they are still being counted.
    expect(result.families.walk.sources.ytd).toBe('counting');
  });

  it('before the first page nothing is from the history, and without stats nothing is known', () => {
    expect(view(records, coverage(null)).families.run.sources.week).toBe('counting');
    expect(view([], coverage(null), null).families.run.sources).toEqual({ week: 'counting', fourWeeks: 'counting', ytd: 'counting', allTime: 'counting' });
  });

  it('the active families are those with activities, most first; Strava\'s public counts make a family active too', () => {
    const result = view([run(1, 1, 5000), { ...run(2, 3, 0), sportType: 'Yoga' }, { ...run(3, 4, 0), sportType: 'Yoga' }], coverage(Number.NEGATIVE_INFINITY, 'complete'), null);
    expect(result.active).toEqual(['fitness', 'run']);
    expect(view([], coverage(null)).active).toEqual(['run', 'ride', 'swim']);
  });

  it('names each sport type of a family, most activities first', () => {
    const result = view([run(1, 1, 5000), { ...run(2, 2, 8000), sportType: 'TrailRun' }, { ...run(3, 3, 8000), sportType: 'TrailRun' }], coverage(Number.NEGATIVE_INFINITY, 'complete'));
    expect(result.families.run.bySportType.map((type) => [type.sportType, type.label, type.totals.allTime.count])).toEqual([['TrailRun', 'Trail run', 2], ['Run', 'Run', 1]]);
  });
});

function athlete(overrides: Partial<Athlete> = {}): Athlete {
  return { id: 134815, firstname: 'Marianne', lastname: 'Teutenberg', city: 'Rennes', state: 'Bretagne', country: 'France', profile_medium: 'https://cdn.example/medium.jpg', profile: 'https://cdn.example/large.jpg', ...overrides };
}

describe('athleteView', () => {
  it('joins the name and location parts', () => {
    expect(athleteView(athlete())).toEqual({
      id: 134815,
      name: 'Marianne Teutenberg',
      location: 'Rennes, Bretagne, France',
      avatarUrl: 'https://cdn.example/medium.jpg',
    });
  });

  it('skips null, missing and blank location parts; null when none is left', () => {
    expect(athleteView(athlete({ city: null })).location).toBe('Bretagne, France');
    expect(athleteView(athlete({ city: ' ', state: undefined })).location).toBe('France');
    expect(athleteView(athlete({ city: null, state: null, country: '' })).location).toBeNull();
  });

  it('falls back to the large avatar, and refuses anything but https', () => {
    expect(athleteView(athlete({ profile_medium: null })).avatarUrl).toBe('https://cdn.example/large.jpg');
    expect(athleteView(athlete({ profile_medium: 'avatar/athlete/medium.png' })).avatarUrl).toBeNull();
    expect(athleteView(athlete({ profile_medium: 'http://cdn.example/medium.jpg' })).avatarUrl).toBeNull();
    expect(athleteView(athlete({ profile_medium: 'javascript:alert(1)//https://x' })).avatarUrl).toBeNull();
    expect(athleteView(athlete({ profile_medium: 'data:image/png;base64,AAAA' })).avatarUrl).toBeNull();
    expect(athleteView(athlete({ profile_medium: null, profile: null })).avatarUrl).toBeNull();
  });

  it('names a nameless athlete by id', () => {
    expect(athleteView(athlete({ firstname: null, lastname: null })).name).toBe('Athlete 134815');
  });
});
