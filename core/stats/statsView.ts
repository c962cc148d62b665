// The figures every surface shows, composed from the history summary and, for periods the history
// does not reach yet, Strava's stats endpoint (public activities only, run/ride/swim). Pure.
import {
  PERIODS,
  SPORTS,
  STATS_ENDPOINT_SPORTS,
  type ActivityRecord,
  type AthleteView,
  type FamilyStats,
  type FigureSource,
  type HistoryView,
  type Period,
  type Sport,
  type SportTotals,
  type StatsView,
  type Totals,
} from '../domain';
import type { ActivityStats, ActivityTotal, Athlete } from '../strava/models';
import { athleteDisplayName } from '../strava/models';
import { summarizeHistory, type SummaryExtras } from './historySummary';
import { periodBounds, periodReach, type Moment } from './periods';
import { sportTypeLabel } from './sportFamilies';
import { averageSpeed } from './totals';
import { emptyTotals } from './weeklySummary';

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

/** How far back the history holds every activity it may see, and how the counting goes. */
export interface HistoryCoverage extends HistoryView {
  /** Epoch ms; -Infinity once the backfill is complete; null when nothing was read yet. */
  reachesBack: number | null;
}

function endpointTotals(total: ActivityTotal | undefined): Totals {
  return {
    count: total?.count ?? 0,
    distance: total?.distance ?? 0,
    movingTime: total?.moving_time ?? 0,
    elevationGain: total?.elevation_gain ?? 0,
  };
}

const ENDPOINT_PERIOD: Partial<Record<Period, 'recent' | 'ytd' | 'all'>> = { fourWeeks: 'recent', ytd: 'ytd', allTime: 'all' };

/** Strava's public figure for a family and period, when the stats endpoint has one. */
export function publicStatsTotals(stats: ActivityStats | null, sport: Sport, period: Period): Totals | null {
  const key = ENDPOINT_PERIOD[period];
  if (!stats || !key || !(STATS_ENDPOINT_SPORTS as readonly Sport[]).includes(sport)) return null;
  return endpointTotals(stats[`${key}_${sport as 'run' | 'ride' | 'swim'}_totals`]);
}

export interface StatsInputs {
  records: readonly ActivityRecord[];
  /** The older activities' sums and record holders, when `records` are a digest's recent ones. */
  extras?: SummaryExtras;
  stats: ActivityStats | null;
  coverage: HistoryCoverage;
  moment: Moment;
  familyOf: (sportType: string) => Sport;
}

export function buildStatsView({ records, extras, stats, coverage, moment, familyOf }: StatsInputs): StatsView {
  const summary = summarizeHistory(records, moment, familyOf, extras);
  const bounds = periodBounds(moment);
  const reaches = (period: Period) => coverage.reachesBack !== null && coverage.reachesBack <= periodReach(period, bounds);
  const families = {} as Record<Sport, FamilyStats>;
  for (const sport of SPORTS) {
    const family = summary.families[sport];
    const totals = {} as SportTotals;
    const sources = {} as Record<Period, FigureSource>;
    for (const period of PERIODS) {
      const fallback = publicStatsTotals(stats, sport, period);
      if (reaches(period)) {
        totals[period] = family.totals[period];
        sources[period] = 'history';
      } else if (fallback) {
        totals[period] = fallback;
        sources[period] = 'public_stats';
      } else {
        totals[period] = emptyTotals();
        sources[period] = 'counting';
      }
    }
    families[sport] = {
      totals,
      sources,
      averageSpeed: Object.fromEntries(PERIODS.map((period) => [period, averageSpeed(totals[period])])) as Record<Period, number | null>,
      bySportType: [...family.bySportType.entries()]
        .map(([sportType, byType]) => ({ sportType, label: sportTypeLabel(sportType), totals: byType }))
        .sort((a, b) => b.totals.allTime.count - a.totals.allTime.count || a.sportType.localeCompare(b.sportType)),
      weekly: family.weekly,
      records: family.records,
    };
  }
  const count = (sport: Sport) => Math.max(summary.families[sport].totals.allTime.count, families[sport].totals.allTime.count);
  const active = SPORTS.filter((sport) => count(sport) > 0).sort((a, b) => count(b) - count(a) || SPORTS.indexOf(a) - SPORTS.indexOf(b));
  const { reachesBack: _reach, ...history } = coverage;
  return { families, active, history };
}
