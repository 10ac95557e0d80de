/**
 * `npm run bench` runs every bench/cases/*.ts; `npm run bench -- <name> [<name>...]` runs some.
 * Each runs in its own child process. A benchmark that misses its target still writes its
 * result; the run exits non-zero only when a benchmark crashes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './lib';
import { resultsDir } from './lib';

const casesDir = join(__dirname, 'cases');
const all = readdirSync(casesDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}\navailable: ${all.join(', ')}`);
  process.exit(2);
}
const names = wanted.length ? wanted : all;
const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
const rows: string[][] = [];
let crashed = 0;
for (const name of names) {
  console.error(`# ${name}`);
  const run = spawnSync(tsx, [join(casesDir, `${name}.ts`)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=12288`.trim() },
  });
  const file = join(resultsDir, `${name}.json`);
  if (run.status !== 0 || !existsSync(file)) {
    crashed++;
    rows.push([name, 'CRASHED', '', '', '', '']);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  rows.push([
    name,
    `${r.seconds}s`,
    r.target.seconds !== undefined ? `<= ${r.target.seconds}s` : '',
    `${r.peakRssMb} MB`,
    r.target.peakRssMb !== undefined ? `<= ${r.target.peakRssMb} MB` : '',
    r.met ? 'met' : 'MISSED',
  ]);
}
const header = ['benchmark', 'seconds', 'target', 'peak RSS', 'target', 'status'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
process.exit(crashed ? 1 : 0);
