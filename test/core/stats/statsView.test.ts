import { describe, expect, it } from 'vitest';
import { athleteView, buildStatsView, statsView } from '../../../core/stats/statsView';
import type { ActivityRecord } from '../../../core/domain';
import { summarizeWeeks } from '../../../core/stats/weeklySummary';
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

describe('statsView', () => {
  it('maps Strava\'s recent/ytd/all totals per sport', () => {
    const view = statsView(stats, summarizeWeeks([], NOW, 0));
    expect(view.totals.run.fourWeeks).toEqual({ count: 5, distance: 40123.2, movingTime: 14400, elevationGain: 300.5 });
    expect(view.totals.ride.ytd).toEqual({ count: 40, distance: 2012345.7, movingTime: 300000, elevationGain: 20000 });
    expect(view.totals.swim.allTime).toEqual({ count: 20, distance: 30000, movingTime: 36000, elevationGain: 0 });
    expect(view.totals.ride.allTime.distance).toBe(20123456.7);
    expect(view.biggestRideDistance).toBe(175454.2);
    expect(view.biggestClimbElevationGain).toBe(1235.4);
  });

  it('turns a null elevation gain into 0', () => {
    expect(statsView(stats, summarizeWeeks([], NOW, 0)).totals.swim.fourWeeks.elevationGain).toBe(0);
  });

  it('null or missing biggest_* become null', () => {
    const withNulls = { ...stats, biggest_ride_distance: null, biggest_climb_elevation_gain: null };
    const view = statsView(withNulls, summarizeWeeks([], NOW, 0));
    expect(view.biggestRideDistance).toBeNull();
    expect(view.biggestClimbElevationGain).toBeNull();
    const { biggest_ride_distance: _a, biggest_climb_elevation_gain: _b, ...without } = stats;
    const viewWithout = statsView(without as ActivityStats, summarizeWeeks([], NOW, 0));
    expect(viewWithout.biggestRideDistance).toBeNull();
    expect(viewWithout.biggestClimbElevationGain).toBeNull();
  });

  it('without stats, every total is zero but the weekly numbers still show', () => {
    const run: ActivityRecord = { id: 1, sportType: 'Run', distance: 5000, movingTime: 1500, elevationGain: 20, start: NOW - 3600_000, startLocal: NOW - 3600_000 };
    const view = statsView(null, summarizeWeeks([run], NOW, 0));
    const zero = { count: 0, distance: 0, movingTime: 0, elevationGain: 0 };
    for (const sport of ['run', 'ride', 'swim'] as const) {
      expect(view.totals[sport].fourWeeks).toEqual(zero);
      expect(view.totals[sport].ytd).toEqual(zero);
      expect(view.totals[sport].allTime).toEqual(zero);
    }
    expect(view.totals.run.week).toEqual({ count: 1, distance: 5000, movingTime: 1500, elevationGain: 20 });
    expect(view.weekly.run).toHaveLength(12);
    expect(view.weekly.run.at(-1)?.distance).toBe(5000);
    expect(view.biggestRideDistance).toBeNull();
  });

  it('buildStatsView equals statsView of the weekly summary', () => {
    const ride: ActivityRecord = { id: 2, sportType: 'GravelRide', distance: 42000, movingTime: 5400, elevationGain: 300, start: NOW - DAY, startLocal: NOW - DAY };
    expect(buildStatsView(stats, [ride], NOW, 60)).toEqual(statsView(stats, summarizeWeeks([ride], NOW, 60)));
    expect(buildStatsView(stats, [ride], NOW, 60).totals.ride.week.distance).toBe(42000);
  });
});

const DAY = 86_400_000;

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
