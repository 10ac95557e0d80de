import { describe, expect, it } from 'vitest';
import { logSumExp } from '../src/stats/logSumExp';

describe('logSumExp', () => {
  it('adds probabilities held as logs: ln(¼) ⊕ ln(¾) = 0', () => {
    expect(logSumExp([Math.log(0.25), Math.log(0.75)])).toBeCloseTo(0, 15);
  });
  it('does not underflow: two terms of e^−1000 give −1000 + ln 2', () => {
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logSumExp(new Float64Array([800, 800, 800]))).toBeCloseTo(800 + Math.log(3), 12);
  });
  it('handles empty input, −∞ terms and rejects NaN', () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, Math.log(2)])).toBeCloseTo(Math.LN2, 15);
    expect(() => logSumExp([1, NaN])).toThrow(RangeError);
  });
});
