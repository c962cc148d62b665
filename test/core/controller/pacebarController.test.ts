// The controller against the simulator: sign-in attempts that overlap, a disconnect during a
// refresh, and a start-up that fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacebarController } from '../../../core/controller/pacebarController';
import type { ConsentRunner } from '../../../core/oauth/consentRunner';
import { ConnectCancelledError } from '../../../core/errors';
import { PacebarEngine } from '../../../core/engine/engine';
import { memoryBackend } from '../../../core/keychain/secretBackend';
import { memoryStore } from '../../../core/store/confStores';
import { settingsDefaults } from '../../../core/store/settings';
import { stravaEndpoints } from '../../../core/strava/endpoints';
import { matchRedirect } from '../../../core/oauth/redirectMatcher';
import type { DashboardState } from '../../../preload/contract';
import { connect, REDIRECT_URI, startHarness, type Harness } from '../integration/harness';

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
      redirectUri: REDIRECT_URI,
      run: (_url, _state, signal) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new ConnectCancelledError()), { once: true })),
      dispose() {},
    };
  },
};

function simRunner(harness: Harness): ConsentRunner {
  return {
    async prepare() {
      return {
        redirectUri: REDIRECT_URI,
        async run(url, state) {
          const outcome = matchRedirect(REDIRECT_URI, await harness.sim.consent(url), state);
          if (outcome.kind !== 'code') throw new Error('expected a code');
          return { code: outcome.code, scopes: outcome.scopes };
        },
        dispose() {},
      };
    },
  };
}

describe('PacebarController', () => {
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

  it('disconnecting during a refresh waits for it: no false alarm, no tokens or cache written back', async () => {
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
    // The sim holds the refresh's activities request until told: the refresh is in flight for as long as needed.
    let release!: () => void;
    h.sim.inject({ path: '/api/v3/athlete/activities', action: { kind: 'hold', until: new Promise<void>((resolve) => (release = resolve)) } });
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
    const disconnecting = controller.disconnect();
    release();
    const result = await disconnecting;
    expect(result.ok).toBe(true);
    expect(await refreshing).toBe('ok');
    expect(order).toEqual(['refresh done', 'engine.disconnect']);

    expect(notified).not.toHaveBeenCalled();
    expect(controller.state().connection.kind).toBe('not_connected');
    expect(await h.engine.vault.loadTokens(athleteId)).toBeNull();
    expect(h.engine.cache.read().athlete).toBeNull();
    expect(h.sim.count({ path: '/oauth/deauthorize' })).toBe(1);
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
      endpoints: stravaEndpoints(h.sim.baseUrl),
      secrets: memoryBackend(),
      settingsStore: flaky,
      cacheStore: memoryStore<Record<string, unknown>>({}),
    });
    const controller = new PacebarController({ engine, consent: { window: waitingRunner, browser: waitingRunner } });
    await expect(controller.init()).rejects.toThrow();
    failing = false;
    expect(controller.state().loading).toBe(false);
    await engine.close();
  });
});
