#!/usr/bin/env node
// npm run doctor: `profile-provenance doctor` (src/cli/doctorCommand.ts), usable before the
// first build: without node_modules it says to run `npm install`; a stale or missing dist/ is
// built first (the command runs from dist/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'node_modules', 'typescript'))) {
  console.log(`MISSING  npm packages  node_modules/ not installed\n         fix: cd ${root} && npm install`);
  process.exit(4);
}
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-stale.mjs'), '--build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log(`MISSING  library build  \`npm run build\` failed (see above)\n         fix: cd ${root} && npm run build`);
  process.exit(4);
}
const r = spawnSync(process.execPath, [join(root, 'bin', 'profile-provenance.js'), 'doctor', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
