// Pacebar's vocabulary: the words every layer, the IPC contract and the CLI share. Types and the
// few rules that define them (settings, Client ID). preload/contract.ts re-exports from here; this
// module imports nothing of Pacebar's own.
import * as z from 'zod';

// ── Sports and figures ────────────────────────────────────────────────────────────────────────

/**
 * Sport families: how Pacebar groups Strava's sport types (core/stats/sportFamilies.ts has the
 * mapping, the README the definitions). `Sport` is a family; the primary sport is one of them.
 */
export const SPORTS = ['run', 'ride', 'swim', 'walk', 'ebike', 'winter', 'water', 'fitness', 'other'] as const;
export type Sport = (typeof SPORTS)[number];
/** The families Strava's stats endpoint reports (public activities only). */
export const STATS_ENDPOINT_SPORTS = ['run', 'ride', 'swim'] as const satisfies readonly Sport[];
export const UNITS = ['metric', 'imperial'] as const;
export type Units = (typeof UNITS)[number];
export const SIGN_IN_METHODS = ['window', 'browser'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The periods every total is given for (definitions in the README and core/stats/periods.ts). */
export const PERIODS = ['week', 'fourWeeks', 'ytd', 'allTime'] as const;
export type Period = (typeof PERIODS)[number];

/** Totals in Strava's units: metres and seconds. */
export interface Totals {
  count: number;
  distance: number;
  movingTime: number;
  elevationGain: number;
}

export type SportTotals = Record<Period, Totals>;

/** Strava's three visibilities: Everyone, Followers, Only You. */
export const VISIBILITIES = ['everyone', 'followers_only', 'only_me'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** What Pacebar keeps of an activity: the totals, records, goals and recent activities need this. */
export interface ActivityRecord {
  id: number;
  name: string;
  sportType: string;
  distance: number;
  movingTime: number;
  elapsedTime: number;
  elevationGain: number;
  /** Epoch ms of start_date (UTC). */
  start: number;
  /** start_date_local read as if UTC: wall-clock time in the athlete's zone. */
  startLocal: number;
  visibility: Visibility;
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
  /**
   * Strava keeps e-bike rides apart from rides (their own sport types and leaderboards), so Pacebar
   * does too unless this is set: people disagree on whether an assisted ride is a ride.
   */
  eBikeRidesAsRides: setting(z.boolean(), false),
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
  .pick({ units: true, primarySport: true, eBikeRidesAsRides: true, refreshIntervalMinutes: true, launchAtLogin: true, signInMethod: true })
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
  /** Seconds: the measure of families without distance (fitness). */
  movingTime: number;
}

/**
 * Where a period's figure comes from: the history (every activity Pacebar may read), Strava's stats
 * endpoint while the history does not reach back far enough yet (public activities only, run, ride
 * and swim), or nowhere yet ('counting').
 */
export type FigureSource = 'history' | 'public_stats' | 'counting';

/** One activity, enough to show it and link to it on Strava. */
export interface ActivityLink {
  id: number;
  name: string;
  sportType: string;
  /** YYYY-MM-DD, the athlete's local date. */
  date: string;
  distance: number;
  movingTime: number;
  elevationGain: number;
}

export interface FamilyRecords {
  /** The longest by distance (by moving time for families without distance). */
  longest: ActivityLink | null;
  /** The biggest elevation gain in one activity; null where elevation means nothing (swims). */
  biggestClimb: ActivityLink | null;
}

export interface SportTypeTotals {
  sportType: string;
  label: string;
  totals: SportTotals;
}

export interface FamilyStats {
  totals: SportTotals;
  sources: Record<Period, FigureSource>;
  /** Metres per second of moving time (null without distance or time): pace or speed, per display. */
  averageSpeed: Record<Period, number | null>;
  /** The family's sport types the athlete did, most activities first (history figures). */
  bySportType: SportTypeTotals[];
  /** Last 12 weeks, oldest first. */
  weekly: WeekBar[];
  records: FamilyRecords;
}

export interface HistoryView {
  /** 'counting' while the backfill walks back through the athlete's activities. */
  state: 'counting' | 'complete' | 'unavailable';
  /** Activities in the history. */
  counted: number;
  /** About how many there are in all, while counting (null when unknown). */
  estimatedTotal: number | null;
  /** Activities set to Only You are counted (activity:read_all granted). */
  includesPrivate: boolean;
  /** Activities can be listed at all (activity:read granted). */
  readsActivities: boolean;
}

export interface StatsView {
  families: Record<Sport, FamilyStats>;
  /** The families the athlete does (any activity in the history or Strava's stats), display order. */
  active: Sport[];
  history: HistoryView;
}

/** How a family's figures are read: pace for runs, speed for rides, swims in metres or yards. */
export interface FamilyDisplay {
  label: string;
  /** Singular and plural noun: "1 run", "12 runs". */
  noun: [string, string];
  /** 'pace': time per km/mi; 'swimPace': time per 100 m/yd; 'speed': km/h or mph. */
  rate: 'pace' | 'swimPace' | 'speed' | null;
  /** 'long': km or mi; 'short': m or yd; null: distance means nothing (fitness). */
  distance: 'long' | 'short' | null;
  /** Elevation gain is shown (not for swims, water sports or fitness). */
  elevation: boolean;
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
  /** Every family the athlete does (and the primary one), with how its figures are read. */
  sports: ({ value: Sport } & FamilyDisplay)[];
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
