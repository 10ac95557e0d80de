import { describe, expect, it } from 'vitest';
import { samePictureMaxBits } from '../src/avatars/rule';
import * as m from '../src/matching';
import {
  DEFAULT_ALTERNATIVES, alternativeLevelProbabilities, checkAlternative, combineLog10, generateSyntheticEvidence, jointLog10, nameLevelProbabilities,
  pairProfiles, perGroupLog10, provenanceComparisons, tagCounts, unrelatedPairs, compareTables, compareField,
} from '../src/matching';

describe('alternative models: P(level | H, shown) = r form + (1 - r) u', () => {
  it('mixes the stated form with the unrelated rates and keeps null levels out', () => {
    const p = alternativeLevelProbabilities({ r: 0.5, form: { exact: 1 } }, ['missing', 'exact', 'different'], [NaN, 0.1, 0.9]);
    expect(p[0]).toBeNaN();
    expect(p[1]).toBeCloseTo(0.5 + 0.05, 12);
    expect(p[2]).toBeCloseTo(0.45, 12);
    expect(Array.from(alternativeLevelProbabilities(undefined, ['missing', 'exact', 'different'], [NaN, 0.1, 0.9])).slice(1)).toEqual([0.1, 0.9]);
  });
  it('every default model is well formed for the provenance levels', () => {
    const ev = generateSyntheticEvidence({ seed: 3, displayed: 30, extraSource: 5 });
    const paired = pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
    const cmps = provenanceComparisons({ samePictureBits: 12, nearBits: 4, similarity: 0.8, rareTagShare: 0.01, tagCounts: tagCounts(paired.source), sourceProfiles: paired.source.length });
    const labels = Object.fromEntries(cmps.map((c) => [c.name, c.levels.map((l) => l.label)]));
    for (const m of Object.values(DEFAULT_ALTERNATIVES)) expect(() => checkAlternative(m, labels)).not.toThrow();
    expect(() => checkAlternative({ ...DEFAULT_ALTERNATIVES.cf, fields: { tags: { r: 0.1, form: { exact: 1 } } } }, labels)).toThrow(/no level 'exact'/);
    expect(() => checkAlternative({ ...DEFAULT_ALTERNATIVES.cf, fields: { name: { r: 0.1, form: { exact: 0.5 } } } }, labels)).toThrow(/sum to 0.5/);
  });
});

describe('provenance levels', () => {
  const ev = generateSyntheticEvidence({ seed: 5, displayed: 60, extraSource: 0, uploaders: 2 });
  const paired = pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
  const cmps = provenanceComparisons({ samePictureBits: 12, nearBits: 4, similarity: 0.8, rareTagShare: 0.01, tagCounts: tagCounts(paired.source), sourceProfiles: paired.source.length });
  it('tell exact wording from agreement after normalisation, and flag a value only the app shows', () => {
    const name = cmps[1]!;
    const p = (n: string | null) => ({ ...paired.displayed[0]!, name: { ...paired.displayed[0]!.name, raw: n ?? '', text: n ? n.replace(/張/g, '张') : '' } });
    expect(name.levels[compareField(name, p('张伟'), p('张伟'))]!.label).toBe('exact');
    expect(name.levels[compareField(name, p('张伟'), p('張伟'))]!.label).toBe('same after normalisation');
    expect(name.levels[compareField(name, p('张伟'), p(null))]!.label).toBe('displayed only');
    expect(name.levels[compareField(name, p(null), p('张伟'))]!.isNull).toBe(true);
  });
  it('unrelated pairs stay within each uploader network; joint probabilities never below the product of marginals', () => {
    const un = unrelatedPairs(paired, cmps);
    const sizes = [...new Set(paired.displayed.map((d) => d.uploader))].map((u) => paired.displayed.filter((d) => d.uploader === u).length);
    expect(un.pairs).toBe(sizes.reduce((a, n) => a + n * (n - 1), 0));
    const m = compareTables(paired, cmps);
    const joint = jointLog10(un, m.levels, 1);
    const F = cmps.length;
    for (let i = 0; i < m.ids.length; i++) {
      let prod = 0;
      for (let f = 0; f < F; f++) if (f !== 1 && !un.isNull[f]![m.levels[i * F + f]!]) prod += Math.log10(un.marginal[f]![m.levels[i * F + f]!]!);
      expect(joint[i]!).toBeGreaterThanOrEqual(prod - 1e-12);
      // never below what the profiles of its own network resolve (the pairs re-use each profile)
      const size = paired.displayed.filter((d) => d.uploader === paired.displayed[i]!.uploader).length;
      expect(joint[i]!).toBeGreaterThanOrEqual(Math.log10(0.5 / (size + 1)) - 1e-12);
    }
  });
  it("the name's chance comes from its own frequency and the levels sum to 1", () => {
    const un = unrelatedPairs(paired, cmps);
    const probs = nameLevelProbabilities(paired, cmps[1]!, un.marginal[1]!);
    for (const p of probs) expect(Array.from(p).filter((x) => !Number.isNaN(x)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
  it('splits the same name\'s chance by how the display itself is written: a plain display mostly "as written", a rewritten one mostly "after normalisation"', () => {
    // one display rewritten (an ideographic space inside the name: normalisation removes it)
    const rows = ev.displayed.map((d, i) => (i === 0 && d.name ? { ...d, name: `${[...d.name][0]}\u3000${[...d.name].slice(1).join('')}` } : d));
    const p2 = pairProfiles(rows, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
    expect(p2.displayed[0]!.name.raw).not.toBe(p2.displayed[0]!.name.text);
    const un = unrelatedPairs(p2, cmps);
    const probs = nameLevelProbabilities(p2, cmps[1]!, un.marginal[1]!);
    const labels = cmps[1]!.levels.map((l) => l.label);
    const ex = labels.indexOf('exact');
    const nz = labels.indexOf('same after normalisation');
    const asWritten = (i: number) => probs[i]![ex]! / (probs[i]![ex]! + probs[i]![nz]!);
    expect(asWritten(0)).toBeLessThan(0.25);
    for (let i = 1; i < probs.length; i++) if (p2.displayed[i]!.name.raw === p2.displayed[i]!.name.text) expect(asWritten(i)).toBeGreaterThan(0.75);
    expect(asWritten(0) + asWritten(1)).toBeCloseTo(1, 9);
    const wang = paired.displayed.findIndex((d) => d.name.text.startsWith('王'));
    const rare = paired.displayed.findIndex((d) => /^(单|解|仇|区)/u.test(d.name.text));
    if (wang >= 0 && rare >= 0) expect(probs[wang]![2]! > 0).toBe(true);
  });
});

describe('dependence models for the combined figure', () => {
  const groups = ['A', 'A', 'A', 'B', 'B'];
  const values = [1, 5, 9, 2, 4];
  it('median-min: one typical profile per network, the weakest network', () => {
    const per = perGroupLog10(groups, values, 'median-min');
    expect(per).toEqual([{ group: 'A', profiles: 3, log10Lr: 5 }, { group: 'B', profiles: 2, log10Lr: 3 }]);
    expect(combineLog10(per, 'median-min')).toBe(3);
    expect(combineLog10(perGroupLog10(groups, values, 'median-sum'), 'median-sum')).toBe(8);
  });
  it('effective-n: Kish design effect; rho = 1 gives one profile per network, never a product of all', () => {
    expect(perGroupLog10(groups, values, 'effective-n:1')[0]!.log10Lr).toBe(5);
    expect(perGroupLog10(groups, values, 'effective-n:0')[0]!.log10Lr).toBe(15);
  });
});

describe('avatar forms measured from the reprocessing measurement', () => {
  const spb = samePictureMaxBits();
  it('the defaults are the measured forms at the measured near-identical distance', () => {
    expect(m.MATCHING_DEFAULTS.nearBits).toBe(m.AVATAR_FILE_BITS);
    expect(m.DEFAULT_ALTERNATIVES['self-entry'].fields.avatar!.form).toEqual(m.reusedPhotoForm(m.AVATAR_FILE_BITS, spb));
    expect(m.DEFAULT_COPYING.fields.avatar!.form).toEqual(m.copiedAvatarForm(m.AVATAR_FILE_BITS, spb));
    const f = m.copiedAvatarForm(m.AVATAR_FILE_BITS, spb);
    expect(Object.values(f).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // a reused photo processed independently is far less often the same file than a copy
    expect(m.reusedPhotoForm(m.AVATAR_FILE_BITS, spb).identical).toBeLessThan(f.identical / 10);
    expect(m.DEFAULT_ALTERNATIVES['self-entry'].assumptions.join(' ')).toMatch(/model half/);
  });
  it('withMeasuredAvatarForms re-derives the measured forms for other settings and keeps a caller\'s own', () => {
    const base = { copying: m.DEFAULT_COPYING, alternatives: m.DEFAULT_ALTERNATIVES as Record<m.AlternativeId, m.AlternativeModel>, nearBits: 2, samePictureBits: spb };
    const s = m.withMeasuredAvatarForms(base, 'uncropped');
    expect(s.alternatives['self-entry'].fields.avatar!.form).toEqual(m.reusedPhotoForm(2, spb, 'uncropped'));
    expect(s.copying.fields.avatar!.form).toEqual(m.copiedAvatarForm(2, spb));
    const own = { r: 0.3, form: { identical: 1 } };
    const mine = { ...base, alternatives: { ...base.alternatives, 'self-entry': { ...base.alternatives['self-entry'], fields: { ...base.alternatives['self-entry'].fields, avatar: own } } } };
    expect(m.withMeasuredAvatarForms(mine).alternatives['self-entry'].fields.avatar).toBe(own);
  });
});

describe('modelValuesText', () => {
  it('writes the values a model uses from its data, so a moved model is printed with its own numbers', () => {
    const { modelValuesText, coincidenceDividedBy } = m;
    const self = DEFAULT_ALTERNATIVES['self-entry'];
    expect(modelValuesText(self)).toContain('tags r 0.5 (source list in order 0.015, short list in order 0.075,');
    expect(modelValuesText(coincidenceDividedBy(self, 10))).toContain('avatar r 0.03 (');
    expect(modelValuesText(DEFAULT_ALTERNATIVES.unrelated)).toMatch(/no stated per-field model/);
  });
});

describe('pairedBy: fields used to find the source accounts carry weight 1', () => {
  const ev = generateSyntheticEvidence({ seed: 17, displayed: 60, extraSource: 10, uploaders: 2 });
  const paired = pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
  const settings = {
    copying: m.DEFAULT_COPYING as m.CopyingModel, alternatives: DEFAULT_ALTERNATIVES as Record<m.AlternativeId, m.AlternativeModel>,
    samePictureBits: samePictureMaxBits(), nearBits: m.MATCHING_DEFAULTS.nearBits, similarity: 0.8, rareTagShare: 0.01,
  };
  const plain = m.propositionLikelihoods(paired, settings);
  const byName = m.propositionLikelihoods(paired, { ...settings, pairedBy: ['name'] });
  it('leaves the pairing field out of every LR: the LR equals the plain one minus that field\'s own term', () => {
    expect(byName.matrix.fields).not.toContain('name');
    expect(byName.matrix.fields).toHaveLength(plain.matrix.fields.length - 1);
    const F = plain.matrix.fields.length;
    const nf = plain.matrix.fields.indexOf('name');
    const copied = m.fieldLog10UnderModel(plain.basis, settings.copying);
    const self = m.fieldLog10UnderModel(plain.basis, settings.alternatives['self-entry']);
    plain.profiles.forEach((p, i) => {
      const nameTerm = Number.isNaN(copied[i * F + nf]!) ? 0 : copied[i * F + nf]! - self[i * F + nf]!;
      expect(byName.profiles[i]!.log10LrVs['self-entry']).toBeCloseTo(p.log10LrVs['self-entry'] - nameTerm, 9);
    });
  });
  it('removes the name\'s chance agreement from the LR against unrelated (a name found by searching it agrees by selection)', () => {
    const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(byName.profiles.map((p) => p.log10LrVs.unrelated))).toBeLessThan(median(plain.profiles.map((p) => p.log10LrVs.unrelated)) - 1);
  });
  it('names the fields when given an unknown one, and refuses to leave nothing to weigh', () => {
    expect(() => m.propositionLikelihoods(paired, { ...settings, pairedBy: ['phone'] })).toThrow(/no field 'phone'.*avatar, name/);
    expect(() => m.propositionLikelihoods(paired, { ...settings, pairedBy: ['avatar', 'name', 'employer', 'title', 'school', 'tags'] })).toThrow(/none is left/);
  });
});

describe('withShortTagListShare', () => {
  it('re-splits the in-order mass by another share of short lists, keeping the in-order chance per list length', () => {
    const self = DEFAULT_ALTERNATIVES['self-entry'];
    const moved = m.withShortTagListShare(self, 0.4);
    const parts = m.tagFormParts(moved.fields.tags!.form, 0.4)!;
    const before = m.tagFormParts(self.fields.tags!.form)!;
    expect(parts.long).toBeCloseTo(before.long, 12);
    expect(parts.short).toBeCloseTo(before.short, 12);
    expect(moved.fields.tags!.form['short list in order']).toBeCloseTo(0.3 * 0.4, 12);
    expect(Object.values(moved.fields.tags!.form).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(m.withShortTagListShare(DEFAULT_ALTERNATIVES['address-book'], 0.4)).toBe(DEFAULT_ALTERNATIVES['address-book']);
    expect(() => m.withShortTagListShare(self, 1)).toThrow(RangeError);
  });
});
