// What the views need of the history, small enough that `pacebar status` reads it in a few
// milliseconds however long the history is: the recent activities whole (the week, the last 28
// days and the 12-week chart are made of them), the older ones summed per sport type and local
// year (the year and all time need no more), and the older record holders. Written beside the
// history (history-digest.json) with the history's revision, so a reader knows it is current;
// anything else (no digest, another revision, damage) falls back to the history itself.
import * as z from 'zod';
import type { ActivityRecord, Totals } from '../domain';
import { columnsSchema, decodeRecords, encodeRecords, readsSchema, sportTypesSchema, walksSchema } from './historyCodec';
import type { HistoryData } from './historyData';

/** Activities this long before the newest one are in `recent`: more than the chart's 12 weeks. */
export const DIGEST_RECENT_MS = 100 * 24 * 60 * 60 * 1000;

export interface YearTotals {
  sportType: string;
  /** The local calendar year of the activities' start_date_local. */
  year: number;
  totals: Totals;
}

export interface HistoryDigest extends Pick<HistoryData, 'revision' | 'athleteId' | 'reads' | 'walks'> {
  /** Activities in the history. */
  counted: number;
  /** Epoch ms: activities that started before it are summed in `older`; null: none are. */
  splitAt: number | null;
  recent: ActivityRecord[];
  older: YearTotals[];
  /** Among the older activities, per sport type: the longest by distance, by time, the biggest climb. */
  leaders: ActivityRecord[];
  /** Every Garmin device that recorded an activity of the history (Garmin's attribution). */
  garminDevices: string[];
}

function add(totals: Totals, record: ActivityRecord): void {
  totals.count += 1;
  totals.distance += record.distance;
  totals.movingTime += record.movingTime;
  totals.elevationGain += record.elevationGain;
}

/** The digest of a history, split `DIGEST_RECENT_MS` before its newest activity (or at `splitAt`). */
export function digestHistory(data: HistoryData, splitAt?: number): HistoryDigest {
  const newest = data.activities.reduce((max, record) => Math.max(max, record.start), Number.NEGATIVE_INFINITY);
  const split = splitAt ?? (newest === Number.NEGATIVE_INFINITY ? null : newest - DIGEST_RECENT_MS);
  const recent: ActivityRecord[] = [];
  const years = new Map<string, YearTotals>();
  const leaders = new Map<string, { distance?: ActivityRecord; time?: ActivityRecord; climb?: ActivityRecord }>();
  for (const record of data.activities) {
    if (split === null || record.start >= split) {
      recent.push(record);
      continue;
    }
    const year = new Date(record.startLocal).getUTCFullYear();
    const key = `${record.sportType}\u0000${year}`;
    let row = years.get(key);
    if (!row) {
      row = { sportType: record.sportType, year, totals: { count: 0, distance: 0, movingTime: 0, elevationGain: 0 } };
      years.set(key, row);
    }
    add(row.totals, record);
    const lead = leaders.get(record.sportType) ?? {};
    if (record.distance > (lead.distance?.distance ?? 0)) lead.distance = record;
    if (record.movingTime > (lead.time?.movingTime ?? 0)) lead.time = record;
    if (record.elevationGain > (lead.climb?.elevationGain ?? 0)) lead.climb = record;
    leaders.set(record.sportType, lead);
  }
  // Ties with a record holder are kept too: the later activity wins a tie (historySummary).
  const holders = new Set<ActivityRecord>();
  for (const lead of leaders.values()) for (const record of [lead.distance, lead.time, lead.climb]) if (record) holders.add(record);
  for (const record of data.activities) {
    if (split === null || record.start >= split) continue;
    const lead = leaders.get(record.sportType)!;
    if (record.distance > 0 && record.distance === lead.distance?.distance) holders.add(record);
    if (record.movingTime > 0 && record.movingTime === lead.time?.movingTime) holders.add(record);
    if (record.elevationGain > 0 && record.elevationGain === lead.climb?.elevationGain) holders.add(record);
  }
  return {
    revision: data.revision,
    athleteId: data.athleteId,
    reads: data.reads,
    walks: data.walks,
    counted: data.activities.length,
    splitAt: split,
    recent,
    older: [...years.values()].sort((a, b) => a.sportType.localeCompare(b.sportType) || a.year - b.year),
    leaders: [...holders].sort((a, b) => b.start - a.start || b.id - a.id),
    garminDevices: [...new Set(data.activities.map((record) => record.garminDevice).filter((device): device is string => device !== undefined))].sort(),
  };
}

const totalsSchema = z.strictObject({ count: z.number().int().nonnegative(), distance: z.number().nonnegative(), movingTime: z.number().nonnegative(), elevationGain: z.number().nonnegative() });
const recordsSchema = z.strictObject({ sportTypes: sportTypesSchema, columns: columnsSchema });
const digestSchema = z.strictObject({
  format: z.literal('pacebar-history-digest'),
  revision: z.number().int().nonnegative(),
  athleteId: z.number().int().positive().nullable(),
  reads: readsSchema,
  walks: walksSchema,
  counted: z.number().int().nonnegative(),
  splitAt: z.number().nullable(),
  recent: recordsSchema,
  older: z.array(z.strictObject({ sportType: z.string().min(1).max(64), year: z.number().int(), totals: totalsSchema })),
  leaders: recordsSchema,
  garminDevices: z.array(z.string().max(200)),
});

export function encodeDigest(digest: HistoryDigest): string {
  return JSON.stringify({ format: 'pacebar-history-digest', ...digest, recent: encodeRecords(digest.recent), leaders: encodeRecords(digest.leaders) });
}

/** The digest, or null when the text is not one (it is then made again from the history). */
export function decodeDigest(text: string): HistoryDigest | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = digestSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { format: _format, ...file } = parsed.data;
  const recent = decodeRecords(file.recent.sportTypes, file.recent.columns);
  const leaders = decodeRecords(file.leaders.sportTypes, file.leaders.columns);
  if (typeof recent === 'string' || typeof leaders === 'string') return null;
  return { ...file, recent, leaders };
}

/**
 * Whether the digest holds every activity a view at `earliest` (epoch ms: the earliest start the
 * week, the last 28 days or the chart can include) needs whole.
 */
export function digestCovers(digest: HistoryDigest, earliest: number): boolean {
  return digest.splitAt === null || digest.splitAt <= earliest;
}
