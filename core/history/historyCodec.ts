// The history file's format: columns rather than one object per activity, so 20,000 activities
// stay about 1.6 MB and decode fast (each column is one array the decoder checks in a tight loop).
// Decoded with zod where it enters: anything damaged or inconsistent is refused as a whole, and the
// history is rebuilt from Strava rather than trusted.
import * as z from 'zod';
import { VISIBILITIES, type ActivityRecord } from '../domain';
import { WALK_KINDS, type HistoryData, type WalkState } from './historyData';

export const HISTORY_FORMAT = 'pacebar-history';
export const HISTORY_VERSION = 1;

const count = z.number().int().nonnegative();
const measure = z.number().nonnegative().finite();
const walkSchema = z.strictObject({
  before: z.number().int().nullable(),
  stopAt: z.number().int().nullable(),
  startedAt: z.number().nullable(),
  completedAt: z.number().nullable(),
  requests: count,
});

export const readsSchema = z.strictObject({ activities: z.boolean(), private: z.boolean() }).nullable();
export const walksSchema = z.strictObject({ backfill: walkSchema, recent: walkSchema, rescan: walkSchema });
export const sportTypesSchema = z.array(z.string().min(1).max(64));

export const columnsSchema = z.strictObject({
    id: z.array(z.number().int().positive()),
    name: z.array(z.string().max(1000)),
    sportType: z.array(count),
    /** Epoch seconds of start_date. */
    start: z.array(z.number().int()),
    /** start_date_local − start_date, seconds. */
    localOffset: z.array(z.number().int().min(-18 * 3600).max(18 * 3600)),
    distance: z.array(measure),
    movingTime: z.array(measure),
    elapsedTime: z.array(measure),
    elevationGain: z.array(measure),
    visibility: z.array(z.number().int().min(0).max(VISIBILITIES.length - 1)),
    /** The Garmin device that recorded it ('' for none): Garmin's attribution needs it. */
    garminDevice: z.array(z.string().max(200)),
});
export type Columns = z.infer<typeof columnsSchema>;

const fileSchema = z.strictObject({
  format: z.literal(HISTORY_FORMAT),
  version: z.literal(HISTORY_VERSION),
  revision: z.number().int().nonnegative(),
  athleteId: z.number().int().positive().nullable(),
  reads: readsSchema,
  walks: walksSchema,
  sportTypes: sportTypesSchema,
  columns: columnsSchema,
});
type HistoryFile = z.infer<typeof fileSchema>;

/** Activities as columns, sport types as indexes into a table. */
export function encodeRecords(records: readonly ActivityRecord[]): { sportTypes: string[]; columns: Columns } {
  const sportTypes: string[] = [];
  const typeIndex = new Map<string, number>();
  const columns: Columns = {
    id: [], name: [], sportType: [], start: [], localOffset: [], distance: [], movingTime: [], elapsedTime: [], elevationGain: [], visibility: [], garminDevice: [],
  };
  for (const record of records) {
    let index = typeIndex.get(record.sportType);
    if (index === undefined) {
      index = sportTypes.push(record.sportType) - 1;
      typeIndex.set(record.sportType, index);
    }
    const start = Math.floor(record.start / 1000);
    columns.id.push(record.id);
    columns.name.push(record.name);
    columns.sportType.push(index);
    columns.start.push(start);
    columns.localOffset.push(Math.round(record.startLocal / 1000) - start);
    columns.distance.push(record.distance);
    columns.movingTime.push(record.movingTime);
    columns.elapsedTime.push(record.elapsedTime);
    columns.elevationGain.push(record.elevationGain);
    columns.visibility.push(VISIBILITIES.indexOf(record.visibility));
    columns.garminDevice.push(record.garminDevice ?? '');
  }
  return { sportTypes, columns };
}

export function encodeHistory(data: HistoryData): string {
  // format, version and revision first: readRevision() finds the revision in the file's first bytes.
  const file: HistoryFile = {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    revision: data.revision,
    athleteId: data.athleteId,
    reads: data.reads,
    walks: data.walks,
    ...encodeRecords(data.activities),
  };
  return JSON.stringify(file);
}

/** The revision from the start of a history file's text, or null when it does not start as one. */
export function revisionOf(head: string): number | null {
  const match = new RegExp(`^\\{"format":"${HISTORY_FORMAT}","version":${HISTORY_VERSION},"revision":(\\d{1,15}),`).exec(head);
  return match ? Number(match[1]) : null;
}

/** Columns back to records: null when they are inconsistent (lengths, indexes, an id twice). */
export function decodeRecords(sportTypes: readonly string[], columns: Columns): ActivityRecord[] | string {
  const length = columns.id.length;
  if (!Object.values(columns).every((column) => column.length === length)) return 'columns differ in length';
  const activities: ActivityRecord[] = new Array(length);
  const seen = new Set<number>();
  for (let i = 0; i < length; i++) {
    const id = columns.id[i]!;
    const sportType = sportTypes[columns.sportType[i]!];
    if (sportType === undefined) return 'unknown sport type index';
    if (seen.has(id)) return 'an activity is listed twice';
    seen.add(id);
    const start = columns.start[i]! * 1000;
    const garminDevice = columns.garminDevice[i]!;
    activities[i] = {
      ...(garminDevice ? { garminDevice } : {}),
      id,
      name: columns.name[i]!,
      sportType,
      start,
      startLocal: start + columns.localOffset[i]! * 1000,
      distance: columns.distance[i]!,
      movingTime: columns.movingTime[i]!,
      elapsedTime: columns.elapsedTime[i]!,
      elevationGain: columns.elevationGain[i]!,
      visibility: VISIBILITIES[columns.visibility[i]!]!,
    };
  }
  return activities;
}

export type DecodeResult = { ok: true; data: HistoryData } | { ok: false; reason: string };

export function decodeHistory(text: string): DecodeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `${parsed.error.issues[0]?.path.join('.') || 'file'} is invalid` };
  const file = parsed.data;
  const activities = decodeRecords(file.sportTypes, file.columns);
  if (typeof activities === 'string') return { ok: false, reason: activities };
  const walks = Object.fromEntries(WALK_KINDS.map((kind) => [kind, { ...file.walks[kind] } satisfies WalkState])) as HistoryData['walks'];
  return { ok: true, data: { revision: file.revision, athleteId: file.athleteId, reads: file.reads, activities, walks } };
}
