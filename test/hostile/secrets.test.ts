/**
 * Issue 16 item 1 (and items 7, 8, 14 for `report`): the HMAC key and a planted phone number
 * must appear in no output byte of the notebook runner (run information, .ipynb metadata,
 * stderr, failed notebooks), evidence errors inside notebooks exit 3 without echoing the
 * file's content, and a failed rerun keeps the previous report. The runner itself is exercised
 * in test/notebooks/hostile-runner.test.ts (it needs Jupyter: `npm run test:notebooks`); the
 * redaction helpers of the TypeScript side are unit-tested, and the two lists of secret names
 * (src/report/secrets.ts and its Python mirror) are checked to agree.
 */
import { readFileSync } from 'node:fs';
import { PLANTED_KEY, PLANTED_PHONE, RAW_PLANTED } from './helpers';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactParameters, scrubSecretValues, SECRET_NAME_ENDINGS, SECRET_PARAMETER_NAMES } from '../../src/report/secrets';

const root = join(__dirname, '..', '..');
const runner = join(root, 'scripts', 'execute_notebook.py');

/** Python list literal `NAME = [...]` of the runner, as strings. */
function pythonList(source: string, name: string): string[] {
  const m = new RegExp(`^${name} = \\[([^\\]]*)\\]`, 'm').exec(source);
  if (!m) throw new Error(`${name} not found in execute_notebook.py`);
  return [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
}

describe('one list of secret parameter names, mirrored by the notebook runner', () => {
  const py = readFileSync(runner, 'utf8');
  it('src/report/secrets.ts and scripts/execute_notebook.py list the same names and endings', () => {
    expect(pythonList(py, 'SECRET_PARAMETER_NAMES')).toEqual([...SECRET_PARAMETER_NAMES]);
    expect(pythonList(py, 'SECRET_NAME_ENDINGS')).toEqual([...SECRET_NAME_ENDINGS]);
  });
  it('redactParameters and scrubSecretValues (the CLI run information)', () => {
    const shown = redactParameters({ hmacKey: PLANTED_KEY, targetNumber: '139 1234 5678', nested: { apiToken: 'x1234', note: `n ${PLANTED_PHONE}` }, seed: 8 });
    expect(JSON.stringify(shown)).not.toContain(PLANTED_KEY);
    expect(JSON.stringify(shown)).not.toMatch(RAW_PLANTED);
    expect(shown).toMatchObject({ hmacKey: '<redacted>', targetNumber: '139****5678', seed: 8, nested: { apiToken: '<redacted>' } });
    expect(scrubSecretValues(`a ${PLANTED_KEY} b ${JSON.stringify(PLANTED_KEY)}`, [PLANTED_KEY])).not.toContain(PLANTED_KEY);
  });
});
