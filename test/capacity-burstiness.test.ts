import { describe, expect, it } from 'vitest';
import { burstiness, burstinessFromMoments, coefficientOfVariation, meanSd } from '../src/capacity/burstiness';
import { seededRandom } from '../src/stats/random';

// Goh & Barabási, EPL 81 (2008) 48002: B = (σ - μ)/(σ + μ); -1 periodic, 0 Poisson.
describe('burstiness (Goh & Barabási 2008)', () => {
  it('is -1 for a periodic sequence', () => {
    expect(burstiness([10, 10, 10, 10])).toBe(-1);
  });
  it('hand-checked: gaps 1 and 3 give μ = 2, σ = 1, B = -1/3, CV = 0.5', () => {
    expect(meanSd([1, 3])).toEqual({ n: 2, mean: 2, sd: 1 });
    expect(burstiness([1, 3])).toBeCloseTo(-1 / 3, 12);
    expect(coefficientOfVariation([1, 3])).toBe(0.5);
    expect(burstinessFromMoments(2, 1)).toBeCloseTo(-1 / 3, 12);
  });
  it('is near 0 for exponential gaps (Poisson process) and positive for heavy tails', () => {
    const rng = seededRandom(11);
    const exp = Array.from({ length: 200_000 }, () => -Math.log(1 - rng()));
    expect(Math.abs(burstiness(exp))).toBeLessThan(0.01);
    expect(coefficientOfVariation(exp)).toBeCloseTo(1, 1);
    // log-normal σ = 1.5: CV = sqrt(e^{2.25} - 1) = 2.91, B = 1.91/3.91 = 0.49
    const rng2 = seededRandom(12);
    const ln = Array.from({ length: 200_000 }, () => {
      const u = 1 - rng2();
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng2());
      return Math.exp(1.5 * z);
    });
    expect(burstiness(ln)).toBeGreaterThan(0.4);
  });
  it('is NaN for empty or all-zero input', () => {
    expect(burstiness([])).toBeNaN();
    expect(burstiness([0, 0])).toBeNaN();
  });
});
