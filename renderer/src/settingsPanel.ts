// Settings in a <details>: units, primary sport, e-bike rides, refresh interval, sign-in method,
// launch at login, disconnect, and an About line (Pacebar's version and what its updater knows, both from main).
import type { DashboardState, PacebarApi, SettingsPatch } from '../../preload/contract';
import { actionButton, alertSlot, runAction } from './actions';
import { el } from './dom';

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
  const units = select('setting-units', [['metric', 'Metric (km, m)'], ['imperial', 'Imperial (mi, ft)']]);
  const sport = select('setting-sport', []);
  const interval = select('setting-interval', []);
  const signIn = select('setting-signin', [['window', 'In a Pacebar window'], ['browser', 'In your browser']]);
  const login = el('input', { id: 'setting-login', type: 'checkbox' });
  const eBikes = el('input', { id: 'setting-ebikes', type: 'checkbox' });

  const send = (patch: SettingsPatch): void => {
    void runAction(slot, () => api.updateSettings(patch)).then((ok) => {
      // A refused change snaps the control back to what main has.
      if (!ok && current) update(current);
    });
  };
  units.addEventListener('change', () => send({ units: units.value === 'imperial' ? 'imperial' : 'metric' }));
  sport.addEventListener('change', () => {
    const choice = current?.choices.sports.find((option) => option.value === sport.value);
    if (choice) send({ primarySport: choice.value });
  });
  interval.addEventListener('change', () => send({ refreshIntervalMinutes: Number(interval.value) }));
  signIn.addEventListener('change', () => send({ signInMethod: signIn.value === 'browser' ? 'browser' : 'window' }));
  login.addEventListener('change', () => send({ launchAtLogin: login.checked }));
  eBikes.addEventListener('change', () => send({ eBikeRidesAsRides: eBikes.checked }));

  const loginRow = el('div', { class: 'setting setting-check' }, login, el('label', { for: 'setting-login' }, 'Launch Pacebar at login'));
  // Strava keeps e-bike rides apart from rides; people disagree, so it is theirs to choose.
  const eBikeRow = el('div', { class: 'setting setting-check' }, eBikes, el('label', { for: 'setting-ebikes' }, 'Count e-bike rides as rides'));

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
      loginRow,
      slot,
      disconnectRow,
      aboutRow,
    ),
  );

  function update(state: DashboardState): void {
    current = state;
    const { settings } = state;
    units.value = settings.units;
    setOptions(sport, state.choices.sports.map((choice) => [choice.value, choice.label]));
    sport.value = settings.primarySport;
    // An interval set elsewhere (the CLI, the settings file) stays visible rather than showing another.
    const minutes = [...new Set([...state.choices.refreshIntervalMinutes, settings.refreshIntervalMinutes])].sort((a, b) => a - b);
    setOptions(interval, minutes.map(everyMinutes));
    interval.value = String(settings.refreshIntervalMinutes);
    signIn.value = settings.signInMethod;
    login.checked = settings.launchAtLogin;
    eBikes.checked = settings.eBikeRidesAsRides;
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
