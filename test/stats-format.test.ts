import { describe, expect, it } from 'vitest';
import { formatLikelihoodRatio } from '../src/stats/formatLikelihoodRatio';
import { formatPowerOfTen } from '../src/stats/formatPowerOfTen';
import { formatProbability } from '../src/stats/formatProbability';

describe('formatProbability', () => {
  it('prints plain decimals from 0.001 up, scientific below, and "< 1e-16" under the floor', () => {
    expect(formatProbability(0.38249)).toBe('0.38');
    expect(formatProbability(0.0012345)).toBe('0.0012');
    expect(formatProbability(1)).toBe('1');
    expect(formatProbability(1.234e-6)).toBe('1.2 × 10^-6');
    expect(formatProbability(9.96e-5)).toBe('1.0 × 10^-4');
    expect(formatProbability(3e-20)).toBe('< 1e-16');
    expect(formatProbability(0)).toBe('< 1e-16');
    expect(formatProbability(1e-16)).toBe('1.0 × 10^-16');
  });
  it('honours digits and floor, and rejects values outside [0, 1]', () => {
    expect(formatProbability(0.123456, { digits: 4 })).toBe('0.1235');
    expect(formatProbability(1e-12, { floor: 1e-10 })).toBe('< 1e-10');
    expect(() => formatProbability(1.2)).toThrow(RangeError);
    expect(() => formatProbability(NaN)).toThrow(RangeError);
  });
});

describe('formatLikelihoodRatio', () => {
  it('prints large and small ratios in powers of ten, mid-range plainly with separators', () => {
    expect(formatLikelihoodRatio(1.234e6)).toBe('1.2 × 10^6');
    expect(formatLikelihoodRatio(1234)).toBe('1,200');
    expect(formatLikelihoodRatio(3.456)).toBe('3.5');
    expect(formatLikelihoodRatio(9996)).toBe('1.0 × 10^4');
    expect(formatLikelihoodRatio(0.05)).toBe('0.05');
    expect(formatLikelihoodRatio(2e-5)).toBe('2.0 × 10^-5');
    expect(formatLikelihoodRatio(0)).toBe('0');
    expect(formatLikelihoodRatio(Infinity)).toBe('∞');
    expect(() => formatLikelihoodRatio(-2)).toThrow(RangeError);
  });
});

describe('formatPowerOfTen', () => {
  it('formats from a log10 beyond double range and rolls the mantissa over', () => {
    expect(formatPowerOfTen(523.5)).toBe('3.2 × 10^523');
    expect(formatPowerOfTen(Math.log10(9.99e7))).toBe('1.0 × 10^8');
    expect(formatPowerOfTen(-7.3, 3)).toBe('5.01 × 10^-8');
    expect(() => formatPowerOfTen(Infinity)).toThrow(RangeError);
  });
});
