import { defineConfig } from 'vitest/config';

// `npm test`: every test that needs nothing beyond `npm install` (dist/ is built first when
// stale). Tests needing Jupyter or Chromium are in test/notebooks/: `npm run test:notebooks`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/notebooks/**', '**/node_modules/**'],
    globalSetup: ['./test/global-setup.ts'],
    // A hang guard, not a speed check (speed is measured in bench/): generous for a loaded machine.
    testTimeout: 180_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
