import { describe, expect, it } from 'vitest';
import { ALTERNATIVE_SOURCES, compareTables, defaultComparisons, generateSyntheticEvidence, matchRates, pairProfiles, simulateAlternativeDisplay } from '../src/matching';

describe('simulateAlternativeDisplay', () => {
  const ev = generateSyntheticEvidence({ seed: 8, displayed: 80, extraSource: 40 });
  it('reproduces every value with probability 1 and none with 0', () => {
    const all = simulateAlternativeDisplay(ev.displayed, ev.source, { avatar: 1, name: 1, employer: 1, title: 1, school: 1, tags: 1 }, 1);
    const src = new Map(ev.source.map((s) => [s.id, s]));
    for (const d of all) expect({ ...d, uploader: undefined }).toEqual({ ...src.get(d.id)!, uploader: undefined });
    const none = simulateAlternativeDisplay(ev.displayed, ev.source, { avatar: 0, name: 0, employer: 0, title: 0, school: 0, tags: 0 }, 1);
    expect(none.filter((d) => d.avatar_hash != null && d.avatar_hash === src.get(d.id)!.avatar_hash).length).toBeLessThan(5);
  });
  it('is seeded', () => {
    const r = ALTERNATIVE_SOURCES['collaborative filtering']!.reproduce;
    expect(simulateAlternativeDisplay(ev.displayed, ev.source, r, 3)).toEqual(simulateAlternativeDisplay(ev.displayed, ev.source, r, 3));
  });
  it('collaborative filtering cannot reach the observed avatar and tag agreement', () => {
    const cmps = defaultComparisons();
    const obs = matchRates(compareTables(pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] }), cmps));
    const cf = simulateAlternativeDisplay(ev.displayed, ev.source, ALTERNATIVE_SOURCES['collaborative filtering']!.reproduce, 2);
    const alt = matchRates(compareTables(pairProfiles(cf, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] }), cmps));
    const rate = (r: typeof obs, f: string) => r.fields.find((x) => x.field === f)!.rate;
    expect(rate(alt, 'tags')).toBeLessThan(rate(obs, 'tags') - 0.5);
    expect(alt.overall.rate).toBeLessThan(obs.overall.rate / 2);
  });
  it('rejects a displayed id missing from the source', () => {
    expect(() => simulateAlternativeDisplay([{ ...ev.displayed[0]!, id: 'nope' }], ev.source, ALTERNATIVE_SOURCES['self-entered elsewhere']!.reproduce, 1)).toThrow(/nope/);
  });
});
