// The tray's "Settings…" opens the dashboard at #settings: the settings panel opens and takes focus,
// both on a fresh load and when an open dashboard only changes its fragment.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectedState } from './fixtures';
import { closeHarness, openDashboard, warmUpHarness, type FakeDashboardPage } from './harness';

let dashboard: FakeDashboardPage | null = null;
afterEach(async () => {
  await dashboard?.close();
  dashboard = null;
});
beforeAll(warmUpHarness, 120_000);
afterAll(closeHarness);

const settingsOpen = (d: FakeDashboardPage) => d.page.evaluate(() => (document.getElementById('settings') as HTMLDetailsElement).open);

describe('#settings', () => {
  it('an open dashboard moved to #settings opens the panel, focuses it and forgets the fragment', async () => {
    dashboard = await openDashboard(connectedState());
    expect(await settingsOpen(dashboard)).toBe(false);
    // Move to #settings and wait for the panel's own toggle event.
    await dashboard.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          document.getElementById('settings')!.addEventListener('toggle', () => resolve(), { once: true });
          location.hash = '#settings';
        }),
    );
    expect(await settingsOpen(dashboard)).toBe(true);
    expect(await dashboard.page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    expect(await dashboard.page.evaluate(() => location.hash)).toBe('');
  });

  it('a dashboard loaded at #settings starts with the panel open', async () => {
    dashboard = await openDashboard(connectedState());
    // A full load (new document) straight at #settings, as a newly opened dashboard window does.
    const base = dashboard.page.url().split('#')[0]!.split('?')[0]!;
    await dashboard.page.goto(`${base}?fresh=1#settings`);
    await dashboard.page.locator('#app[data-connection="connected"]').waitFor();
    expect(await settingsOpen(dashboard)).toBe(true);
    expect(dashboard.consoleErrors).toEqual([]);
  });
});
