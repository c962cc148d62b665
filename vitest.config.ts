import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real-Electron end-to-end tests need the Electron binary: they run in GitHub Actions (npm run test:e2e).
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Real keychain, real HTTP and headless Chromium: give slow first launches room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One keychain service per test file keeps parallel files apart, but the D-Bus keyring is shared:
    // cap workers so gnome-keyring is not flooded on a 2-core machine.
    maxWorkers: 2,
  },
});
