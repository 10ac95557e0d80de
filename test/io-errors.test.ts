import { describe, expect, it } from 'vitest';
import { EvidenceError, formatIssue, formatValue, IssueCollector } from '../src/io';

describe('EvidenceError', () => {
  it('lists every issue with file, row, column and value', () => {
    const err = new EvidenceError([
      { file: 'a.csv', row: 4, rowKind: 'line', column: 'age', value: '999', message: 'above the maximum 150' },
      { file: 'a.csv', message: 'whole-file problem' },
    ]);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('EvidenceError');
    expect(err.message).toBe(
      [
        '2 problems in a.csv (line = file line number, as a text editor shows it; in CSV/TSV the header is line 1 and the first data row line 2):',
        `  - a.csv line 4, column 'age', value "999": above the maximum 150`,
        '  - a.csv: whole-file problem',
      ].join('\n'),
    );
    expect(err.issues).toHaveLength(2);
  });

  it('accepts a single issue (the preamble form) and defaults the row word to "row"', () => {
    const err = new EvidenceError({ file: 'w.xlsx', row: 3, column: 'id', message: 'bad' });
    expect(err.message).toBe("1 problem in w.xlsx (row = sheet row number as shown in Excel):\n  - w.xlsx row 3, column 'id': bad");
  });

  it('shows null, numbers and long values readably', () => {
    expect(formatValue(null)).toBe('null');
    expect(formatValue(999)).toBe('999');
    expect(formatValue('a\tb')).toBe('"a\\tb"');
    expect(formatValue('x'.repeat(200))).toMatch(/…\(202 chars\)$/);
    expect(formatIssue({ file: 'f', value: undefined, message: 'm' })).toBe('f value undefined: m');
  });
});

describe('IssueCollector', () => {
  it('refuses beyond its limit and marks truncation only then', () => {
    const c = new IssueCollector(2);
    expect(c.add({ file: 'f', message: '1' })).toBe(true);
    expect(c.add({ file: 'f', message: '2' })).toBe(true);
    expect(c.truncated).toBe(false);
    expect(c.add({ file: 'f', message: '3' })).toBe(false);
    expect(c.truncated).toBe(true);
    expect(c.size).toBe(2);
    expect(() => c.throwIfAny()).toThrow(/^2\+ problems in f:/);
  });

  it('throws nothing when empty', () => {
    expect(() => new IssueCollector().throwIfAny()).not.toThrow();
  });
});
