// The one IPC contract between main, preload and renderer: channel names and payload types.
// Only derived, non-secret data crosses it: never a token, refresh token or client secret.
// The payload types are core's vocabulary (core/domain.ts), re-exported here for preload and renderer.

export type {
  ActionResult,
  AthleteView,
  ConnectionView,
  CredentialsInput,
  DashboardState,
  ActivityLink,
  DesktopView,
  FamilyDisplay,
  FamilyRecords,
  FamilyStats,
  FigureSource,
  GlanceView,
  Goal,
  GoalInput,
  GoalMeasure,
  GoalPeriod,
  GoalStatus,
  GoalText,
  GoalView,
  HistoryView,
  MenuBarTitle,
  MissingScopeView,
  Period,
  RecentActivity,
  SettingsChoices,
  SettingsPatch,
  SettingsView,
  SignInMethod,
  Sport,
  SportTotals,
  StatsView,
  SyncView,
  Totals,
  TrayIconStyle,
  UnitChoice,
  Units,
  WeekBar,
  WeeklySummaryAt,
} from '../core/domain';
import type { ActionResult, CredentialsInput, DashboardState, GoalInput, SettingsPatch, SignInMethod } from '../core/domain';

/** renderer → main, request/response (ipcRenderer.invoke / ipcMain.handle). */
export const InvokeChannels = {
  getState: 'pacebar:get-state',
  saveCredentials: 'pacebar:save-credentials',
  connect: 'pacebar:connect',
  cancelConnect: 'pacebar:cancel-connect',
  disconnect: 'pacebar:disconnect',
  refresh: 'pacebar:refresh',
  updateSettings: 'pacebar:update-settings',
  addGoal: 'pacebar:add-goal',
  removeGoal: 'pacebar:remove-goal',
  openAthleteOnStrava: 'pacebar:open-athlete-on-strava',
  openActivityOnStrava: 'pacebar:open-activity-on-strava',
  openStravaApiSettings: 'pacebar:open-strava-api-settings',
  /** Quits Pacebar: offered by the dashboard where no tray icon can be seen (no tray, no tray menu's Quit). */
  quit: 'pacebar:quit',
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
  /** A goal in Strava's units (metres, seconds, activities); Pacebar gives it its id. */
  addGoal(input: GoalInput): Promise<ActionResult>;
  removeGoal(goalId: number): Promise<ActionResult>;
  openAthleteOnStrava(): Promise<ActionResult>;
  /** An activity of the athlete's history (a record), on strava.com. */
  openActivityOnStrava(activityId: number): Promise<ActionResult>;
  openStravaApiSettings(): Promise<ActionResult>;
  quit(): Promise<ActionResult>;
  /** Returns an unsubscribe function. The listener gets the state only, never the IPC event. */
  onStateChanged(listener: (state: DashboardState) => void): () => void;
}
