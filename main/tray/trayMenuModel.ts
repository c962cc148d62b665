// What the tray shows, as plain data: tooltip and menu items for a DashboardState at a given time.
// Pure (no Electron), so every state's labels and enabled flags are unit-tested; trayController
// turns this into a real Menu.
import type { AboutView, DashboardState } from '../../core/domain';
import { formatAgo } from '../../core/view/format';
import { APPLICATION_INACTIVE, coverageLine, historyLine, summaryLine } from '../../core/view/labels';

/** The clickable items: each does something (main/tray/trayActions.ts has one handler per id). */
export const TRAY_ACTIONS = ['open', 'refresh', 'connect', 'disconnect', 'settings', 'installUpdate', 'checkForUpdates', 'openDownloadPage', 'quit'] as const;
export type TrayAction = (typeof TRAY_ACTIONS)[number];

/** Lines that only inform (never clickable). 'notice': a notification the system did not show. */
export type TrayInfoId = 'athlete' | 'summary' | 'goal' | 'attribution' | 'updated' | 'status' | 'notice' | 'update';

/** 'recent': the "Recent activities" submenu; 'activity': one of its items (opens it on Strava). */
export type TrayItemId = TrayAction | TrayInfoId | 'recent' | 'activity' | 'separator';

const ACTION_IDS: ReadonlySet<string> = new Set(TRAY_ACTIONS);

export function isTrayAction(id: TrayItemId): id is TrayAction {
  return ACTION_IDS.has(id);
}

export interface TrayItem {
  id: TrayItemId;
  label: string;
  enabled: boolean;
  type?: 'normal' | 'separator';
  submenu?: TrayItem[];
  /** 'activity' items: the Strava activity the item opens. */
  activityId?: number;
}

export interface TrayModel {
  /** Hover text (Windows caps it at 127 characters). */
  tooltip: string;
  items: TrayItem[];
}

export const TOOLTIP_MAX = 127;

const info = (id: TrayInfoId, label: string): TrayItem => ({ id, label, enabled: false });
const action = (id: TrayAction, label: string, enabled = true): TrayItem => ({ id, label, enabled });
const separator = (): TrayItem => ({ id: 'separator', label: '', enabled: true, type: 'separator' });

function minutesUntil(iso: string, now: number): number {
  return Math.max(1, Math.ceil((Date.parse(iso) - now) / 60_000));
}

/** Lines that explain why the numbers may be missing or old; informational, not clickable. */
export function statusLines(state: DashboardState, now: number): string[] {
  if (state.loading) return ['Loading…'];
  const connection = state.connection;
  switch (connection.kind) {
    case 'needs_credentials':
      return ['Needs setup: add your Strava API application'];
    case 'not_connected':
      return ['Not connected to Strava'];
    case 'connecting':
      return ['Connecting to Strava…'];
    case 'reconnect_needed':
      return ['Reconnect needed: Strava access was lost'];
    case 'keychain_unavailable':
      // The same sentence as the dashboard and the CLI: what to do for this cause.
      return [connection.detail];
    case 'connected':
      break;
  }
  const lines: string[] = [];
  const sync = state.sync;
  if (sync.refreshing) lines.push('Refreshing…');
  // Not a connection problem: signed in, data kept; the fix is on strava.com.
  if (sync.applicationInactive) lines.push(APPLICATION_INACTIVE.statusLine);
  else if (sync.rateLimitedUntil !== null && Date.parse(sync.rateLimitedUntil) > now) {
    lines.push(`Strava rate limit reached: retrying in ${minutesUntil(sync.rateLimitedUntil, now)} min`);
  } else if (sync.offline) {
    lines.push('Offline: showing saved data');
  } else if (state.data?.stale) {
    lines.push('Data may be out of date');
  }
  const counting = historyLine(state);
  if (counting) lines.push(counting);
  const leftOut = coverageLine(state);
  if (leftOut) lines.push(leftOut);
  else if (state.missingScopes.length > 0) lines.push('Missing permissions: reconnect to grant them');
  return lines;
}

/**
 * The updater's items: its one status line (the same text the dashboard shows) and what can be done
 * about it. None where updates are off (the demo, an unpackaged run).
 */
export function updateItems(about: AboutView): TrayItem[] {
  const update = about.update;
  const line = about.updateLine ?? '';
  const check = action('checkForUpdates', 'Check for updates…');
  switch (update.kind) {
    case 'off':
      return [];
    case 'idle':
      // Being up to date is the normal case: no line for it in the tray, only the action.
      return [check];
    case 'checking':
    case 'downloading':
      return [info('update', line)];
    case 'ready':
      // The status line is itself the action: installing waits for this click (or the next quit).
      return [action('installUpdate', line)];
    case 'manual':
      return [info('update', line), action('openDownloadPage', 'Open the download page…'), check];
    case 'error':
      return [info('update', line), check];
  }
}

/** The primary goal's line for the tooltip, in full and without what is needed per day (for room). */
function primaryGoalLines(state: DashboardState): string[] {
  const text = state.goals[0]?.text;
  if (!text) return [];
  const suffix = text.needed ? ` · ${text.needed}` : null;
  const shorter = suffix && text.line.endsWith(suffix) ? text.line.slice(0, -suffix.length) : null;
  return shorter ? [text.line, shorter] : [text.line];
}

function tooltipFor(state: DashboardState, summary: string | null, status: string[]): string {
  const head = state.data ? `Pacebar · ${state.data.athlete.name}` : 'Pacebar';
  const attribution = summary && state.data?.garminAttribution ? [state.data.garminAttribution] : [];
  const withGoal = (goal: string[]) => [head, ...(summary ? [summary] : []), ...goal, ...attribution, ...status].join('\n');
  // The goal line gives way first (shortened, then left out): the status lines say what is wrong.
  const text = [...primaryGoalLines(state).map((line) => withGoal([line])), withGoal([])].find((candidate) => candidate.length <= TOOLTIP_MAX) ?? withGoal([]);
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`;
}

/** "Recent activities" ▸ one item per activity, each opening it on Strava; none without activities. */
function recentItems(state: DashboardState): TrayItem[] {
  const recent = state.data?.recent ?? [];
  if (recent.length === 0) return [];
  const submenu = recent.map((activity): TrayItem => ({ id: 'activity', label: activity.text.line, enabled: true, activityId: activity.id }));
  return [{ id: 'recent', label: 'Recent activities', enabled: true, submenu }];
}

/**
 * `notices`: what a notification said when the system did not show it (main/notifications), so
 * it is read here instead of being lost.
 */
export function trayMenuModel(state: DashboardState, now: number, notices: readonly string[] = []): TrayModel {
  const summary = summaryLine(state);
  const status = statusLines(state, now);
  const kind = state.connection.kind;
  const connected = kind === 'connected';
  const items: TrayItem[] = [];

  if (state.data) {
    items.push(info('athlete', state.data.athlete.name));
    if (summary) items.push(info('summary', summary));
    // Under the summary, one line per goal (the first is the primary one), as `pacebar goals` lists them.
    for (const goal of state.goals) items.push(info('goal', goal.text.line));
    // Garmin's attribution sits with the figures derived from its devices' activities.
    if (summary && state.data.garminAttribution) items.push(info('attribution', state.data.garminAttribution));
    items.push(info('updated', `Updated ${formatAgo(Date.parse(state.data.updatedAt), now)}`));
  }
  for (const line of status) items.push(info('status', line));
  for (const line of notices) items.push(info('notice', line));
  if (items.length > 0) items.push(separator());

  items.push(...recentItems(state));
  items.push(action('open', 'Open dashboard'));
  items.push(action('refresh', 'Refresh now', connected && !state.loading && !state.sync.refreshing));
  if (connected) {
    items.push(action('disconnect', 'Disconnect'));
  } else if (kind === 'reconnect_needed') {
    items.push(action('connect', 'Reconnect Strava…'));
    items.push(action('disconnect', 'Disconnect'));
  } else {
    items.push(action('connect', 'Connect Strava…', !state.loading && kind !== 'connecting'));
  }
  items.push(action('settings', 'Settings…'));
  const updates = updateItems(state.about);
  if (updates.length > 0) items.push(separator(), ...updates);
  items.push(separator());
  items.push(action('quit', 'Quit Pacebar'));

  return { tooltip: tooltipFor(state, summary, status), items };
}
