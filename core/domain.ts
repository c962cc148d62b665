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
/** The units setting: one of UNITS, or 'strava' to follow the athlete's preference on Strava (stored as null). */
export const UNIT_CHOICES = [...UNITS, 'strava'] as const;
export type UnitChoice = (typeof UNIT_CHOICES)[number];
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

// ── Goals ──────────────────────────────────────────────────────────────────────────────────────

/** A goal's period: the calendar week (Monday to Sunday), month or year, in the athlete's local time. */
export const GOAL_PERIODS = ['week', 'month', 'year'] as const;
export type GoalPeriod = (typeof GOAL_PERIODS)[number];
/** What a goal counts: distance (metres), moving time (seconds), elevation gain (metres) or activities. */
export const GOAL_MEASURES = ['distance', 'time', 'elevation', 'count'] as const;
export type GoalMeasure = (typeof GOAL_MEASURES)[number];

/** The largest target of each measure: far beyond any athlete's year, small enough to catch a typo in units. */
export const GOAL_TARGET_MAX: Record<GoalMeasure, number> = {
  distance: 1_000_000_000, // 1,000,000 km
  time: 36_000_000, // 10,000 h
  elevation: 100_000_000, // 100,000 km
  count: 100_000,
};
export const GOALS_MAX = 50;

const GOAL_TARGET_RULE =
  "A goal's target is a positive amount (a whole number of activities for a count goal), at most 1,000,000 km, 10,000 h, 100,000 km of climbing or 100,000 activities.";
const goalFields = {
  /** Small and stable: `pacebar goals remove 3`. */
  id: z.number().int().min(1).max(1_000_000),
  sport: z.enum(SPORTS, `A goal's sport is a sport family: ${SPORTS.join(', ')}.`),
  period: z.enum(GOAL_PERIODS, `A goal's period is ${GOAL_PERIODS.join(', ')}.`),
  measure: z.enum(GOAL_MEASURES, `A goal counts ${GOAL_MEASURES.join(', ')}.`),
  /** In Strava's units: metres, seconds, metres, or a number of activities. */
  target: z.number(GOAL_TARGET_RULE).positive(GOAL_TARGET_RULE),
};
const targetFits = (goal: { measure: GoalMeasure; target: number }): boolean =>
  goal.target <= GOAL_TARGET_MAX[goal.measure] && (goal.measure !== 'count' || Number.isInteger(goal.target));
export const goalRule = z.strictObject(goalFields).refine(targetFits, { message: GOAL_TARGET_RULE, path: ['target'] });
export type Goal = z.infer<typeof goalRule>;
/** A goal to add: everything but its id, which Pacebar gives (zod cannot omit from a refined object, hence its own rule). */
export const goalInputRule = z.strictObject(goalFields).omit({ id: true }).refine(targetFits, { message: GOAL_TARGET_RULE, path: ['target'] });
export type GoalInput = Omit<Goal, 'id'>;

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

export const MENU_BAR_TITLES = ['goal', 'week', 'off'] as const;
export type MenuBarTitle = (typeof MENU_BAR_TITLES)[number];
export const TRAY_ICONS = ['ring', 'plain'] as const;
export type TrayIconStyle = (typeof TRAY_ICONS)[number];

const WEEKLY_SUMMARY_RULE = 'The weekly summary time is a weekday (1 = Monday … 7 = Sunday) and a time of day (HH:MM).';
export const weeklySummaryRule = z.strictObject({
  weekday: z.number().int().min(1, WEEKLY_SUMMARY_RULE).max(7, WEEKLY_SUMMARY_RULE),
  /** Minutes after local midnight. */
  minute: z.number().int().min(0, WEEKLY_SUMMARY_RULE).max(24 * 60 - 1, WEEKLY_SUMMARY_RULE),
});
export type WeeklySummaryAt = z.infer<typeof weeklySummaryRule>;

const notifiedRule = z.strictObject({
  /** Goal id (as a string: JSON keys) → the period key (goalPeriodKey) it was last notified for. */
  goalReached: z.record(z.string(), z.string()),
  /** The week key (goalPeriodKey of 'week') of the last weekly summary. */
  weeklySummary: z.string().nullable(),
});
export type NotifiedRecord = z.infer<typeof notifiedRule>;

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
  /** In the order the athlete added them; the first is the primary goal (tray icon, tooltip, menu-bar title). */
  goals: setting(z.array(goalRule).max(GOALS_MAX).refine((goals) => new Set(goals.map((goal) => goal.id)).size === goals.length, 'Goal ids are unique.'), []),
  /**
   * macOS menu bar: the text beside the icon. 'goal': the primary goal's progress (this week's
   * figure when there is no goal); 'week': the primary sport's week; 'off': the icon alone. On by
   * default: a glance at the menu bar is what a menu-bar stats app is for.
   */
  menuBarTitle: setting(z.enum(MENU_BAR_TITLES), 'goal'),
  /** The tray icon: the primary goal's progress as a ring around the mark, or the plain mark. */
  trayIcon: setting(z.enum(TRAY_ICONS), 'ring'),
  /** Notify when a goal is reached (once per goal and period). Opt-in. */
  notifyGoalReached: setting(z.boolean(), false),
  /** Notify a summary of the week at this local time (ISO weekday 1 = Monday … 7 = Sunday), or never (null). Opt-in. */
  weeklySummaryAt: setting(weeklySummaryRule.nullable(), null),
  /** Pacebar's own bookkeeping: the period key of the last notification of each kind, so none repeats. */
  notified: setting(notifiedRule, { goalReached: {}, weeklySummary: null }),
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
  .strictObject(settingsFields)
  .pick({
    units: true,
    primarySport: true,
    eBikeRidesAsRides: true,
    refreshIntervalMinutes: true,
    launchAtLogin: true,
    signInMethod: true,
    menuBarTitle: true,
    trayIcon: true,
    notifyGoalReached: true,
    weeklySummaryAt: true,
  })
  .partial();
export type SettingsPatch = z.infer<typeof userSettingsPatchSchema>;
/** The settings a person sets (the patch's keys): the dashboard's controls and `pacebar config`. */
export type UserSettingKey = keyof SettingsPatch;

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
  /** detail: what to do, one sentence for the cause (core/errors.ts keychainAdvice), never the keychain's own text. */
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

/** The settings as the dashboard shows them: units resolved (see effectiveUnits), and the choice behind them. */
export type SettingsView = Omit<Settings, 'athleteId' | 'units' | 'notified'> & {
  units: Units;
  unitChoice: UnitChoice;
  /** The units the athlete's Strava preference gives now (metric when Pacebar cannot read it): what "Follow Strava" means. */
  stravaUnits: Units;
};

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
  /** A title can stand beside the tray icon (the macOS menu bar): the "Menu bar title" setting is shown. */
  menuBarTitleAvailable: boolean;
}

export const NO_DESKTOP: DesktopView = { launchAtLoginAvailable: false, trayIconHidden: false, menuBarTitleAvailable: false };

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

/** How a goal stands: 'counting' until the history reaches back to the period's start. */
export const GOAL_STATUSES = ['counting', 'reached', 'ahead', 'on_pace', 'behind'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A goal's figures in words, the same on every surface (core/view/goalText.ts). */
export interface GoalText {
  /** "Ride · 150 km a week" */
  title: string;
  /** "92 / 150 km" */
  progress: string;
  /** "ahead by 12 km", "behind by 8 km", "on pace", "reached", "counting your history…" */
  pace: string;
  /** "5.4 km a day to go", "21 km a week to go"; null once reached or while counting. */
  needed: string | null;
  /** The tray's and the command's line: "Ride week: 92 / 150 km · ahead by 12 km · 5.4 km a day to go". */
  line: string;
  /** The macOS menu-bar title: "92/150 km". */
  short: string;
}

/** One goal's progress in its current period (core/goals/goalProgress.ts). */
export interface GoalView {
  goal: Goal;
  status: GoalStatus;
  /** Done so far in the goal's measure (metres, seconds or activities); 0 while counting. */
  done: number;
  /** done / target; above 1 beyond the target. */
  fraction: number;
  /** The share of the period gone (0 to 1), in the athlete's local time. */
  elapsed: number;
  /** done − target × elapsed: ahead when positive. */
  delta: number;
  /** Calendar days left in the period, today included (1 on its last day). */
  daysLeft: number;
  /** What is still needed per remaining day, and per remaining week (the week counted from today); null once reached or while counting. */
  perDay: number | null;
  perWeek: number | null;
  /** The period: "2026-W49" (ISO week), "2026-12" or "2026". */
  periodKey: string;
  /** YYYY-MM-DD: the period's first and last day. */
  startsOn: string;
  endsOn: string;
  text: GoalText;
}

/** A recent activity as the dashboard and the tray list it: the link, its family, and its figures in words. */
export interface RecentActivity extends ActivityLink {
  family: Sport;
  /** Local wall-clock start, "YYYY-MM-DDTHH:MM". */
  startLocal: string;
  text: {
    /** The sport type in words: "Trail run", "Ride". */
    sport: string;
    /** "10.2 km", "2,350 m"; null without distance. */
    distance: string | null;
    /** Moving time: "52m", "1h 05m". */
    time: string;
    /** "Tue 1 Dec" (this year) or "Tue 1 Dec 2025". */
    date: string;
    /** "Morning Run · 10.2 km · 52m · Tue 1 Dec" */
    line: string;
  };
}

/** What the tray icon and the macOS menu bar show at a glance (core/view/glance.ts). */
export interface GlanceView {
  /** The macOS menu-bar title, per settings.menuBarTitle; null for the icon alone. */
  menuBarTitle: string | null;
  /** The primary goal's progress for the ring icon; null for the plain icon (setting, no goal, or nothing to show). */
  ring: { fraction: number; status: GoalStatus } | null;
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
    /** The athlete's latest activities, newest first (RECENT_ACTIVITIES of them at most). */
    recent: RecentActivity[];
  } | null;
  /** Every goal's progress, in the settings' order (the first is the primary goal); empty without data. */
  goals: GoalView[];
  glance: GlanceView;
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
