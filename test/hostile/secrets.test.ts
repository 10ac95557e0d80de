/**
 * Issue 16 item 1 (and items 7, 8, 14 for `report`): the HMAC key and a planted phone number
 * must appear in no output byte of the notebook runner (run information, .ipynb metadata,
 * stderr, failed notebooks), evidence errors inside notebooks exit 3 without echoing the
 * file's content, and a failed rerun keeps the previous report. The runner is exercised on a
 * tiny synthetic notebook with a real tslab kernel (affordable on a shared machine); the
 * redaction helpers of the TypeScript side are unit-tested, and the two lists of secret names
 * (src/report/secrets.ts and its Python mirror) are checked to agree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSecretName, redactParameters, scrubSecretValues, SECRET_NAME_ENDINGS, SECRET_PARAMETER_NAMES } from '../../src/report/secrets';
import { canRunNotebooks, executeNotebook, notebookPython, ROOT, RUNNER, syntheticNotebook } from '../notebook-helpers';
import { PLANTED_KEY, PLANTED_PHONE, RAW_PLANTED } from './helpers';

const root = ROOT;
const runner = RUNNER;
const python = notebookPython;
const canRun = canRunNotebooks && existsSync(join(root, 'dist', 'index.js'));
if (!canRun) console.warn('hostile/secrets runner tests skipped: run `npm run build` and `npm run reproduce` once (Jupyter, tslab kernelspec)');

/** Python list literal `NAME = [...]` of the runner, as strings. */
function pythonList(source: string, name: string): string[] {
  const m = new RegExp(`^${name} = \\[([^\\]]*)\\]`, 'm').exec(source);
  if (!m) throw new Error(`${name} not found in execute_notebook.py`);
  return [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
}

/** Run `code` with the runner loaded as module `m`; undefined when Jupyter's Python modules are missing. */
function withRunner(code: string, input?: string): string | undefined {
  const r = spawnSync(python ?? 'python3', ['-c', `import importlib.util,json,sys
spec=importlib.util.spec_from_file_location('r', ${JSON.stringify(runner)})
m=importlib.util.module_from_spec(spec)
try:
    spec.loader.exec_module(m)
except ImportError:
    sys.exit(5)
${code}`], { encoding: 'utf8', input });
  if (r.status === 5) return void console.warn('python side skipped: nbclient not installed');
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('one list of secret parameter names, mirrored by the notebook runner', () => {
  const py = readFileSync(runner, 'utf8');
  it('src/report/secrets.ts and scripts/execute_notebook.py list the same names and endings', () => {
    expect(pythonList(py, 'SECRET_PARAMETER_NAMES')).toEqual([...SECRET_PARAMETER_NAMES]);
    expect(pythonList(py, 'SECRET_NAME_ENDINGS')).toEqual([...SECRET_NAME_ENDINGS]);
  });
  it('both classify the same names the same way', () => {
    const names = ['hmacKey', 'PP_HMAC_KEY', 'key', 'apiToken', 'password', 'keyFingerprint', 'targetNumber', 'seed', 'monkeyCount', 'booksPath'];
    const out = withRunner(`print(json.dumps([m.is_secret_name(n) for n in ${JSON.stringify(names)}]))`);
    if (out !== undefined) expect(JSON.parse(out)).toEqual(names.map(isSecretName));
    expect(names.map(isSecretName)).toEqual([true, true, true, true, true, false, false, false, false, false]);
  });
  it('redactParameters and scrubSecretValues (the CLI run information)', () => {
    const shown = redactParameters({ hmacKey: PLANTED_KEY, targetNumber: '139 1234 5678', nested: { apiToken: 'x1234', note: `n ${PLANTED_PHONE}` }, seed: 8 });
    expect(JSON.stringify(shown)).not.toContain(PLANTED_KEY);
    expect(JSON.stringify(shown)).not.toMatch(RAW_PLANTED);
    expect(shown).toMatchObject({ hmacKey: '<redacted>', targetNumber: '139****5678', seed: 8, nested: { apiToken: '<redacted>' } });
    expect(scrubSecretValues(`a ${PLANTED_KEY} b ${JSON.stringify(PLANTED_KEY)}`, [PLANTED_KEY])).not.toContain(PLANTED_KEY);
  });
  it('an evidence error is withheld to file, row, column and words: no value, no header text', () => {
    const text = [
      "EvidenceError: 2 problems in /etc/passwd.csv (line = file line number, as a text editor shows it; in CSV/TSV the header is line 1 and the first data row line 2):",
      "  - /etc/passwd.csv column 'id': missing column 'id' (schema 't'); columns found: 'root:x:0:0:root:/root:/bin/bash'",
      '  - /etc/passwd.csv line 2, column \'age\', value "daemon:x:1:1: SECRET": not an integer (plain digits expected) [integer]',
      '    at readTable (/x/dist/io/readTable.js:1:1)',
    ].join('\n');
    const out = withRunner('sys.stdout.write(m.withhold_evidence(sys.stdin.read()))', text);
    if (out === undefined) return;
    expect(out).toContain('/etc/passwd.csv');
    expect(out).toContain("line 2, column 'age': not an integer");
    expect(out).toContain("missing column 'id'");
    expect(out).not.toMatch(/root:x|daemon|SECRET|readTable \(/);
  });
});

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function run(dir: string, cells: string[], params: Record<string, unknown>) {
  return executeNotebook(dir, syntheticNotebook(cells), params);
}

/** Every byte the runner wrote under out/, as text. */
function everything(dir: string): string {
  const out = join(dir, 'out');
  const files = ['case.html', 'case.ipynb', join('failed', 'case.ipynb')].map((f) => join(out, f)).filter(existsSync);
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

// Each case starts a tslab kernel: a generous allowance for a loaded machine, not a speed check.
describe.runIf(canRun)('the notebook runner with a planted key and phone number in every parameter', { timeout: 180_000 }, () => {
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
