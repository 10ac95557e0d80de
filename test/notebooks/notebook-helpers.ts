/**
 * Shared by the tests that execute tiny synthetic notebooks through scripts/execute_notebook.py
 * with a real tslab kernel (test/notebooks/runner, test/notebooks/hostile-runner): the Python that has
 * Jupyter, whether the kernelspec is installed, and one run into `<dir>/out`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const RUNNER = join(ROOT, 'scripts', 'execute_notebook.py');

/** A Python with nbclient and nbconvert (Debian's Jupyter packages), or undefined. */
export const notebookPython = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import nbclient, nbconvert'], { stdio: 'ignore' }).status === 0,
);

/** True when notebooks can run here (`npm run reproduce` installs Jupyter and the kernelspec). */
export const canRunNotebooks = !!notebookPython && existsSync(join(ROOT, '.jupyter-local', 'kernels', 'tslab', 'kernel.json'));

/** A notebook of code cells, the first tagged `parameters`; an optional markdown heading first. */
export function syntheticNotebook(cells: string[], heading?: string): string {
  return JSON.stringify({
    cells: [
      ...(heading === undefined ? [] : [{ cell_type: 'markdown', id: 'm0', metadata: {}, source: heading }]),
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

/**
 * Write `<dir>/case.ipynb` and execute it with the runner into `<dir>/out` (dir inside the repo,
 * so the kernel resolves 'profile-provenance' from ./node_modules).
 */
export function executeNotebook(dir: string, notebook: string, params: Record<string, unknown> = {}, extra: string[] = []) {
  const nbPath = join(dir, 'case.ipynb');
  writeFileSync(nbPath, notebook);
  const env = {
    ...process.env,
    JUPYTER_PATH: join(ROOT, '.jupyter-local'),
    JUPYTER_DATA_DIR: join(ROOT, '.jupyter-local', 'data'),
    JUPYTER_RUNTIME_DIR: join(ROOT, '.jupyter-local', 'runtime'),
  };
  const r = spawnSync(notebookPython!, [RUNNER, nbPath, '--out-dir', join(dir, 'out'), '--name', 'case', '--params-json', JSON.stringify(params), ...extra], {
    encoding: 'utf8', env, timeout: 170_000,
  });
  return { status: r.status, stderr: r.stderr, dir };
}
