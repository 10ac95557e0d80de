import { describe, expect, it } from 'vitest';
import { designEffect } from '../src/stats/designEffect';

describe('designEffect (Kish)', () => {
  it('is 1 for independent units and the cluster size when units in a cluster are identical', () => {
    expect(designEffect(100, 0)).toBe(1);
    expect(designEffect(100, 0.1)).toBeCloseTo(10.9, 12);
    expect(designEffect(100, 1)).toBe(100);
  });
  it('refuses a correlation outside [0, 1] or a cluster smaller than one', () => {
    expect(() => designEffect(100, -0.1)).toThrow(RangeError);
    expect(() => designEffect(0.5, 0.1)).toThrow(RangeError);
  });
});
