// Cached Strava data → what the dashboard, tray and CLI show. Pure functions of the cache.
import { SPORTS, type ActivityRecord, type AthleteView, type Sport, type SportTotals, type StatsView, type Totals } from '../domain';
import type { ActivityStats, ActivityTotal, Athlete } from '../strava/models';
import { athleteDisplayName } from '../strava/models';
import { summarizeWeeks, type WeeklySummary } from './weeklySummary';

function totals(total: ActivityTotal | undefined): Totals {
  return {
    count: total?.count ?? 0,
    distance: total?.distance ?? 0,
    movingTime: total?.moving_time ?? 0,
    elevationGain: total?.elevation_gain ?? 0,
  };
}

export function athleteView(athlete: Athlete): AthleteView {
  const location = [athlete.city, athlete.state, athlete.country].filter((part) => part && part.trim()).join(', ');
  const avatar = athlete.profile_medium ?? athlete.profile ?? null;
  return {
    id: athlete.id,
    name: athleteDisplayName(athlete),
    location: location || null,
    // Strava's placeholder is a relative path ("avatar/athlete/large.png"): only real https images.
    avatarUrl: avatar && /^https:\/\//.test(avatar) ? avatar : null,
  };
}

export function statsView(stats: ActivityStats | null, weeks: WeeklySummary): StatsView {
  const key = (period: 'recent' | 'ytd' | 'all', sport: Sport) => `${period}_${sport}_totals` as const;
  const perSport = (sport: Sport): SportTotals => ({
    week: weeks.thisWeek[sport],
    fourWeeks: totals(stats?.[key('recent', sport)]),
    ytd: totals(stats?.[key('ytd', sport)]),
    allTime: totals(stats?.[key('all', sport)]),
  });
  return {
    totals: Object.fromEntries(SPORTS.map((sport) => [sport, perSport(sport)])) as Record<Sport, SportTotals>,
    biggestRideDistance: stats?.biggest_ride_distance ?? null,
    biggestClimbElevationGain: stats?.biggest_climb_elevation_gain ?? null,
    weekly: weeks.weekly,
  };
}

export function buildStatsView(stats: ActivityStats | null, activities: readonly ActivityRecord[], now: number, utcOffsetMinutes: number): StatsView {
  return statsView(stats, summarizeWeeks(activities, now, utcOffsetMinutes));
}
