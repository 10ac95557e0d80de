import { describe, expect, it } from 'vitest';
import { likelihoodRatios, uFromCounts, verbalFromLog10, type LevelMatrix } from '../src/matching';

// Two fields, levels [missing, same, different] each.
function matrix(levels: number[][]): LevelMatrix {
  const grades = [['missing', 'same', 'different'], ['missing', 'same', 'different']] as LevelMatrix['grades'];
  return {
    fields: ['a', 'b'], levels: Uint8Array.from(levels.flat()), grades,
    labels: [['missing', 'same', 'different'], ['missing', 'same', 'different']],
    ids: levels.map((_, i) => `p${i}`), uploaders: levels.map(() => 'U1'), shown: Uint32Array.from(levels, () => 3),
  };
}

describe('likelihoodRatios with fixed m and u (Fellegi-Sunter)', () => {
  const u = [[NaN, 0.01, 0.99], [NaN, 0.1, 0.9]];
  const m = [[NaN, 0.9, 0.1], [NaN, 0.8, 0.2]];
  const mx = matrix([[1, 1], [1, 2], [0, 1], [2, 2]]);
  const r = likelihoodRatios(mx, u, { m, lambda: 0.5 });
  it('multiplies m/u over non-null fields', () => {
    expect(r.profiles[0]!.log10Lr).toBeCloseTo(Math.log10((0.9 / 0.01) * (0.8 / 0.1)), 10); // 720
    expect(r.profiles[1]!.log10Lr).toBeCloseTo(Math.log10((0.9 / 0.01) * (0.2 / 0.9)), 10); // 20
    expect(r.profiles[3]!.log10Lr).toBeCloseTo(Math.log10((0.1 / 0.99) * (0.2 / 0.9)), 10);
  });
  it('gives a missing value weight 0 (left out, not a match or a mismatch)', () => {
    expect(r.profiles[2]!.log10Lr).toBeCloseTo(Math.log10(0.8 / 0.1), 10);
    expect(r.probabilities.find((p) => p.field === 'a' && p.isNull)!.weight).toBe(0);
  });
  it('reports match weights log2(m/u)', () => {
    expect(r.probabilities.find((p) => p.field === 'a' && p.label === 'same')!.weight).toBeCloseTo(Math.log2(90), 10);
  });
  it('combines: all-copied sum and the mixture at lambda', () => {
    const sum = r.profiles.reduce((a, p) => a + p.log10Lr, 0);
    expect(r.log10LrAllCopied).toBeCloseTo(sum, 10);
    const mix = r.profiles.reduce((a, p) => a + Math.log10(0.5 * 10 ** p.log10Lr + 0.5), 0);
    expect(r.log10LrMixture).toBeCloseTo(mix, 10);
    expect(r.profiles[0]!.verbal.band).toBe('moderately-strong'); // 720
    expect(r.profiles[3]!.verbal.supports).toBe('second');
  });
});

describe('likelihoodRatios EM (m and lambda estimated, u fixed)', () => {
  it('recovers the copied share of a simulated mixture', () => {
    // 80 copied (both fields same) + 20 independent (both different)
    const rows = [...Array.from({ length: 80 }, () => [1, 1]), ...Array.from({ length: 20 }, () => [2, 2])];
    const r = likelihoodRatios(matrix(rows), [[NaN, 0.01, 0.99], [NaN, 0.05, 0.95]]);
    expect(r.converged).toBe(true);
    expect(r.lambda).toBeGreaterThan(0.75);
    expect(r.lambda).toBeLessThan(0.85);
    expect(r.profiles[0]!.posterior).toBeGreaterThan(0.99);
    expect(r.profiles[99]!.posterior).toBeLessThan(0.05);
  });
});

describe('uFromCounts and verbalFromLog10', () => {
  it('smooths counts and leaves null levels out', () => {
    const u = uFromCounts([[5, 0, 10]], [['missing', 'same', 'different']]);
    expect(Number.isNaN(u[0]![0]!)).toBe(true);
    expect(u[0]![1]).toBeCloseTo(0.5 / 11, 12);
    expect(u[0]![2]).toBeCloseTo(10.5 / 11, 12);
  });
  it('maps huge log10 values onto the ENFSI scale', () => {
    expect(verbalFromLog10(4265).band).toBe('extremely-strong');
    expect(verbalFromLog10(2.5).band).toBe('moderately-strong');
    expect(verbalFromLog10(-1.5).supports).toBe('second');
  });
});
