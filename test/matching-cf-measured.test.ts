/**
 * The `cf` alternative's employer, school and title rates come from a measurement on real data
 * (collaborative filtering on SNAP ego-Facebook, precision of the most confident inferences at the
 * cf model's shown rate): the committed figures are what the measurement gives today, and the
 * model uses them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CF_FIELD_ACCURACY_OPTIONS, COLLABORATIVE_FILTERING_DEFAULTS, measureCfFieldAccuracy } from '../src/collaborative-filtering';
import { DEFAULT_ALTERNATIVES } from '../src/matching';
import { CF_FIELD_ACCURACY_MEASURED } from '../src/matching/cfFieldAccuracyMeasured';
import { referenceDatasets } from './reference-data';

describe('cf alternative: field rates measured on SNAP ego-Facebook', () => {
  it('the committed measurement is what measureCfFieldAccuracy gives (same seed, same figures)', async () => {
    const m = await measureCfFieldAccuracy(join(referenceDatasets, 'snap-ego-facebook'), CF_FIELD_ACCURACY_OPTIONS);
    expect(m).toEqual(JSON.parse(JSON.stringify(CF_FIELD_ACCURACY_MEASURED)));
    // the collaborative-filtering analysis's own calibration settings
    expect(m.shares).toEqual(COLLABORATIVE_FILTERING_DEFAULTS.snapShares);
    expect(m.seed).toBe(COLLABORATIVE_FILTERING_DEFAULTS.seed);
    // the graph file is the committed one (its SHA-256 is in the data set's README)
    expect(m.graphFile.sha256).toBe('0abae749eec6d1d31ee667d2c82a027e7f2c5fa6453bdf00690bf8da794f8110');
    for (const f of m.fields) {
      expect(f.low).toBeLessThanOrEqual(f.precision);
      expect(f.high).toBeGreaterThanOrEqual(f.precision);
      expect(f.shown).toBeGreaterThan(10);
      // a confident subset is right at least as often as everyone (selective display), here strictly more often
      expect(f.precision).toBeGreaterThan(f.accuracy);
    }
  }, 120_000);
  it('shows each field at the cf model\'s own shown rate, and the model uses the measured precision as r', () => {
    const cf = DEFAULT_ALTERNATIVES.cf;
    for (const f of CF_FIELD_ACCURACY_MEASURED.fields) {
      expect(CF_FIELD_ACCURACY_OPTIONS.coverage[f.field], f.field).toBe(cf.shown[f.field]);
      expect(f.coverage, f.field).toBe(cf.shown[f.field]);
      expect(cf.fields[f.field]!.r, f.field).toBe(f.precision);
    }
    const text = cf.assumptions.join(' ');
    expect(text).toContain('SNAP ego-Facebook');
    expect(text).toContain(`school ${CF_FIELD_ACCURACY_MEASURED.fields.find((f) => f.field === 'school')!.precision.toFixed(2)}`);
  });
  it('selective display: the precision of the confident subset falls as coverage grows to everyone (same split, same method)', async () => {
    const wide = await measureCfFieldAccuracy(join(referenceDatasets, 'snap-ego-facebook'), { ...CF_FIELD_ACCURACY_OPTIONS, coverage: { employer: 1, school: 1, title: 1 } });
    for (const f of wide.fields) {
      const narrow = CF_FIELD_ACCURACY_MEASURED.fields.find((x) => x.field === f.field)!;
      expect(f.precision, f.field).toBeLessThanOrEqual(narrow.precision);
    }
  }, 120_000);
});
