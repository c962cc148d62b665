// The settings file: read field by field (a hand-edited invalid value falls back to its default),
// written only when a whole patch passes. The fields, rules and defaults are declared once, in
// core/domain.ts; conf (CLI, tests) and electron-store (app) store the JSON.
import * as z from 'zod';
import { goalRule, settingsDefaults, settingsFields, settingsPatchSchema, type Settings, type Units } from '../domain';
import { InvalidInputError } from '../errors';

export type { Settings } from '../domain';

/**
 * The same rules as conf / electron-store's `schema` option (one JSON-schema property per key),
 * derived from the zod schema so the two cannot drift. The app passes it to electron-store, whose
 * start-up cost does not matter there; the CLI relies on SettingsRepository alone (compiling a JSON
 * schema with ajv costs ~55 ms at every start of `pacebar`).
 */
export function settingsJsonSchema(): Record<string, object> {
  const { properties } = z.toJSONSchema(settingsPatchSchema) as { properties: Record<string, object> };
  // Goals are read one by one (get): electron-store refusing the whole file for one goal it cannot
  // read would set every other setting aside with it.
  return { ...properties, goals: { type: 'array' } };
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
      const parsed = (schema as z.ZodType).safeParse(stored[key]);
      if (parsed.success) settings[key] = parsed.data;
    }
    // Goals one by one: a goal Pacebar cannot read (hand-edited, or from a newer version) hides no other.
    if (!settingsFields.goals.safeParse(stored.goals).success && Array.isArray(stored.goals)) {
      const readable = stored.goals.flatMap((goal) => {
        const parsed = goalRule.safeParse(goal);
        return parsed.success ? [parsed.data] : [];
      });
      const ids = new Set(readable.map((goal) => goal.id));
      if (ids.size === readable.length) settings.goals = readable;
    }
    return settings as Settings;
  }

  /** How many stored goals cannot be read: an edit of the goals would lose them, so edits wait until they are fixed. */
  unreadableGoals(): number {
    const stored = this.backing.store.goals as unknown;
    if (!Array.isArray(stored)) return 0;
    return stored.length - this.get().goals.length;
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
