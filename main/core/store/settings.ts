// User settings: non-secret, stored as JSON by conf (CLI, tests) or electron-store (app), both
// validating against the same JSON schema with the same defaults.
import type { SignInMethod, Sport, Units } from '../../../preload/contract';

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

/** JSON schema (conf / electron-store `schema` option): invalid values are refused on write. */
export const settingsSchema = {
  clientId: { type: ['string', 'null'], pattern: '^[0-9]{1,12}$' },
  athleteId: { type: ['integer', 'null'], minimum: 1 },
  units: { enum: ['metric', 'imperial', null] },
  primarySport: { enum: ['run', 'ride', 'swim'] },
  refreshIntervalMinutes: { type: 'integer', minimum: 15, maximum: 1440 },
  launchAtLogin: { type: 'boolean' },
  signInMethod: { enum: ['window', 'browser'] },
} as const;

/** The part of conf / electron-store Pacebar uses. */
export interface TypedStore<T> {
  readonly store: T;
  set(values: Partial<T>): void;
  clear(): void;
}

export class SettingsRepository {
  constructor(private readonly backing: TypedStore<Settings>) {}

  get(): Settings {
    return { ...settingsDefaults, ...this.backing.store };
  }

  update(patch: Partial<Settings>): Settings {
    this.backing.set(patch);
    return this.get();
  }
}

/** Units to show: the user's choice, else the athlete's Strava preference, else metric. */
export function effectiveUnits(settings: Settings, measurementPreference: string | null | undefined): Units {
  if (settings.units) return settings.units;
  return measurementPreference === 'feet' ? 'imperial' : 'metric';
}
