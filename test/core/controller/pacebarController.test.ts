// The controller against the simulator: sign-in attempts that overlap, a disconnect during a
// refresh, and a start-up that fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacebarController } from '../../../core/controller/pacebarController';
import type { ConsentRunner } from '../../../core/oauth/consentRunner';
import { BrowserSignInNeededError, CertificateError, ConnectCancelledError, NetworkError, ProxyError } from '../../../core/errors';
import { PacebarEngine } from '../../../core/engine/engine';
import { memoryBackend } from '../../support/memory';
import { memoryStore } from '../../support/memory';
import { settingsDefaults } from '../../../core/domain';
import { HistoryRepository } from '../../../core/history/historyStore';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { stravaEndpoints } from '../../../core/strava/endpoints';
import { browserConsentRunner } from '../../../core/oauth/browserConsent';
import { simulatedBrowser } from '../../../sim/browser';
import { connect, startHarness, type Harness } from '../integration/harness';
import type { DashboardState } from '../../../preload/contract';
import { commandLineTransport } from '../../../core/engine/createEngine';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Resolves once the controller's state matches: at once, or with the push that makes it so. */
function until(controller: PacebarController, matches: (state: DashboardState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (matches(controller.state())) return resolve();
    const stop = controller.subscribe((state) => {
      if (!matches(state)) return;
      stop();
      resolve();
    });
  });
}

const connecting = (method: 'window' | 'browser') => (state: DashboardState) =>
  state.connection.kind === 'connecting' && state.connection.method === method;

/** A consent runner that waits until its attempt is aborted (a window nobody answers). */
const waitingRunner: ConsentRunner = {
  async prepare() {
    return {
      redirectUri: 'http://127.0.0.1/pacebar/callback',
      run: (_url, _check, signal) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new ConnectCancelledError()), { once: true })),
      dispose() {},
    };
  },
};

/** The browser sign-in the app runs, with the simulator's consent page answered by a stand-in browser. */
function simRunner(harness: Harness): ConsentRunner {
  return browserConsentRunner({ stravaBaseUrl: harness.sim.baseUrl, openExternal: simulatedBrowser() });
}

describe('PacebarController', () => {
  it('reports a lost connection once per loss: later refreshes find it still lost and say nothing (what the notifier relies on)', async () => {
    h = await startHarness();
    const notified = vi.fn();
    const controller = new PacebarController({ engine: h.engine, consent: { window: simRunner(h), browser: simRunner(h) }, onReconnectNeeded: notified });
    await controller.init();
    expect((await controller.connect('browser')).ok).toBe(true);
    // The athlete revokes Pacebar on strava.com: the next poll loses the connection.
    h.sim.revokeAthleteAccess();
    h.sim.clock.advance(20 * 60_000);
    expect(await controller.refresh()).toBe('failed');
    expect(controller.state().connection.kind).toBe('reconnect_needed');
    expect(await controller.refresh()).toBe('skipped');
    expect(await controller.refresh()).toBe('skipped');
    expect(notified).toHaveBeenCalledTimes(1);
    // Reconnected, then lost again: a new loss, reported again.
    expect((await controller.connect('browser')).ok).toBe(true);
    h.sim.revokeAthleteAccess();
    h.sim.clock.advance(20 * 60_000);
    expect(await controller.refresh()).toBe('failed');
    expect(notified).toHaveBeenCalledTimes(2);
  });

  it('behind a TLS-inspecting proxy or a failing proxy: not "offline", and the line says what to check', async () => {
    h = await startHarness();
    await connect(h);
    const controller = new PacebarController({ engine: h.engine, consent: { window: waitingRunner, browser: waitingRunner } });
    await controller.init();
    const sync = vi.spyOn(h.engine, 'sync');
    for (const error of [new CertificateError('ERR_CERT_AUTHORITY_INVALID'), new ProxyError('ERR_TUNNEL_CONNECTION_FAILED')]) {
      sync.mockRejectedValueOnce(error);
      expect(await controller.refresh()).toBe('failed');
      expect(controller.state().sync).toMatchObject({ offline: false, lastError: error.message });
      expect(controller.state().sync.lastError).not.toContain('Check your connection');
    }
    // A plain network failure still is offline.
    sync.mockRejectedValueOnce(new NetworkError('connection refused'));
    expect(await controller.refresh()).toBe('offline');
    expect(controller.state().sync.offline).toBe(true);
    sync.mockRestore();
  });

  it('a second attempt started during the first, then cancelled, returns to the state before both', async () => {
    h = await startHarness();
    const controller = new PacebarController({ engine: h.engine, consent: { window: waitingRunner, browser: waitingRunner } });
    await controller.init();
    expect(controller.state().connection.kind).toBe('not_connected');

    const first = controller.connect('window');
    await until(controller, connecting('window'));
    expect(controller.state().connection).toEqual({ kind: 'connecting', method: 'window' });
    const second = controller.connect('browser');
    await until(controller, connecting('browser'));
    expect(controller.state().connection).toEqual({ kind: 'connecting', method: 'browser' });
    controller.cancelConnect();
    expect((await first).ok).toBe(false);
    expect((await second).ok).toBe(false);
    expect(controller.state().connection.kind).toBe('not_connected');
  });

  it('Google on Strava\'s page in the window: the sign-in continues in the browser by itself, saying why', async () => {
    h = await startHarness();
    // The window attempt ends as the consent window ends it when Strava's page heads for Google.
    const googleInWindow: ConsentRunner = {
      async prepare() {
        return { redirectUri: 'http://127.0.0.1/pacebar/callback', run: async () => Promise.reject(new BrowserSignInNeededError('Google')), dispose() {} };
      },
    };
    const browser = simRunner(h);
    const prepareBrowser = vi.spyOn(browser, 'prepare');
    const controller = new PacebarController({ engine: h.engine, consent: { window: googleInWindow, browser } });
    const seen: unknown[] = [];
    controller.subscribe((state) => seen.push(state.connection));
    await controller.init();
    await expect(controller.connect('window')).resolves.toEqual({ ok: true });
    expect(prepareBrowser).toHaveBeenCalledTimes(1);
    expect(seen).toContainEqual({
      kind: 'connecting',
      method: 'browser',
      notice: 'Signing in with Google does not work in a Pacebar window, so Pacebar continues in your browser.',
    });
    expect(controller.state().connection).toEqual({ kind: 'connected' });
    // Next time, straight to the browser.
    expect(controller.state().settings.signInMethod).toBe('browser');
    expect(h.sim.count({ path: '/oauth/token' })).toBe(1);
  });

  it('disconnecting during a refresh stuck on Strava ends it at once: no waiting, no false alarm, no tokens or cache written back', async () => {
    h = await startHarness();
    const notified = vi.fn();
    const controller = new PacebarController({
      engine: h.engine,
      consent: { window: simRunner(h), browser: simRunner(h) },
      onReconnectNeeded: notified,
    });
    await controller.init();
    expect((await controller.connect('window')).ok).toBe(true);
    const athleteId = h.engine.settings.get().athleteId!;

    h.sim.clock.advance(20 * 60_000);
    // The sim holds the refresh's activities request and never answers it: a stuck request.
    h.sim.inject({ path: '/api/v3/athlete/activities', action: { kind: 'hold', until: new Promise<void>(() => {}) } });
    const order: string[] = [];
    const engineDisconnect = h.engine.disconnect.bind(h.engine);
    vi.spyOn(h.engine, 'disconnect').mockImplementation(() => {
      order.push('engine.disconnect');
      return engineDisconnect();
    });
    const held = h.sim.handled({ path: '/api/v3/athlete/activities' });
    const refreshing = controller.refresh().finally(() => order.push('refresh done'));
    await held;
    expect(controller.state().sync.refreshing).toBe(true);
    // Disconnect ends the stuck request instead of waiting for it, then disconnects.
    const result = await controller.disconnect();
    expect(result.ok).toBe(true);
    expect(await refreshing).toBe('offline');
    expect(order).toEqual(['refresh done', 'engine.disconnect']);

    expect(notified).not.toHaveBeenCalled();
    expect(controller.state().connection.kind).toBe('not_connected');
    expect(await h.engine.vault.loadTokens(athleteId)).toBeNull();
    expect(h.engine.cache.read().athlete).toBeNull();
    expect(h.sim.count({ path: '/oauth/revoke' })).toBe(1);
  });

  it('a poll that starts while the disconnect is revoking asks nothing and writes nothing back', async () => {
    h = await startHarness();
    const controller = new PacebarController({ engine: h.engine, consent: { window: simRunner(h), browser: simRunner(h) } });
    await controller.init();
    expect((await controller.connect('window')).ok).toBe(true);
    h.sim.clock.advance(20 * 60_000);
    let revoking!: () => void;
    const revokeHeld = new Promise<void>((resolve) => (revoking = resolve));
    h.sim.inject({ path: '/oauth/revoke', action: { kind: 'hold', until: revokeHeld } });
    const held = h.sim.handled({ path: '/oauth/revoke' });
    const disconnecting = controller.disconnect();
    await held;
    h.sim.clearRequests();
    // The scheduler's timer (or "Refresh now") fires now.
    await expect(controller.refresh()).resolves.toBe('skipped');
    revoking();
    expect((await disconnecting).ok).toBe(true);
    expect(h.sim.requests.map((r) => r.path)).toEqual([]); // nothing after the revoke (logged when it arrived)
    expect(h.engine.cache.read().athlete).toBeNull();
    expect(h.engine.history.read().activities).toEqual([]);
  });

  it('disconnect revokes at Strava even when the stored access token has expired', async () => {
    h = await startHarness();
    await connect(h);
    const tokens = await h.engine.vault.loadTokens(h.engine.settings.get().athleteId!);
    h.sim.clock.set(tokens!.expiresAt * 1000 + 60_000);
    const result = await h.engine.disconnect();
    expect(result.revokedAtStrava).toBe(true);
    // The grant is really gone: the last refresh token no longer works at Strava.
    const refresh = await fetch(`${h.sim.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: '12345', client_secret: 'demo-secret-0123456789abcdef', grant_type: 'refresh_token', refresh_token: tokens!.refreshToken }),
    });
    expect(refresh.status).toBe(400);
  });

  it('a start-up that cannot read its state still stops "loading"', async () => {
    h = await startHarness();
    const settings = memoryStore({ ...settingsDefaults });
    let failing = true;
    const flaky = {
      get store() {
        if (failing) throw new Error('settings file unreadable');
        return settings.store;
      },
      set: settings.set.bind(settings),
      clear: settings.clear.bind(settings),
    };
    const engine = new PacebarEngine({
      transport: commandLineTransport({}),
      endpoints: stravaEndpoints(h.sim.baseUrl),
      secrets: memoryBackend(),
      settingsStore: flaky,
      cacheStore: memoryStore<Record<string, unknown>>({}),
      history: new HistoryRepository(join(h.dir, 'flaky-history.json')),
    });
    const controller = new PacebarController({ engine, consent: { window: waitingRunner, browser: waitingRunner } });
    await expect(controller.init()).rejects.toThrow();
    failing = false;
    expect(controller.state().loading).toBe(false);
    await engine.close();
  });

  it('carries the app’s version and publishes the updater’s news to every subscriber, with its one line', async () => {
    const engine = new PacebarEngine({
      transport: commandLineTransport({}),
      endpoints: stravaEndpoints('http://127.0.0.1:9'),
      secrets: memoryBackend(),
      settingsStore: memoryStore({ ...settingsDefaults }),
      cacheStore: memoryStore<Record<string, unknown>>({}),
      history: new HistoryRepository(join(tmpdir(), `pacebar-version-${process.pid}-history.json`), { readOnly: true }),
    });
    const controller = new PacebarController({ engine, consent: { window: waitingRunner, browser: waitingRunner }, version: '1.4.2' });
    // Until main's updater says otherwise (and for good in the demo), updates are off.
    expect(controller.state().about).toEqual({ version: '1.4.2', update: { kind: 'off' }, updateLine: null });
    const seen: unknown[] = [];
    controller.subscribe((state) => seen.push(state.about));
    controller.setUpdate({ kind: 'ready', version: '1.5.0' });
    expect(seen).toEqual([{ version: '1.4.2', update: { kind: 'ready', version: '1.5.0' }, updateLine: 'Update ready: restart to install' }]);
    expect(controller.state().about.update).toEqual({ kind: 'ready', version: '1.5.0' });
    await engine.close();
  });
});
