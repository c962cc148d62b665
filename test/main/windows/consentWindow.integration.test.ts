// The window sign-in flow end to end with the real engine and controller against the Strava
// simulator: the fake window "shows" the consent page by asking the simulator, whose redirect to
// http://127.0.0.1/pacebar/callback is then caught as Chromium would report it (will-redirect).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../fakes/electron'));

import { BrowserWindow, resetFakes } from '../fakes/electron';
import { PacebarController } from '../../../core/controller/pacebarController';
import { consentWindowRunner, WINDOW_REDIRECT_URI } from '../../../main/windows/consentWindow';
import { startHarness, type Harness } from '../../core/integration/harness';

let h: Harness;
beforeEach(async () => {
  resetFakes();
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function controllerFor(harness: Harness) {
  return new PacebarController({
    engine: harness.engine,
    consent: {
      window: consentWindowRunner({ stravaBaseUrl: harness.sim.baseUrl }),
      browser: { prepare: () => Promise.reject(new Error('not used')) },
    },
  });
}

/** The consent window the connect attempt opens; call before connecting. */
async function consentPage(opened: Promise<BrowserWindow>) {
  const win = await opened;
  expect(BrowserWindow.instances).toEqual([win]);
  const url = win.loadURL.mock.calls[0]![0] as string;
  return { win, url };
}

describe('window sign-in against the simulator', () => {
  it('Authorize → redirect caught in the window → connected with data', async () => {
    const controller = controllerFor(h);
    await controller.init();
    const opened = BrowserWindow.next();
    const connecting = controller.connect('window');
    const { win, url } = await consentPage(opened);
    expect(new URL(url).searchParams.get('redirect_uri')).toBe(WINDOW_REDIRECT_URI);
    const location = await h.sim.consent(url);
    expect(location.startsWith(`${WINDOW_REDIRECT_URI}?`)).toBe(true);
    expect(win.webContents.redirect(location)).toBe(true);
    await expect(connecting).resolves.toEqual({ ok: true });
    const state = controller.state();
    expect(state.connection.kind).toBe('connected');
    expect(state.data?.athlete.id).toBe(h.sim.athleteId);
    await win.whenDestroyed();
    expect(win.isDestroyed()).toBe(true);
  });

  it('Cancel on Strava\'s page → not connected, one-line message', async () => {
    const controller = controllerFor(h);
    await controller.init();
    const opened = BrowserWindow.next();
    const connecting = controller.connect('window');
    const { win, url } = await consentPage(opened);
    win.webContents.navigate(await h.sim.consent(url, { deny: true }));
    const result = await connecting;
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/cancelled on Strava's page/);
    expect(controller.state().connection.kind).toBe('not_connected');
  });

  it('over the athlete limit: Strava\'s 403 page ends the attempt with the explanation; nothing stored, no token request', async () => {
    h.sim.setOtherConnectedAthletes(10);
    const controller = controllerFor(h);
    await controller.init();
    const opened = BrowserWindow.next();
    const connecting = controller.connect('window');
    const { win, url } = await consentPage(opened);
    // The window "loads" Strava's page: what the simulator answers is what did-navigate reports.
    const page = await fetch(url);
    expect(await page.text()).toContain('Limit of connected athletes exceeded');
    win.webContents.commitNavigation(url, page.status, page.statusText);
    const result = await connecting;
    expect(result).toEqual({ ok: false, message: expect.stringContaining('limit of 10 connected athletes') });
    expect(controller.state().connection.kind).toBe('not_connected');
    expect(h.sim.count({ path: '/oauth/token' })).toBe(0);
    expect(h.engine.settings.get().athleteId).toBeNull();
    await win.whenDestroyed();
  });

  it('closing the window leaves the app where it was', async () => {
    const controller = controllerFor(h);
    await controller.init();
    const opened = BrowserWindow.next();
    const connecting = controller.connect('window');
    const { win } = await consentPage(opened);
    expect(controller.state().connection).toEqual({ kind: 'connecting', method: 'window' });
    win.close();
    await expect(connecting).resolves.toMatchObject({ ok: false });
    expect(controller.state().connection.kind).toBe('not_connected');
  });
});
