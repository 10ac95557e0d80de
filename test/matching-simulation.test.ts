/**
 * The simulation study of issue 13: displays generated under each proposition for the same
 * people; the per-profile likelihood ratios must behave (seeded: same figures every run).
 */
import { describe, expect, it } from 'vitest';
import { samePictureMaxBits } from '../src/avatars/rule';
import { DEFAULT_ALTERNATIVES, MATCHING_DEFAULTS, simulationStudy, type AlternativeId, type AlternativeModel } from '../src/matching';

const D = MATCHING_DEFAULTS;
const study = simulationStudy(
  { copying: D.copying, alternatives: DEFAULT_ALTERNATIVES as Record<AlternativeId, AlternativeModel>, samePictureBits: samePictureMaxBits(), nearBits: D.nearBits, similarity: D.similarity, rareTagShare: D.rareTagShare },
  { seed: D.simulationSeed, profiles: D.simulationProfiles, uploaders: 3 },
);
const cell = (under: string, vs: string) => study.cells.find((c) => c.generatedUnder === under && c.vs === vs)!;

describe('simulation study: every LR under every proposition', () => {
  it('covers every generating proposition against every alternative', () => {
    expect(study.cells).toHaveLength(6 * 5);
    expect(cell('copied', 'unrelated').profiles).toBeGreaterThan(250);
  });
  it('under self-entry, at most 5% of profiles get LR >= 100 for copied vs self-entry', () => {
    expect(cell('self-entry', 'self-entry').shareAtLeast100).toBeLessThanOrEqual(0.05);
  });
  it('under each alternative, copying is rarely supported against that alternative (<= 5% at LR >= 100)', () => {
    for (const id of ['unrelated', 'address-book', 'avatar-app', 'cf']) expect(cell(id, id).shareAtLeast100, id).toBeLessThanOrEqual(0.05);
  });
  it('under copying, most profiles get LR >= 10^4 against unrelated, address-book and cf, and LR >= 100 against self-entry', () => {
    for (const id of ['unrelated', 'address-book', 'cf']) expect(cell('copied', id).shareAtLeast10k, id).toBeGreaterThan(0.5);
    // the target (most copied profiles at LR >= 10^4 vs self-entry) is NOT met under the
    // stated defaults, even with the avatar levels split into "the same served file" and "the same
    // picture processed independently" (measured, src/avatars/reprocessing.ts): see the report's
    // validationStatement and fieldContributions. Asserted here is what holds, most copied
    // profiles at LR >= 100 vs self-entry
    expect(cell('copied', 'self-entry').shareAtLeast100).toBeGreaterThan(0.5);
  });
  // The issue's own target, NOT MET under the stated defaults (see the report's upper bound and
  // required-coincidence figures): asserted as unmet, so that it shows in every run and turns red the
  // day it holds (then assert the target instead)
  it('issue 13 target, NOT MET: under copying most profiles do NOT get LR >= 10^4 against self-entry (this test turns red the day they do)', () => {
    expect(cell('copied', 'self-entry').shareAtLeast10k).toBeLessThanOrEqual(0.5);
    // and why: under the stated models no display of the fields shown could bring most of them there
    expect(cell('copied', 'self-entry').ceilingShareAtLeast10k!).toBeLessThanOrEqual(0.5);
  });
  it('gives the upper bound only where it is defined: copied displays against the stated per-field alternatives', () => {
    for (const vs of ['self-entry', 'address-book', 'avatar-app', 'cf']) expect(cell('copied', vs).ceilingShareAtLeast10k, vs).not.toBeNull();
    expect(cell('copied', 'unrelated').ceilingShareAtLeast10k).toBeNull();
    expect(cell('self-entry', 'self-entry').ceilingShareAtLeast10k).toBeNull();
  });
  it('says what would have to be assumed about self-entry for most copied profiles to reach 10^4', () => {
    const req = study.requiredCoincidence;
    const first = req.rows[0]!;
    // the factor-1 row is the stated model: the same figure as the main table
    expect(first.factor).toBe(1);
    expect(first.copiedShareAtLeast10k).toBe(cell('copied', 'self-entry').shareAtLeast10k);
    expect(first.copiedCeilingShareAtLeast10k).toBe(cell('copied', 'self-entry').ceilingShareAtLeast10k);
    expect(first.statedSelfEntryShareAtLeast100).toBe(cell('self-entry', 'self-entry').shareAtLeast100);
    expect(first.ownSelfEntryShareAtLeast100).toBe(cell('self-entry', 'self-entry').shareAtLeast100);
    // the reported factor is the first row where most copied profiles reach 10^4, and no earlier row does
    const at = req.rows.findIndex((r) => r.factor === req.factor);
    expect(at).toBeGreaterThan(0);
    expect(req.rows[at]!.copiedShareAtLeast10k).toBeGreaterThan(0.5);
    for (const r of req.rows.slice(0, at)) expect(r.copiedShareAtLeast10k).toBeLessThanOrEqual(0.5);
    // assuming less coincidence than people actually show costs false support: it grows with the factor
    const last = req.rows[req.rows.length - 1]!;
    expect(last.statedSelfEntryShareAtLeast10).toBeGreaterThan(first.statedSelfEntryShareAtLeast10);
    expect(last.statedSelfEntryShareAtLeast100).toBeGreaterThan(first.statedSelfEntryShareAtLeast100);
  });
  it('scores processes the stated models do not describe: false support against self-entry stays within 5%, and a different copying process still beats unrelated', () => {
    const mis = (process: string, vs: string) => study.misspecified.find((c) => c.process === process && c.vs === vs)!;
    expect(new Set(study.misspecified.map((c) => c.process)).size).toBe(3);
    expect(study.misspecified).toHaveLength(3 * 5);
    expect(mis('self-entry, fields together', 'self-entry').shareAtLeast100).toBeLessThanOrEqual(0.05);
    expect(mis('self-entry, photo uploaded whole', 'self-entry').shareAtLeast100).toBeLessThanOrEqual(0.05);
    expect(mis('copied, another process', 'unrelated').shareAtLeast10k).toBeGreaterThan(0.5);
    // the photo uploaded whole lands closer to the source than the stated model expects: more false support, not less
    expect(mis('self-entry, photo uploaded whole', 'self-entry').shareAtLeast100).toBeGreaterThanOrEqual(cell('self-entry', 'self-entry').shareAtLeast100);
    // the coupled people are counted, and among them false support is at least the pooled share
    const c = mis('self-entry, fields together', 'self-entry');
    expect(c.coupledProfiles).toBeGreaterThan(100);
    expect(c.coupledShareAtLeast100!).toBeGreaterThanOrEqual(c.shareAtLeast100 - 1e-12);
    expect(mis('copied, another process', 'self-entry').coupledShareAtLeast100).toBeNull();
  });
  it('reused photos come from the measured check half, not from the model\'s avatar form', () => {
    expect(study.reusedPhotos).toMatch(/check half/);
  });
  it('says which fields carry the LR against self-entry: the avatar and the tag list, not the re-typed text', () => {
    const c = (field: string) => study.fieldContributions.find((x) => x.vs === 'self-entry' && x.field === field)!;
    expect(study.fieldContributions).toHaveLength(4 * 6);
    for (const field of ['avatar', 'tags']) expect(c(field).mean, field).toBeGreaterThan(0.5);
    for (const field of ['name', 'employer', 'title', 'school']) expect(Math.abs(c(field).mean), field).toBeLessThan(0.5);
  });
  it('is reproducible from its seed', () => {
    const again = simulationStudy(
      { copying: D.copying, alternatives: DEFAULT_ALTERNATIVES as Record<AlternativeId, AlternativeModel>, samePictureBits: samePictureMaxBits(), nearBits: D.nearBits, similarity: D.similarity, rareTagShare: D.rareTagShare },
      { seed: D.simulationSeed, profiles: 60, uploaders: 3 },
    );
    const twice = simulationStudy(
      { copying: D.copying, alternatives: DEFAULT_ALTERNATIVES as Record<AlternativeId, AlternativeModel>, samePictureBits: samePictureMaxBits(), nearBits: D.nearBits, similarity: D.similarity, rareTagShare: D.rareTagShare },
      { seed: D.simulationSeed, profiles: 60, uploaders: 3 },
    );
    expect(JSON.stringify(twice)).toBe(JSON.stringify(again));
  });
});
