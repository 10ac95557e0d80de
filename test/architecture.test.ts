/**
 * The layers of ARCHITECTURE (CONTRIBUTING "Layout"): foundations import no inference area and
 * no surface; no import cycle between folders of src/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..', 'src');
export const FOUNDATIONS = ['io', 'stats', 'text', 'compare', 'graph', 'display', 'plot', 'report', 'case'];
const SURFACES = ['cli'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** folder -> folders it imports (relative imports only), with one example file per edge. */
function folderGraph(): Map<string, Map<string, string>> {
  const g = new Map<string, Map<string, string>>();
  for (const f of tsFiles(SRC)) {
    const from = relative(SRC, f).split('/')[0]!;
    if (from.endsWith('.ts')) continue; // src/index.ts: the public entry re-exports every folder
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|require\(['"](\.[^'"]+)['"]\)|import\(['"](\.[^'"]+)['"]\)/g)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      const target = relative(SRC, resolve(dirname(f), spec)).split('/')[0]!;
      if (target === from || target.startsWith('..')) continue;
      if (!g.has(from)) g.set(from, new Map());
      if (!g.get(from)!.has(target)) g.get(from)!.set(target, relative(SRC, f));
    }
  }
  return g;
}

describe('layers of src/', () => {
  const g = folderGraph();
  it('foundations import no inference area and no surface', () => {
    const bad: string[] = [];
    for (const [from, tos] of g) {
      if (!FOUNDATIONS.includes(from)) continue;
      for (const [to, file] of tos) if (!FOUNDATIONS.includes(to)) bad.push(`${file} imports src/${to}`);
    }
    expect(bad).toEqual([]);
  });
  it('no surface is imported by the library', () => {
    const bad: string[] = [];
    for (const [from, tos] of g) for (const [to, file] of tos) if (SURFACES.includes(to) && !SURFACES.includes(from)) bad.push(`${file} imports src/${to}`);
    expect(bad).toEqual([]);
  });
  it('no import cycle between folders', () => {
    const cycles: string[] = [];
    const state = new Map<string, number>();
    const stack: string[] = [];
    const visit = (n: string) => {
      state.set(n, 1);
      stack.push(n);
      for (const m of g.get(n)?.keys() ?? []) {
        if (state.get(m) === 1) cycles.push([...stack.slice(stack.indexOf(m)), m].map((x, i, a) => (i < a.length - 1 ? `${x} (${g.get(x)!.get(a[i + 1]!)})` : x)).join(' -> '));
        else if (!state.has(m)) visit(m);
      }
      stack.pop();
      state.set(n, 2);
    };
    for (const n of g.keys()) if (!state.has(n)) visit(n);
    expect(cycles).toEqual([]);
  });
});
