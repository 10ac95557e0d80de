/**
 * Blocking: counts before comparing (sum over blocks of left x right, Fellegi & Sunter 1969 sec. 6;
 * Christen 2012 ch. 4), the union of rules without duplicate pairs (Splink's rule), the cap that
 * refuses an explosion, and errors on bad declarations.
 */
import { describe, expect, it } from 'vitest';
import {
  BlockingCapError, countCandidatePairs, generateCandidatePairs, prepareKeyBlocking, prepareRecordBlocking,
} from '../src/linkage';
import type { BlockingRule } from '../src/linkage';
import { blockingCapMessage, blockingTable } from '../src/linkage/blocking';

interface P { name: string | null; city: string | null }
const left: P[] = [
  { name: '王伟', city: '北京' }, { name: '王伟', city: '上海' }, { name: '李娜', city: '北京' }, { name: null, city: '北京' },
];
const right: P[] = [
  { name: '王伟', city: '北京' }, { name: '王伟', city: '北京' }, { name: '王伟', city: '深圳' }, { name: '李娜', city: null }, { name: '张伟', city: '上海' },
];
const rules: BlockingRule<P>[] = [
  { name: 'name', description: 'same name', key: (p) => p.name },
  { name: 'city', description: 'same city', key: (p) => p.city },
];

function brute(l: P[], r: P[], rs: BlockingRule<P>[]): Set<string> {
  const s = new Set<string>();
  l.forEach((a, i) => r.forEach((b, j) => {
    if (rs.some((rule) => { const ka = rule.key(a), kb = rule.key(b); return ka != null && ka !== '' && ka === kb; })) s.add(`${i},${j}`);
  }));
  return s;
}

describe('blocking', () => {
  it('counts pairs per rule before generating any: name 2x3 + 1x1 = 7, city 3x2 + 1x1 = 7', () => {
    const prepared = prepareRecordBlocking(left, right, rules);
    const counts = countCandidatePairs(prepared);
    expect(counts.map((c) => c.pairs)).toEqual([7, 7]);
    expect(counts[0]!.largestBlocks[0]).toEqual({ key: '王伟', left: 2, right: 3, pairs: 6 });
    expect(counts[0]!.leftWithoutKey).toBe(1);
    expect(counts[1]!.rightWithoutKey).toBe(1);
    expect(counts[0]!.newPairs).toBeUndefined(); // not known until generated
  });

  it('generates the union of the rules, each pair once, equal to a brute-force check', () => {
    const pairs = generateCandidatePairs(prepareRecordBlocking(left, right, rules));
    const got = new Set(Array.from(pairs.left, (i, p) => `${i},${pairs.right[p]}`));
    expect(got.size).toBe(pairs.left.length); // no duplicates
    expect(got).toEqual(brute(left, right, rules));
    // rule 'city' only adds pairs that 'name' did not find: (0,0),(0,1) are found by name first
    expect(pairs.counts[0]!.newPairs).toBe(7);
    expect(pairs.counts[1]!.newPairs).toBe(got.size - 7);
    expect(Array.from(pairs.rule).filter((r) => r === 1).length).toBe(pairs.counts[1]!.newPairs);
  });

  it('dedupe mode pairs rows i < j within one table', () => {
    const rows: P[] = [...left, ...right];
    const pairs = generateCandidatePairs(prepareRecordBlocking(rows, null, rules));
    for (let p = 0; p < pairs.left.length; p++) expect(pairs.left[p]!).toBeLessThan(pairs.right[p]!);
    const names = countCandidatePairs(prepareRecordBlocking(rows, null, rules))[0]!;
    expect(names.pairs).toBe((5 * 4) / 2 + 1); // five 王伟 -> 10 pairs, two 李娜 -> 1
  });

  it('integer key columns give the same pairs as record keys', () => {
    const code = (s: string | null) => (s === null ? -1 : ['王伟', '李娜', '张伟', '北京', '上海', '深圳'].indexOf(s));
    const keyRules = rules.map((r) => ({
      name: r.name, description: r.description,
      left: Float64Array.from(left, (p) => code(r.key(p) as string | null)),
      right: Float64Array.from(right, (p) => code(r.key(p) as string | null)),
    }));
    const a = generateCandidatePairs(prepareKeyBlocking(keyRules, { mode: 'link', leftSize: 4, rightSize: 5 }));
    const b = generateCandidatePairs(prepareRecordBlocking(left, right, rules));
    expect(new Set(Array.from(a.left, (i, p) => `${i},${a.right[p]}`))).toEqual(new Set(Array.from(b.left, (i, p) => `${i},${b.right[p]}`)));
  });

  it('refuses above the cap, before comparing, naming the rule and its largest block', () => {
    const prepared = prepareRecordBlocking(left, right, rules);
    let err: unknown;
    try {
      generateCandidatePairs(prepared, { maxPairs: 10 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BlockingCapError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/up to 14 candidate pairs, above the cap of 10/);
    expect(msg).toMatch(/rule 'name'.*largest block '王\*' = 2 x 3 = 6 pairs/);
    expect((err as BlockingCapError).counts.map((c) => c.pairs)).toEqual([7, 7]);
    expect(generateCandidatePairs(prepared, { maxPairs: 14 }).left.length).toBeGreaterThan(0);
  });

  it('rejects bad declarations and bad keys', () => {
    expect(() => prepareRecordBlocking(left, right, [])).toThrow(/at least one rule/);
    expect(() => prepareRecordBlocking(left, right, [rules[0]!, rules[0]!])).toThrow(/used twice/);
    expect(() => prepareRecordBlocking(left, right, [{ name: 'x', description: '', key: () => 1 }])).toThrow(/no description/);
    const bad = { name: 'k', description: 'key', left: Float64Array.of(1, 2), right: Float64Array.of(1) };
    expect(() => prepareKeyBlocking([bad], { mode: 'link', leftSize: 2, rightSize: 2 })).toThrow(/1 right keys for 2 right rows/);
    const frac = { name: 'k', description: 'key', left: Float64Array.of(1.5), right: Float64Array.of(1) };
    expect(() => prepareKeyBlocking([frac], { mode: 'link', leftSize: 1, rightSize: 1 })).toThrow(/left key at row 0 is 1.5/);
    expect(() => generateCandidatePairs(prepareRecordBlocking(left, right, rules), { maxPairs: -1 })).toThrow(/maxPairs/);
  });
});

describe('blocking tables mask personal block keys', () => {
  it('masks the name rule key unless unmasked; other rules show their key', () => {
    const counts = [
      { rule: 'name', description: 'same name', pairs: 64, blocks: 1, largestBlocks: [{ key: '张伟', left: 8, right: 8, pairs: 64 }] },
      { rule: 'school+surname', description: 'school', pairs: 4, blocks: 1, largestBlocks: [{ key: '北京大学|张', left: 2, right: 2, pairs: 4 }] },
    ] as never;
    const rows = blockingTable(counts);
    expect(rows[0]!['largest block']).toBe('张* (8 x 8)');
    expect(rows[1]!['largest block']).toBe('北京大学|张 (2 x 2)');
    expect(blockingTable(counts, { unmasked: true })[0]!['largest block']).toBe('张伟 (8 x 8)');
    expect(blockingCapMessage(counts, 10)).not.toContain('张伟');
  });
});
