import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateOnSnap } from '../src/collaborative-filtering/calibration';
import { meanBy } from '../src/stats/meanBy';
import { labelStats, loadSnapEgoFacebook } from '../src/collaborative-filtering/snap';
import { referenceDatasets } from './reference-data';

const dir = join(referenceDatasets, 'snap-ego-facebook');

describe('SNAP ego-Facebook (McAuley & Leskovec 2012), pooled ego features', () => {
  it('matches the counts in datasets/reference/snap-ego-facebook/README.md', async () => {
    const fb = await loadSnapEgoFacebook(dir);
    expect(fb.graph.n).toBe(4039);
    expect(fb.graph.targets.length / 2).toBe(88234);
    expect(labelStats(fb.attributes.employer)).toEqual({ labelled: 638, values: 145 });
    expect(labelStats(fb.attributes.school)).toEqual({ labelled: 2696, values: 357 });
    expect(labelStats(fb.attributes.position)).toEqual({ labelled: 386, values: 63 });
    expect(labelStats(fb.attributes.location)).toEqual({ labelled: 1659, values: 75 });
  });
  it('calibration: inference from friends beats guessing the mode, and stays under the copy ceiling for the vote', async () => {
    const fb = await loadSnapEgoFacebook(dir);
    const rows = calibrateOnSnap(fb, { shares: [0.5], methods: ['vote'], attributes: ['school', 'location'], seed: 1 });
    const m = meanBy(rows, ['attribute', 'method'], 'accuracy') as Array<{ attribute: string; method: string; accuracy: number }>;
    for (const a of ['school', 'location']) {
      const get = (k: string) => m.find((r) => r.attribute === a && r.method === k)!.accuracy;
      expect(get('vote')).toBeGreaterThan(get('mostFrequent'));
      expect(get('vote')).toBeLessThanOrEqual(get('copyCeiling'));
    }
  });
});
