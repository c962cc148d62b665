// The real app under Electron (Playwright's _electron), with Chromium's sandbox on: it starts as a
// tray app, the dashboard opens, the demo connect against the Strava simulator shows stats, two
// Pacebars with their own settings folders run side by side, Linux autostart writes and removes
// its entry, and Quit ends the process even with the consent window open and vetoing.
// Needs `npm run build`, the Electron binary, a display (xvfb-run on Linux) and an unlocked
// keychain: it runs in GitHub Actions (.github/workflows/ci.yml, job e2e), not on machines without
// the Electron binary.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, startStravaSim, type StravaSim } from '../../sim/index';
import { startForwardProxy } from '../support/forwardProxy';

let sim: StravaSim;
let app: ElectronApplication;
const folders: string[] = [];
const others: ElectronApplication[] = [];

function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** One Pacebar process with its own settings folder and keychain service, sandbox on. */
function launch(configDir: string, env: Record<string, string> = {}, args: string[] = []): Promise<ElectronApplication> {
  return electron.launch({
    args: ['.', ...args],
    // Playwright adds --no-sandbox on Linux unless asked not to (its electron.launch).
    chromiumSandbox: true,
    env: {
      ...process.env,
      STRAVA_BASE_URL: sim.baseUrl,
      PACEBAR_CONFIG_DIR: configDir,
      PACEBAR_KEYCHAIN_SERVICE: `pacebar-e2e-${process.pid}-${folders.length}`,
      PACEBAR_DEMO: '1',
      PACEBAR_DEMO_CLIENT_ID: DEMO_CLIENT.clientId,
      PACEBAR_DEMO_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
      XDG_CONFIG_HOME: folder('pacebar-e2e-xdg-'),
      ...env,
    },
  });
}

/** Resolves with the exit code once the process has ended (a zombie never resolves). */
function exited(target: ElectronApplication): Promise<number | null> {
  const child = target.process();
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

beforeAll(async () => {
  sim = await startStravaSim({ realTime: true });
  app = await launch(folder('pacebar-e2e-'));
});

afterAll(async () => {
  for (const other of others) await other.close().catch(() => {});
  await app?.close();
  await sim?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

async function openDashboard(target: ElectronApplication): Promise<Page> {
  const opened = target.waitForEvent('window');
  // What a second launch does (single-instance lock): the running app opens its dashboard.
  await target.evaluate(({ app: electronApp }) => electronApp.emit('second-instance'));
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

async function openConsent(target: ElectronApplication, page: Page): Promise<Page> {
  const consentOpened = target.waitForEvent('window');
  await page.getByRole('button', { name: 'Connect with Strava' }).first().click();
  const consent = await consentOpened;
  await consent.waitForLoadState('domcontentloaded');
  return consent;
}

describe('Pacebar under Electron', () => {
  it('starts as a tray app with no window, the sandbox on and its own single-instance lock', async () => {
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    // Demo credentials are preset, so there is no first-run setup window: just the tray.
    // (xvfb has no StatusNotifier host: the dashboard may open by itself, see below.)
    expect(windows).toBeLessThanOrEqual(1);
    expect(await app.evaluate(({ app: electronApp }) => electronApp.hasSingleInstanceLock())).toBe(true);
    expect(await app.evaluate(() => process.argv.includes('--no-sandbox'))).toBe(false);
    const sandboxed = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type !== 'Browser').every((m) => m.sandboxed !== false));
    expect(sandboxed).toBe(true);
  });

  it('opens the dashboard, connects through the consent window and shows stats', async () => {
    const page = await openDashboard(app);
    expect(page.url()).toMatch(/^app:\/\/pacebar\//);
    await page.locator('#app[data-connection="not_connected"]').waitFor();
    // The renderer has no Node and only the named bridge.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { pacebar: object }).pacebar).sort())).toContain('connect');

    const consent = await openConsent(app, page);
    expect(consent.url()).toContain(`${sim.baseUrl}/oauth/authorize`);
    // Authorize redirects, and Pacebar destroys the window: wait for that instead of for a navigation.
    const closed = consent.waitForEvent('close');
    await consent
      .locator('#authorize')
      .click({ noWaitAfter: true })
      .catch((error: unknown) => {
        if (!consent.isClosed()) throw error;
      });
    await closed;

    await page.locator('#app[data-connection="connected"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('#athlete').textContent()).toContain('Zoë');
    expect(await page.locator('#totals').textContent()).toMatch(/km/);
    expect(sim.count({ path: '/oauth/token' })).toBe(1);
  });

  it('closing the dashboard destroys it: an idle tray runs no renderer', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.close()));
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
    // Renderer processes go away after their window: wait for the teardown, do not read once.
    await expect
      .poll(() => app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type === 'Tab').length), { timeout: 15_000 })
      .toBe(0);
  });

  it('a second Pacebar with its own settings folder runs beside the first', async () => {
    const dir = folder('pacebar-e2e-second-');
    const second = await launch(dir);
    others.push(second);
    expect(await second.evaluate(({ app: electronApp }) => electronApp.hasSingleInstanceLock())).toBe(true);
    expect(await second.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(dir);
    // The first one is still there, still holding its own lock.
    expect(await app.evaluate(({ app: electronApp }) => electronApp.hasSingleInstanceLock())).toBe(true);
    await second.close();
  });

  it.skipIf(process.platform !== 'linux')('Linux: "Launch Pacebar at login" writes and removes the XDG autostart entry', async () => {
    const xdg = folder('pacebar-e2e-autostart-');
    const target = await launch(folder('pacebar-e2e-login-'), { XDG_CONFIG_HOME: xdg, PACEBAR_DEV_AUTOSTART: '1' });
    others.push(target);
    const page = await openDashboard(target);
    await page.getByText('Settings', { exact: true }).click();
    const entry = join(xdg, 'autostart', 'pacebar.desktop');
    await page.getByLabel('Launch Pacebar at login').check();
    await expect.poll(() => existsSync(entry)).toBe(true);
    expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=".+" ".+"$/m);
    await page.getByLabel('Launch Pacebar at login').uncheck();
    await expect.poll(() => existsSync(entry)).toBe(false);
    await target.close();
  });

  it('behind a proxy: the consent page and the engine\'s own requests (net.fetch) both go through it', async () => {
    // strava.invalid resolves nowhere: only the proxy, which maps it to the simulator, reaches it.
    const proxy = await startForwardProxy({ 'strava.invalid': '127.0.0.1' });
    try {
      const behindProxy = `http://strava.invalid:${new URL(sim.baseUrl).port}`;
      // --proxy-bypass-list=<-loopback>: Chromium would otherwise never proxy 127.0.0.1.
      const target = await launch(folder('pacebar-e2e-proxy-'), { STRAVA_BASE_URL: behindProxy }, [`--proxy-server=${proxy.url}`, '--proxy-bypass-list=<-loopback>']);
      others.push(target);
      const page = await openDashboard(target);
      const consent = await openConsent(target, page);
      const closed = consent.waitForEvent('close');
      await consent.locator('#authorize').click({ noWaitAfter: true }).catch((error: unknown) => {
        if (!consent.isClosed()) throw error;
      });
      await closed;
      await page.locator('#app[data-connection="connected"]').waitFor({ timeout: 30_000 });
      expect(proxy.seen.some((line) => /^POST http:\/\/strava\.invalid:\d+\/oauth\/token/.test(line))).toBe(true);
      expect(proxy.seen.some((line) => /^GET http:\/\/strava\.invalid:\d+\/api\/v3\//.test(line))).toBe(true);
      await target.close();
    } finally {
      await proxy.close();
    }
  });

  it('Quit with the consent window open, its page vetoing unload, ends the process (no zombie)', async () => {
    const target = await launch(folder('pacebar-e2e-quit-'));
    others.push(target);
    const page = await openDashboard(target);
    await page.locator('#app[data-connection="not_connected"]').waitFor();
    const consent = await openConsent(target, page);
    // A person typing on Strava's page gives it the activation that makes beforeunload count.
    await consent.locator('body').click();
    // Runs in the page (tsconfig has no DOM lib for tests, hence the local types).
    await consent.evaluate(() => {
      const page = globalThis as unknown as { addEventListener(type: string, listener: (event: { preventDefault(): void; returnValue: string }) => void): void };
      page.addEventListener('beforeunload', (event) => {
        event.preventDefault();
        event.returnValue = '';
      });
    });
    const code = exited(target);
    // What the tray's "Quit Pacebar" does.
    await target.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => {});
    expect(await code).toBe(0);
  });
});
