// Sign-in screens: "Connect with Strava" when not connected, "Waiting for Strava…" while connecting.
import type { PacebarApi, SignInMethod } from '../../preload/contract';
import { actionButton, alertSlot } from './actions';
import { el } from './dom';

export function intro(): HTMLElement[] {
  return [
    el('h2', { class: 'panel-title' }, 'Your Strava stats, one glance away'),
    el(
      'p',
      { class: 'lead' },
      'Pacebar sits in your tray and shows this week’s distance, your totals and a 12-week chart from your Strava account. It only reads your data.',
    ),
  ];
}

export function connectPanel(signInMethod: SignInMethod, api: PacebarApi): HTMLElement[] {
  const slot = alertSlot();
  const connect = actionButton('Connect with Strava', 'button strava-button', slot, () => api.connect(signInMethod));
  connect.id = 'connect-button';
  const other: SignInMethod = signInMethod === 'window' ? 'browser' : 'window';
  const alternative = actionButton(
    other === 'browser' ? 'Sign in with your browser instead' : 'Sign in in a Pacebar window instead',
    'button button-secondary',
    slot,
    () => api.connect(other),
  );
  return [
    ...intro(),
    el('div', { class: 'connect-actions' }, connect, alternative),
    slot,
    el(
      'p',
      { class: 'hint muted' },
      other === 'browser'
        ? 'Sign in with Google or Apple on Strava? Use your browser: those sign-ins do not work in an app window.'
        : 'Pacebar opens Strava in your default browser, where Google and Apple sign-in work.',
    ),
  ];
}

export function connectingPanel(method: SignInMethod, api: PacebarApi, notice?: string): HTMLElement[] {
  const slot = alertSlot();
  return [
    // Why Pacebar switched to the browser by itself (Google, Apple or Facebook on Strava's page).
    ...(notice ? [el('p', { class: 'notice', role: 'status', id: 'connect-notice' }, notice)] : []),
    el(
      'div',
      { class: 'waiting', role: 'status' },
      el('span', { class: 'spinner', 'aria-hidden': 'true' }),
      el('h2', { class: 'panel-title' }, 'Waiting for Strava…'),
    ),
    el(
      'p',
      { class: 'lead' },
      method === 'browser'
        ? 'Finish signing in on the Strava page in your browser and click Authorize. Pacebar picks it up by itself.'
        : 'Finish signing in in the Strava window and click Authorize. Pacebar picks it up by itself.',
    ),
    actionButton('Cancel', 'button button-secondary', slot, () => api.cancelConnect()),
    slot,
  ];
}
