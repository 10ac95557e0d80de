import { describe, expect, it } from 'vitest';
import { compareField, describeComparison, type Comparison } from '../src/compare/comparison';

type P = { name: string | null };
const cmp: Comparison<P, string | null> = {
  name: 'name',
  description: 'display name',
  value: (p) => p.name,
  levels: [
    { label: 'missing', isNull: true, description: 'either empty', predicate: (a, b) => !a || !b },
    { label: 'same', labelZh: '相同', description: 'identical', predicate: (a, b) => a === b },
    { label: 'different', description: 'else', predicate: () => true },
  ],
};

describe('compareField', () => {
  it('returns the first level that holds, in declared order', () => {
    expect(compareField(cmp, { name: '张伟' }, { name: '张伟' })).toBe(1);
    expect(compareField(cmp, { name: '张伟' }, { name: '张玮' })).toBe(2);
    expect(compareField(cmp, { name: null }, { name: null })).toBe(0);
  });
  it('throws when no level holds, naming the comparison', () => {
    const bad: Comparison<P> = { ...cmp, levels: cmp.levels.slice(0, 2) };
    expect(() => compareField(bad, { name: 'a' }, { name: 'b' })).toThrow(/comparison 'name'/);
  });
  it('describes its levels as rows for a report', () => {
    const rows = describeComparison(cmp);
    expect(rows.map((r) => r.label)).toEqual(['missing', 'same', 'different']);
    expect(rows[0]!.isNull).toBe(true);
    expect(rows[1]!.labelZh).toBe('相同');
  });
});
