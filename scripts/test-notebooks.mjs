#!/usr/bin/env node
// npm run test:notebooks: the tests that need the notebook toolchain (test/notebooks/): a real
// tslab kernel through Jupyter, and headless Chromium. Sets up what they need the way
// `npm run reproduce` and `npm run check:reports` do (Debian packages installed when running as
// root, else the exact apt-get command is printed and the run stops with exit 3), then runs
// them with vitest (vitest.notebooks.config.ts). Nothing is skipped: a missing tool fails.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, ensureDebianPackages, findJupyterPython, writeKernelSpec } from './jupyter-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
build(root);
findJupyterPython();
writeKernelSpec(root);
if (!ensureDebianPackages(['chromium', 'fonts-noto-cjk'], 'the Chromium tests (static figures, PDF)')) process.exit(3);
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'vitest.notebooks.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
