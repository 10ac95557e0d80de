import { describe, expect, it } from 'vitest';
import { poissonCdf } from '../src/stats/poissonCdf';
import { poissonPmf } from '../src/stats/poissonPmf';
import { regularizedGammaP } from '../src/stats/regularizedGammaP';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('poissonPmf (Loader 2000)', () => {
  it('dpois(2, 3) = 4.5 e^−3 and dpois(1000, 1000) = 0.012614611348721499718 (30-digit arithmetic)', () => {
    expect(poissonPmf(2, 3)).toBeCloseTo(4.5 * Math.exp(-3), 15);
    expect(rel(poissonPmf(1000, 1000), 0.012614611348721499718)).toBeLessThan(1e-13);
    expect(poissonPmf(0, 0)).toBe(1);
    expect(poissonPmf(-1, 2)).toBe(0);
    expect(poissonPmf(1.5, 2)).toBe(0);
  });
});

describe('poissonCdf (via the regularized incomplete gamma function)', () => {
  it('ppois(2, 3) = 8.5 e^−3; ppois(1000, 1000) = 0.50840936716850599121; ppois(900, 1000) = 6.9776732779630678e-4', () => {
    expect(poissonCdf(2, 3)).toBeCloseTo(8.5 * Math.exp(-3), 15);
    expect(rel(poissonCdf(1000, 1000), 0.50840936716850599121)).toBeLessThan(1e-12);
    expect(rel(poissonCdf(900, 1000), 6.9776732779630678213e-4)).toBeLessThan(1e-11);
  });
  it('upper tail keeps precision: P(X > 50 | λ = 10) = 3.6200015809231512e-20', () => {
    expect(rel(poissonCdf(50, 10, false), 3.6200015809231511968e-20)).toBeLessThan(1e-11);
  });
  it('agrees with summed pmfs', () => {
    let cum = 0;
    for (let k = 0; k <= 60; k++) {
      cum += poissonPmf(k, 23.5);
      expect(poissonCdf(k, 23.5)).toBeCloseTo(cum, 13);
    }
    expect(poissonCdf(-1, 2)).toBe(0);
    expect(() => poissonCdf(1, -2)).toThrow(RangeError);
  });
});

describe('regularizedGammaP (NR §6.2)', () => {
  it('P(1, x) = 1 − e^−x; Q(½, x²) = erfc(x); series/continued-fraction switch is seamless', () => {
    for (const x of [0.01, 0.5, 1.99, 2.01, 7]) expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 15);
    // erfc(1) = 0.15729920705028513 (A&S Table 7.1)
    expect(regularizedGammaP(0.5, 1, false)).toBeCloseTo(0.15729920705028513, 15);
    const a = 5;
    expect(regularizedGammaP(a, a + 1 - 1e-9)).toBeCloseTo(regularizedGammaP(a, a + 1 + 1e-9), 8);
  });
});
