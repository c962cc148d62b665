// User settings: non-secret, stored as JSON by conf (CLI, tests) or electron-store (app), both
// validated here with the same schema and defaults.
import * as z from 'zod';
import type { SignInMethod, Sport, Units } from '../../preload/contract';
import { InvalidInputError } from '../errors';

export interface Settings {
  /** The Strava API application's Client ID (its secret lives in the keychain). */
  clientId: string | null;
  /** The connected athlete; set while connected or while a reconnect is needed. */
  athleteId: number | null;
  /** null: follow the athlete's measurement preference on Strava. */
  units: Units | null;
  primarySport: Sport;
  refreshIntervalMinutes: number;
  launchAtLogin: boolean;
  signInMethod: SignInMethod;
}

export const REFRESH_INTERVALS = [15, 30, 60, 120] as const;

export const settingsDefaults: Settings = {
  clientId: null,
  athleteId: null,
  units: null,
  primarySport: 'run',
  refreshIntervalMinutes: 15,
  launchAtLogin: false,
  signInMethod: 'window',
};

/**
 * One validation for the app (electron-store) and the CLI (conf): zod, as at every other boundary.
 * Not conf's JSON-schema option: compiling it with ajv costs ~55 ms at every start of `pacebar`.
 */
const settingsFields = {
  clientId: z.string().regex(/^[0-9]{1,12}$/).nullable(),
  athleteId: z.number().int().min(1).nullable(),
  units: z.enum(['metric', 'imperial']).nullable(),
  primarySport: z.enum(['run', 'ride', 'swim']),
  refreshIntervalMinutes: z.number().int().min(15).max(1440),
  launchAtLogin: z.boolean(),
  signInMethod: z.enum(['window', 'browser']),
};
export const settingsPatchSchema = z.strictObject(settingsFields).partial();

/**
 * The same rules as conf / electron-store's `schema` option (one JSON-schema property per key),
 * derived from the zod schema so the two cannot drift. The app passes it to electron-store, whose
 * start-up cost does not matter there; the CLI relies on SettingsRepository alone.
 */
export function settingsJsonSchema(): Record<string, object> {
  const { properties } = z.toJSONSchema(settingsPatchSchema) as { properties: Record<string, object> };
  return properties;
}

/** The part of conf / electron-store Pacebar uses. */
export interface TypedStore<T> {
  readonly store: T;
  set(values: Partial<T>): void;
  clear(): void;
}

export class SettingsRepository {
  constructor(private readonly backing: TypedStore<Settings>) {}

  /** Stored values field by field: a hand-edited invalid one falls back to its default, the rest stay. */
  get(): Settings {
    const stored: Record<string, unknown> = { ...this.backing.store };
    const settings: Record<string, unknown> = { ...settingsDefaults };
    for (const [key, schema] of Object.entries(settingsFields)) {
      const parsed = schema.safeParse(stored[key]);
      if (parsed.success) settings[key] = parsed.data;
    }
    return settings as unknown as Settings;
  }

  /** Refuses the whole patch, writing nothing, if any field is invalid. */
  update(patch: Partial<Settings>): Settings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'settings';
      throw new InvalidInputError(`The ${field} setting is not valid; nothing was changed.`);
    }
    this.backing.set(parsed.data as Partial<Settings>);
    return this.get();
  }
}

/** Units to show: the user's choice, else the athlete's Strava preference, else metric. */
export function effectiveUnits(settings: Settings, measurementPreference: string | null | undefined): Units {
  if (settings.units) return settings.units;
  return measurementPreference === 'feet' ? 'imperial' : 'metric';
}
