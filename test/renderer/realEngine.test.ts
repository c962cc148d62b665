// The dashboard in headless Chromium driven by the real engine and controller against the Strava
// simulator, through a bridge standing in for the preload: connect → stats, and every state.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardState } from '../../preload/contract';
import { PacebarController } from '../../core/controller/pacebarController';
import type { ConsentRunner } from '../../core/oauth/consentRunner';
import { PacebarEngine } from '../../core/engine/engine';
import { guardBackend } from '../../core/keychain/secretBackend';
import { keychainAdvice } from '../../core/errors';
import { memoryStore } from '../support/memory';
import { settingsDefaults } from '../../core/domain';
import { HistoryRepository } from '../../core/history/historyStore';
import { join } from 'node:path';
import { stravaEndpoints } from '../../core/strava/endpoints';
import { DEMO_CLIENT } from '../../sim/index';
import { startHarness, type Harness } from '../core/integration/harness';
import { browserConsentRunner } from '../../core/oauth/browserConsent';
import { simulatedBrowser } from '../../sim/browser';
import { closeHarness, openWithBridge, warmUpHarness, type BridgeHandlers, type DashboardPage } from './harness';
import { waitForText } from './waits';
import { commandLineTransport } from '../../core/engine/createEngine';
import { zoneOffsetSeconds } from '../../sim/time';
import { truthTotals } from '../support/groundTruth';
import { formatCount, formatDuration, formatElevation, formatFamilyDistance, formatRate } from '../../renderer/src/format';

interface Rig {
  h: Harness;
  controller: PacebarController;
  dashboard: DashboardPage;
  /** Everything that crossed the bridge to the page, for the leak check. */
  sent: unknown[];
}

let rig: Rig | null = null;
let consentChoice: { deny?: boolean; uncheck?: string[] } = {};

/** The browser sign-in the app runs, with the simulator's consent page answered by a stand-in browser. */
function simConsent(h: Harness): ConsentRunner {
  return {
    prepare: () => browserConsentRunner({ stravaBaseUrl: h.sim.baseUrl, openExternal: simulatedBrowser(consentChoice) }).prepare(),
  };
}

function bridge(controller: PacebarController, sent: unknown[]): BridgeHandlers {
  const out = <T>(value: T): T => {
    sent.push(value);
    return value;
  };
  return {
    getState: () => out(controller.state()),
    saveCredentials: async (input) => out(await controller.saveCredentials(input)),
    connect: async (method) => out(await controller.connect(method)),
    cancelConnect: () => out(controller.cancelConnect()),
    disconnect: async () => out(await controller.disconnect()),
    refresh: async () => out(await controller.refreshAction()),
    updateSettings: async (patch) => out(await controller.updateSettings(patch)),
    addGoal: (input) => out(controller.addGoal(input)),
    removeGoal: (id) => out(controller.removeGoal(id)),
    openAthleteOnStrava: () => out({ ok: true as const }),
    openActivityOnStrava: (id) => out(controller.activityUrl(id) ? { ok: true as const } : { ok: false as const, message: 'That activity is not in your history.' }),
    openStravaApiSettings: () => out({ ok: true as const }),
    quit: () => out({ ok: true as const }),
  };
}

async function open(h: Harness, controller: PacebarController): Promise<Rig> {
  await controller.init();
  const sent: unknown[] = [];
  const dashboard = await openWithBridge(bridge(controller, sent));
  controller.subscribe((state: DashboardState) => {
    sent.push(state);
    void dashboard.push(state).catch(() => undefined);
  });
  rig = { h, controller, dashboard, sent };
  return rig;
}

async function startRig(): Promise<Rig> {
  const h = await startHarness();
  const controller = new PacebarController({ engine: h.engine, consent: { window: simConsent(h), browser: simConsent(h) } });
  return open(h, controller);
}

async function connectInPage(r: Rig): Promise<void> {
  await r.dashboard.page.getByRole('button', { name: 'Connect with Strava' }).first().click();
  await r.dashboard.page.locator('#app[data-connection="connected"]').waitFor();
}

const banner = (r: Rig, id: string) => r.dashboard.page.locator(`[data-banner="${id}"]`);

afterEach(async () => {
  if (rig) {
    // Nothing secret ever crossed the bridge.
    const secrets = [...rig.h.sim.issuedSecrets(), DEMO_CLIENT.clientSecret];
    const crossed = JSON.stringify(rig.sent);
    for (const secret of secrets) expect(crossed.includes(secret)).toBe(false);
    expect(rig.dashboard.consoleErrors).toEqual([]);
    await rig.dashboard.close();
    await rig.h.close();
    rig = null;
  }
  consentChoice = {};
});
beforeAll(warmUpHarness, 120_000);
afterAll(closeHarness);

describe('dashboard on the real engine', () => {
  it('a long history: once counted, every figure of the shown sports equals the simulator\'s own records', async () => {
    const zone = 'America/New_York';
    const h = await startHarness({
      sim: { now: Date.UTC(2026, 10, 2, 14, 0), seed: 31, history: { count: 700, years: 10, timeZone: zone } }, // the day after the US left summer time
      utcOffsetMinutes: (now) => zoneOffsetSeconds(zone, now) / 60,
    });
    const controller = new PacebarController({ engine: h.engine, consent: { window: simConsent(h), browser: simConsent(h) } });
    const r = await open(h, controller);
    await connectInPage(r);
    // The backfill runs after the connect; its card goes once everything is counted.
    await r.dashboard.page.locator('#history[hidden]').waitFor({ state: 'attached' });
    await r.dashboard.page.locator('#dashboard:not([hidden])').waitFor();
    const options = { now: h.sim.clock.now(), homeZone: zone, includesPrivate: true };
    const L = 'en-GB';
    for (const [sport, label] of [['run', 'Run'], ['ride', 'Ride']] as const) {
      await r.dashboard.page.getByRole('tab', { name: label, exact: true }).click();
      const table = r.dashboard.page.getByRole('table', { name: `${label} totals` });
      await table.waitFor();
      const display = controller.state().choices.sports.find((choice) => choice.value === sport)!;
      for (const [period, row] of [['week', 'This week'], ['fourWeeks', '4 weeks'], ['ytd', 'This year'], ['allTime', 'All time']] as const) {
        const truth = truthTotals(h.sim.activities(), sport, period, options);
        const cells = await table.locator('tr', { has: r.dashboard.page.locator('th', { hasText: row }) }).locator('td').allInnerTexts();
        expect(cells, `${sport} ${period}`).toEqual([
          formatCount(truth.count, L),
          formatFamilyDistance(truth.distance, display, 'metric', L),
          formatDuration(truth.movingTime, L),
          formatRate(truth.movingTime > 0 ? truth.distance / truth.movingTime : null, display, 'metric', L),
          formatElevation(truth.elevationGain, 'metric', L),
        ]);
      }
    }
  });

  it('setup → connect → the athlete and stats are shown', async () => {
    const h = await startHarness();
    await h.engine.credentials.forget();
    const controller = new PacebarController({ engine: h.engine, consent: { window: simConsent(h), browser: simConsent(h) } });
    const r = await open(h, controller);
    const page = r.dashboard.page;
    await page.locator('#app[data-connection="needs_credentials"]').waitFor();
    await page.getByLabel('Client ID').fill(DEMO_CLIENT.clientId);
    await page.getByLabel('Client Secret').fill(DEMO_CLIENT.clientSecret);
    await page.getByRole('button', { name: /save/i }).click();
    await page.locator('#app[data-connection="not_connected"]').waitFor();

    await connectInPage(r);
    await waitForText(page.locator('#athlete'), 'Zoë Ødegård-Núñez', { contains: true });
    expect(await page.locator('#athlete').textContent()).toContain('Zoë Ødegård-Núñez');
    const totals = await page.locator('#totals').textContent();
    expect(totals).toMatch(/km/);
    expect(await page.locator('#chart svg rect, #chart svg [data-week]').count()).toBeGreaterThanOrEqual(12);
    expect(h.sim.count({ path: '/oauth/token' })).toBe(1);
  });

  it('missing scopes: which, and how to fix', async () => {
    const r = await startRig();
    consentChoice = { uncheck: ['activity:read_all'] };
    await connectInPage(r);
    await banner(r, 'missing-scopes').waitFor();
    expect(await banner(r, 'missing-scopes').textContent()).toContain('activity:read_all');
  });

  it('offline: cached data stays, with the offline banner', async () => {
    const r = await startRig();
    await connectInPage(r);
    r.h.sim.inject({ path: /^\/api\/v3\//, times: Infinity, action: { kind: 'drop' } });
    r.h.sim.clock.advance(20 * 60_000);
    await r.dashboard.page.getByRole('button', { name: 'Refresh' }).click();
    await banner(r, 'offline').waitFor();
    expect(await r.dashboard.page.locator('#athlete').textContent()).toContain('Zoë');
  });

  it('rate limited: says until when, and sends nothing more', async () => {
    const r = await startRig();
    await connectInPage(r);
    r.h.sim.clock.advance(60_000);
    r.h.sim.inject({
      path: '/api/v3/athlete/activities',
      action: { kind: 'status', status: 429, headers: { 'X-ReadRateLimit-Limit': '100,1000', 'X-ReadRateLimit-Usage': '100,200' } },
    });
    await r.dashboard.page.getByRole('button', { name: 'Refresh' }).click();
    await banner(r, 'rate-limited').waitFor();
    const before = r.h.sim.requests.length;
    await r.dashboard.page.getByRole('button', { name: 'Refresh' }).click();
    await r.dashboard.page.getByRole('button', { name: 'Refresh' }).waitFor();
    expect(r.h.sim.requests.length).toBe(before);
  });

  it('application inactive: explained with the way out, stats and tokens kept; Refresh works again once reactivated', async () => {
    const r = await startRig();
    await connectInPage(r);
    const athleteId = r.h.engine.settings.get().athleteId!;
    const tokens = await r.h.engine.vault.loadTokens(athleteId);
    r.h.sim.setApplicationInactive(true);
    r.h.sim.clock.advance(20 * 60_000);
    await r.dashboard.page.getByRole('button', { name: 'Refresh' }).click();
    await banner(r, 'inactive').waitFor();
    expect(await r.dashboard.page.locator('#app').getAttribute('data-connection')).toBe('connected');
    expect(await r.dashboard.page.locator('#athlete').textContent()).toContain('Zoë');
    expect(await r.h.engine.vault.loadTokens(athleteId)).toEqual(tokens);
    r.h.sim.setApplicationInactive(false);
    await r.dashboard.page.getByRole('button', { name: 'Refresh' }).click();
    await banner(r, 'inactive').waitFor({ state: 'detached' });
  });

  it('reconnect needed: explained, cached stats kept, reconnect works', async () => {
    const r = await startRig();
    await connectInPage(r);
    r.h.sim.revokeAthleteAccess();
    await r.dashboard.page.getByRole('button', { name: 'Refresh' }).click();
    await r.dashboard.page.locator('#app[data-connection="reconnect_needed"]').waitFor();
    await banner(r, 'reconnect').waitFor();
    expect(await r.dashboard.page.locator('#athlete').textContent()).toContain('Zoë');
    await banner(r, 'reconnect').getByRole('button', { name: 'Connect with Strava' }).click();
    await r.dashboard.page.locator('#app[data-connection="connected"]').waitFor();
  });

  it('keychain unavailable: explained, with what to do', async () => {
    const h = await startHarness();
    const locked = guardBackend({
      getPassword: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
      setPassword: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
      deletePassword: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
      findCredentials: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
    });
    const engine = new PacebarEngine({
      transport: commandLineTransport({}),
      endpoints: stravaEndpoints(h.sim.baseUrl),
      secrets: locked,
      settingsStore: memoryStore({ ...settingsDefaults, clientId: DEMO_CLIENT.clientId }),
      cacheStore: memoryStore<Record<string, unknown>>({}),
      history: new HistoryRepository(join(h.dir, 'locked-history.json')),
      clock: () => h.sim.clock.now(),
    });
    const controller = new PacebarController({ engine, consent: { window: simConsent(h), browser: simConsent(h) } });
    const r = await open(h, controller);
    await r.dashboard.page.locator('#app[data-connection="keychain_unavailable"]').waitFor();
    expect(await banner(r, 'keychain').textContent()).toContain(keychainAdvice('locked', process.platform));
    expect(await banner(r, 'keychain').textContent()).not.toContain('locked collection');
    await engine.close();
  });

  it('a secret never reaches the page even when saving credentials fails', async () => {
    const h = await startHarness();
    await h.engine.credentials.forget();
    const controller = new PacebarController({ engine: h.engine, consent: { window: simConsent(h), browser: simConsent(h) } });
    const r = await open(h, controller);
    const result = await controller.saveCredentials({ clientId: 'abc', clientSecret: DEMO_CLIENT.clientSecret });
    r.sent.push(result);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/Client ID/);
    expect(h.engine.settings.get().clientId).toBeNull();
    expect(await h.engine.vault.loadClientSecret('abc')).toBeNull();
  });
});
