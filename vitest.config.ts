import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Real keychain, real HTTP and headless Chromium: give slow first launches room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One keychain service per test file keeps parallel files apart, but the D-Bus keyring is shared:
    // cap workers so gnome-keyring is not flooded on a 2-core machine.
    maxWorkers: 2,
  },
});
