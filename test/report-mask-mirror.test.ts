import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskPhonesInText } from '../src/report/mask';

// One masker (issue 12): the notebook runner (Python) mirrors src/report/mask.ts; both must
// mask the same strings the same way. The runner's pattern is taken from its source text, so
// this needs only python3, not Jupyter.
const runner = readFileSync(join(__dirname, '..', 'scripts', 'execute_notebook.py'), 'utf8');
const pattern = /^MOBILE = re\.compile\((r".*")\)$/m.exec(runner)?.[1];

const CASES = [
  '13812345678', '138 1234 5678', '138-1234-5678', '+86 13812345678', '8613812345678', 'call 15900001111 now',
  '0.13812345678', '12812345678', '138123456789', 'a13812345678b', '王淼 13912345678、13712345678', 'no number', '1381234567',
  '2014-08-31 13:45', 'id p0013812345678',
];

describe('the Python runner masks mobile numbers exactly as src/report/mask.ts', () => {
  it('finds the pattern in the runner', () => {
    expect(pattern).toBeDefined();
  });
  it('gives the same masked text for every case', () => {
    const py = `import re, json, sys
MOBILE = re.compile(${pattern})
cases = json.loads(sys.stdin.read())
print(json.dumps([MOBILE.sub(lambda m: "%s%s****%s" % (m.group(1), m.group(2), m.group(4)), c) for c in cases], ensure_ascii=False))`;
    const r = spawnSync('python3', ['-c', py], { input: JSON.stringify(CASES), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const fromPython = JSON.parse(r.stdout) as string[];
    const fromTs = CASES.map(maskPhonesInText);
    // Separators and the '+' of a country code may be kept or dropped by either side; what must
    // agree is which digits show and which are hidden.
    const visible = (s: string) => s.replace(/[\s+-]/g, '');
    expect(fromPython.map(visible)).toEqual(fromTs.map(visible));
    expect(fromTs[0]).not.toContain('13812345678');
  });
});
