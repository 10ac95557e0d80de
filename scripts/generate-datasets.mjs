#!/usr/bin/env node
// npm run datasets [-- <area>...]: regenerate the committed synthetic evidence sets in
// datasets/<area>/ from their seeded generators (scripts/datasets/<area>.ts). The output is
// byte-identical to what is committed (tests check the SHA-256 of each file), so `git status`
// after this command shows no change unless a generator changed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'scripts', 'datasets');
const all = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown data set(s): ${unknown.join(', ')}; have: ${all.join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : all) {
  const t0 = Date.now();
  const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(dir, `${name}.ts`)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`FAILED  datasets/${name}`);
    process.exit(1);
  }
  console.log(`ok      datasets/${name}  ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}
