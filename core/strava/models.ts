// Strava's API models, decoded where they enter. Unknown fields are kept (loose objects) so the
// CLI can print objects as Strava returned them; the fields Pacebar reads are checked.
import * as z from 'zod';
import { BadResponseError } from '../errors';

const nullableString = z.string().nullish();

export const summaryAthleteSchema = z.looseObject({
  id: z.number().int().positive(),
  resource_state: z.number().int().optional(),
  username: nullableString,
  firstname: nullableString,
  lastname: nullableString,
  city: nullableString,
  state: nullableString,
  country: nullableString,
  sex: nullableString,
  premium: z.boolean().nullish(),
  summit: z.boolean().nullish(),
  profile_medium: nullableString,
  profile: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
});

/** Detailed athlete (profile:read_all) adds these; all optional so a summary decodes too. */
export const athleteSchema = summaryAthleteSchema.extend({
  measurement_preference: z.enum(['feet', 'meters']).nullish(),
  follower_count: z.number().nullish(),
  friend_count: z.number().nullish(),
  weight: z.number().nullish(),
  ftp: z.number().nullish(),
});
export type Athlete = z.infer<typeof athleteSchema>;

const totalsSchema = z.looseObject({
  count: z.number().nonnegative(),
  distance: z.number().nonnegative(),
  moving_time: z.number().nonnegative(),
  elapsed_time: z.number().nonnegative().optional(),
  elevation_gain: z.number().nonnegative().nullish(),
  achievement_count: z.number().nullish(),
});
export type ActivityTotal = z.infer<typeof totalsSchema>;

export const activityStatsSchema = z.looseObject({
  biggest_ride_distance: z.number().nullish(),
  biggest_climb_elevation_gain: z.number().nullish(),
  recent_ride_totals: totalsSchema,
  recent_run_totals: totalsSchema,
  recent_swim_totals: totalsSchema,
  ytd_ride_totals: totalsSchema,
  ytd_run_totals: totalsSchema,
  ytd_swim_totals: totalsSchema,
  all_ride_totals: totalsSchema,
  all_run_totals: totalsSchema,
  all_swim_totals: totalsSchema,
});
export type ActivityStats = z.infer<typeof activityStatsSchema>;

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO-8601 date');

export const summaryActivitySchema = z
  .looseObject({
    id: z.number().int().positive(),
    name: nullableString,
    distance: z.number().nonnegative(),
    moving_time: z.number().nonnegative(),
    elapsed_time: z.number().nonnegative().optional(),
    total_elevation_gain: z.number().nullish(),
    type: z.string().optional(),
    sport_type: z.string().optional(),
    start_date: isoDate,
    start_date_local: isoDate,
    private: z.boolean().optional(),
    visibility: z.string().optional(),
    /** The upload's id: Garmin Connect's automatic uploads are "garmin_push_…" (Garmin attribution). */
    external_id: nullableString,
    /** The recording device (e.g. "Garmin Forerunner 965"); Strava sends it with detailed activities. */
    device_name: nullableString,
  })
  .refine((activity) => Boolean(activity.sport_type ?? activity.type), 'activity has neither sport_type nor type');
export type SummaryActivity = z.infer<typeof summaryActivitySchema>;

export const activityListSchema = z.array(summaryActivitySchema);

export const tokenResponseSchema = z.looseObject({
  token_type: z.string().optional(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_at: z.number().int().positive(),
  expires_in: z.number().optional(),
  athlete: summaryAthleteSchema.optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Strava's error body: {message, errors: [{resource, field, code}]}. Lenient: any part may be missing. */
export const stravaFaultSchema = z.looseObject({
  message: z.string().optional(),
  errors: z
    .array(z.looseObject({ resource: z.string().optional(), field: z.string().optional(), code: z.string().optional() }))
    .optional(),
});
export type StravaFault = z.infer<typeof stravaFaultSchema>;

/**
 * Strava's answer while the application's owner has no subscription (since 30 June 2026):
 * 403 {"message":"Forbidden","errors":[{"resource":"Application","field":"Status","code":"Inactive"}]}.
 */
export function isInactive(body: unknown): boolean {
  const parsed = stravaFaultSchema.safeParse(body);
  return parsed.success && (parsed.data.errors ?? []).some((entry) => entry.resource === 'Application' && entry.field === 'Status' && entry.code === 'Inactive');
}

/** Decodes or throws BadResponseError naming the first offending field (never echoing values). */
export function decode<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new BadResponseError(`${what}: ${path} ${issue?.message ?? 'is invalid'}`);
}

export function athleteDisplayName(athlete: Pick<Athlete, 'firstname' | 'lastname' | 'id'>): string {
  const name = [athlete.firstname, athlete.lastname].filter((part) => part && part.trim()).join(' ').trim();
  return name || `Athlete ${athlete.id}`;
}
