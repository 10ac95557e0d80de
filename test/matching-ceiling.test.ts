/**
 * The attainable LR (`log10LrCeiling`) and the moved self-entry coincidence (`coincidenceDividedBy`).
 */
import { describe, expect, it } from 'vitest';
import { samePictureMaxBits } from '../src/avatars/rule';
import {
  DEFAULT_ALTERNATIVES, MATCHING_DEFAULTS, coincidenceDividedBy, coincidenceValues, generateSyntheticEvidence, log10LrCeiling, log10LrVsModel,
  pairProfiles, propositionLikelihoods, simulateUnderAlternative, type AlternativeId, type AlternativeModel, type PropositionSettings,
} from '../src/matching';

const D = MATCHING_DEFAULTS;
const settings: PropositionSettings = {
  copying: D.copying, alternatives: DEFAULT_ALTERNATIVES as Record<AlternativeId, AlternativeModel>, samePictureBits: samePictureMaxBits(),
  nearBits: D.nearBits, similarity: D.similarity, rareTagShare: D.rareTagShare,
};
const ev = generateSyntheticEvidence({ seed: 21, displayed: 120, extraSource: 0, copiedShare: 1 });
const stated = ['self-entry', 'address-book', 'avatar-app', 'cf'] as const;


describe('log10LrCeiling', () => {
  it('bounds every profile\'s LR, for displays generated under copying and under each alternative', () => {
    for (const under of ['copied', ...stated] as const) {
      const displayed = under === 'copied' ? ev.displayed : simulateUnderAlternative(ev.displayed, ev.source, settings.alternatives[under], ev.defaultAvatarHash, 5);
      const lrs = propositionLikelihoods(pairProfiles(displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] }), settings);
      for (const vs of stated) {
        const c = log10LrCeiling(lrs.basis, settings.copying, settings.alternatives[vs]);
        const lr = log10LrVsModel(lrs.basis, settings.alternatives[vs]);
        for (let i = 0; i < c.length; i++) expect(lr[i]!, `${under} vs ${vs} profile ${i}`).toBeLessThanOrEqual(c[i]! + 1e-9);
      }
    }
  });
  it('is reached by a display that copies every field exactly, and is 0 for a profile showing nothing', () => {
    // the source rows themselves as the display: every field at "as written" / identical / list in order
    // every kind of source list: the tag level a source allows is its own (3+ tags: the list in order;
    // 1-2: the whole short list), so an exact copy reaches the ceiling whatever the list's length
    const rows = ev.source.slice(0, 40).map((r) => ({ ...r, uploader: 'u1' }));
    expect(rows.some((r) => r.tags && String(r.tags).split(',').length <= 2)).toBe(true);
    const blank = { ...rows[0]!, id: 'blank', name: null, avatar_hash: null, employer: null, title: null, school: null, tags: null };
    const lrs = propositionLikelihoods(pairProfiles([...rows, blank], [...ev.source, { ...ev.source[0]!, id: 'blank' }], { defaultAvatarHashes: [ev.defaultAvatarHash] }), settings);
    const self = settings.alternatives['self-entry'];
    const c = log10LrCeiling(lrs.basis, settings.copying, self);
    const lr = log10LrVsModel(lrs.basis, self);
    expect(c[c.length - 1]).toBe(0);
    // the exact levels are the most copy-like for every field but the name (whose best level may differ): the
    // ceiling minus the LR is at most the name's own gap
    const gaps = Array.from(c.slice(0, -1), (x, i) => x - lr[i]!);
    expect(Math.max(...gaps)).toBeLessThan(0.25); // the name: "after normalisation" (script conversion by the app) is stated more copy-like than "as written" (+0.20)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(-1e-9);
  });
  it('refuses unrelated, whose LR uses joint patterns', () => {
    const lrs = propositionLikelihoods(pairProfiles(ev.displayed.slice(0, 10), ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] }), settings);
    expect(() => log10LrCeiling(lrs.basis, settings.copying, settings.alternatives.unrelated)).toThrow(/unrelated/);
  });
});

describe('coincidenceDividedBy', () => {
  const self = DEFAULT_ALTERNATIVES['self-entry'] as AlternativeModel;
  it('leaves the model unchanged at k = 1 and rejects k < 1', () => {
    expect(coincidenceDividedBy(self, 1).fields).toEqual(self.fields);
    expect(() => coincidenceDividedBy(self, 0.5)).toThrow(RangeError);
  });
  it('divides the photo-reuse chance and each exact-form share by k, keeps the name, and keeps every form summing to 1', () => {
    const moved = coincidenceDividedBy(self, 4);
    const before = coincidenceValues(self);
    const after = coincidenceValues(moved);
    expect(Object.keys(after).sort()).toEqual(['avatar', 'employer', 'school', 'tags', 'tags (1-2)', 'title']);
    for (const k of Object.keys(before)) expect(after[k]!, k).toBeCloseTo(before[k]! / 4, 12);
    expect(moved.fields.name).toEqual(self.fields.name);
    expect(moved.fields.avatar!.form).toEqual(self.fields.avatar!.form);
    for (const [field, fm] of Object.entries(moved.fields)) expect(Object.values(fm.form).reduce((a, b) => a + b, 0), field).toBeCloseTo(1, 12);
  });
});

describe('simulateUnderAlternative with coupled fields', () => {
  const self = DEFAULT_ALTERNATIVES['self-entry'] as AlternativeModel;
  const big = generateSyntheticEvidence({ seed: 8, displayed: 2000, extraSource: 0, copiedShare: 1 });
  const exact = (rows: ReturnType<typeof simulateUnderAlternative>, col: 'employer' | 'title' | 'school') => {
    const src = new Map(big.source.map((r) => [r.id, r]));
    return rows.map((r) => r[col] != null && r[col] === src.get(r.id)![col]);
  };
  const plain = simulateUnderAlternative(big.displayed, big.source, self, big.defaultAvatarHash, 3);
  const independent = simulateUnderAlternative(big.displayed, big.source, self, big.defaultAvatarHash, 3, undefined, { coupledShare: 0 });
  const coupled = simulateUnderAlternative(big.displayed, big.source, self, big.defaultAvatarHash, 3, undefined, { coupledShare: 1 });
  it('keeps each field\'s own level shares, against the plain (independent-draw) path: text, avatar and tag levels', () => {
    const levelShares = (rows: ReturnType<typeof simulateUnderAlternative>) => {
      const lrs = propositionLikelihoods(pairProfiles(rows, big.source, { defaultAvatarHashes: [big.defaultAvatarHash] }), settings);
      const F = lrs.matrix.fields.length;
      const out: Record<string, number> = {};
      lrs.matrix.fields.forEach((field, f) => {
        const labels = lrs.basis.labels[field]!;
        for (let l = 0; l < labels.length; l++) {
          if (lrs.basis.isNull[f]![l]) continue;
          let c = 0;
          for (let i = 0; i < rows.length; i++) if (lrs.matrix.levels[i * F + f] === l) c++;
          out[`${field}:${labels[l]}`] = c / rows.length;
        }
      });
      return out;
    };
    const base = levelShares(plain);
    for (const other of [independent, coupled]) {
      const got = levelShares(other);
      for (const [k, v] of Object.entries(base)) expect(Math.abs(got[k]! - v), k).toBeLessThan(0.035);
    }
  });
  it('makes the fields move together: an exact employer goes with an exact title far more often when coupled', () => {
    const both = (rows: ReturnType<typeof simulateUnderAlternative>) => {
      const e = exact(rows, 'employer');
      const t = exact(rows, 'title');
      return e.filter((x, i) => x && t[i]).length / Math.max(1, e.filter(Boolean).length);
    };
    expect(both(coupled)).toBeGreaterThan(both(independent) + 0.2);
  });
  it('rejects a share outside [0, 1]', () => {
    expect(() => simulateUnderAlternative(big.displayed.slice(0, 2), big.source, self, big.defaultAvatarHash, 3, undefined, { coupledShare: 1.5 })).toThrow(RangeError);
  });
});
