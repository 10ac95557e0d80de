/**
 * The notebook runner must fail loudly: a cell error stops the run with the cell's own message
 * and no report is written (tslab reports errors only on stderr and cancels later requests).
 * These tests run a real tslab kernel through scripts/execute_notebook.py, so they need
 * Debian's Jupyter packages, which `npm run reproduce` installs; without them they are skipped
 * with a message (CI runs reproduce, so Jupyter is always there).
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canRunNotebooks, executeNotebook, ROOT, syntheticNotebook } from './notebook-helpers';

const root = ROOT;
const canRun = canRunNotebooks;
if (!canRun) console.warn('notebooks-runner tests skipped: run `npm run reproduce` once to install Jupyter and the tslab kernelspec');

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function run(cells: string[], params: Record<string, unknown> = {}, extra: string[] = []) {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'nb-'));
  made.push(dir);
  return executeNotebook(dir, syntheticNotebook(cells, '## Match rates {zh: 匹配率}'), params, extra);
}

// Each case starts a tslab kernel (10-25 s, more on a loaded machine): a generous allowance, not a speed check.
describe.runIf(canRun)('scripts/execute_notebook.py with a real tslab kernel', { timeout: 180_000 }, () => {
  it('stops at a throwing cell, shows its message, and writes no report', () => {
    const r = run(['let n = 1;', "throw new Error('boom from the second cell');", "console.log('never');"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cell 3');
    expect(r.stderr).toContain('boom from the second cell');
    expect(existsSync(join(r.dir, 'out', 'case.html'))).toBe(false);
    expect(existsSync(join(r.dir, 'out', 'failed', 'case.ipynb'))).toBe(true);
  });

  it('fails on a TypeScript type error with the compiler message', () => {
    const r = run(['let n = 1;', "const s: number = 'text';"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not assignable to type 'number'/);
  });

  it('injects parameters after the parameters cell and runs to the end', () => {
    const r = run(["let label = 'default';", "if (label !== 'injected') throw new Error('parameter not injected: ' + label);"], { label: 'injected' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const html = readFileSync(join(r.dir, 'out', 'case.html'), 'utf8');
    expect(html).toContain('injected-parameters');
    expect(html).toContain('Run information');
    const executed = JSON.parse(readFileSync(join(r.dir, 'out', 'case.ipynb'), 'utf8')) as { cells: Array<{ source: string[] }> };
    expect(executed.cells[0]!.source.join('')).toBe('## 匹配率 / Match rates');
  });

  it('masks mobile numbers in code and outputs and always redacts secrets; --unmask keeps numbers', () => {
    const cells = [
      "let targetNumber = '138 1234 5678';\nlet hmacKey = 'demo-secret-key-0123';",
      "console.log('number ' + targetNumber);",
      // Figure data is code: a float whose digits look like a number must survive untouched.
      "import * as pp from 'profile-provenance';\npp.plot.showFigure(pp.plot.barChart(['a'], [0.13912345678]));",
    ];
    const masked = run(cells);
    expect(masked.status).toBe(0);
    const html = readFileSync(join(masked.dir, 'out', 'case.html'), 'utf8') + readFileSync(join(masked.dir, 'out', 'case.ipynb'), 'utf8');
    expect(html).not.toMatch(/138.?1234.?5678/);
    expect(html).toContain('138****5678');
    expect(html).not.toContain('demo-secret-key-0123');
    expect(html).toContain('&lt;redacted&gt;');
    expect(html).toContain('0.13912345678');
    const open = run(cells, {}, ['--unmask']);
    const html2 = readFileSync(join(open.dir, 'out', 'case.ipynb'), 'utf8');
    expect(html2).toContain('number 138 1234 5678');
    expect(html2).not.toContain('demo-secret-key-0123');
  });

  it('shows headings in one language when asked, and hides code when asked', () => {
    const r = run(["let label = 'x';", "console.log('visible output ' + label);"], {}, ['--lang', 'zh', '--hide-code']);
    expect(r.status).toBe(0);
    const html = readFileSync(join(r.dir, 'out', 'case.html'), 'utf8');
    const executed = JSON.parse(readFileSync(join(r.dir, 'out', 'case.ipynb'), 'utf8')) as { cells: Array<{ source: string[] }> };
    expect(executed.cells[0]!.source.join('')).toBe('## 匹配率');
    expect(html).not.toContain('Match rates');
    expect(html).toContain('visible output x');
    expect(html).not.toContain('console.log');
  });
});

describe('notebook package shim', () => {
  it('is a real folder (not a symlink) re-exporting dist/ once built', () => {
    const dir = join(root, 'node_modules', 'profile-provenance');
    if (!existsSync(join(root, 'dist', 'index.js'))) return void console.warn('shim check skipped: not built yet');
    expect(lstatSync(dir).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).main).toBe('index.js');
    expect(readFileSync(join(dir, 'index.js'), 'utf8')).toContain('../../dist/index.js');
  });
});
