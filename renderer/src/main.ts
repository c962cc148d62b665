// Wiring: get the state once, listen for pushes, and render each section from the latest state.
import type { DashboardState, PacebarApi, Sport } from '../../preload/contract';
import { athleteCard } from './athleteCard';
import { connectPanel, connectingPanel } from './connectPanel';
import { el, renderKeyed } from './dom';
import { goalsPanel } from './goalsPanel';
import { recentList } from './recentList';
import { setupForm } from './setupForm';
import { settingsPanel } from './settingsPanel';
import { banner, bannerSpecs } from './statusBanner';
import { syncBar } from './syncBar';
import { totalsSection } from './totalsTable';
import { historyProgress } from './historyProgress';
import { PANEL_ID, sportTabs, tabId } from './sportTabs';
import { weekSummary } from './weekSummary';
import { weeklyChart } from './weeklyChart';

function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html lacks #${id}`);
  return found;
}

function loadingPanel(): HTMLElement[] {
  return [
    el('p', { class: 'loading', role: 'status' }, 'Loading…'),
    el('div', { class: 'skeleton skeleton-title', 'aria-hidden': 'true' }),
    el('div', { class: 'skeleton skeleton-block', 'aria-hidden': 'true' }),
    el('div', { class: 'skeleton skeleton-block', 'aria-hidden': 'true' }),
  ];
}

export function start(api: PacebarApi): void {
  const app = byId('app');
  const banners = byId('banners');
  const panel = byId('panel');
  const dashboard = byId('dashboard');
  const athlete = byId('athlete');
  const week = byId('week');
  const chart = byId('chart');
  const totals = byId('totals');
  const garmin = byId('garmin-attribution');
  const historyCard = byId('history');
  const tabs = byId('tabs');
  const sportPanel = byId(PANEL_ID);
  /** The family shown: the primary sport until the person picks another tab. */
  let selected: Sport | null = null;
  let latest: DashboardState | null = null;
  const sync = syncBar(api);
  byId('sync').replaceChildren(sync.element);
  const settings = settingsPanel(api);
  byId('settings-slot').replaceChildren(settings.element);
  // Built once, like the settings: a push keeps a half-typed goal.
  const goals = goalsPanel(api);
  byId('goals-slot').replaceChildren(goals.element);
  const recent = byId('recent');

  function render(state: DashboardState): void {
    latest = state;
    const { connection, data, settings: prefs } = state;
    const kind = state.loading ? 'loading' : connection.kind;
    app.dataset.connection = kind;
    const now = Date.now();

    const specs = state.loading ? [] : bannerSpecs(state, now);
    renderKeyed(banners, specs, () => specs.map((spec) => banner(spec, api)));

    const showsData = !state.loading && data !== null && (kind === 'connected' || kind === 'reconnect_needed' || kind === 'keychain_unavailable');
    const panelKey: unknown[] =
      kind === 'loading' ? ['loading']
      : kind === 'needs_credentials' ? ['setup']
      : kind === 'not_connected' ? ['connect', prefs.signInMethod]
      : kind === 'connecting' ? ['connecting', connection.kind === 'connecting' ? connection.method : 'window', connection.kind === 'connecting' ? (connection.notice ?? '') : '']
      : kind === 'connected' && !data ? ['fetching']
      : ['none'];
    renderKeyed(panel, panelKey, () => {
      switch (panelKey[0]) {
        case 'loading': return loadingPanel();
        case 'setup': return setupForm(prefs.clientId, api);
        case 'connect': return connectPanel(prefs.signInMethod, api);
        case 'connecting': return connection.kind === 'connecting' ? connectingPanel(connection.method, api, connection.notice) : connectingPanel('window', api);
        case 'fetching': return [el('p', { class: 'loading', role: 'status' }, 'Connected. Fetching your stats from Strava…')];
        default: return [];
      }
    });
    panel.hidden = panelKey[0] === 'none';

    dashboard.hidden = !showsData;
    if (showsData && data) {
      const { units, primarySport } = prefs;
      renderKeyed(athlete, data.athlete, () => athleteCard(data.athlete, api));
      renderKeyed(historyCard, data.stats.history, () => historyProgress(data.stats.history));
      historyCard.hidden = historyCard.childElementCount === 0;
      goals.update(state);
      renderKeyed(recent, data.recent, () => recentList(data.recent, api));
      // The families the athlete does, primary first; the labels and displays come from main.
      const choices = [...state.choices.sports].sort((a, b) => (a.value === primarySport ? -1 : b.value === primarySport ? 1 : 0));
      const sport = choices.some((choice) => choice.value === selected) && selected ? selected : primarySport;
      const display = choices.find((choice) => choice.value === sport) ?? choices[0];
      renderKeyed(tabs, [choices.map((choice) => [choice.value, choice.label]), sport], () =>
        choices.length > 1 ? [sportTabs(choices, sport, (next) => {
          selected = next;
          if (latest) render(latest);
        })] : [],
      );
      if (choices.length > 1) {
        sportPanel.setAttribute('role', 'tabpanel');
        sportPanel.setAttribute('aria-labelledby', tabId(sport));
      } else {
        sportPanel.removeAttribute('role');
        sportPanel.removeAttribute('aria-labelledby');
      }
      const family = data.stats.families[sport];
      if (display && family) {
        renderKeyed(week, [family.totals.week, family.averageSpeed.week, sport, units], () => weekSummary(display, family, units));
        renderKeyed(chart, [family.weekly, sport, units], () => weeklyChart(family.weekly, display, units));
        renderKeyed(totals, [family, sport, units], () => totalsSection(display, family, units, api));
      }
    }
    // Garmin's attribution, above every figure derived from its devices' activities (core/view/attribution.ts).
    const attribution = showsData && data ? data.garminAttribution : null;
    garmin.textContent = attribution ?? '';
    garmin.hidden = attribution === null;
    sync.update(
      showsData && data
        ? {
            updatedAt: data.updatedAt,
            // Data that can no longer be refreshed is stale whatever main last said.
            stale: data.stale || kind !== 'connected',
            refreshing: state.sync.refreshing,
            canRefresh: kind === 'connected',
          }
        : null,
    );

    settings.element.hidden = state.loading;
    settings.update(state);
  }

  let pushed = false;
  api.onStateChanged((state) => {
    pushed = true;
    render(state);
  });
  api
    .getState()
    .then((state) => {
      // A push that arrived first is newer than this answer.
      if (!pushed) render(state);
    })
    .catch((error: unknown) => showFatal(error));
  setInterval(() => sync.tick(), 30_000);

  // The tray's "Settings…" opens the dashboard at #settings (a fragment navigation, no IPC needed).
  const openSettingsFromHash = () => {
    if (location.hash !== '#settings') return;
    const details = settings.element as HTMLDetailsElement;
    details.open = true;
    details.querySelector('summary')?.focus();
    details.scrollIntoView({ block: 'start' });
    history.replaceState(null, '', location.pathname); // so the next "Settings…" is a change again
  };
  window.addEventListener('hashchange', openSettingsFromHash);
  openSettingsFromHash();
}

function showFatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const panel = document.getElementById('panel');
  panel?.replaceChildren(el('p', { class: 'banner banner-error', role: 'alert' }, `Pacebar could not load its state: ${message.split('\n')[0] ?? ''}`));
}

if (typeof window.pacebar === 'object' && window.pacebar !== null) {
  start(window.pacebar);
} else {
  showFatal(new Error('the preload bridge is missing.'));
}
