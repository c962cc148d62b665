// Every family's figures from the history in one pass: totals per period and per sport type, the
// 12-week chart and the records. Same period rule (periods.ts) and sums (totals.ts) as totalsFor.
// It reads the history whole, or its digest: recent activities whole, older ones as totals per
// sport type and local year (which can only count in this year and all time) and their record holders.
import { PERIODS, SPORTS, type ActivityLink, type ActivityRecord, type FamilyRecords, type Sport, type SportTotals, type WeekBar } from '../domain';
import { inPeriod, periodBounds, type Moment } from './periods';
import { addActivity } from './totals';
import { WEEKS_IN_CHART, WEEK_MS, emptyTotals, isoDay } from './weeklySummary';

export interface FamilySummary {
  totals: SportTotals;
  bySportType: Map<string, SportTotals>;
  weekly: WeekBar[];
  records: FamilyRecords;
}

export interface HistorySummary {
  families: Record<Sport, FamilySummary>;
  /** Monday of this week, YYYY-MM-DD. */
  weekStart: string;
}

export function emptySportTotals(): SportTotals {
  return { week: emptyTotals(), fourWeeks: emptyTotals(), ytd: emptyTotals(), allTime: emptyTotals() };
}

export function activityLink(record: ActivityRecord): ActivityLink {
  return {
    id: record.id,
    name: record.name,
    sportType: record.sportType,
    date: isoDay(record.startLocal),
    distance: record.distance,
    movingTime: record.movingTime,
    elevationGain: record.elevationGain,
  };
}

interface Leaders {
  byDistance: ActivityRecord | null;
  byTime: ActivityRecord | null;
  byClimb: ActivityRecord | null;
}

/** Later activities win ties, so a record someone just equalled shows the new one. */
const beats = (candidate: number, best: number | undefined) => best === undefined || candidate >= best;

/** Older activities summed per sport type and local year (historyDigest.ts). */
export interface OlderTotals {
  sportType: string;
  year: number;
  totals: { count: number; distance: number; movingTime: number; elevationGain: number };
}

export interface SummaryExtras {
  /** Sums of activities older than any the week, the last 28 days or the chart can include. */
  older?: readonly OlderTotals[];
  /** Their record holders: they count for the records only (their totals are in `older`). */
  leaders?: readonly ActivityRecord[];
}

export function summarizeHistory(records: readonly ActivityRecord[], moment: Moment, familyOf: (sportType: string) => Sport, extras: SummaryExtras = {}): HistorySummary {
  const bounds = periodBounds(moment);
  const firstMonday = bounds.weekStartLocal - (WEEKS_IN_CHART - 1) * WEEK_MS;
  const families = {} as Record<Sport, FamilySummary>;
  const leaders = {} as Record<Sport, Leaders>;
  for (const sport of SPORTS) {
    families[sport] = {
      totals: emptySportTotals(),
      bySportType: new Map(),
      weekly: Array.from({ length: WEEKS_IN_CHART }, (_, index) => ({ weekStart: isoDay(firstMonday + index * WEEK_MS), distance: 0, movingTime: 0 })),
      records: { longest: null, biggestClimb: null },
    };
    leaders[sport] = { byDistance: null, byTime: null, byClimb: null };
  }
  const familyCache = new Map<string, Sport>();
  for (const record of records) {
    if (record.start > bounds.now) continue;
    let sport = familyCache.get(record.sportType);
    if (sport === undefined) {
      sport = familyOf(record.sportType);
      familyCache.set(record.sportType, sport);
    }
    const family = families[sport];
    let byType = family.bySportType.get(record.sportType);
    if (!byType) {
      byType = emptySportTotals();
      family.bySportType.set(record.sportType, byType);
    }
    for (const period of PERIODS) {
      if (!inPeriod(record, period, bounds)) continue;
      addActivity(family.totals[period], record);
      addActivity(byType[period], record);
    }
    if (record.startLocal >= firstMonday) {
      const bar = family.weekly[Math.floor((record.startLocal - firstMonday) / WEEK_MS)];
      if (bar) {
        bar.distance += record.distance;
        bar.movingTime += record.movingTime;
      }
    }
    const lead = leaders[sport];
    if (record.distance > 0 && beats(record.distance, lead.byDistance?.distance)) lead.byDistance = pickLater(lead.byDistance, record, 'distance');
    if (record.movingTime > 0 && beats(record.movingTime, lead.byTime?.movingTime)) lead.byTime = pickLater(lead.byTime, record, 'movingTime');
    if (record.elevationGain > 0 && beats(record.elevationGain, lead.byClimb?.elevationGain)) lead.byClimb = pickLater(lead.byClimb, record, 'elevationGain');
  }
  const currentYear = new Date(bounds.yearStartLocal).getUTCFullYear();
  for (const row of extras.older ?? []) {
    const sport = familyOf(row.sportType);
    const family = families[sport];
    let byType = family.bySportType.get(row.sportType);
    if (!byType) {
      byType = emptySportTotals();
      family.bySportType.set(row.sportType, byType);
    }
    // The same rule as inPeriod: a local year at or after this one is in the year to date.
    const periods = row.year >= currentYear ? (['ytd', 'allTime'] as const) : (['allTime'] as const);
    for (const period of periods) {
      addTotals(family.totals[period], row.totals);
      addTotals(byType[period], row.totals);
    }
  }
  for (const record of extras.leaders ?? []) {
    const lead = leaders[familyOf(record.sportType)];
    if (record.distance > 0 && beats(record.distance, lead.byDistance?.distance)) lead.byDistance = pickLater(lead.byDistance, record, 'distance');
    if (record.movingTime > 0 && beats(record.movingTime, lead.byTime?.movingTime)) lead.byTime = pickLater(lead.byTime, record, 'movingTime');
    if (record.elevationGain > 0 && beats(record.elevationGain, lead.byClimb?.elevationGain)) lead.byClimb = pickLater(lead.byClimb, record, 'elevationGain');
  }
  for (const sport of SPORTS) {
    const lead = leaders[sport];
    // Families without distance (yoga, weights) have their longest by time.
    const longest = lead.byDistance ?? lead.byTime;
    families[sport].records = { longest: longest ? activityLink(longest) : null, biggestClimb: lead.byClimb ? activityLink(lead.byClimb) : null };
  }
  return { families, weekStart: isoDay(bounds.weekStartLocal) };
}

function addTotals(into: OlderTotals['totals'], more: OlderTotals['totals']): void {
  into.count += more.count;
  into.distance += more.distance;
  into.movingTime += more.movingTime;
  into.elevationGain += more.elevationGain;
}

/** On equal values the later activity holds the record (order of records in the file does not matter). */
function pickLater(current: ActivityRecord | null, candidate: ActivityRecord, measure: 'distance' | 'movingTime' | 'elevationGain'): ActivityRecord {
  if (!current || candidate[measure] > current[measure]) return candidate;
  return candidate.start > current.start || (candidate.start === current.start && candidate.id > current.id) ? candidate : current;
}
