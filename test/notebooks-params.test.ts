import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { notebookParameters, resolveParameters } from '../scripts/notebook-params.mjs';

const root = join(__dirname, '..');
const nb = {
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# x'] },
    {
      cell_type: 'code',
      metadata: { tags: ['parameters'] },
      source: [
        'let seed = 7;\n',
        "let evidencePath: string = '../README.md'; // the displayed profiles\n",
        'let threshold: number = 0.85;\n',
        'let unmask = false;\n',
      ],
    },
  ],
};

describe('notebook parameters (papermill convention)', () => {
  const declared = notebookParameters(nb, 'x.ipynb');
  const notebookDir = join(root, 'notebooks');

  it('reads names, types and defaults from the parameters cell', () => {
    expect(declared.map((p: { name: string }) => p.name)).toEqual(['seed', 'evidencePath', 'threshold', 'unmask']);
    expect(declared[0]).toMatchObject({ type: 'number', defaultValue: 7 });
    expect(declared[1]).toMatchObject({ type: 'string', isPath: true });
    expect(declared[3]).toMatchObject({ type: 'boolean', defaultValue: false });
  });

  it('coerces command-line values to the declared type', () => {
    const v = resolveParameters(declared, { cli: ['seed=11', 'threshold=0.9', 'unmask=true'], cwd: root, notebookDir });
    expect(v).toEqual({ seed: 11, threshold: 0.9, unmask: true });
  });

  it('rejects unknown names, wrong types and missing files before execution, naming the parameter', () => {
    expect(() => resolveParameters(declared, { cli: ['sede=1'], cwd: root, notebookDir })).toThrow(/unknown parameter 'sede'/);
    expect(() => resolveParameters(declared, { cli: ['seed=abc'], cwd: root, notebookDir })).toThrow(/'seed' must be a number/);
    expect(() => resolveParameters(declared, { cli: ['unmask=yes'], cwd: root, notebookDir })).toThrow(/'unmask' must be true or false/);
    expect(() => resolveParameters(declared, { cli: ['evidencePath=no/such.csv'], cwd: root, notebookDir })).toThrow(
      /'evidencePath': file not found/,
    );
  });

  it('reads a JSON or YAML parameters file and resolves paths against the file', () => {
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, '.tmp', 'params-'));
    writeFileSync(join(dir, 'evidence.csv'), 'id\n1\n');
    writeFileSync(join(dir, 'p.yaml'), 'seed: 3\nevidencePath: evidence.csv\n');
    const v = resolveParameters(declared, { file: join(dir, 'p.yaml'), cwd: root, notebookDir });
    expect(v).toEqual({ seed: 3, evidencePath: join(dir, 'evidence.csv') });
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ seed: '3' }));
    expect(() => resolveParameters(declared, { file: join(dir, 'p.json'), cwd: root, notebookDir })).toThrow(/'seed' must be a number/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('only notes a missing default path (the notebook decides), but refuses a missing given path', () => {
    const d = notebookParameters(
      { cells: [{ cell_type: 'code', metadata: { tags: ['parameters'] }, source: "let benchDir = '../no/such/dir';\n" }] },
      'z.ipynb',
    );
    expect(resolveParameters(d, { cli: [], cwd: root, notebookDir })).toEqual({});
    expect(() => resolveParameters(d, { cli: ['benchDir=../no/such/dir'], cwd: root, notebookDir })).toThrow(/'benchDir': file not found/);
  });

  it('requires a parameters cell', () => {
    expect(() => notebookParameters({ cells: [] }, 'y.ipynb')).toThrow(/no cell tagged 'parameters'/);
  });
});
