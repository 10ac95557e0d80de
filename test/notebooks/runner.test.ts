/**
 * The notebook runner must fail loudly: a cell error stops the run with the cell's own message
 * and no report is written (tslab reports errors only on stderr and cancels later requests).
 * These tests run a real tslab kernel through scripts/execute_notebook.py, so they need
 * Debian's Jupyter packages and the project-local tslab kernelspec: they run in
 * `npm run test:notebooks` (scripts/test-notebooks.mjs installs both first, as
 * `npm run reproduce` does), never skipped; missing Jupyter fails them with the fix.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const python = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import nbclient, nbconvert'], { stdio: 'ignore' }).status === 0,
);
const hasKernelSpec = existsSync(join(root, '.jupyter-local', 'kernels', 'tslab', 'kernel.json'));

describe('the notebook toolchain', () => {
  it('is installed (Jupyter importable from python3, the tslab kernelspec in .jupyter-local/)', () => {
    expect(python, 'python3 cannot import nbclient/nbconvert: run `npm run test:notebooks` (installs Debian\'s Jupyter) or `npm run doctor`').toBeTruthy();
    expect(hasKernelSpec, '.jupyter-local/kernels/tslab/kernel.json missing: run `npm run test:notebooks` or `npm run reproduce`').toBe(true);
  });
});

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: [
      { cell_type: 'markdown', id: 'm0', metadata: {}, source: '## Match rates {zh: 匹配率}' },
      ...cells.map((source, i) => ({
        cell_type: 'code', execution_count: null, id: `c${i}`, outputs: [], source,
        metadata: i === 0 ? { tags: ['parameters'] } : {},
      })),
    ],
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' }, language_info: { name: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function run(cells: string[], params: Record<string, unknown> = {}, extra: string[] = []) {
  // Inside the repo, so the kernel resolves 'profile-provenance' from ./node_modules.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'nb-'));
  made.push(dir);
  const nbPath = join(dir, 'case.ipynb');
  writeFileSync(nbPath, notebook(cells));
  const env = {
    ...process.env,
    JUPYTER_PATH: join(root, '.jupyter-local'),
    JUPYTER_DATA_DIR: join(root, '.jupyter-local', 'data'),
    JUPYTER_RUNTIME_DIR: join(root, '.jupyter-local', 'runtime'),
  };
  const r = spawnSync(
    python ?? 'python3',
    [join(root, 'scripts', 'execute_notebook.py'), nbPath, '--out-dir', join(dir, 'out'), '--name', 'case', '--params-json', JSON.stringify(params), ...extra],
    { encoding: 'utf8', env, timeout: 120_000 },
  );
  return { status: r.status, stderr: r.stderr, dir };
}

describe('scripts/execute_notebook.py with a real tslab kernel', () => {
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
