/**
 * The `cf` alternative's employer, school and title rates come from a measurement on real data
 * (collaborative filtering on SNAP ego-Facebook): the committed figures are what the measurement
 * gives today, and the model uses them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestInferenceAccuracy, CF_FIELD_ACCURACY_OPTIONS, COLLABORATIVE_FILTERING_DEFAULTS, measureCfFieldAccuracy, type CalibrationRow } from '../src/collaborative-filtering';
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
      expect(f.low).toBeLessThanOrEqual(f.accuracy);
      expect(f.high).toBeGreaterThanOrEqual(f.accuracy);
      expect(f.targetsWithKnownValue).toBeGreaterThan(50);
    }
  }, 120_000);
  it('the cf model uses the measured rates for employer, school and title, and says where they come from', () => {
    const cf = DEFAULT_ALTERNATIVES.cf;
    for (const f of CF_FIELD_ACCURACY_MEASURED.fields) expect(cf.fields[f.field]!.r, f.field).toBe(f.accuracy);
    expect(cf.assumptions.join(' ')).toContain('SNAP ego-Facebook');
    expect(cf.assumptions.join(' ')).toContain(CF_FIELD_ACCURACY_MEASURED.fields[1]!.accuracy.toFixed(2));
  });
  it('takes the largest inference accuracy per attribute, never the copy ceiling or the most-frequent baseline', () => {
    const row = (attribute: string, method: CalibrationRow['method'], accuracy: number, knownShare: number, n = 100): CalibrationRow =>
      ({ graph: 'g', attribute, knownShare, method, accuracy, targets: n, targetsWithKnownValue: n, repeat: 0, seed: 1 });
    const best = bestInferenceAccuracy([
      row('a', 'vote', 0.2, 0.2), row('a', 'knn', 0.4, 0.5), row('a', 'copyCeiling', 0.9, 0.5), row('a', 'mostFrequent', 0.6, 0.8),
      row('b', 'labelPropagation', 0.3, 0.2, 50), row('b', 'vote', 0.3, 0.8, 80),
    ]);
    expect(best.find((b) => b.attribute === 'a')).toMatchObject({ accuracy: 0.4, method: 'knn', knownShare: 0.5 });
    // a tie goes to the larger denominator
    expect(best.find((b) => b.attribute === 'b')).toMatchObject({ method: 'vote', targetsWithKnownValue: 80 });
  });
});
