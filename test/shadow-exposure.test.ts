import { describe, expect, it } from 'vitest';
import { exposureWorld, simulateExposure, summariseExposure } from '../src/shadow/exposure';
import { generateContactsWorld } from '../src/shadow/synthetic';

describe('simulateExposure (Sarigöl et al. 2014; Garcia 2017)', () => {
  const world = exposureWorld(generateContactsWorld({ seed: 5, persons: 2000, target: null }));
  const levels = [0.01, 0.03, 0.1, 0.3];
  it('agrees with the analytic share 1 - (1 - a p)^d at level 1', () => {
    const rows = simulateExposure(world, { adoption: levels, reps: 6, seed: 1 });
    for (const s of summariseExposure(rows)) expect(Math.abs(s.numberKnown! - s.analyticNumberKnown!)).toBeLessThan(0.03);
    const half = summariseExposure(simulateExposure(world, { adoption: levels, reps: 6, seed: 1, uploadProbability: 0.5 }));
    for (const s of half) expect(Math.abs(s.numberKnown! - s.analyticNumberKnown!)).toBeLessThan(0.03);
  });
  it('richness levels are nested and grow with adoption', () => {
    const s = summariseExposure(simulateExposure(world, { adoption: levels, reps: 3, seed: 2 }));
    for (const r of s) {
      expect(r.numberKnown!).toBeGreaterThanOrEqual(r.named!);
      expect(r.named!).toBeGreaterThanOrEqual(r.employerInferred!);
      expect(r.employerInferred!).toBeGreaterThanOrEqual(r.rich!);
    }
    for (let i = 1; i < s.length; i++) {
      expect(s[i]!.numberKnown!).toBeGreaterThan(s[i - 1]!.numberKnown!);
      expect(s[i]!.employerInferred!).toBeGreaterThan(s[i - 1]!.employerInferred!);
    }
    expect(s[0]!.rich).toBe(0);
    expect(s[3]!.rich!).toBeGreaterThan(0.1);
  });
  it('optional upload lowers exposure; the same seed repeats exactly', () => {
    const full = simulateExposure(world, { adoption: [0.1], reps: 2, seed: 3 });
    const opt = simulateExposure(world, { adoption: [0.1], reps: 2, seed: 3, uploadProbability: 0.4 });
    expect(opt[0]!.numberKnown).toBeLessThan(full[0]!.numberKnown);
    expect(simulateExposure(world, { adoption: [0.1], reps: 2, seed: 3 })).toEqual(full);
    expect(() => simulateExposure(world, { adoption: [1], reps: 1, seed: 1 })).toThrow(/adoption/);
  });
});
