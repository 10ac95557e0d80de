import { describe, expect, it } from 'vitest';
import { codeFrequencies } from '../src/linkage/compare';
import { seededRandom } from '../src/stats/random';

describe('codeFrequencies: distinct codes in ascending order with their counts per side', () => {
  it('gives the worked example', () => {
    const r = codeFrequencies(Int32Array.of(5, -1, 5), Int32Array.of(7));
    expect(Array.from(r.codes)).toEqual([-1, 5, 7]);
    expect(Array.from(r.left)).toEqual([1, 2, 0]);
    expect(Array.from(r.right)).toEqual([0, 0, 1]);
  });
  it('counting and sorting give the same result, one table or two, dense or sparse codes', () => {
    const rng = seededRandom(11);
    for (const spread of [10, 1000, 1e9]) {
      const col = (n: number) => Int32Array.from({ length: n }, () => (rng() < 0.1 ? -1 : Math.floor(rng() * spread)));
      const l = col(5000), r = col(300);
      for (const right of [r, null]) {
        // Counting allocates the span: forced only where the span is small.
        const a = codeFrequencies(l, right, spread <= 1000 ? 'count' : 'sort');
        const b = codeFrequencies(l, right, 'sort');
        const c = codeFrequencies(l, right);
        for (const x of [b, c]) {
          expect(Array.from(x.codes)).toEqual(Array.from(a.codes));
          expect(Array.from(x.left)).toEqual(Array.from(a.left));
          expect(Array.from(x.right)).toEqual(Array.from(a.right));
        }
        expect(a.left.reduce((s, v) => s + v, 0)).toBe(5000);
        if (right === null) expect(a.right).toBe(a.left);
      }
    }
  });
});
