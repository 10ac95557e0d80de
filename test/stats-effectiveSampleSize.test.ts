import { describe, expect, it } from 'vitest';
import { effectiveSampleSize } from '../src/stats/effectiveSampleSize';

describe('effectiveSampleSize (Kish design effect)', () => {
  it('gives n when units are independent and one unit per cluster when they are identical', () => {
    expect(effectiveSampleSize(300, 100, 0)).toBe(300);
    expect(effectiveSampleSize(300, 100, 1)).toBe(3);
    expect(effectiveSampleSize(300, 100, 0.1)).toBeCloseTo(300 / 10.9, 12);
    expect(effectiveSampleSize(5, 1, 1)).toBe(5); // clusters of one: no dependence to count
  });
  it('refuses a correlation outside [0, 1] or a cluster smaller than one', () => {
    expect(() => effectiveSampleSize(10, 2, 1.5)).toThrow(RangeError);
    expect(() => effectiveSampleSize(10, 0.5, 0.1)).toThrow(RangeError);
  });
});
