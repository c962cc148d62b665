// The real app under Electron (Playwright's _electron): it starts as a tray app, the dashboard
// opens, and the demo connect against the Strava simulator shows stats. Needs `npm run build`,
// the Electron binary, a display (xvfb-run on Linux) and an unlocked keychain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, startStravaSim, type StravaSim } from '../../sim/index';

let sim: StravaSim;
let app: ElectronApplication;
let configDir: string;

beforeAll(async () => {
  sim = await startStravaSim({ realTime: true });
  configDir = mkdtempSync(join(tmpdir(), 'pacebar-e2e-'));
  app = await electron.launch({
    args: ['.'],
    env: {
      ...process.env,
      STRAVA_BASE_URL: sim.baseUrl,
      PACEBAR_CONFIG_DIR: configDir,
      PACEBAR_KEYCHAIN_SERVICE: `pacebar-e2e-${process.pid}`,
      PACEBAR_DEMO: '1',
      PACEBAR_DEMO_CLIENT_ID: DEMO_CLIENT.clientId,
      PACEBAR_DEMO_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
    },
  });
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
  rmSync(configDir, { recursive: true, force: true });
});

async function openDashboard(): Promise<Page> {
  const opened = app.waitForEvent('window');
  // What a second launch does (single-instance lock): the running app opens its dashboard.
  await app.evaluate(({ app: electronApp }) => electronApp.emit('second-instance'));
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

describe('Pacebar under Electron', () => {
  it('starts as a tray app with no window and a locked-down renderer setup', async () => {
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    // Demo credentials are preset, so there is no first-run setup window: just the tray.
    expect(windows).toBe(0);
    const locked = await app.evaluate(({ app: electronApp }) => electronApp.hasSingleInstanceLock());
    expect(locked).toBe(true);
  });

  it('opens the dashboard, connects through the consent window and shows stats', async () => {
    const page = await openDashboard();
    expect(page.url()).toMatch(/^app:\/\/pacebar\//);
    await page.locator('#app[data-connection="not_connected"]').waitFor();
    // The renderer has no Node and only the named bridge.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { pacebar: object }).pacebar).sort())).toContain('connect');

    const consentOpened = app.waitForEvent('window');
    await page.getByRole('button', { name: 'Connect with Strava' }).first().click();
    const consent = await consentOpened;
    await consent.waitForLoadState('domcontentloaded');
    expect(consent.url()).toContain(`${sim.baseUrl}/oauth/authorize`);
    await consent.locator('#authorize').click();

    await page.locator('#app[data-connection="connected"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('#athlete').textContent()).toContain('Zoë');
    expect(await page.locator('#totals').textContent()).toMatch(/km/);
    expect(sim.count({ path: '/oauth/token' })).toBe(1);
  });

  it('closing the dashboard destroys it: an idle tray runs no renderer', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.close()));
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
    const renderers = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type === 'Tab').length);
    expect(renderers).toBe(0);
  });
});
