/** Comparison vectors from the matching area's `Comparison` declarations and from integer codes. */
import { describe, expect, it } from 'vitest';
import { codeLevels, columnComparator, recordComparator } from '../src/linkage';
import { compareField } from '../src/compare/comparison';
import type { Comparison } from '../src/compare/comparison';

interface P { name: string | null; age: number | null }
const nameCmp: Comparison<P, string | null> = {
  name: 'name', description: 'name', value: (p) => p.name,
  levels: [
    { label: 'missing', isNull: true, description: 'empty', predicate: (a, b) => !a || !b },
    { label: 'same', description: 'equal', predicate: (a, b) => a === b },
    { label: 'same surname', description: 'first character equal', predicate: (a, b) => a![0] === b![0] },
    { label: 'different', description: 'else', predicate: () => true },
  ],
};
const ageCmp: Comparison<P, number | null> = {
  name: 'age', description: 'age', value: (p) => p.age,
  levels: [
    { label: 'missing', isNull: true, description: 'empty', predicate: (a, b) => a === null || b === null },
    { label: 'within 1', description: '|a-b|<=1', predicate: (a, b) => Math.abs(a! - b!) <= 1 },
    { label: 'different', description: 'else', predicate: () => true },
  ],
};

describe('comparators', () => {
  const left: P[] = [{ name: '王伟', age: 30 }, { name: '李娜', age: null }, { name: '', age: 41 }];
  const right: P[] = [{ name: '王伟', age: 31 }, { name: '王芳', age: 50 }];

  it('record comparator gives compareField of every declared comparison', () => {
    const cmp = recordComparator(left, right, [nameCmp, ageCmp]);
    const pl = Int32Array.of(0, 0, 1, 2), pr = Int32Array.of(0, 1, 1, 0);
    const g = cmp.compare(pl, pr);
    for (let p = 0; p < 4; p++) {
      expect(g[p * 2]).toBe(compareField(nameCmp, left[pl[p]!]!, right[pr[p]!]!));
      expect(g[p * 2 + 1]).toBe(compareField(ageCmp, left[pl[p]!]!, right[pr[p]!]!));
    }
    expect(Array.from(g)).toEqual([1, 1, 2, 2, 3, 0, 0, 2]);
    expect(cmp.fields[0]!.levels.map((l) => l.isNull)).toEqual([true, false, false, false]);
  });

  it('errors: pairs outside the tables, a level list without catch-all, too few levels', () => {
    const cmp = recordComparator(left, right, [nameCmp]);
    expect(() => cmp.compare(Int32Array.of(5), Int32Array.of(0))).toThrow(/outside the tables/);
    const noCatchAll = { ...nameCmp, levels: nameCmp.levels.slice(0, 3) };
    expect(() => recordComparator(left, right, [noCatchAll]).compare(Int32Array.of(1), Int32Array.of(0))).toThrow(/no level matched/);
    expect(() => recordComparator(left, right, [{ ...nameCmp, levels: nameCmp.levels.slice(0, 1) }])).toThrow(/at least two levels/);
    expect(() => recordComparator(left, right, [nameCmp, nameCmp])).toThrow(/used twice/);
    expect(() => recordComparator(left, right, [nameCmp], { termFrequency: ['nope'] })).toThrow(/no comparison named 'nope'/);
  });

  it('column comparator: inline tests and lookup tables; row-major and column paths agree', () => {
    const pinyin = Int32Array.of(0, 0, 1, -1); // codes 0 and 1 sound alike
    const levels = codeLevels([{ label: 'homophone', description: 'same pinyin key', key: pinyin }]);
    const L = { size: 3, columns: { name: Int32Array.of(0, 2, -1) } };
    const R = { size: 4, columns: { name: Int32Array.of(1, 2, 3, 0) } };
    const cmp = columnComparator(L, R, [{ name: 'name', description: 'name code', column: 'name', levels }]);
    const few = cmp.compare(Int32Array.of(0, 1, 2, 0), Int32Array.of(0, 1, 1, 2)); // column path
    expect(Array.from(few)).toEqual([2, 1, 0, 3]);
    const pl = new Int32Array(40), pr = new Int32Array(40);
    for (let p = 0; p < 40; p++) { pl[p] = p % 3; pr[p] = (p * 7) % 4; }
    const many = cmp.compare(pl, pr); // row-major path (40 * 4 >= 7 rows)
    for (let p = 0; p < 40; p++) {
      const a = L.columns.name[pl[p]!]!, b = R.columns.name[pr[p]!]!;
      let k = 0;
      while (!levels[k]!.predicate(a, b)) k++;
      expect(many[p]).toBe(k);
    }
  });

  it('column comparator refuses a test that contradicts its predicate, and bad columns', () => {
    const L = { size: 2, columns: { x: Int32Array.of(4, 5) } };
    const liar = [{
      name: 'x', description: 'x', column: 'x',
      levels: [
        { label: 'missing', isNull: true, description: 'm', predicate: (a: number, b: number) => a < 0 || b < 0, test: { op: 'missing' as const } },
        { label: 'same', description: 'equal', predicate: (a: number, b: number) => a === b, test: { op: 'equalDiv' as const, divisor: 2 } },
        { label: 'different', description: 'else', predicate: () => true, test: { op: 'always' as const } },
      ],
    }];
    expect(() => columnComparator(L, L, liar)).toThrow(/inline test and the predicate disagree/);
    expect(() => columnComparator(L, { size: 2, columns: {} }, [{ ...liar[0]!, levels: codeLevels() }])).toThrow(/no Int32Array column 'x'/);
    expect(() => columnComparator({ size: 3, columns: { x: Int32Array.of(1) } }, null, [{ ...liar[0]!, levels: codeLevels() }])).toThrow(/1 rows, table size is 3/);
  });
});
