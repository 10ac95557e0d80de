import { defineConfig } from 'vitest/config';

// `npm run test:notebooks` (scripts/test-notebooks.mjs installs Jupyter, the tslab kernelspec
// and Chromium first, as `npm run reproduce` / `npm run check:reports` do).
export default defineConfig({
  test: {
    include: ['test/notebooks/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
