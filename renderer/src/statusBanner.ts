// Status banners: one clear message per state, with what to do about it.
import type { DashboardState, PacebarApi, SignInMethod } from '../../preload/contract';
import { actionButton, alertSlot, oneLine } from './actions';
import { el } from './dom';
import { formatClock, formatMoment } from './format';

export interface BannerSpec {
  /** Stable name, also set as data-banner for tests and styling. */
  id: 'keychain' | 'reconnect' | 'offline' | 'rate-limited' | 'missing-scopes' | 'error' | 'no-tray' | 'inactive';
  tone: 'info' | 'warning' | 'error';
  title: string;
  body: string[];
  items?: { term: string; text: string }[];
  detail?: string;
  action?: { label: string; call: 'connect' | 'refresh' | 'quit' | 'openStravaApiSettings'; method?: SignInMethod; primary?: boolean };
}

export function bannerSpecs(state: DashboardState, now: number, locale?: string): BannerSpec[] {
  const specs: BannerSpec[] = [];
  const { connection, sync, settings } = state;
  if (connection.kind === 'keychain_unavailable') {
    specs.push({
      id: 'keychain',
      tone: 'error',
      title: 'Pacebar cannot use your system keychain',
      // What to do for this cause: the same sentence as the tray's and the CLI's.
      body: [oneLine(connection.detail), 'Pacebar keeps your Strava sign-in there and nowhere else.'],
      action: { label: 'Try again', call: 'refresh' },
    });
  }
  if (connection.kind === 'reconnect_needed') {
    specs.push({
      id: 'reconnect',
      tone: 'error',
      title: 'Reconnect to Strava',
      body: [connection.detail ?? 'Strava access was revoked or expired. Reconnect to keep your stats updating.'],
      action: { label: 'Connect with Strava', call: 'connect', method: settings.signInMethod, primary: true },
    });
  }
  if (state.desktop.trayIconHidden) {
    specs.push({
      id: 'no-tray',
      tone: 'info',
      title: 'Pacebar found no tray on this desktop, so it opens this window at start.',
      body: ['It keeps running when you close it: open Pacebar from your applications to come back, or quit it here. On GNOME, the AppIndicator extension shows its icon.'],
      // With no tray icon there is no tray menu, so no "Quit Pacebar" but this one.
      action: { label: 'Quit Pacebar', call: 'quit' },
    });
  }
  const signedIn = connection.kind === 'connected' || connection.kind === 'reconnect_needed';
  if (!signedIn) return specs;
  if (sync.applicationInactive) {
    specs.push({
      id: 'inactive',
      tone: 'warning',
      title: 'Your Strava API application is inactive',
      body: [
        'Since 30 June 2026 Strava runs an API application only while the Strava account that owns it has a subscription.',
        'Subscribe with the account that owns your API application, then reactivate the application at strava.com/settings/api. Your stats stay here meanwhile, and Pacebar checks again once an hour.',
      ],
      action: { label: 'Open strava.com/settings/api', call: 'openStravaApiSettings' },
    });
  }
  if (sync.offline) {
    specs.push({
      id: 'offline',
      tone: 'info',
      title: state.data
        ? `Offline — showing data from ${formatMoment(state.data.updatedAt, now, locale)}`
        : 'Offline',
      body: ["Pacebar will refresh by itself when you're back online."],
    });
  }
  if (sync.rateLimitedUntil) {
    specs.push({
      id: 'rate-limited',
      tone: 'warning',
      title: `Strava's rate limit is reached. Pacebar will try again at ${formatClock(sync.rateLimitedUntil, locale)}.`,
      body: [],
    });
  }
  if (state.missingScopes.length > 0) {
    specs.push({
      id: 'missing-scopes',
      tone: 'warning',
      title: 'Pacebar is missing some permissions',
      body: ['When you connected, these boxes were left unticked on Strava’s page:'],
      items: state.missingScopes.map((missing) => ({ term: missing.scope, text: missing.consequence })),
      action: { label: 'Reconnect and tick every box on Strava’s page', call: 'connect', method: settings.signInMethod },
    });
  }
  // The inactive banner already says it, and what to do.
  if (sync.lastError && !sync.applicationInactive) {
    specs.push({ id: 'error', tone: 'error', title: oneLine(sync.lastError), body: [] });
  }
  return specs;
}

export function banner(spec: BannerSpec, api: PacebarApi): HTMLElement {
  const slot = spec.action ? alertSlot() : null;
  const action = spec.action;
  return el(
    'section',
    {
      class: `banner banner-${spec.tone}`,
      role: spec.tone === 'error' ? 'alert' : 'status',
      'data-banner': spec.id,
    },
    el('p', { class: 'banner-title' }, spec.title),
    ...spec.body.map((text) => el('p', { class: 'banner-body' }, text)),
    spec.items
      ? el(
          'ul',
          { class: 'banner-list' },
          ...spec.items.map((item) => el('li', {}, el('code', {}, item.term), ' — ', item.text)),
        )
      : null,
    spec.detail ? el('p', { class: 'banner-detail' }, el('code', {}, spec.detail)) : null,
    action && slot
      ? actionButton(action.label, action.primary ? 'button strava-button' : 'button', slot, () =>
          action.call === 'connect'
            ? api.connect(action.method ?? 'window')
            : action.call === 'quit'
              ? api.quit()
              : action.call === 'openStravaApiSettings'
                ? api.openStravaApiSettings()
                : api.refresh(),
        )
      : null,
    slot,
  );
}
