/**
 * Joint sensitivity of the matching LRs: every stated parameter moved at once (seeded).
 */
import { describe, expect, it } from 'vitest';
import { samePictureMaxBits } from '../src/avatars/rule';
import {
  ALTERNATIVE_IDS, DEFAULT_ALTERNATIVES, DEFAULT_COPYING, MATCHING_DEFAULTS, generateSyntheticEvidence, jointSensitivity, mostCopyLikeForm,
  moveFieldModelOdds, moveOdds, pairProfiles, tagFormParts, propositionLikelihoods, type AlternativeId, type AlternativeModel,
} from '../src/matching';

const D = MATCHING_DEFAULTS;
const ev = generateSyntheticEvidence({ seed: 5, displayed: 60, uploaders: 2, extraSource: 0 });
const lrs = propositionLikelihoods(pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] }), {
  copying: D.copying, alternatives: DEFAULT_ALTERNATIVES as Record<AlternativeId, AlternativeModel>, samePictureBits: samePictureMaxBits(), nearBits: D.nearBits, similarity: D.similarity, rareTagShare: D.rareTagShare,
});
const median = (xs: Float64Array) => Float64Array.from(xs).sort()[Math.floor(xs.length / 2)]!;

describe('moveFieldModelOdds: one field model moved', () => {
  it('moves the odds of r and of the most copy-like share, keeps the forms summing to 1 and the other forms in proportion', () => {
    const fm = DEFAULT_ALTERNATIVES['self-entry'].fields.employer!;
    expect(mostCopyLikeForm(fm)).toEqual(['exact', 0.2]);
    const moved = moveFieldModelOdds(fm, 2, 2);
    expect(moved.r).toBeCloseTo(moveOdds(0.85, 2), 12);
    expect(moved.form.exact).toBeCloseTo(moveOdds(0.2, 2), 12);
    expect(Object.values(moved.form).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(moved.form['same entity']! / moved.form.similar!).toBeCloseTo(fm.form['same entity']! / fm.form.similar!, 12);
    expect(moveOdds(0.5, 3)).toBeCloseTo(0.75, 12);
    // tags split by list length: BOTH in-order chances move; the model stays coherent
    const tags = moveFieldModelOdds(DEFAULT_COPYING.fields.tags!, 1, 10);
    expect(mostCopyLikeForm(tags)![1]).toBeCloseTo(moveOdds(0.8, 10), 12);
    expect(tagFormParts(tags.form)!.short).toBeCloseTo(moveOdds(0.8, 10), 12);
    expect(Object.values(tags.form).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('jointSensitivity', () => {
  const run = (factor: number, seed = 1) => jointSensitivity(lrs.basis, D.copying, DEFAULT_ALTERNATIVES as Record<AlternativeId, AlternativeModel>, { draws: 40, seed, factor }, median);
  it('reports every alternative, with the alternative alone and with the copying model moved too', () => {
    const rows = run(2);
    expect(rows).toHaveLength(2 * ALTERNATIVE_IDS.length - 1);
    for (const r of rows) {
      expect(r.min).toBeLessThanOrEqual(r.q05);
      expect(r.q05).toBeLessThanOrEqual(r.median);
      expect(r.median).toBeLessThanOrEqual(r.q95);
      expect(r.q95).toBeLessThanOrEqual(r.max);
      expect(r.max - r.min, `${r.alternative} ${r.design}`).toBeGreaterThan(0);
    }
  });
  it('at factor 1 every draw is the default figure', () => {
    for (const r of run(1)) {
      expect(r.min).toBeCloseTo(r.atDefaults, 9);
      expect(r.max).toBeCloseTo(r.atDefaults, 9);
    }
  });
  it('is reproducible from its seed and changes with it', () => {
    expect(run(2, 3)).toEqual(run(2, 3));
    expect(run(2, 3)).not.toEqual(run(2, 4));
  });
  it('refuses a factor below 1 or no draws', () => {
    expect(() => jointSensitivity(lrs.basis, D.copying, DEFAULT_ALTERNATIVES as Record<AlternativeId, AlternativeModel>, { draws: 0, seed: 1, factor: 2 }, median)).toThrow(/draws/);
    expect(() => jointSensitivity(lrs.basis, D.copying, DEFAULT_ALTERNATIVES as Record<AlternativeId, AlternativeModel>, { draws: 5, seed: 1, factor: 0.5 }, median)).toThrow(/factor/);
  });
});

describe('moveFieldModelOdds', () => {
  it('moves the odds symmetrically: up and down by the same factor land equally far on the log-odds scale, never at 0 or 1', () => {
    const fm = DEFAULT_COPYING.fields.tags!;
    const logit = (p: number) => Math.log(p / (1 - p));
    const [form, share] = mostCopyLikeForm(fm)!;
    const up = moveFieldModelOdds(fm, 3, 3);
    const down = moveFieldModelOdds(fm, 1 / 3, 1 / 3);
    expect(logit(up.r) - logit(fm.r)).toBeCloseTo(Math.log(3), 12);
    expect(logit(fm.r) - logit(down.r)).toBeCloseTo(Math.log(3), 12);
    expect(form).toBe('source list in order');
    expect(logit(mostCopyLikeForm(up)![1]) - logit(share)).toBeCloseTo(Math.log(3), 12);
    expect(logit(tagFormParts(up.form)!.short) - logit(tagFormParts(fm.form)!.short)).toBeCloseTo(Math.log(3), 12);
    expect(mostCopyLikeForm(up)![1]).toBeLessThan(1);
    expect(Object.values(up.form).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(moveFieldModelOdds(fm, 1, 1)).toEqual(fm);
  });
});
