#!/usr/bin/env node
// Writes dist/vendor/plotly.min.js: plotly.js-dist minified with esbuild (10 MB -> ~4.5 MB),
// the copy that notebooks and reports inline once for offline charts. Skips the work when the
// output is already there for the same plotly.js version. Falls back to a plain copy when
// esbuild is not installed (production install without devDependencies).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const srcFile = require.resolve('plotly.js-dist/plotly.js');
const version = JSON.parse(readFileSync(join(dirname(srcFile), 'package.json'), 'utf8')).version;
const outDir = join(root, 'dist', 'vendor');
const out = join(outDir, 'plotly.min.js');
const stamp = join(outDir, 'plotly.version');
if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) process.exit(0);
mkdirSync(outDir, { recursive: true });
let esbuild = null;
try {
  esbuild = require('esbuild');
} catch {
  /* devDependency missing */
}
if (esbuild) {
  const code = readFileSync(srcFile, 'utf8');
  const res = esbuild.transformSync(code, { minify: true, legalComments: 'inline', target: 'es2017' });
  writeFileSync(out, res.code);
} else {
  copyFileSync(srcFile, out);
}
writeFileSync(stamp, version);
