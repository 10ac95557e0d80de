/**
 * The `cf` alternative's employer, school and title r comes from a measurement on real data
 * (collaborative filtering on SNAP ego-Facebook: precision of the most confident inferences per
 * share of people shown, method chosen on half the splits, precision estimated on the other
 * half): the committed figures are what the measurement gives today, evidence reads them at its
 * own shares, and the default model at its stated shown rates.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CF_FIELD_ACCURACY_OPTIONS, COLLABORATIVE_FILTERING_DEFAULTS, measureCfFieldAccuracy } from '../src/collaborative-filtering';
import * as matching from '../src/matching';
import { referenceDatasets } from './reference-data';

const M = matching.CF_FIELD_ACCURACY_MEASURED;
const dir = join(__dirname, '..', 'datasets', 'matching');

describe('cf alternative: field rates measured on SNAP ego-Facebook', () => {
  it('the committed measurement is what measureCfFieldAccuracy gives (same seed, same figures)', async () => {
    const m = await measureCfFieldAccuracy(join(referenceDatasets, 'snap-ego-facebook'), CF_FIELD_ACCURACY_OPTIONS);
    expect(m).toEqual(JSON.parse(JSON.stringify(M)));
    // the collaborative-filtering analysis's own calibration settings
    expect(m.shares).toEqual(COLLABORATIVE_FILTERING_DEFAULTS.snapShares);
    expect(m.seed).toBe(COLLABORATIVE_FILTERING_DEFAULTS.seed);
    // the graph file is the committed one (its SHA-256 is in the data set's README)
    expect(m.graphFile.sha256).toBe('0abae749eec6d1d31ee667d2c82a027e7f2c5fa6453bdf00690bf8da794f8110');
    for (const f of m.fields) {
      expect(f.rows.map((r) => r.coverage)).toEqual(CF_FIELD_ACCURACY_OPTIONS.coverages);
      for (const r of f.rows) {
        expect(r.low).toBeLessThanOrEqual(r.precision);
        expect(r.high).toBeGreaterThanOrEqual(r.precision);
        expect(r.shownPerSplit).toBeGreaterThan(0);
      }
    }
  }, 120_000);
  it('reads r between the measured shares, clamped to the measured range', () => {
    const rows = M.fields.find((f) => f.field === 'school')!.rows;
    const a = rows.find((r) => r.coverage === 0.4)!, b = rows.find((r) => r.coverage === 0.5)!;
    expect(matching.cfPrecisionAt('school', 0.4).precision).toBeCloseTo(a.precision, 12);
    expect(matching.cfPrecisionAt('school', 0.45).precision).toBeCloseTo((a.precision + b.precision) / 2, 12);
    expect(matching.cfPrecisionAt('school', 0.02).coverageRead).toBe(0.1);
    expect(matching.cfPrecisionAt('school', 0.02).precision).toBe(rows[0]!.precision);
    expect(() => matching.cfPrecisionAt('school', 1.2)).toThrow(/coverage/);
  });
  it('the default cf model reads r at its own stated shown rates', () => {
    const cf = matching.DEFAULT_ALTERNATIVES.cf;
    for (const f of matching.CF_FIELDS) expect(cf.fields[f]!.r, f).toBe(matching.cfPrecisionAt(f, cf.shown[f]!).precision);
    expect(cf.assumptions.join(' ')).toContain('SNAP ego-Facebook');
  });
  it('evidence reads r at its own shares of profiles showing each field, unless shares are given or cf is stated by the caller', async () => {
    const evidence = await matching.loadMatchingEvidence({
      displayed: join(dir, 'displayed.csv'), source: join(dir, 'source.csv'), schoolAliases: join(dir, 'school-aliases.csv'),
      employerAliases: join(dir, 'employer-aliases.csv'), titleSynonyms: join(dir, 'job-title-synonyms.csv'),
    });
    const quick = { ...matching.MATCHING_DEFAULTS, permutations: 99, simulationProfiles: 40, sensitivity: [0.8], rFactors: [0.5], jointDraws: 4, nearBitsSensitivity: [], rareTagShareSensitivity: [], similaritySensitivity: [], shortTagListShareSensitivity: [] };
    const r = matching.analyseMatching(evidence, quick);
    const used = r.parameters.cfRatesUsed!;
    // the shares are the evidence's own: among displayed profiles whose source holds the field, the share showing it
    const paired = matching.pairProfiles(evidence.displayed, evidence.source, { defaultAvatarHashes: quick.defaultAvatarHashes });
    const own = matching.cfCoverageOf(paired);
    for (const c of used) {
      expect(c.coverage).toBeCloseTo(own[c.field], 12);
      expect(r.parameters.alternatives.cf.fields[c.field]!.r).toBeCloseTo(c.precision, 12);
    }
    const report = matching.matchingReport(r);
    expect(report.sections.flatMap((s) => s.blocks).some((b) => b.id === 'cfRates')).toBe(true);
    // the measured r moved to both ends of its interval: the measured row is the headline, the ends move it
    const iv = r.sensitivity.cfInterval!;
    expect(iv.map((x) => x.end)).toEqual(['low', 'measured', 'high']);
    expect(iv[1]!.log10Lr).toBe(r.propositions.find((x) => x.id === 'cf')!.log10Lr);
    for (const c of used) {
      expect(iv[0]!.r[c.field]).toBe(c.low);
      expect(iv[2]!.r[c.field]).toBe(c.high);
    }
    expect(iv[0]!.log10Lr).not.toBeCloseTo(iv[1]!.log10Lr, 6);
    expect(iv[2]!.log10Lr).not.toBeCloseTo(iv[1]!.log10Lr, 6);
    expect(report.sections.flatMap((s) => s.blocks).some((b) => b.id === 'cfInterval')).toBe(true);
    const given = matching.analyseMatching(evidence, { ...quick, cfCoverage: { employer: 0.1, school: 0.1, title: 0.1 } });
    expect(given.parameters.alternatives.cf.fields.school!.r).toBeCloseTo(matching.cfPrecisionAt('school', 0.1).precision, 12);
    const mine = { ...matching.DEFAULT_ALTERNATIVES.cf, fields: { ...matching.DEFAULT_ALTERNATIVES.cf.fields, school: { ...matching.DEFAULT_ALTERNATIVES.cf.fields.school!, r: 0.123 } } };
    const stated = matching.analyseMatching(evidence, { ...quick, alternatives: { ...matching.DEFAULT_ALTERNATIVES, cf: mine } as typeof quick.alternatives });
    expect(stated.parameters.cfRatesUsed).toBeNull();
    expect(stated.sensitivity.cfInterval).toBeNull();
    expect(stated.parameters.alternatives.cf.fields.school!.r).toBe(0.123);
  }, 120_000);
});
