import { describe, expect, it } from 'vitest';
import { ksExponentialStatistic, ksExponentialTest } from '../src/capacity/ks';
import { seededRandom } from '../src/stats/random';

describe('Kolmogorov-Smirnov vs exponential (Lilliefors 1969, Monte Carlo p)', () => {
  it('hand-checked D for equal gaps: 1 - e^-1 = 0.632', () => {
    // μ̂ = 1; at x = 1 the model CDF is 0.632 and the empirical CDF jumps from 0 to 1
    expect(ksExponentialStatistic([1, 1, 1, 1])).toBeCloseTo(1 - Math.exp(-1), 12);
  });
  it('uses a given mean when one is stated', () => {
    // gaps {1}, mean 2: F(1) = 1 - e^{-0.5} = 0.3935; D = max(1 - 0.3935, 0.3935) = 0.6065
    expect(ksExponentialStatistic([1], 2)).toBeCloseTo(Math.exp(-0.5), 12);
  });
  it('does not reject exponential gaps, rejects near-periodic ones', () => {
    const rng = seededRandom(3);
    const exp = Array.from({ length: 500 }, () => -5 * Math.log(1 - rng()));
    const t1 = ksExponentialTest(exp, { replicates: 199, seed: 1 });
    expect(t1.pValue).toBeGreaterThan(0.05);
    const periodic = Array.from({ length: 500 }, () => 5 * (0.9 + 0.2 * rng()));
    const t2 = ksExponentialTest(periodic, { replicates: 199, seed: 1 });
    expect(t2.d).toBeGreaterThan(0.3);
    expect(t2.pValue).toBe(1 / 200);
  });
  it('is reproducible for a seed', () => {
    const rng = seededRandom(4);
    const xs = Array.from({ length: 300 }, () => -Math.log(1 - rng()));
    expect(ksExponentialTest(xs, { seed: 9 })).toEqual(ksExponentialTest(xs, { seed: 9 }));
  });
});
