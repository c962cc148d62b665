// Settings in a <details>: units, primary sport, refresh interval, launch at login, sign-in method, disconnect.
import type { DashboardState, PacebarApi, SettingsPatch } from '../../preload/contract';
import { actionButton, alertSlot, runAction } from './actions';
import { el } from './dom';

export const REFRESH_INTERVALS = [15, 30, 60];

function select(id: string, options: [string, string][]): HTMLSelectElement {
  return el('select', { id }, ...options.map(([value, label]) => el('option', { value }, label)));
}

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
  const sport = select('setting-sport', [['run', 'Run'], ['ride', 'Ride'], ['swim', 'Swim']]);
  const interval = select('setting-interval', REFRESH_INTERVALS.map((m) => [String(m), `Every ${m} minutes`]));
  const signIn = select('setting-signin', [['window', 'In a Pacebar window'], ['browser', 'In your browser']]);
  const login = el('input', { id: 'setting-login', type: 'checkbox' });

  const send = (patch: SettingsPatch): void => {
    void runAction(slot, () => api.updateSettings(patch)).then((ok) => {
      // A refused change snaps the control back to what main has.
      if (!ok && current) update(current);
    });
  };
  units.addEventListener('change', () => send({ units: units.value === 'imperial' ? 'imperial' : 'metric' }));
  sport.addEventListener('change', () => send({ primarySport: sport.value === 'ride' ? 'ride' : sport.value === 'swim' ? 'swim' : 'run' }));
  interval.addEventListener('change', () => send({ refreshIntervalMinutes: Number(interval.value) }));
  signIn.addEventListener('change', () => send({ signInMethod: signIn.value === 'browser' ? 'browser' : 'window' }));
  login.addEventListener('change', () => send({ launchAtLogin: login.checked }));

  const disconnect = actionButton('Disconnect from Strava', 'button button-danger', slot, () => api.disconnect());
  const disconnectRow = el(
    'div',
    { class: 'setting setting-disconnect' },
    disconnect,
    el('p', { class: 'hint muted' }, 'Removes your Strava sign-in and cached stats from this computer.'),
  );

  const element = el(
    'details',
    { class: 'settings', id: 'settings' },
    el('summary', {}, 'Settings'),
    el(
      'div',
      { class: 'settings-body' },
      row('setting-units', 'Units', units),
      row('setting-sport', 'Primary sport', sport),
      row('setting-interval', 'Refresh', interval),
      row('setting-signin', 'Sign in to Strava', signIn),
      el('div', { class: 'setting setting-check' }, login, el('label', { for: 'setting-login' }, 'Launch Pacebar at login')),
      slot,
      disconnectRow,
    ),
  );

  function update(state: DashboardState): void {
    current = state;
    const { settings } = state;
    units.value = settings.units;
    sport.value = settings.primarySport;
    if (!REFRESH_INTERVALS.includes(settings.refreshIntervalMinutes)) {
      // Keep an unusual value from main visible rather than silently showing another.
      const minutes = String(settings.refreshIntervalMinutes);
      if (![...interval.options].some((option) => option.value === minutes)) {
        interval.append(el('option', { value: minutes }, `Every ${minutes} minutes`));
      }
    }
    interval.value = String(settings.refreshIntervalMinutes);
    signIn.value = settings.signInMethod;
    login.checked = settings.launchAtLogin;
    const kind = state.connection.kind;
    disconnectRow.hidden = !(kind === 'connected' || kind === 'reconnect_needed');
  }

  return { element, update };
}
