import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../src/stats/quantileSorted';

describe('quantileSorted (Hyndman & Fan type 7)', () => {
  it('interpolates between order statistics like R quantile(type = 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([10], 0.9)).toBe(10);
    expect(quantileSorted([0, 10], 1)).toBe(10);
  });
  it('is NaN for no data and refuses p outside [0, 1]', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
  });
});
