// Screenshots of the dashboard's main states in light and dark: `npx tsx scripts/screenshots.ts [outDir]`.
// Builds the renderer, opens it in headless Chromium with fixture states (test/renderer/harness.ts)
// and writes e.g. screenshots/connected-light.png, plus tray-menu.txt: the tray's tooltip and menu
// for each state, from the same pure model the app builds its Menu from.
import { mkdirSync, writeFileSync } from 'node:fs';
import { AthleteLimitError } from '../core/errors';
import { trayMenuModel } from '../main/tray/trayMenuModel';
import { resolve } from 'node:path';
import { fixtures, type FixtureName } from '../test/renderer/fixtures';
import { closeHarness, openDashboard } from '../test/renderer/harness';

const SHOTS: [file: string, fixture: FixtureName][] = [
  ['setup', 'needsCredentials'],
  ['not-connected', 'notConnected'],
  ['connecting', 'connectingBrowser'],
  ['connected', 'connected'],
  // Goals of every status (one still counting), and the invitation with the form when there is none.
  ['goals', 'everyGoalStatus'],
  ['no-goals', 'noGoals'],
  ['counting', 'counting'],
  ['refreshing', 'refreshing'],
  ['offline', 'offline'],
  ['rate-limited', 'rateLimited'],
  ['missing-scopes', 'missingScopes'],
  ['reconnect-needed', 'reconnectNeeded'],
  ['keychain-unavailable', 'keychainUnavailable'],
  ['application-inactive', 'applicationInactive'],
  // Not a state of its own: the connect panel with the athlete-limit message after a refused sign-in.
  ['athlete-limit', 'notConnected'],
  ['settings', 'connected'],
];

const outDir = resolve(process.argv[2] ?? 'screenshots');
mkdirSync(outDir, { recursive: true });
const states = fixtures();
let failed = false;

const trayText = SHOTS.filter(([file]) => file !== 'settings').map(([file, fixture]) => {
  const model = trayMenuModel(states[fixture], Date.now());
  const items = model.items.map((item) => (item.type === 'separator' || item.id === 'separator' ? '  ────────' : `  ${item.label}${item.enabled ? '' : '  (disabled)'}`));
  return [`## ${file}`, `tooltip: ${model.tooltip.replace(/\n/g, ' / ')}`, ...items].join('\n');
});
writeFileSync(resolve(outDir, 'tray-menu.txt'), `${trayText.join('\n\n')}\n`);
console.log(resolve(outDir, 'tray-menu.txt'));
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [file, fixture] of SHOTS) {
      const dashboard = await openDashboard(states[fixture], { colorScheme, viewport: { width: 420, height: 720 } });
      try {
        if (file === 'settings') await dashboard.page.locator('#settings summary').click();
        if (file === 'athlete-limit') {
          dashboard.setResult('connect', { ok: false, message: new AthleteLimitError().message });
          await dashboard.page.locator('#connect-button').click();
          await dashboard.page.locator('#panel .action-error:not(:empty)').waitFor();
        }
        // Let the avatar decode before the shot.
        await dashboard.page.waitForFunction(() =>
          Array.from((globalThis as unknown as { document: { images: ArrayLike<{ complete: boolean }> } }).document.images).every((img) => img.complete),
        );
        const path = resolve(outDir, `${file}-${colorScheme}.png`);
        await dashboard.page.screenshot({ path, fullPage: file !== 'settings' });
        if (file === 'settings') await dashboard.page.locator('#settings').screenshot({ path });
        if (dashboard.consoleErrors.length > 0) {
          failed = true;
          console.error(`${file}-${colorScheme}: console errors: ${dashboard.consoleErrors.join(' | ')}`);
        }
        console.log(path);
      } finally {
        await dashboard.close();
      }
    }
  }
} finally {
  await closeHarness();
}
if (failed) process.exitCode = 1;
