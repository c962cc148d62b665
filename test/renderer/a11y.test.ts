// Accessibility and themes: axe-core on every state in light and dark, theme colours, tab order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, type FixtureName } from './fixtures';
import { closeHarness, openDashboard, warmUpHarness } from './harness';

const f = fixtures();
const names = Object.keys(f) as FixtureName[];

beforeAll(warmUpHarness, 120_000);

afterAll(async () => {
  await closeHarness();
});

describe.each(['light', 'dark'] as const)('axe-core, %s theme', (colorScheme) => {
  it.each(names)('%s has no violations', async (name) => {
    const d = await openDashboard(f[name], { colorScheme, bypassCSP: true });
    try {
      // Look at the settings panel too: open it where it is shown.
      const summary = d.page.locator('#settings summary');
      if (await summary.isVisible()) await summary.click();
      expect(await d.runAxe()).toEqual([]);
      expect(d.consoleErrors).toEqual([]);
    } finally {
      await d.close();
    }
  });
});

describe('themes', () => {
  it('light and dark compute different colours', async () => {
    const colours = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const d = await openDashboard(f.connected, { colorScheme });
      colours.push(
        await d.page.evaluate(() => ({
          page: getComputedStyle(document.body).backgroundColor,
          card: getComputedStyle(document.querySelector('.card')!).backgroundColor,
          text: getComputedStyle(document.body).color,
        })),
      );
      await d.close();
    }
    const [light, dark] = colours;
    expect(light!.page).not.toBe(dark!.page);
    expect(light!.card).not.toBe(dark!.card);
    expect(light!.text).not.toBe(dark!.text);
    expect(light!.card).toBe('rgb(255, 255, 255)');
  });
});

describe('keyboard', () => {
  async function tabOrder(name: FixtureName, stops: number): Promise<string[]> {
    const d = await openDashboard(f[name]);
    const order: string[] = [];
    for (let i = 0; i < stops; i += 1) {
      await d.page.keyboard.press('Tab');
      order.push(
        await d.page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el ? `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}` : '';
        }),
      );
    }
    await d.close();
    return order;
  }

  it('tabs through the dashboard top to bottom', async () => {
    // Each goal's Remove, "Add a goal", the sport tabs as one stop (arrow keys move between them),
    // each record's link, then each recent activity's.
    const removes = fixtures().connected.goals.map((view) => `button:Remove goal: ${view.text.title}`);
    const recent = fixtures().connected.data!.recent.map(() => 'button:View on Strava');
    expect(removes).toHaveLength(3);
    expect(await tabOrder('connected', 10 + recent.length)).toEqual([
      'button:Refresh',
      'button:View on Strava',
      ...removes,
      'summary:Add a goal',
      'button:Run',
      'button:View on Strava',
      'button:View on Strava',
      ...recent,
      'summary:Settings',
    ]);
  });

  it('tabs through the setup steps in order', async () => {
    const order = await tabOrder('needsCredentials', 5);
    expect(order.slice(0, 4)).toEqual(['button:Open strava.com/settings/api', 'input:', 'input:', 'button:Save']);
    expect(order[4]).toBe('summary:Settings');
  });

  it('reaches every banner action before the dashboard', async () => {
    expect(await tabOrder('missingScopes', 3)).toEqual([
      'button:Refresh',
      'button:Reconnect and tick every box on Strava’s page',
      'button:View on Strava',
    ]);
  });

  it('opens the settings with Enter and changes a setting with the keyboard', async () => {
    const d = await openDashboard(f.connected);
    await d.page.locator('#settings summary').focus();
    await d.page.keyboard.press('Enter');
    expect(await d.page.locator('#settings').getAttribute('open')).toBe('');
    await d.page.keyboard.press('Tab');
    expect(await d.page.evaluate(() => document.activeElement?.id)).toBe('setting-units');
    await d.page.locator('#setting-login').focus();
    await d.page.keyboard.press('Space');
    expect(await d.waitForActions(1)).toEqual([{ method: 'updateSettings', args: [{ launchAtLogin: false }] }]);
    await d.close();
  });
});
