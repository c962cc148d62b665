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
import { _electron as electron, type ElectronApplication, type Frame, type Page } from 'playwright-core';
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

const isDashboardUrl = (url: string) => url.startsWith('app://pacebar/');

/**
 * The dashboard's page. Under xvfb there is no StatusNotifier host, so main may already have opened
 * it at launch, and a second launch then only focuses it (no new 'window'): look at the windows
 * Playwright knows, follow their navigations (a window can still be on about:blank), and hear new
 * ones, all by events (Playwright's 'window' on the app, 'framenavigated' on each page).
 */
async function openDashboard(target: ElectronApplication): Promise<Page> {
  const watched = new Map<Page, (frame: Frame) => void>();
  let onWindow: (page: Page) => void = () => {};
  const found = new Promise<Page>((resolve) => {
    const consider = (page: Page) => {
      if (isDashboardUrl(page.url())) return resolve(page);
      if (watched.has(page)) return;
      const onNavigated = (frame: Frame) => {
        if (frame === page.mainFrame() && isDashboardUrl(frame.url())) resolve(page);
      };
      watched.set(page, onNavigated);
      page.on('framenavigated', onNavigated);
    };
    onWindow = consider;
    target.on('window', consider);
    for (const page of target.windows()) consider(page);
  });
  try {
    // What a second launch does (single-instance lock): the running app opens its dashboard, or shows the one it has.
    await target.evaluate(({ app: electronApp }) => electronApp.emit('second-instance'));
    const page = await found;
    await page.waitForLoadState('domcontentloaded');
    return page;
  } finally {
    target.off('window', onWindow);
    for (const [page, listener] of watched) page.off('framenavigated', listener);
  }
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
    await page.locator('#athlete', { hasText: 'Zoë' }).waitFor();
    expect(await page.locator('#totals').textContent()).toMatch(/km/);
    expect(sim.count({ path: '/oauth/token' })).toBe(1);
  });

  it('closing the dashboard destroys it: an idle tray runs no renderer', async () => {
    // Each page's 'close' event, heard before the windows are asked to close.
    const closed = app.windows().map((page) => page.waitForEvent('close'));
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.close()));
    await Promise.all(closed);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
    // Renderer processes go away after their window, and nothing announces it: poll the metrics
    // for the teardown instead of reading once.
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
    // Main writes a file: nothing Playwright can wait on, so poll for it.
    await expect.poll(() => existsSync(entry)).toBe(true);
    expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=".+" ".+"$/m);
    await page.getByLabel('Launch Pacebar at login').uncheck();
    await expect.poll(() => existsSync(entry)).toBe(false);
    await target.close();
  });

  it('behind a proxy: the consent page and the engine\'s own requests (net.fetch) all go through it', async () => {
    // The simulator stays on 127.0.0.1 (the only http address Pacebar opens: isSafeExternalUrl).
    // --proxy-server sends every session's http(s) through the proxy (docs/api/command-line-switches.md);
    // Chromium never proxies loopback unless the bypass list says <-loopback> (Chromium's
    // net/docs/proxy.md, "Implicit bypass rules"), so the proxy sees every request.
    const proxy = await startForwardProxy();
    try {
      const through = (method: string, path: string) => proxy.seen.filter((line) => line.startsWith(`${method} ${sim.baseUrl}${path}`)).length;
      const tokensBefore = sim.count({ path: '/oauth/token' });
      const target = await launch(folder('pacebar-e2e-proxy-'), {}, [`--proxy-server=${proxy.url}`, '--proxy-bypass-list=<-loopback>']);
      others.push(target);
      const page = await openDashboard(target);
      await page.locator('#app[data-connection="not_connected"]').waitFor();
      const consent = await openConsent(target, page);
      const closed = consent.waitForEvent('close');
      await consent.locator('#authorize').click({ noWaitAfter: true }).catch((error: unknown) => {
        if (!consent.isClosed()) throw error;
      });
      await closed;
      await page.locator('#app[data-connection="connected"]').waitFor({ timeout: 30_000 });
      await page.locator('#athlete', { hasText: 'Zoë' }).waitFor();
      // The consent window's page (its own session) …
      expect(through('GET', '/oauth/authorize')).toBeGreaterThan(0);
      // … and the engine's net.fetch: the token exchange and the first sync's reads, each of them.
      expect(through('POST', '/oauth/token')).toBe(sim.count({ path: '/oauth/token' }) - tokensBefore);
      expect(through('POST', '/oauth/token')).toBe(1);
      expect(through('GET', '/api/v3/')).toBeGreaterThan(0);
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
