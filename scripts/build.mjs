#!/usr/bin/env node
// npm run build: compile src/ to dist/ (CommonJS + .d.ts), minify plotly.js into dist/vendor,
// and write the notebook package folder node_modules/profile-provenance/.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// dist/ is not wiped first: a notebook run in another terminal may be reading it. Output of
// deleted sources can linger in a working copy (`rm -rf dist` clears it); CI builds from a
// clean clone.
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
run(process.execPath, [join(root, 'scripts', 'vendor-plotly.mjs')]);
run(process.execPath, [join(root, 'scripts', 'notebook-package.mjs')]);
// Last: the stamp scripts/build-stale.mjs compares inputs against (tests build when stale).
writeFileSync(join(root, 'dist', '.build-stamp'), 'built by scripts/build.mjs\n');
