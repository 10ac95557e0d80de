// Is dist/ older than what it is built from? The build (scripts/build.mjs) writes
// dist/.build-stamp last; dist/ is stale when the stamp (or the notebook package folder) is
// missing or any input (src/**, tsconfig*.json, package.json, the build scripts) is newer.
// Used by the tests' global setup (test/global-setup.ts) and by `npm run doctor`.
//
//   node scripts/build-stale.mjs          # prints "fresh" or "stale: <reason>"; exit 0
//   node scripts/build-stale.mjs --build  # builds when stale (npm run build), else nothing
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STAMP = join('dist', '.build-stamp');
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs', 'scripts/vendor-plotly.mjs', 'scripts/notebook-package.mjs'];

function newestUnder(dir, best = { mtime: 0, file: '' }) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newestUnder(p, best);
    else {
      const t = statSync(p).mtimeMs;
      if (t > best.mtime) Object.assign(best, { mtime: t, file: p });
    }
  }
  return best;
}

/** null when dist/ is up to date, else the reason it is stale. */
export function staleReason(root) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return `${STAMP} missing (never built)`;
  if (!existsSync(join(root, 'node_modules', 'profile-provenance', 'package.json'))) return 'node_modules/profile-provenance/ missing';
  const built = statSync(stamp).mtimeMs;
  const newest = newestUnder(join(root, 'src'));
  for (const f of INPUT_FILES) {
    const p = join(root, f);
    if (existsSync(p) && statSync(p).mtimeMs > newest.mtime) Object.assign(newest, { mtime: statSync(p).mtimeMs, file: p });
  }
  return newest.mtime > built ? `${relative(root, newest.file)} is newer than the last build` : null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const reason = staleReason(root);
  if (!process.argv.includes('--build')) console.log(reason ? `stale: ${reason}` : 'fresh');
  else if (reason) {
    console.error(`dist/ is stale (${reason}): npm run build`);
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
}
