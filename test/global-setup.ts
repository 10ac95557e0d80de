/**
 * vitest global setup: build dist/ (npm run build) when it is missing or older than src/, so
 * `npm test` passes on its own in a fresh clone (the CLI tests run the compiled executable).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(__dirname, '..');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-stale.mjs'), '--build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`building dist/ before the tests failed (exit ${r.status}): run \`npm run build\` to see why`);
}
