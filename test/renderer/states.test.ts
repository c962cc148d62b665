// The built renderer in headless Chromium, one block per dashboard state, with a recording fake preload.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardState } from '../../preload/contract';
import { AthleteLimitError } from '../../core/errors';
import { ATHLETE_NAME, fixtures, withState } from './fixtures';
import { closeHarness, openDashboard, warmUpHarness, type FakeDashboardPage, type OpenOptions } from './harness';
import { imageLoads, waitForText, waitForValue } from './waits';

const f = fixtures();
let opened: FakeDashboardPage[] = [];

async function open(state: DashboardState, options: OpenOptions = {}): Promise<FakeDashboardPage> {
  const dashboard = await openDashboard(state, options);
  opened.push(dashboard);
  return dashboard;
}

beforeAll(warmUpHarness, 120_000);

// Every test also proves the page stayed clean: no console errors, no CSP violations, nothing fetched
// from outside 127.0.0.1 except the (stubbed) avatar CDN.
afterEach(async () => {
  const pages = opened;
  opened = [];
  for (const dashboard of pages) {
    const violations = await dashboard.cspViolations();
    await dashboard.close();
    expect(dashboard.consoleErrors).toEqual([]);
    expect(violations).toEqual([]);
    expect(dashboard.externalRequests).toEqual([]);
  }
});

afterAll(async () => {
  await closeHarness();
});

describe('loading', () => {
  it('shows a Loading… status and nothing else', async () => {
    const { page } = await open(f.loading);
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('#dashboard').isVisible()).toBe(false);
    expect(await page.locator('#settings').isVisible()).toBe(false);
  });

  it('moves on when main pushes the real state', async () => {
    const d = await open(f.loading);
    await d.push(f.connected);
    expect(await d.page.getByRole('heading', { name: ATHLETE_NAME }).isVisible()).toBe(true);
    expect(await d.page.getByText('Loading…').count()).toBe(0);
  });
});

describe('needs credentials', () => {
  it('explains the setup steps', async () => {
    const { page } = await open(f.needsCredentials);
    const text = await page.locator('#panel').innerText();
    expect(text).toContain('Pacebar sits in your tray');
    expect(text).toContain('Authorization Callback Domain');
    expect(text).toContain('127.0.0.1');
    expect(text).toContain('localhost');
    expect(await page.getByLabel('Client Secret').getAttribute('type')).toBe('password');
  });

  it('opens Strava’s API settings', async () => {
    const d = await open(f.needsCredentials);
    await d.page.getByRole('button', { name: 'Open strava.com/settings/api' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'openStravaApiSettings', args: [] }]);
  });

  it('validates before saving, one line at a time', async () => {
    const d = await open(f.needsCredentials);
    const { page } = d;
    const error = page.locator('#credentials-error');
    const save = page.getByRole('button', { name: 'Save' });

    await save.click();
    expect(await error.innerText()).toBe('Enter the Client ID from your Strava API application.');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.getByLabel('Client ID').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Client ID').fill('12ab');
    await save.click();
    expect(await error.innerText()).toBe('The Client ID is a number, like 123456.');

    await page.getByLabel('Client ID').fill('123456');
    await save.click();
    expect(await error.innerText()).toContain('Enter the Client Secret');
    expect(await page.getByLabel('Client Secret').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Client ID').getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('Client Secret').fill('abc def');
    await save.click();
    expect(await error.innerText()).toContain('no spaces');
    expect(d.actions()).toEqual([]);
  });

  it('saves trimmed credentials and clears the secret', async () => {
    const d = await open(f.needsCredentials);
    await d.page.getByLabel('Client ID').fill(' 123456 ');
    await d.page.getByLabel('Client Secret').fill('0123456789abcdef0123456789abcdef01234567');
    await d.page.getByLabel('Client Secret').press('Enter');
    expect(await d.waitForActions(1)).toEqual([
      { method: 'saveCredentials', args: [{ clientId: '123456', clientSecret: '0123456789abcdef0123456789abcdef01234567' }] },
    ]);
    await waitForValue(d.page.getByLabel('Client Secret'), '');
    expect(await d.page.getByLabel('Client Secret').inputValue()).toBe('');
    expect(await d.page.locator('#credentials-error').innerText()).toBe('');
  });

  it('shows a refused save inline and keeps what was typed', async () => {
    const d = await open(f.needsCredentials);
    d.setResult('saveCredentials', { ok: false, message: 'Strava rejected this Client ID and Secret.\nstack trace here' });
    await d.page.getByLabel('Client ID').fill('123456');
    await d.page.getByLabel('Client Secret').fill('wrongsecret');
    await d.page.getByRole('button', { name: 'Save' }).click();
    await waitForText(d.page.locator('#credentials-error'), 'Strava rejected this Client ID and Secret.');
    expect(await d.page.locator('#credentials-error').innerText()).toBe('Strava rejected this Client ID and Secret.');
    expect(await d.page.getByLabel('Client Secret').inputValue()).toBe('wrongsecret');
  });

  it('keeps typed input when an unrelated state push arrives', async () => {
    const d = await open(f.needsCredentials);
    await d.page.getByLabel('Client ID').fill('98765');
    await d.push(withState(f.needsCredentials, { settings: { units: 'imperial' } }));
    expect(await d.page.getByLabel('Client ID').inputValue()).toBe('98765');
  });
});

describe('not connected', () => {
  it('offers Connect with Strava in Strava orange with white text', async () => {
    const { page } = await open(f.notConnected);
    const connect = page.getByRole('button', { name: 'Connect with Strava' });
    expect(await connect.isVisible()).toBe(true);
    const colours = await connect.evaluate((button) => {
      const style = getComputedStyle(button);
      return [style.backgroundColor, style.color];
    });
    expect(colours).toEqual(['rgb(252, 76, 2)', 'rgb(255, 255, 255)']);
    expect(await page.locator('#panel').innerText()).toContain('Pacebar sits in your tray');
  });

  it('connects with the configured method, or the browser', async () => {
    const d = await open(f.notConnected);
    await d.page.getByRole('button', { name: 'Connect with Strava' }).click();
    await d.page.getByRole('button', { name: 'Sign in with your browser instead' }).click();
    expect(await d.waitForActions(2)).toEqual([
      { method: 'connect', args: ['window'] },
      { method: 'connect', args: ['browser'] },
    ]);
  });

  it('uses the browser when that is the setting, and offers the window instead', async () => {
    const d = await open(f.notConnectedBrowser);
    await d.page.getByRole('button', { name: 'Connect with Strava' }).click();
    await d.page.getByRole('button', { name: 'Sign in in a Pacebar window instead' }).click();
    expect(await d.waitForActions(2)).toEqual([
      { method: 'connect', args: ['browser'] },
      { method: 'connect', args: ['window'] },
    ]);
  });

  it('shows a failed connect as one line', async () => {
    const d = await open(f.notConnected);
    d.setResult('connect', { ok: false, message: 'Port 8423 is in use by another program.' });
    await d.page.getByRole('button', { name: 'Connect with Strava' }).click();
    const alert = d.page.locator('#panel [role="alert"]');
    await waitForText(alert, 'Port 8423 is in use by another program.');
    expect(await alert.innerText()).toBe('Port 8423 is in use by another program.');
  });

  it('is reachable with Tab and triggered with Enter', async () => {
    const d = await open(f.notConnected);
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'connect-button'; i += 1) {
      await d.page.keyboard.press('Tab');
      focused = await d.page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('connect-button');
    // The focus ring is visible.
    const outline = await d.page.locator('#connect-button').evaluate((button) => getComputedStyle(button).outlineStyle);
    expect(outline).toBe('solid');
    await d.page.keyboard.press('Enter');
    expect(await d.waitForActions(1)).toEqual([{ method: 'connect', args: ['window'] }]);
  });
});

describe('connecting', () => {
  it('waits for the Strava window and cancels', async () => {
    const d = await open(f.connectingWindow);
    const text = await d.page.locator('#panel').innerText();
    expect(text).toContain('Waiting for Strava…');
    expect(text).toContain('in the Strava window');
    await d.page.getByRole('button', { name: 'Cancel' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'cancelConnect', args: [] }]);
  });

  it('hints at the browser when signing in there', async () => {
    const { page } = await open(f.connectingBrowser);
    expect(await page.locator('#panel').innerText()).toContain('in your browser');
    expect(await page.locator('#connect-notice').count()).toBe(0);
  });

  it('says in one sentence why Pacebar switched to the browser by itself', async () => {
    const notice = 'Signing in with Google does not work in a Pacebar window, so Pacebar continues in your browser.';
    const d = await open(f.connectingWindow);
    await d.push(withState(f.connectingBrowser, { connection: { kind: 'connecting', method: 'browser', notice } }));
    expect(await d.page.getByRole('status').filter({ hasText: notice }).innerText()).toBe(notice);
    expect(await d.page.locator('#panel').innerText()).toContain('in your browser');
  });
});

describe('connected', () => {
  it('shows the athlete card', async () => {
    const { page } = await open(f.connected);
    expect(await page.getByRole('heading', { name: ATHLETE_NAME }).isVisible()).toBe(true);
    expect(await page.locator('.athlete-location').innerText()).toBe('Bergen, Vestland, Norway');
    const avatar = page.getByRole('img', { name: `Profile photo of ${ATHLETE_NAME}` });
    expect(await avatar.getAttribute('src')).toMatch(/^https:\/\/dgalywyr863hv\.cloudfront\.net\//);
    expect(await imageLoads(avatar)).toBe(true);
  });

  it('puts this week of the primary sport at the top, big', async () => {
    const { page } = await open(f.connected);
    const hero = page.locator('#week');
    expect(await hero.locator('.section-title').innerText()).toMatch(/this week · run/i);
    expect(await hero.locator('.hero-number').innerText()).toBe('42.2');
    expect(await hero.locator('.hero-unit').innerText()).toBe('km');
    const text = await hero.innerText();
    expect(text).toContain('4 runs');
    expect(text).toContain('3h 52m');
    expect(text).toContain('512 m');
    const size = await hero.locator('.hero-number').evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
    expect(size).toBeGreaterThanOrEqual(40);
  });

  it('has a tab per sport the athlete does, primary first, and one real totals table for the selected one', async () => {
    const { page } = await open(f.connected);
    const tabs = page.getByRole('tablist', { name: 'Sports' }).getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual(['Run', 'Ride', 'Fitness', 'Swim']);
    expect(await page.getByRole('tab', { name: 'Run' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-run');
    expect(await page.locator('table.totals').count()).toBe(2); // the family's totals and its sport types
    const run = page.getByRole('table', { name: 'Run totals' });
    expect(await run.locator('th[scope="col"]').allInnerTexts()).toEqual(['Period', 'Count', 'Distance', 'Time', 'Pace', 'Elevation']);
    expect(await run.locator('th[scope="row"]').allInnerTexts()).toEqual(['This week', '4 weeks', 'This year', 'All time']);
    const ytd = await run.locator('tr', { has: page.locator('th', { hasText: 'This year' }) }).locator('td').allInnerTexts();
    expect(ytd).toEqual(['148', '1,204 km', '117h 06m', '5:50 /km', '14,850 m']);
    expect(await page.getByRole('table', { name: 'By sport type' }).locator('tbody th').allInnerTexts()).toEqual(['Run', 'Trail run']);
    const records = await page.locator('.records').innerText();
    expect(records).toContain('42.4 km');
    expect(records).toContain('Oslo Marathon');
    expect(records).toContain('1,812 m');
  });

  it('shows each sport the way it is read: speed for rides, swims in metres, fitness in time only', async () => {
    const { page } = await open(f.connected);
    await page.getByRole('tab', { name: 'Ride' }).click();
    const ride = page.getByRole('table', { name: 'Ride totals' });
    await ride.waitFor();
    expect(await ride.locator('tbody tr').last().locator('td').allInnerTexts()).toEqual(['388', '21,904 km', '800h 00m', '27.4 km/h', '241,300 m']);
    await page.getByRole('tab', { name: 'Ride' }).press('ArrowRight');
    await page.getByRole('table', { name: 'Fitness totals' }).waitFor();
    expect(await page.getByRole('table', { name: 'Fitness totals' }).locator('th[scope="col"]').allInnerTexts()).toEqual(['Period', 'Count', 'Time']);
    expect(await page.locator('.hero-number').innerText()).toBe('1h 45m');
    await page.getByRole('tab', { name: 'Swim' }).click();
    const swim = page.getByRole('table', { name: 'Swim totals' });
    await swim.waitFor();
    expect(await swim.locator('th[scope="col"]').allInnerTexts()).toEqual(['Period', 'Count', 'Distance', 'Time', 'Pace']);
    expect(await swim.locator('tr', { has: page.locator('th', { hasText: 'This year' }) }).locator('td').allInnerTexts()).toEqual(['22', '48,200 m', '17h 13m', '2:09 /100 m']);
    expect(await page.locator('.records').innerText()).not.toContain('Biggest climb');
  });

  it('while the history is counted: a progress bar, and the figures from Strava\'s public stats say so', async () => {
    const { page } = await open(f.counting);
    expect(await page.locator('#history .progress-label').innerText()).toBe('Counting your history: 1,800 of about 4,100 activities');
    expect(await page.locator('#history progress').evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])).toEqual([1800, 4100]);
    const run = page.getByRole('table', { name: 'Run totals' });
    expect(await run.locator('th[scope="row"]').allInnerTexts()).toEqual(['This week', '4 weeks', 'This year\n(public activities only)', 'All time\n(public activities only)']);
  });

  it('opens a record\'s activity on Strava', async () => {
    const d = await open(f.connected);
    await d.page.locator('.records').getByRole('button', { name: 'View on Strava' }).first().click();
    await expect.poll(() => d.actions()).toEqual([{ method: 'openActivityOnStrava', args: [9101] }]);
  });

  it('draws 12 labelled weekly bars for the primary sport', async () => {
    const { page } = await open(f.connected);
    const chart = page.getByRole('list', { name: 'Run distance, last 12 weeks' });
    const bars = chart.getByRole('listitem');
    expect(await bars.count()).toBe(12);
    expect(await bars.last().getAttribute('aria-label')).toBe('This week: 42.2 km');
    expect(await bars.first().getAttribute('aria-label')).toMatch(/^Week of \d{1,2} \w+: 31\.2 km$/);
    expect(await bars.nth(5).getAttribute('aria-label')).toMatch(/: 0 km$/);
    const heights = await chart.locator('rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(Math.max(...heights)).toBe(heights[8]); // 51.2 km is the tallest week
    // Every bar's value is written on it, not only in a hover title.
    expect(await chart.locator('text.bar-value').allTextContents()).toEqual(['31', '39', '28', '45', '40', '0', '22', '49', '51', '37', '44', '42']);
    expect(await chart.locator('title').count()).toBe(0);
  });

  it('says when it was updated, has no stale badge, and refreshes', async () => {
    // Fresh fixture: "3 min ago" is relative to when it was made.
    const d = await open(fixtures().connected);
    expect(await d.page.locator('#updated').innerText()).toBe('Updated 3 min ago');
    expect(await d.page.locator('#stale-badge').isVisible()).toBe(false);
    await d.page.getByRole('button', { name: 'Refresh' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'refresh', args: [] }]);
  });

  it('opens the athlete on Strava from a link-styled button, with no outside href', async () => {
    const d = await open(f.connected);
    const view = d.page.getByRole('region', { name: 'Athlete' }).getByRole('button', { name: 'View on Strava' });
    expect(await view.evaluate((b) => getComputedStyle(b).textDecorationLine)).toBe('underline');
    expect(await d.page.locator('a[href]').count()).toBe(0);
    await view.click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'openAthleteOnStrava', args: [] }]);
  });

  it('says Powered by Strava in the footer', async () => {
    const { page } = await open(f.connected);
    expect(await page.getByRole('contentinfo').innerText()).toBe('Powered by Strava');
  });

  it('falls back to initials without an avatar and hides a missing location', async () => {
    const { page } = await open(f.noAvatar);
    expect(await page.locator('.avatar-initials').innerText()).toBe('ZØ');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.athlete-location').count()).toBe(0);
  });

  it('says so when there are no records yet, and shows no tabs for one sport', async () => {
    const { page } = await open(f.noRecords);
    expect(await page.locator('#totals').innerText()).toContain('No records yet.');
    expect(await page.getByRole('tablist').count()).toBe(0);
  });

  it('uses imperial units and the chosen primary sport', async () => {
    const { page } = await open(f.imperial);
    expect(await page.locator('#week .section-title').innerText()).toMatch(/this week · ride/i);
    expect(await page.locator('.hero-number').innerText()).toBe('38.7');
    expect(await page.locator('.hero-unit').innerText()).toBe('mi');
    expect(await page.getByRole('list', { name: 'Ride distance, last 12 weeks' }).getByRole('listitem').count()).toBe(12);
    expect(await page.getByRole('tab', { name: 'Ride' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tab').first().innerText()).toBe('Ride'); // the primary sport's tab comes first
    const records = await page.locator('.records').innerText();
    expect(records).toContain('132 mi');
    expect(records).toContain('6,903 ft');
  });

  it('renders user data as text, never as markup', async () => {
    const hostile = withState(f.connected, {
      data: {
        ...f.connected.data!,
        athlete: { ...f.connected.data!.athlete, name: '<img src=x onerror="document.title=1">Eve', location: '<b>bold</b>' },
      },
    });
    const { page } = await open(hostile);
    expect(await page.locator('.athlete-name').innerText()).toBe('<img src=x onerror="document.title=1">Eve');
    expect(await page.locator('.athlete b, .athlete-name img').count()).toBe(0);
    expect(await page.title()).toBe('Pacebar');
  });

  it('shows a "Fetching" status while connected without data yet', async () => {
    const { page } = await open(f.connectedFetching);
    expect(await page.getByRole('status').filter({ hasText: 'Fetching your stats' }).isVisible()).toBe(true);
    expect(await page.locator('#dashboard').isVisible()).toBe(false);
  });
});

describe('refreshing', () => {
  it('disables the button with aria-busy and "Refreshing…" until done', async () => {
    const d = await open(f.refreshing);
    const button = d.page.locator('#refresh-button');
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('aria-busy')).toBe('true');
    expect(await button.innerText()).toBe('Refreshing…');
    expect(await button.locator('.spinner').isVisible()).toBe(true);
    await d.push(f.connected);
    expect(await button.isDisabled()).toBe(false);
    expect(await button.getAttribute('aria-busy')).toBeNull();
    expect(await button.innerText()).toBe('Refresh');
  });

  it('shows a refused refresh inline', async () => {
    const d = await open(f.connected);
    d.setResult('refresh', { ok: false, message: 'Already refreshed a moment ago.' });
    await d.page.getByRole('button', { name: 'Refresh' }).click();
    const refused = d.page.locator('.sync-bar [role="alert"]');
    await waitForText(refused, 'Already refreshed a moment ago.');
    expect(await refused.innerText()).toBe('Already refreshed a moment ago.');
  });
});

describe('state pushes', () => {
  it('re-render each section as state changes', async () => {
    const d = await open(f.connected);
    await d.push(f.offline);
    expect(await d.page.locator('[data-banner="offline"]').isVisible()).toBe(true);
    await d.push(f.imperial);
    expect(await d.page.locator('[data-banner]').count()).toBe(0);
    expect(await d.page.locator('.hero-unit').innerText()).toBe('mi');
    await d.push(f.notConnected);
    expect(await d.page.getByRole('button', { name: 'Connect with Strava' }).isVisible()).toBe(true);
    expect(await d.page.locator('#dashboard').isVisible()).toBe(false);
    expect(await d.page.locator('#sync .sync-bar').isVisible()).toBe(false);
  });

  it('keep focus on Refresh across pushes that do not touch it', async () => {
    const d = await open(f.connected);
    await d.page.locator('#refresh-button').focus();
    await d.push(f.stale);
    await d.push(f.rateLimited);
    expect(await d.page.evaluate(() => document.activeElement?.id)).toBe('refresh-button');
  });

  it('keep "Updated … ago" current every 30 s', async () => {
    const now = Date.now();
    const d = await open(fixtures(now).connected, {
      beforeNavigate: (page) => page.clock.install({ time: now }),
    });
    expect(await d.page.locator('#updated').innerText()).toBe('Updated 3 min ago');
    await d.page.clock.runFor(61_000);
    expect(await d.page.locator('#updated').innerText()).toBe('Updated 4 min ago');
  });
});

describe('banners', () => {
  it('offline: says what is shown and marks it stale', async () => {
    const { page } = await open(f.offline);
    const banner = page.locator('[data-banner="offline"]');
    expect(await banner.getAttribute('role')).toBe('status');
    const updatedAt = new Date(f.offline.data!.updatedAt);
    const hhmm = `${String(updatedAt.getUTCHours()).padStart(2, '0')}:${String(updatedAt.getUTCMinutes()).padStart(2, '0')}`;
    const text = await banner.innerText();
    // Today it is the clock time; right after midnight UTC it carries the date too.
    expect(text).toMatch(new RegExp(`^Offline — showing data from (\\d+ \\w+, )?${hhmm}`));
    expect(await page.locator('#stale-badge').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: ATHLETE_NAME }).isVisible()).toBe(true);
  });

  it('stale: a Stale badge next to Updated', async () => {
    const { page } = await open(f.stale);
    expect(await page.locator('.sync-text').innerText()).toMatch(/^Updated 1 h ago\s*Stale$/i);
    expect(await page.locator('[data-banner]').count()).toBe(0);
  });

  it('rate limited: tells when Pacebar tries again, in local time', async () => {
    const { page } = await open(f.rateLimited);
    const banner = page.locator('[data-banner="rate-limited"]');
    expect(await banner.innerText()).toBe("Strava's rate limit is reached. Pacebar will try again at 14:45.");
    expect(await banner.getAttribute('role')).toBe('status');
  });

  it('rate limited: uses the machine’s time zone', async () => {
    const { page } = await open(f.rateLimited, { timezoneId: 'Asia/Kolkata' });
    expect(await page.locator('[data-banner="rate-limited"]').innerText()).toContain('try again at 20:15.');
  });

  it('missing scopes: lists each scope with its consequence and reconnects', async () => {
    const d = await open(withState(f.missingScopes, { settings: { signInMethod: 'browser' } }));
    const banner = d.page.locator('[data-banner="missing-scopes"]');
    const items = await banner.locator('li').allInnerTexts();
    expect(items).toEqual([
      'activity:read_all — Activities you set to Only You are not counted: totals, chart and records include only Everyone and Followers activities.',
      'profile:read_all — Pacebar cannot read your units preference on Strava, so it shows metric unless you choose in Settings. Your name, photo and location are still shown.',
    ]);
    expect(await d.page.locator('.coverage-note').innerText()).toContain('Activities set to Only You are not counted');
    await banner.getByRole('button', { name: 'Reconnect and tick every box on Strava’s page' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'connect', args: ['browser'] }]);
  });

  it('keychain unavailable: says what to do for the cause (no keyring service is not a locked keyring) and retries', async () => {
    const d = await open(f.keychainUnavailable);
    const banner = d.page.locator('[data-banner="keychain"]');
    expect(await banner.getAttribute('role')).toBe('alert');
    const text = await banner.innerText();
    expect(text).toContain('Pacebar cannot use your system keychain');
    expect(text).toContain('No keyring service is running: install and start GNOME Keyring or KWallet (see README › Linux desktops), then try again.');
    expect(text).not.toMatch(/unlock/i);
    expect(text).not.toContain('D-Bus');
    await banner.getByRole('button', { name: 'Try again' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'refresh', args: [] }]);
  });

  it('reconnect needed: asks to reconnect and keeps cached data marked stale', async () => {
    const d = await open(f.reconnectNeeded);
    const banner = d.page.locator('[data-banner="reconnect"]');
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.innerText()).toContain('Strava access was revoked or expired. Reconnect to keep your stats updating.');
    expect(await d.page.getByRole('heading', { name: ATHLETE_NAME }).isVisible()).toBe(true);
    expect(await d.page.locator('.hero-number').innerText()).toBe('42.2');
    expect(await d.page.locator('#stale-badge').isVisible()).toBe(true);
    // 26 h: the tray's words too ("Updated 26 h ago"), from the one formatter.
    expect(await d.page.locator('#updated').innerText()).toBe('Updated 26 h ago');
    expect(await d.page.locator('#refresh-button').isVisible()).toBe(false);
    await banner.getByRole('button', { name: 'Connect with Strava' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'connect', args: ['window'] }]);
  });

  it('last error: one alert line', async () => {
    const { page } = await open(f.lastError);
    const banner = page.locator('[data-banner="error"]');
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.innerText()).toBe('Strava answered 503 Service Unavailable. Pacebar will retry in 5 minutes.');
  });

  it('Garmin attribution: one line above the figures when they include Garmin-recorded activities', async () => {
    const { page } = await open(f.garmin);
    const line = page.locator('#garmin-attribution');
    expect(await line.innerText()).toBe('Garmin Forerunner 965');
    // Directly with the data: after the athlete, before the goals, the sport tabs and their week, chart and totals, and the recent activities.
    const order = await page.locator('#dashboard > *:not([hidden])').evaluateAll((nodes) => nodes.map((node) => node.id));
    expect(order).toEqual(['athlete', 'garmin-attribution', 'goals-slot', 'tabs', 'sport-panel', 'recent']);
    expect(await page.locator('#sport-panel > *').evaluateAll((nodes) => nodes.map((node) => node.id))).toEqual(['week', 'chart', 'totals']);
    const plain = await open(f.connected);
    expect(await plain.page.locator('#garmin-attribution').isVisible()).toBe(false);
  });

  it('application inactive: what happened, what to do, a button to strava.com/settings/api, and the stats kept', async () => {
    const d = await open(f.applicationInactive);
    const banner = d.page.locator('[data-banner="inactive"]');
    expect(await banner.getAttribute('role')).toBe('status');
    const text = await banner.innerText();
    expect(text).toContain('Your Strava API application is inactive');
    expect(text).toContain('the Strava account that owns it has a subscription');
    expect(text).toContain('reactivate the application at strava.com/settings/api');
    // One explanation, not the raw error line as well.
    expect(await d.page.locator('[data-banner="error"]').count()).toBe(0);
    expect(await d.page.getByRole('heading', { name: ATHLETE_NAME }).isVisible()).toBe(true);
    expect(await d.page.locator('.badge-stale').isVisible()).toBe(true);
    // Refresh now stays available.
    expect(await d.page.getByRole('button', { name: 'Refresh' }).isEnabled()).toBe(true);
    await banner.getByRole('button', { name: 'Open strava.com/settings/api' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'openStravaApiSettings', args: [] }]);
  });

  it('athlete limit: a refused sign-in says what the limit is and what to do, in the connect panel', async () => {
    const d = await open(f.notConnected);
    d.setResult('connect', { ok: false, message: new AthleteLimitError().message });
    await d.page.locator('#connect-button').click();
    const alert = d.page.locator('#panel .action-error');
    await waitForText(alert, 'limit of 10 connected athletes', { contains: true });
    const text = await alert.innerText();
    expect(text).toContain('https://www.strava.com/settings/apps');
    expect(text).toContain('each person can use their own');
  });
});

describe('settings', () => {
  it('sends each change as a patch', async () => {
    const d = await open(f.connected);
    const { page } = d;
    await page.getByText('Settings', { exact: true }).click();
    await page.getByLabel('Units').selectOption('imperial');
    await page.getByLabel('Primary sport').selectOption('ride');
    await page.getByLabel('Refresh').selectOption('60');
    await page.getByLabel('Sign in to Strava').selectOption('browser');
    await page.getByLabel('Launch Pacebar at login').uncheck();
    expect(await d.waitForActions(5)).toEqual([
      { method: 'updateSettings', args: [{ units: 'imperial' }] },
      { method: 'updateSettings', args: [{ primarySport: 'ride' }] },
      { method: 'updateSettings', args: [{ refreshIntervalMinutes: 60 }] },
      { method: 'updateSettings', args: [{ signInMethod: 'browser' }] },
      { method: 'updateSettings', args: [{ launchAtLogin: false }] },
    ]);
  });

  it('never shows "Launch at login" where the system has no login item Pacebar can set', async () => {
    const d = await open(withState(f.connected, { desktop: { launchAtLoginAvailable: false, trayIconHidden: false, menuBarTitleAvailable: false } }));
    await d.page.getByText('Settings', { exact: true }).click();
    expect(await d.page.getByLabel('Launch Pacebar at login').isVisible()).toBe(false);
    await d.push(f.connected);
    expect(await d.page.getByLabel('Launch Pacebar at login').isVisible()).toBe(true);
  });

  it('a desktop with no tray (stock GNOME): one banner says how to come back to Pacebar, and offers Quit', async () => {
    const d = await open(withState(f.notConnected, { desktop: { launchAtLoginAvailable: true, trayIconHidden: true, menuBarTitleAvailable: false } }));
    const banner = d.page.locator('[data-banner="no-tray"]');
    expect(await banner.innerText()).toContain('Pacebar found no tray on this desktop');
    expect(await banner.innerText()).toContain('open Pacebar from your applications');
    await banner.getByRole('button', { name: 'Quit Pacebar' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'quit', args: [] }]);
    // A tray host that registers later (the watch in main): the hint and its Quit go.
    await d.push(f.notConnected);
    expect(await d.page.locator('[data-banner="no-tray"]').count()).toBe(0);
    const { page: withTray } = await open(f.notConnected);
    expect(await withTray.locator('[data-banner="no-tray"]').count()).toBe(0);
    expect(await withTray.getByRole('button', { name: 'Quit Pacebar' }).count()).toBe(0);
  });

  it('shows the current settings and offers the refresh presets main sends', async () => {
    const { page } = await open(f.imperial);
    await page.getByText('Settings', { exact: true }).click();
    expect(await page.getByLabel('Units').inputValue()).toBe('imperial');
    expect(await page.getByLabel('Primary sport').inputValue()).toBe('ride');
    expect(await page.getByLabel('Refresh').inputValue()).toBe('30');
    expect(await page.getByLabel('Refresh').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['15', '30', '60', '120']);
    expect(await page.getByLabel('Launch Pacebar at login').isChecked()).toBe(true);
  });

  it('stays open across pushes and snaps back after a refused change', async () => {
    const d = await open(f.connected);
    d.setResult('updateSettings', { ok: false, message: 'Could not save settings: disk full.' });
    await d.page.getByText('Settings', { exact: true }).click();
    await d.page.getByLabel('Units').selectOption('imperial');
    const failed = d.page.locator('#settings [role="alert"]').first();
    await waitForText(failed, 'Could not save settings: disk full.');
    expect(await failed.innerText()).toBe('Could not save settings: disk full.');
    // Back to what main has: following Strava.
    expect(await d.page.getByLabel('Units').inputValue()).toBe('strava');
    await d.push(f.stale);
    expect(await d.page.locator('#settings').getAttribute('open')).toBe('');
  });

  it('ends with Pacebar’s version and the update line main sends (none when the updater has nothing to say)', async () => {
    const d = await open(f.connected);
    await d.page.getByText('Settings', { exact: true }).click();
    expect(await d.page.locator('#about-version').innerText()).toBe('Pacebar 0.1.0');
    expect(await d.page.locator('#about-update').isVisible()).toBe(false);
    await d.push(f.updateReady);
    expect(await d.page.locator('#about-update').innerText()).toBe('Update ready: restart to install');
    await d.push(withState(f.connected, { about: { version: '0.2.0', update: { kind: 'idle', checkedAt: null }, updateLine: null } }));
    expect(await d.page.locator('#about-version').innerText()).toBe('Pacebar 0.2.0');
    expect(await d.page.locator('#about-update').isVisible()).toBe(false);
  });

  it('disconnects when signed in, and offers no Disconnect when not', async () => {
    const d = await open(f.connected);
    await d.page.getByText('Settings', { exact: true }).click();
    await d.page.getByRole('button', { name: 'Disconnect from Strava' }).click();
    expect(await d.waitForActions(1)).toEqual([{ method: 'disconnect', args: [] }]);
    await d.push(f.notConnected);
    expect(await d.page.getByRole('button', { name: 'Disconnect from Strava' }).isVisible()).toBe(false);
  });
});

describe('security', () => {
  it('ships the strict CSP and enforces it', async () => {
    const { page } = await open(f.connected);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https://dgalywyr863hv.cloudfront.net https://lh3.googleusercontent.com https://graph.facebook.com https://platform-lookaside.fbsbx.com data:; connect-src 'none'; font-src 'self'; base-uri 'none'; form-action 'none'",
    );
    // Nothing in the built page is inline.
    expect(await page.locator('script:not([src]), style, [style]').count()).toBe(0);
    // An injected inline script is refused (and reported), proving the policy is live.
    const ran = await page.evaluate(async () => {
      const seen = new Promise<string>((done) =>
        document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const directive = await seen;
      return { directive, ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
    });
    expect(ran).toEqual({ directive: 'script-src-elem', ran: false });
    // That violation was ours; clear it so the clean-page check only sees the app's own.
    await page.evaluate(() => {
      (window as unknown as { __cspViolations: string[] }).__cspViolations.length = 0;
    });
    opened.at(-1)!.consoleErrors.length = 0;
  });
});
