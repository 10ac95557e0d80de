import { defineConfig } from 'vitest/config';

// `npm test`: every test that needs nothing beyond `npm install` (dist/ is built first when
// stale). Tests needing Jupyter or Chromium are in test/notebooks/: `npm run test:notebooks`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/notebooks/**', '**/node_modules/**'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
