// StatsView builders for tests and screenshots: families from given totals, the rest empty.
import { PERIODS, SPORTS, type FamilyRecords, type FamilyStats, type FigureSource, type HistoryView, type Period, type Sport, type SportTotals, type StatsView, type WeekBar } from '../../core/domain';
import { emptySportTotals } from '../../core/stats/historySummary';
import { averageSpeed } from '../../core/stats/totals';

export const COMPLETE_HISTORY: HistoryView = { state: 'complete', counted: 1_540, estimatedTotal: 1_540, includesPrivate: true, readsActivities: true };

export function familyStats(totals: SportTotals, options: { weekly?: WeekBar[]; records?: FamilyRecords; sources?: Partial<Record<Period, FigureSource>>; bySportType?: FamilyStats['bySportType'] } = {}): FamilyStats {
  return {
    totals,
    sources: Object.fromEntries(PERIODS.map((period) => [period, options.sources?.[period] ?? 'history'])) as Record<Period, FigureSource>,
    averageSpeed: Object.fromEntries(PERIODS.map((period) => [period, averageSpeed(totals[period])])) as Record<Period, number | null>,
    bySportType: options.bySportType ?? [],
    weekly: options.weekly ?? [],
    records: options.records ?? { longest: null, biggestClimb: null },
  };
}

export function statsView(families: Partial<Record<Sport, FamilyStats>>, history: HistoryView = COMPLETE_HISTORY): StatsView {
  const all = Object.fromEntries(SPORTS.map((sport) => [sport, families[sport] ?? familyStats(emptySportTotals())])) as Record<Sport, FamilyStats>;
  const active = SPORTS.filter((sport) => all[sport].totals.allTime.count > 0).sort((a, b) => all[b].totals.allTime.count - all[a].totals.allTime.count);
  return { families: all, active, history };
}
