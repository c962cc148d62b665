import { defineConfig } from 'vitest/config';

// Real-Electron end-to-end tests: they need the Electron binary and a display, so they run in
// GitHub Actions (npm run test:e2e under xvfb-run), never in `npm test`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
