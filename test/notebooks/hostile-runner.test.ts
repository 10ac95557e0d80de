/**
 * Issue 16 item 1 (and items 7, 8, 14 for `report`), through the real notebook runner and a
 * tslab kernel: the HMAC key and a planted phone number appear in no output byte (run
 * information, .ipynb metadata, stderr, failed notebooks); evidence errors inside notebooks exit
 * 3 without echoing the file's content; a failed rerun keeps the previous report. Needs Jupyter:
 * `npm run test:notebooks` sets it up first, and nothing here is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSecretName } from '../../src/report/secrets';
import { PLANTED_KEY, PLANTED_PHONE, RAW_PLANTED } from '../hostile/helpers';

const root = join(__dirname, '..', '..');
const runner = join(root, 'scripts', 'execute_notebook.py');
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import nbclient, nbconvert'], { stdio: 'ignore' }).status === 0);

describe('the notebook runner withholds evidence content', () => {
  it('both classify the same names the same way', () => {
    const names = ['hmacKey', 'PP_HMAC_KEY', 'key', 'apiToken', 'password', 'keyFingerprint', 'targetNumber', 'seed', 'monkeyCount', 'booksPath'];
    const r = spawnSync(python ?? 'python3', ['-c', `import importlib.util,json,sys
spec=importlib.util.spec_from_file_location('r', ${JSON.stringify(runner)})
m=importlib.util.module_from_spec(spec)
try:
    spec.loader.exec_module(m)
except ImportError:
    sys.exit(5)
print(json.dumps([m.is_secret_name(n) for n in ${JSON.stringify(names)}]))`], { encoding: 'utf8' });
    expect(r.status, 'the runner must import (nbclient installed by npm run test:notebooks)').toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(names.map(isSecretName));
    expect(names.map(isSecretName)).toEqual([true, true, true, true, true, false, false, false, false, false]);
  });
  it('an evidence error is withheld to file, row, column and words: no value, no header text', () => {
    const text = [
      "EvidenceError: 2 problems in /etc/passwd.csv (line = file line number, as a text editor shows it; in CSV/TSV the header is line 1 and the first data row line 2):",
      "  - /etc/passwd.csv column 'id': missing column 'id' (schema 't'); columns found: 'root:x:0:0:root:/root:/bin/bash'",
      '  - /etc/passwd.csv line 2, column \'age\', value "daemon:x:1:1: SECRET": not an integer (plain digits expected) [integer]',
      '    at readTable (/x/dist/io/readTable.js:1:1)',
    ].join('\n');
    const r = spawnSync(python ?? 'python3', ['-c', `import importlib.util,sys
spec=importlib.util.spec_from_file_location('r', ${JSON.stringify(runner)})
m=importlib.util.module_from_spec(spec)
try:
    spec.loader.exec_module(m)
except ImportError:
    sys.exit(5)
sys.stdout.write(m.withhold_evidence(sys.stdin.read()))`], { encoding: 'utf8', input: text });
    expect(r.status, 'the runner must import (nbclient installed by npm run test:notebooks)').toBe(0);
    expect(r.stdout).toContain('/etc/passwd.csv');
    expect(r.stdout).toContain("line 2, column 'age': not an integer");
    expect(r.stdout).toContain("missing column 'id'");
    expect(r.stdout).not.toMatch(/root:x|daemon|SECRET|readTable \(/);
  });
});

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({ cell_type: 'code', execution_count: null, id: `c${i}`, outputs: [], source, metadata: i === 0 ? { tags: ['parameters'] } : {} })),
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' }, language_info: { name: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

function run(dir: string, cells: string[], params: Record<string, unknown>) {
  const nbPath = join(dir, 'case.ipynb');
  writeFileSync(nbPath, notebook(cells));
  const env = {
    ...process.env,
    JUPYTER_PATH: join(root, '.jupyter-local'),
    JUPYTER_DATA_DIR: join(root, '.jupyter-local', 'data'),
    JUPYTER_RUNTIME_DIR: join(root, '.jupyter-local', 'runtime'),
  };
  const r = spawnSync(python!, [runner, nbPath, '--out-dir', join(dir, 'out'), '--name', 'case', '--params-json', JSON.stringify(params)], { encoding: 'utf8', env, timeout: 180_000 });
  return { status: r.status, stderr: r.stderr };
}

/** Every byte the runner wrote under out/, as text. */
function everything(dir: string): string {
  const out = join(dir, 'out');
  const files = ['case.html', 'case.ipynb', join('failed', 'case.ipynb')].map((f) => join(out, f)).filter(existsSync);
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

describe('the notebook runner with a planted key and phone number in every parameter', () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'hostile-nb-'));
  made.push(dir);
  const params = { hmacKey: PLANTED_KEY, apiToken: `${PLANTED_KEY}-2`, targetNumber: '139 1234 5678', note: `call ${PLANTED_PHONE}`, label: PLANTED_PHONE };
  const parameters = "let hmacKey = 'default secret value';\nlet apiToken = '';\nlet targetNumber = '';\nlet note = '';\nlet label = '';";

  it('a successful run: no key and no raw number in the HTML, the .ipynb or its metadata', () => {
    const r = run(dir, [
      parameters,
      // A careless notebook printing everything: the runner still scrubs it.
      "console.log('key', hmacKey, apiToken, 'target', targetNumber, note, label);",
      "import * as pp from 'profile-provenance';\npp.report.showTable([{ id: label, note: note, target: targetNumber }]);",
    ], params);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain(PLANTED_KEY);
    const all = everything(dir);
    expect(all).not.toContain(PLANTED_KEY);
    expect(all).not.toContain('default secret value');
    expect(all).not.toMatch(RAW_PLANTED);
    expect(all).toContain('139****5678');
    const meta = JSON.parse(readFileSync(join(dir, 'out', 'case.ipynb'), 'utf8')).metadata.profile_provenance.parameters;
    expect(meta).toMatchObject({ hmacKey: '<redacted>', apiToken: '<redacted>', targetNumber: '139****5678' });
  });

  it('a failing rerun: nothing on stderr or in the failed notebook, and the previous report is kept', () => {
    const before = readFileSync(join(dir, 'out', 'case.html'), 'utf8');
    const r = run(dir, [parameters, "throw new Error('failed with ' + hmacKey + ' for ' + targetNumber + ' ' + label);"], params);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('failed with');
    expect(r.stderr).not.toContain(PLANTED_KEY);
    expect(r.stderr).not.toMatch(RAW_PLANTED);
    expect(existsSync(join(dir, 'out', 'failed', 'case.ipynb'))).toBe(true);
    expect(everything(dir)).not.toContain(PLANTED_KEY);
    expect(everything(dir)).not.toMatch(RAW_PLANTED);
    expect(readFileSync(join(dir, 'out', 'case.html'), 'utf8')).toBe(before);
  });

  it('an evidence error exits 3, names the file and echoes none of its content', () => {
    const evidence = join(dir, 'passwd.csv');
    writeFileSync(evidence, `id,age\nu1,root:x:0:0:${PLANTED_PHONE}:/bin/bash\n`);
    const r = run(dir, [
      "let evidencePath = '';",
      "import * as pp from 'profile-provenance';\nawait pp.io.readTable(evidencePath, { name: 't', columns: [{ name: 'id', type: 'string' }, { name: 'age', type: 'integer' }] });",
    ], { evidencePath: evidence });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('passwd.csv');
    expect(r.stderr).toMatch(/line 2, column 'age'/);
    expect(r.stderr).not.toMatch(/root:x|bin\/bash/);
    const failed = readFileSync(join(dir, 'out', 'failed', 'case.ipynb'), 'utf8');
    expect(failed).not.toMatch(/root:x|bin\/bash/);
    expect(failed).not.toMatch(RAW_PLANTED);
  });
});