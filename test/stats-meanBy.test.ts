import { describe, expect, it } from 'vitest';
import { meanBy } from '../src/stats/meanBy';

describe('meanBy', () => {
  it('averages a column per group, in order of first appearance, with the count', () => {
    const rows = [{ m: 'vote', s: 1, a: 0.2 }, { m: 'knn', s: 1, a: 0.1 }, { m: 'vote', s: 1, a: 0.4 }, { m: 'vote', s: 2, a: 1 }];
    expect(meanBy(rows, ['m', 's'], 'a')).toEqual([
      { m: 'vote', s: 1, a: (0.2 + 0.4) / 2, repeats: 2 },
      { m: 'knn', s: 1, a: 0.1, repeats: 1 },
      { m: 'vote', s: 2, a: 1, repeats: 1 },
    ]);
  });
  it('gives nothing for no rows', () => {
    expect(meanBy([] as Array<{ a: number }>, [], 'a')).toEqual([]);
  });
});
