import { describe, expect, it } from 'vitest';
import { pivot } from '../src/report/pivot';

describe('pivot', () => {
  it('turns long rows into one row per key with one column per value of colKey', () => {
    const rows = [
      { f: 'city', m: 'vote', a: 0.5 }, { f: 'city', m: 'knn', a: 0.4 },
      { f: 'employer', m: 'vote', a: 0.2 },
    ];
    expect(pivot(rows, ['f'], 'm', 'a')).toEqual([{ f: 'city', vote: 0.5, knn: 0.4 }, { f: 'employer', vote: 0.2 }]);
  });
});
