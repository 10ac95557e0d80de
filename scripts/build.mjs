#!/usr/bin/env node
// npm run build: compile src/ to dist/ (CommonJS + .d.ts), minify plotly.js into dist/vendor,
// and write the notebook package folder node_modules/profile-provenance/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Remove compiled output of deleted sources; keep the (slow to make) vendor folder.
if (existsSync(dist)) for (const f of readdirSync(dist)) if (f !== 'vendor') rmSync(join(dist, f), { recursive: true, force: true });
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
run(process.execPath, [join(root, 'scripts', 'vendor-plotly.mjs')]);
run(process.execPath, [join(root, 'scripts', 'notebook-package.mjs')]);
