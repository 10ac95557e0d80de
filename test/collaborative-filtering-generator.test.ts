import { describe, expect, it } from 'vitest';
import { buildSegmentedAlias, sampleSegment } from '../src/collaborative-filtering/alias';
import { edgeHomophily } from '../src/collaborative-filtering/copyCeiling';
import { generateSocialGraph, zipfProbabilities } from '../src/collaborative-filtering/generator';
import { observe } from '../src/collaborative-filtering/observation';
import { seededRandom } from '../src/stats/random';

describe('generateSocialGraph', () => {
  it('is deterministic by seed and differs across seeds', () => {
    const a = generateSocialGraph({ nodes: 2000, edges: 10000, seed: 5, closeness: { focusMean: 2, randomMean: 0.5 } });
    const b = generateSocialGraph({ nodes: 2000, edges: 10000, seed: 5, closeness: { focusMean: 2, randomMean: 0.5 } });
    const c = generateSocialGraph({ nodes: 2000, edges: 10000, seed: 6, closeness: { focusMean: 2, randomMean: 0.5 } });
    expect(Array.from(a.graph.targets)).toEqual(Array.from(b.graph.targets));
    expect(Array.from(a.graph.weights!)).toEqual(Array.from(b.graph.weights!));
    expect(Array.from(a.values.employer!)).toEqual(Array.from(b.values.employer!));
    expect(Array.from(a.graph.targets)).not.toEqual(Array.from(c.graph.targets));
  });
  it('has the requested size, no self-loops, and a heavy-tailed degree distribution', () => {
    const s = generateSocialGraph({ nodes: 5000, edges: 50000, seed: 1 });
    expect(s.graph.n).toBe(5000);
    expect(s.graph.targets.length).toBe(100000);
    let maxDeg = 0;
    for (let u = 0; u < s.graph.n; u++) {
      const d = s.graph.offsets[u + 1]! - s.graph.offsets[u]!;
      maxDeg = Math.max(maxDeg, d);
      for (let a = s.graph.offsets[u]!; a < s.graph.offsets[u + 1]!; a++) expect(s.graph.targets[a]).not.toBe(u);
    }
    expect(maxDeg).toBeGreaterThan(5 * 20); // mean degree 20; a hub far above it
  });
  it('homophily raises the share of same-value edges (α + (1-α)Σp²)', () => {
    const low = generateSocialGraph({ nodes: 4000, edges: 40000, seed: 2, homophily: 0 });
    const high = generateSocialGraph({ nodes: 4000, edges: 40000, seed: 2, homophily: 0.9 });
    const hl = edgeHomophily(low.graph, low.groups.city!).share;
    const hh = edgeHomophily(high.graph, high.groups.city!).share;
    // Non-focus ends are drawn in proportion to activity weight: use the realised weight shares.
    const K = high.models.city!.cardinality;
    const wg = new Float64Array(K);
    let W = 0;
    for (let i = 0; i < 4000; i++) {
      wg[high.groups.city![i]!] += high.activity[i]!;
      W += high.activity[i]!;
    }
    let sumSq = 0;
    for (const x of wg) sumSq += (x / W) ** 2;
    expect(hl).toBeLessThan(0.1);
    const a = high.models.city!.alpha;
    expect(hh).toBeGreaterThan(a + (1 - a) * sumSq - 0.03);
    expect(hh).toBeLessThan(a + (1 - a) * sumSq + 0.03);
  });
  it('personal values are unique to the person, at about the requested share', () => {
    const s = generateSocialGraph({ nodes: 4000, edges: 8000, seed: 3 });
    const tags = s.values.tags!;
    const K = s.models.tags!.cardinality;
    let personal = 0;
    for (let i = 0; i < tags.length; i++) if (tags[i]! >= K) {
      personal++;
      expect(tags[i]).toBe(K + i);
    }
    expect(personal / tags.length).toBeGreaterThan(0.77);
    expect(personal / tags.length).toBeLessThan(0.83);
  });
  it('zipfProbabilities sums to 1 and decreases', () => {
    const p = zipfProbabilities(100, 1);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(p[0]! / p[1]!).toBeCloseTo(2, 12);
  });
});

describe('segmented alias tables', () => {
  it('draws members in proportion to weight within the group', () => {
    const t = buildSegmentedAlias(Int32Array.from([0, 0, 1, 0]), 2, Float64Array.from([1, 3, 5, 0]));
    const rng = seededRandom(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) counts[sampleSegment(t, 0, rng)]!++;
    expect(counts[3]).toBe(0);
    expect(counts[2]).toBe(0);
    expect(counts[1]! / counts[0]!).toBeGreaterThan(2.8);
    expect(counts[1]! / counts[0]!).toBeLessThan(3.2);
  });
});

describe('observe', () => {
  it('uses the case figures by default: 800,000 / 100M assumed population, Weibo share 0.2', () => {
    const s = generateSocialGraph({ nodes: 200000, edges: 10, seed: 4 });
    const o = observe(s.values, { seed: 1 });
    expect(o.registeredShare).toBeCloseTo(0.008, 12);
    expect(o.registeredCount / 200000).toBeGreaterThan(0.007);
    expect(o.registeredCount / 200000).toBeLessThan(0.009);
  });
  it('knows a field only for registered users who reported it or got it via Weibo', () => {
    const s = generateSocialGraph({ nodes: 20000, edges: 10, seed: 4 });
    const o = observe(s.values, { registeredShare: 0.5, selfReport: { tags: 0 }, weiboShare: 0.2, seed: 2 });
    let knownTags = 0;
    for (let i = 0; i < 20000; i++) {
      if (o.known.employer![i]! >= 0) expect(o.registered[i]).toBe(1);
      if (o.known.tags![i]! >= 0) {
        knownTags++;
        expect(o.weibo[i]).toBe(1);
        expect(o.known.tags![i]).toBe(s.values.tags![i]);
      }
    }
    expect(knownTags / o.registeredCount).toBeGreaterThan(0.17);
    expect(knownTags / o.registeredCount).toBeLessThan(0.23);
  });
});
