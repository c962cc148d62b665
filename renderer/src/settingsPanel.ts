// Settings in a <details>: units, primary sport, e-bike rides, refresh interval, sign-in method,
// the tray's glance (menu-bar title, icon), notifications, launch at login, disconnect, and an About
// line (Pacebar's version and what its updater knows, both from main).
import type { DashboardState, MenuBarTitle, PacebarApi, SettingsPatch, TrayIconStyle, UnitChoice, Units } from '../../preload/contract';
import { actionButton, alertSlot, oneLine, runAction } from './actions';
import { el } from './dom';
import { weeklySummaryControl } from './weeklySummaryControl';

const UNIT_LABEL: Record<Units, string> = { metric: 'Metric (km, m)', imperial: 'Imperial (mi, ft)' };
// Short enough for the select's width in a 420 px window.
const MENU_BAR_TITLE_LABEL: Record<MenuBarTitle, string> = { goal: 'Goal progress', week: 'This week’s total', off: 'Off (icon only)' };
const TRAY_ICON_LABEL: Record<TrayIconStyle, string> = { ring: 'Goal progress ring', plain: 'Plain icon' };
const labelled = (labels: Record<string, string>): [string, string][] => Object.entries(labels);

function select(id: string, options: [string, string][]): HTMLSelectElement {
  return el('select', { id }, ...options.map(([value, label]) => el('option', { value }, label)));
}

/** Replaces a select's options (main sends the choices with every state). */
function setOptions(control: HTMLSelectElement, options: [string, string][]): void {
  const same = control.options.length === options.length && options.every(([value, label], index) => control.options[index]?.value === value && control.options[index]?.text === label);
  if (!same) control.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
}

const everyMinutes = (minutes: number): [string, string] => [String(minutes), `Every ${minutes} minutes`];

function row(id: string, label: string, control: HTMLElement): HTMLElement {
  return el('div', { class: 'setting' }, el('label', { for: id }, label), control);
}

export interface SettingsPanel {
  element: HTMLDetailsElement;
  update(state: DashboardState): void;
}

export function settingsPanel(api: PacebarApi): SettingsPanel {
  let current: DashboardState | null = null;
  const slot = alertSlot();
  const units = select('setting-units', []);
  const sport = select('setting-sport', []);
  const interval = select('setting-interval', []);
  const signIn = select('setting-signin', [['window', 'In a Pacebar window'], ['browser', 'In your browser']]);
  const login = el('input', { id: 'setting-login', type: 'checkbox' });
  const eBikes = el('input', { id: 'setting-ebikes', type: 'checkbox' });
  const menuBarTitle = select('setting-menu-bar-title', labelled(MENU_BAR_TITLE_LABEL));
  const trayIcon = select('setting-tray-icon', labelled(TRAY_ICON_LABEL));
  const goalReached = el('input', { id: 'setting-goal-reached', type: 'checkbox' });

  const send = (patch: SettingsPatch): void => {
    void runAction(slot, () => api.updateSettings(patch)).then((ok) => {
      // A refused change snaps the control back to what main has.
      if (!ok && current) update(current);
    });
  };
  // "Follow Strava" is stored as null: the athlete's preference on Strava, read at every refresh.
  const unitChoices: Record<UnitChoice, SettingsPatch['units']> = { metric: 'metric', imperial: 'imperial', strava: null };
  units.addEventListener('change', () => {
    const choice = unitChoices[units.value as UnitChoice];
    if (choice !== undefined) send({ units: choice });
  });
  sport.addEventListener('change', () => {
    const choice = current?.choices.sports.find((option) => option.value === sport.value);
    if (choice) send({ primarySport: choice.value });
  });
  interval.addEventListener('change', () => send({ refreshIntervalMinutes: Number(interval.value) }));
  signIn.addEventListener('change', () => send({ signInMethod: signIn.value === 'browser' ? 'browser' : 'window' }));
  login.addEventListener('change', () => send({ launchAtLogin: login.checked }));
  eBikes.addEventListener('change', () => send({ eBikeRidesAsRides: eBikes.checked }));
  menuBarTitle.addEventListener('change', () => {
    if (menuBarTitle.value in MENU_BAR_TITLE_LABEL) send({ menuBarTitle: menuBarTitle.value as MenuBarTitle });
  });
  trayIcon.addEventListener('change', () => {
    if (trayIcon.value in TRAY_ICON_LABEL) send({ trayIcon: trayIcon.value as TrayIconStyle });
  });
  goalReached.addEventListener('change', () => send({ notifyGoalReached: goalReached.checked }));
  const weeklySummary = weeklySummaryControl(send, (message) => {
    slot.textContent = oneLine(message);
  });

  const loginRow = el('div', { class: 'setting setting-check' }, login, el('label', { for: 'setting-login' }, 'Launch Pacebar at login'));
  // Strava keeps e-bike rides apart from rides; people disagree, so it is theirs to choose.
  const eBikeRow = el('div', { class: 'setting setting-check' }, eBikes, el('label', { for: 'setting-ebikes' }, 'Count e-bike rides as rides'));

  // Only where a title can stand beside the icon (the macOS menu bar): never a setting that does nothing.
  const menuBarRow = row('setting-menu-bar-title', 'Menu bar title', menuBarTitle);
  const notifications = el(
    'fieldset',
    { class: 'setting-fieldset' },
    el('legend', {}, 'Notifications'),
    el('div', { class: 'setting setting-check' }, goalReached, el('label', { for: 'setting-goal-reached' }, 'When a goal is reached')),
    weeklySummary.element,
  );

  const disconnect = actionButton('Disconnect from Strava', 'button button-danger', slot, () => api.disconnect());
  const disconnectRow = el(
    'div',
    { class: 'setting setting-disconnect' },
    disconnect,
    el('p', { class: 'hint muted' }, 'Removes your Strava sign-in and cached stats from this computer.'),
  );

  // main sends the version (package.json) and the update line with every state; the tray shows the same line.
  const version = el('p', { id: 'about-version' });
  const updateStatus = el('p', { id: 'about-update', class: 'hint muted', 'aria-live': 'polite' });
  const aboutRow = el('div', { class: 'setting setting-about' }, version, updateStatus);

  const element = el(
    'details',
    { class: 'settings', id: 'settings' },
    el('summary', {}, 'Settings'),
    el(
      'div',
      { class: 'settings-body' },
      row('setting-units', 'Units', units),
      row('setting-sport', 'Primary sport', sport),
      eBikeRow,
      row('setting-interval', 'Refresh', interval),
      row('setting-signin', 'Sign in to Strava', signIn),
      menuBarRow,
      row('setting-tray-icon', 'Tray icon', trayIcon),
      notifications,
      loginRow,
      slot,
      disconnectRow,
      aboutRow,
    ),
  );

  function update(state: DashboardState): void {
    current = state;
    const { settings } = state;
    // "Follow Strava" says what it gives now, so the choice is not a guess.
    setOptions(units, [...labelled(UNIT_LABEL), ['strava', `Follow Strava (${settings.stravaUnits})`]]);
    units.value = settings.unitChoice;
    setOptions(sport, state.choices.sports.map((choice) => [choice.value, choice.label]));
    sport.value = settings.primarySport;
    // An interval set elsewhere (the CLI, the settings file) stays visible rather than showing another.
    const minutes = [...new Set([...state.choices.refreshIntervalMinutes, settings.refreshIntervalMinutes])].sort((a, b) => a - b);
    setOptions(interval, minutes.map(everyMinutes));
    interval.value = String(settings.refreshIntervalMinutes);
    signIn.value = settings.signInMethod;
    login.checked = settings.launchAtLogin;
    eBikes.checked = settings.eBikeRidesAsRides;
    menuBarTitle.value = settings.menuBarTitle;
    menuBarRow.hidden = !state.desktop.menuBarTitleAvailable;
    trayIcon.value = settings.trayIcon;
    goalReached.checked = settings.notifyGoalReached;
    weeklySummary.update(settings.weeklySummaryAt);
    // Never a setting that does nothing: hidden where this system has no login item Pacebar can set.
    loginRow.hidden = !state.desktop.launchAtLoginAvailable;
    const kind = state.connection.kind;
    disconnectRow.hidden = !(kind === 'connected' || kind === 'reconnect_needed');
    version.textContent = `Pacebar ${state.about.version}`;
    updateStatus.textContent = state.about.updateLine ?? '';
    updateStatus.hidden = state.about.updateLine === null;
  }

  return { element, update };
}
