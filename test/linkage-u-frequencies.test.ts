/**
 * u from value frequencies (issue 18): exact where the value pairs are few, sampled with a
 * stated standard error otherwise, independent of row order; the compiled record comparator
 * gives the levels of the plain predicates; the string kernels agree with src/text.
 */
import { describe, expect, it } from 'vitest';
import {
  PairLevelCache, canonicalOrder, compareValues, comparisonsFromSql, encodeValues, jaroStrcmp95, recordComparator, uFromFrequencies, uFromRandomPairs, withinOneEdit,
} from '../src/linkage';
import type { FieldInfo, SqlComparison } from '../src/linkage';
import { seededRandom, shuffleInPlace } from '../src/stats/random';
import { codePoints, jaroCodePoints, levenshtein } from '../src/text';

const sameDiff: FieldInfo = {
  name: 'x', description: 'x',
  levels: [{ label: 'same', description: 's', isNull: false }, { label: 'different', description: 'd', isNull: false }],
};

function words(n: number, seed: number): string[] {
  const rng = seededRandom(seed);
  const syll = ['an', 'bo', 'ca', 'de', 'el', 'fi', 'go', 'ha', 'in', 'jo', 'ka', 'li', 'mo', 'ne'];
  return Array.from({ length: n }, () => Array.from({ length: 2 + Math.floor(rng() * 3) }, () => syll[Math.floor(rng() * syll.length)]).join(''));
}

const nameComparison: SqlComparison = {
  name: 'name', description: 'name', columns: ['name'],
  levels: [
    { kind: 'null', label: 'missing', description: 'missing' },
    { kind: 'exact', label: 'same', description: 'same' },
    { kind: 'jaroWinkler', threshold: 0.9, label: 'jw 0.9', description: 'jw' },
    { kind: 'jaroWinkler', threshold: 0.8, label: 'jw 0.8', description: 'jw' },
    { kind: 'levenshtein', maxEdits: 2, label: 'two edits', description: 'lev <= 2' },
    { kind: 'else', label: 'different', description: 'else' },
  ],
};

describe('u from value frequencies', () => {
  it('worked example: exact when the value pairs are few', () => {
    const t = { left: Float64Array.of(2, 1), right: Float64Array.of(1, 3), level: (a: number, b: number) => (a === b ? 0 : 1) };
    const r = uFromFrequencies([sameDiff], [t], 'link', { seed: 1 });
    expect(r.u[0]![0]).toBeCloseTo(5 / 12, 12);
    expect(r.u[0]![1]).toBeCloseTo(7 / 12, 12);
    expect(r.samples).toEqual([0]);
    expect(Array.from(r.standardError[0]!)).toEqual([0, 0]);
  });

  it('sampled u is within 4 standard errors of u over all pairs, and the same whatever the row order', () => {
    const vocab = words(600, 2);
    const rng = seededRandom(9);
    const rows = Array.from({ length: 1500 }, () => ({ name: rng() < 0.05 ? null : vocab[Math.floor(rng() * rng() * vocab.length)]! }));
    const cmp = comparisonsFromSql<{ name: string | null }>([nameComparison]);
    const c1 = recordComparator(rows, null, cmp);
    const est = uFromFrequencies(c1.fields, c1.frequencies!(), 'dedupe', { seed: 4, exactPairs: 10 });
    expect(est.samples[0]).toBeGreaterThanOrEqual(10_000);
    const all = uFromRandomPairs(c1, { seed: 1, pairs: 2_000_000 }); // enumerates all 1,124,250 pairs
    for (let l = 1; l < 6; l++) {
      const se = est.standardError[0]![l]!;
      // 2e-5: uFromRandomPairs adds a 0.5 pseudo-count per level (over 1.1 M pairs)
      expect(Math.abs(est.u[0]![l]! - all.u[0]![l]!)).toBeLessThanOrEqual(4 * se + 2e-5);
    }
    const shuffled = shuffleInPlace(seededRandom(5), rows.slice()) as typeof rows;
    const c2 = recordComparator(shuffled, null, cmp);
    const est2 = uFromFrequencies(c2.fields, c2.frequencies!(), 'dedupe', { seed: 4, exactPairs: 10 });
    expect(Array.from(est2.u[0]!)).toEqual(Array.from(est.u[0]!));
  });

  it('the compiled record comparator gives the levels of the plain predicates', () => {
    const vocab = words(200, 3);
    const rng = seededRandom(6);
    const a = Array.from({ length: 300 }, () => ({ name: rng() < 0.1 ? null : vocab[Math.floor(rng() * 200)]! }));
    const b = Array.from({ length: 400 }, () => ({ name: rng() < 0.1 ? null : vocab[Math.floor(rng() * 200)]! }));
    const cmp = comparisonsFromSql<{ name: string | null }>([nameComparison]);
    const pl = Int32Array.from({ length: 5000 }, () => Math.floor(rng() * 300));
    const pr = Int32Array.from({ length: 5000 }, () => Math.floor(rng() * 400));
    const g = recordComparator(a, b, cmp).compare(pl, pr);
    const fresh = comparisonsFromSql<{ name: string | null }>([nameComparison])[0]!;
    for (let p = 0; p < 5000; p++) {
      const va = fresh.value(a[pl[p]!]!), vb = fresh.value(b[pr[p]!]!);
      expect(g[p]).toBe(fresh.levels.findIndex((l) => l.predicate(va, vb)));
    }
  });

  it('canonical order = sorting by compareValues, ties by id', () => {
    const rng = seededRandom(4);
    const pool: unknown[] = [null, undefined, 3, -1, 2.5, 'b', 'a', 'ab', ['x', 'y'], ['x', null], { k: 1 }, 'b', 3];
    const values = Array.from({ length: 200 }, () => pool[Math.floor(rng() * pool.length)]);
    const want = values.map((_, i) => i).sort((x, y) => compareValues(values[x], values[y]) || x - y);
    expect(Array.from(canonicalOrder(values))).toEqual(want);
  });

  it('value encoding and the pair-level cache', () => {
    const enc = encodeValues([['ann', 'bob', [1, 2]], ['ann', null, [1, 2]]]);
    expect(Array.from(enc.codes[0]!)).toEqual([0, 1, 2]);
    expect(Array.from(enc.codes[1]!)).toEqual([0, 3, 2]);
    let calls = 0;
    // 2,000 values: a dense table; 5,000: the hash table (grown from 1,024 slots, then reserved ahead).
    for (const values of [2000, 5000]) {
      calls = 0;
      const cache = new PairLevelCache(values, (x, y) => (calls++, (x * 7 + y) % 5), 4);
      for (let rep = 0; rep < 2; rep++) for (let x = 0; x < 60; x++) for (let y = 0; y < 60; y++) expect(cache.get(x * 30, y * 31)).toBe((x * 210 + y * 31) % 5);
      expect(calls).toBe(3600);
      cache.reserve(10_000);
      for (let x = 0; x < 60; x++) for (let y = 0; y < 60; y++) expect(cache.get(x * 30, y * 31)).toBe((x * 210 + y * 31) % 5);
      expect(calls).toBe(3600);
    }
  });

  it('string kernels: withinOneEdit = (levenshtein <= 1); jaroStrcmp95 = jaroCodePoints when transpositions are even', () => {
    const ws = words(300, 8);
    const rng = seededRandom(10);
    for (let k = 0; k < 3000; k++) {
      const x = ws[Math.floor(rng() * 300)]!;
      let y = ws[Math.floor(rng() * 300)]!;
      if (k % 3 === 0) y = x.slice(0, 2) + 'q' + x.slice(3);
      if (k % 3 === 1) y = x.slice(1);
      expect(withinOneEdit(codePoints(x), codePoints(y))).toBe(levenshtein(x, y) <= 1);
    }
    expect(jaroStrcmp95(codePoints('MARTHA'), codePoints('MARHTA'))).toBeCloseTo(jaroCodePoints(codePoints('MARTHA'), codePoints('MARHTA')), 12);
    expect(jaroStrcmp95(codePoints('erin'), codePoints('kieren'))).toBeCloseTo(0.8056, 4);
    expect(jaroCodePoints(codePoints('erin'), codePoints('kieren'))).toBeCloseTo(0.7639, 4);
  });
});
