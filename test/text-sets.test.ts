import { describe, expect, it } from 'vitest';
import { jaccard, overlapCoefficient } from '../src/text';

describe('jaccard and overlapCoefficient', () => {
  it('computes the textbook values', () => {
    expect(jaccard(['摄影', '旅行', '美食'], ['摄影', '旅行'])).toBeCloseTo(2 / 3, 12);
    expect(overlapCoefficient(['摄影', '旅行', '美食'], ['摄影', '旅行'])).toBe(1);
    expect(jaccard([1, 2], [3, 4])).toBe(0);
    expect(jaccard(new Set([1, 2, 3]), [2, 3, 4])).toBe(0.5);
  });
  it('ignores duplicates', () => {
    expect(jaccard(['a', 'a', 'b'], ['a', 'b'])).toBe(1);
  });
  it('is NaN when undefined', () => {
    expect(Number.isNaN(jaccard([], []))).toBe(true);
    expect(Number.isNaN(overlapCoefficient([], ['a']))).toBe(true);
    expect(jaccard([], ['a'])).toBe(0);
  });
});
