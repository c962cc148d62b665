// The one IPC contract between main, preload and renderer: channel names and payload types.
// Only derived, non-secret data crosses it: never a token, refresh token or client secret.

export type Sport = 'run' | 'ride' | 'swim';
export type Units = 'metric' | 'imperial';
export type SignInMethod = 'window' | 'browser';

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
  | { kind: 'connecting'; method: SignInMethod }
  | { kind: 'connected' }
  | { kind: 'reconnect_needed' }
  | { kind: 'keychain_unavailable'; detail: string };

export interface SyncView {
  refreshing: boolean;
  offline: boolean;
  /** ISO-8601 time until which Strava's read budget is spent, or null. */
  rateLimitedUntil: string | null;
  /** One-line, user-facing description of the last failure, or null. */
  lastError: string | null;
}

export interface SettingsView {
  clientId: string | null;
  units: Units;
  primarySport: Sport;
  refreshIntervalMinutes: number;
  launchAtLogin: boolean;
  signInMethod: SignInMethod;
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
  } | null;
  sync: SyncView;
  missingScopes: MissingScopeView[];
  settings: SettingsView;
}

export interface CredentialsInput {
  clientId: string;
  clientSecret: string;
}

export type SettingsPatch = Partial<Pick<SettingsView, 'units' | 'primarySport' | 'refreshIntervalMinutes' | 'launchAtLogin' | 'signInMethod'>>;

/** Result of an action the renderer asked for: ok, or a one-line message to show. */
export type ActionResult = { ok: true } | { ok: false; message: string };

/** renderer → main, request/response (ipcRenderer.invoke / ipcMain.handle). */
export const InvokeChannels = {
  getState: 'pacebar:get-state',
  saveCredentials: 'pacebar:save-credentials',
  connect: 'pacebar:connect',
  cancelConnect: 'pacebar:cancel-connect',
  disconnect: 'pacebar:disconnect',
  refresh: 'pacebar:refresh',
  updateSettings: 'pacebar:update-settings',
  openAthleteOnStrava: 'pacebar:open-athlete-on-strava',
  openStravaApiSettings: 'pacebar:open-strava-api-settings',
} as const;

/** main → renderer, pushed (webContents.send / ipcRenderer.on). */
export const EventChannels = {
  stateChanged: 'pacebar:state-changed',
} as const;

/** What the preload exposes on window.pacebar: named functions only. */
export interface PacebarApi {
  getState(): Promise<DashboardState>;
  saveCredentials(input: CredentialsInput): Promise<ActionResult>;
  connect(method: SignInMethod): Promise<ActionResult>;
  cancelConnect(): Promise<ActionResult>;
  disconnect(): Promise<ActionResult>;
  refresh(): Promise<ActionResult>;
  updateSettings(patch: SettingsPatch): Promise<ActionResult>;
  openAthleteOnStrava(): Promise<ActionResult>;
  openStravaApiSettings(): Promise<ActionResult>;
  /** Returns an unsubscribe function. The listener gets the state only, never the IPC event. */
  onStateChanged(listener: (state: DashboardState) => void): () => void;
}
