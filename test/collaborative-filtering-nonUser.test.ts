import { describe, expect, it } from 'vitest';
import { generateSocialGraph } from '../src/collaborative-filtering/generator';
import { simulateNonUsers } from '../src/collaborative-filtering/nonUser';
import { observe } from '../src/collaborative-filtering/observation';

const sim = generateSocialGraph({ nodes: 6000, edges: 60000, seed: 21, closeness: { focusMean: 2, randomMean: 0.5 } });
const obs = observe(sim.values, { registeredShare: 0.1, seed: 22 });

describe('simulateNonUsers (the case geometry)', () => {
  const r = simulateNonUsers(sim, obs, { targets: 200, seed: 23, methods: ['vote', 'bayes', 'labelPropagation'] });
  it('samples non-users seen by 1-3 uploaders, and nothing else of them', () => {
    expect(r.targets.length).toBe(200);
    for (let i = 0; i < r.targets.length; i++) {
      const t = r.targets[i]!;
      expect(obs.registered[t]).toBe(0);
      expect(r.uploaderCounts[i]).toBeGreaterThanOrEqual(1);
      expect(r.uploaderCounts[i]).toBeLessThanOrEqual(3);
      const seen = new Set(Array.from(r.observed.targets.subarray(r.observed.offsets[t]!, r.observed.offsets[t + 1]!)));
      expect(seen.size).toBe(r.uploaderCounts[i]);
      for (const u of seen) expect(obs.registered[u]).toBe(1);
    }
  });
  it('joint accuracy is at most each field accuracy; tags (80% personalised) are nearly out of reach', () => {
    for (const m of ['vote', 'bayes', 'labelPropagation'] as const) {
      for (const f of r.perField) expect(r.joint[m]!).toBeLessThanOrEqual(f.accuracy[m]!);
    }
    const tags = r.perField.find((f) => f.field === 'tags')!;
    expect(tags.copyCeiling).toBeLessThan(0.1);
    expect(r.best.accuracy).toBeLessThan(0.2);
  });
  it('is deterministic by seed', () => {
    const again = simulateNonUsers(sim, obs, { targets: 200, seed: 23, methods: ['vote', 'bayes', 'labelPropagation'] });
    expect(Array.from(again.targets)).toEqual(Array.from(r.targets));
    expect(again.joint).toEqual(r.joint);
  });
  it('validates its parameters', () => {
    expect(() => simulateNonUsers(sim, obs, { seed: 1, fields: ['nope'] })).toThrow(/unknown field/);
    expect(() => simulateNonUsers(sim, obs, { seed: 1, uploaders: { min: 0, max: 2 } })).toThrow(RangeError);
  });
});
