// End to end through the app's glue, against the Strava simulator over real HTTP: sign in with the
// browser flow (real loopback listener), refresh, and check that no state pushed to the dashboard or
// answered over IPC ever carries a token, refresh token or the client secret.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvokeChannels, type DashboardState } from '../../../preload/contract';
import { PacebarController } from '../../../core/controller/pacebarController';
import { browserConsentRunner } from '../../../core/oauth/browserConsent';
import { pushState, registerIpc } from '../../../main/ipc/registerIpc';
import { DEMO_CLIENT } from '../../../sim/index';
import { startHarness, type Harness } from '../../core/integration/harness';
import { FakeWebContents } from '../fakes/electron';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('nothing secret crosses IPC', () => {
  it('connect (browser flow), refresh and every pushed or returned state are secret-free', async () => {
    const dashboard = new FakeWebContents();
    dashboard.mainFrame.url = 'app://pacebar/index.html';
    const opened: string[] = [];
    const controller = new PacebarController({
      engine: h.engine,
      consent: {
        window: { prepare: () => Promise.reject(new Error('not used')) },
        browser: browserConsentRunner({
          stravaBaseUrl: h.sim.baseUrl,
          // The "browser": Strava's consent page, Authorize, then follow the redirect to the listener.
          openExternal: async (url) => {
            opened.push(url);
            void h.sim.consent(url).then((location) => fetch(location));
          },
        }),
      },
      onStateChanged: (state) => pushState(dashboard as never, state),
    });
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    registerIpc({
      ipcMain: { handle: (c, l) => handlers.set(c, l as never), removeHandler: (c) => handlers.delete(c) },
      controller,
      dashboard: () => dashboard as never,
      quit: () => {},
      openExternal: vi.fn(async () => {}),
    });
    const event = { sender: dashboard, senderFrame: dashboard.mainFrame };
    await controller.init();

    await expect(handlers.get(InvokeChannels.connect)!(event, 'browser')).resolves.toEqual({ ok: true });
    expect(opened).toHaveLength(1);
    expect(controller.state().connection.kind).toBe('connected');
    await expect(handlers.get(InvokeChannels.refresh)!(event)).resolves.toEqual({ ok: true });
    const answered = (await handlers.get(InvokeChannels.getState)!(event)) as DashboardState;
    expect(answered.data?.athlete.id).toBe(h.sim.athleteId);

    const secrets = [...h.sim.issuedSecrets(), DEMO_CLIENT.clientSecret];
    expect(secrets.length).toBeGreaterThanOrEqual(3); // client secret, access token, refresh token at least
    const pushed = dashboard.sent.map((m) => JSON.stringify(m));
    expect(pushed.length).toBeGreaterThan(3);
    for (const text of [...pushed, JSON.stringify(answered)]) {
      for (const secret of secrets) expect(text.includes(secret)).toBe(false);
    }
    // Only the state channel was used, with exactly one argument (the state).
    for (const message of dashboard.sent) {
      expect(message.channel).toBe('pacebar:state-changed');
      expect(message.args).toHaveLength(1);
    }
  });
});
