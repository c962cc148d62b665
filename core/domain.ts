// Pacebar's vocabulary: the words every layer, the IPC contract and the CLI share. Types and the
// few rules that define them (settings, Client ID). preload/contract.ts re-exports from here; this
// module imports nothing of Pacebar's own.
import * as z from 'zod';

// ── Sports and figures ────────────────────────────────────────────────────────────────────────

export const SPORTS = ['run', 'ride', 'swim'] as const;
export type Sport = (typeof SPORTS)[number];
export const UNITS = ['metric', 'imperial'] as const;
export type Units = (typeof UNITS)[number];
export const SIGN_IN_METHODS = ['window', 'browser'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** Totals in Strava's units: metres and seconds. */
export interface Totals {
  count: number;
  distance: number;
  movingTime: number;
  elevationGain: number;
}

export interface SportTotals {
  week: Totals;
  fourWeeks: Totals;
  ytd: Totals;
  allTime: Totals;
}

/** What Pacebar keeps of an activity: enough for totals, nothing more. */
export interface ActivityRecord {
  id: number;
  sportType: string;
  distance: number;
  movingTime: number;
  elevationGain: number;
  /** Epoch ms of start_date (UTC). */
  start: number;
  /** start_date_local read as if UTC: wall-clock time in the athlete's zone. */
  startLocal: number;
  /**
   * Recorded on a Garmin device: its name ("Garmin Forerunner 965"), or "Garmin" when only the
   * upload says so. Absent otherwise. Garmin's API brand guidelines require attribution for it.
   */
  garminDevice?: string;
}

// ── Settings: declared once; the store, IPC and electron-store's JSON schema derive from this ──

/** A Strava Client ID: the number shown at strava.com/settings/api. */
export const CLIENT_ID_PATTERN = /^[0-9]{1,12}$/;
export const CLIENT_ID_RULE = 'The Client ID is the number shown at https://www.strava.com/settings/api (up to 12 digits).';

export const clientIdRule = z.string().regex(CLIENT_ID_PATTERN, CLIENT_ID_RULE);

/** Background refresh: whole minutes in this range; the dashboard offers the presets. */
export const REFRESH_INTERVAL_MINUTES = { min: 15, max: 1440, presets: [15, 30, 60, 120] } as const;
const REFRESH_INTERVAL_RULE = `The refresh interval is a whole number of minutes from ${REFRESH_INTERVAL_MINUTES.min} to ${REFRESH_INTERVAL_MINUTES.max}.`;
const refreshIntervalRule = z
  .number(REFRESH_INTERVAL_RULE)
  .int(REFRESH_INTERVAL_RULE)
  .min(REFRESH_INTERVAL_MINUTES.min, REFRESH_INTERVAL_RULE)
  .max(REFRESH_INTERVAL_MINUTES.max, REFRESH_INTERVAL_RULE);

/** One setting: the rule its stored value must pass, and its value when unset or invalid. */
function setting<Rule extends z.ZodType>(rule: Rule, fallback: z.infer<Rule>) {
  return { rule, fallback };
}

const SETTINGS = {
  /** The Strava API application's Client ID (its secret lives in the keychain). */
  clientId: setting(clientIdRule.nullable(), null),
  /** The connected athlete; set while connected or while a reconnect is needed. */
  athleteId: setting(z.number().int().min(1).nullable(), null),
  /** null: follow the athlete's measurement preference on Strava. */
  units: setting(z.enum(UNITS).nullable(), null),
  primarySport: setting(z.enum(SPORTS), 'run'),
  refreshIntervalMinutes: setting(refreshIntervalRule, 15),
  launchAtLogin: setting(z.boolean(), false),
  signInMethod: setting(z.enum(SIGN_IN_METHODS), 'window'),
};

type SettingsSpec = typeof SETTINGS;
export type Settings = { [Key in keyof SettingsSpec]: z.infer<SettingsSpec[Key]['rule']> };
export type SettingKey = keyof Settings;

function eachSetting<T>(pick: (spec: SettingsSpec[SettingKey]) => T): { [Key in SettingKey]: T } {
  return Object.fromEntries(Object.entries(SETTINGS).map(([key, spec]) => [key, pick(spec)])) as { [Key in SettingKey]: T };
}

/** The rule of each setting, by key. */
export const settingsFields = eachSetting((spec) => spec.rule) as { [Key in SettingKey]: SettingsSpec[Key]['rule'] };
export const settingsDefaults: Settings = eachSetting((spec) => spec.fallback) as Settings;

/** Any subset of settings, each field checked, unknown keys refused. */
export const settingsPatchSchema = z.strictObject(settingsFields).partial();

/** A change the person may ask for (the rest is Pacebar's own bookkeeping), each by the store's rule. */
export const userSettingsPatchSchema = z
  .strictObject({ ...settingsFields, units: z.enum(UNITS) })
  .pick({ units: true, primarySport: true, refreshIntervalMinutes: true, launchAtLogin: true, signInMethod: true })
  .partial();
export type SettingsPatch = z.infer<typeof userSettingsPatchSchema>;

// ── What the tray, the dashboard and the CLI show ──────────────────────────────────────────────

export interface AthleteView {
  id: number;
  name: string;
  location: string | null;
  /** https URL of the athlete's medium avatar, or null when Strava has none. */
  avatarUrl: string | null;
}

export interface WeekBar {
  /** Monday of the week, YYYY-MM-DD in the athlete's local time. */
  weekStart: string;
  /** Metres. */
  distance: number;
}

export interface StatsView {
  totals: Record<Sport, SportTotals>;
  /** Metres, null when Strava has none. */
  biggestRideDistance: number | null;
  /** Metres, null when Strava has none. */
  biggestClimbElevationGain: number | null;
  /** Last 12 weeks per sport, oldest first. */
  weekly: Record<Sport, WeekBar[]>;
}

export interface MissingScopeView {
  scope: string;
  /** What the user loses, in one sentence. */
  consequence: string;
}

export type ConnectionView =
  | { kind: 'needs_credentials' }
  | { kind: 'not_connected' }
  /** notice: why Pacebar switched to this method by itself (one sentence), if it did. */
  | { kind: 'connecting'; method: SignInMethod; notice?: string }
  | { kind: 'connected' }
  /** detail: why, when it is not the usual "revoked or expired" (an unreadable keychain record). */
  | { kind: 'reconnect_needed'; detail?: string }
  | { kind: 'keychain_unavailable'; detail: string };

export interface SyncView {
  refreshing: boolean;
  offline: boolean;
  /** ISO-8601 time until which Strava's read budget is spent, or null. */
  rateLimitedUntil: string | null;
  /** One-line, user-facing description of the last failure, or null. */
  lastError: string | null;
  /**
   * Strava answers 403 "Application Status Inactive": the API application's owner has no
   * subscription. Tokens and cache are kept; the fix is on strava.com (subscribe, reactivate).
   */
  applicationInactive: boolean;
}

/** The settings as the dashboard shows them: units resolved (see effectiveUnits). */
export type SettingsView = Omit<Settings, 'athleteId' | 'units'> & { units: Units };

/** The values a setting may take, with their labels: the dashboard renders its controls from these. */
export interface SettingsChoices {
  sports: { value: Sport; label: string }[];
  refreshIntervalMinutes: number[];
}

/**
 * What the desktop Pacebar runs on offers, so the dashboard shows only settings that work and says
 * how to reach a Pacebar it cannot show in the tray. The CLI has no desktop: NO_DESKTOP.
 */
export interface DesktopView {
  /** "Launch Pacebar at login" can be set on this system (otherwise the setting is not shown). */
  launchAtLoginAvailable: boolean;
  /** No tray icon can be seen (GNOME without a StatusNotifier host): the dashboard says how to come back. */
  trayIconHidden: boolean;
}

export const NO_DESKTOP: DesktopView = { launchAtLoginAvailable: false, trayIconHidden: false };

// ── The app itself: its version and whether a newer one is on the way ──────────────────────────

/** Why a newer version must be installed by hand: a .deb (the package manager owns the files) or a macOS build without a Developer ID signature (Squirrel.Mac refuses to swap it). */
export type ManualUpdateReason = 'deb' | 'mac_unsigned';

export type UpdateView =
  /** This run never checks: the demo, an unpackaged run, the CLI. */
  | { kind: 'off' }
  /** Nothing newer known; checkedAt is the last check that found nothing (ISO-8601), or null. */
  | { kind: 'idle'; checkedAt: string | null }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string }
  /** Downloaded and verified; installs when the person restarts Pacebar (or quits it). */
  | { kind: 'ready'; version: string }
  /** A newer version exists that this copy cannot install itself: offer the download page. */
  | { kind: 'manual'; version: string; reason: ManualUpdateReason }
  /** The last check or download failed; message is one user-facing line. */
  | { kind: 'error'; message: string };

export interface AboutView {
  /** Pacebar's version, from package.json. */
  version: string;
  update: UpdateView;
  /** The update status as one line (the tray and the dashboard show this text), or null. */
  updateLine: string | null;
}

export interface DashboardState {
  /** First paint before main has answered. */
  loading: boolean;
  connection: ConnectionView;
  data: {
    athlete: AthleteView;
    stats: StatsView;
    /** ISO-8601 time of the fetch this data comes from. */
    updatedAt: string;
    /** True when the data is older than the refresh interval or the last refresh failed. */
    stale: boolean;
    /**
     * "Garmin" or "Garmin Forerunner 965" when figures shown include Garmin-recorded activities
     * (Strava's API agreement, since 1 November 2025), else null. See view/attribution.ts.
     */
    garminAttribution: string | null;
  } | null;
  sync: SyncView;
  missingScopes: MissingScopeView[];
  settings: SettingsView;
  choices: SettingsChoices;
  desktop: DesktopView;
  about: AboutView;
}

export interface CredentialsInput {
  clientId: string;
  clientSecret: string;
}

/** Result of an action the person asked for: ok, or a one-line message to show. */
export type ActionResult = { ok: true } | { ok: false; message: string };
