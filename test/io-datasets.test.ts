import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS_DIR, datasetCatalogue, datasetMetadata, sha256Bytes, syntheticSources } from '../src/io';
import { syntheticNoticesFor } from '../src/report';

describe('datasets/*/dataset.json', () => {
  const all = datasetCatalogue();
  it('every data set folder with data has metadata, and every listed SHA-256 is the file on disk', () => {
    expect(all.map((d) => d.dataset)).toEqual(expect.arrayContaining(['datasets/matching', 'datasets/retention', 'datasets/shadow']));
    for (const d of all) {
      expect(Object.keys(d.files).length).toBeGreaterThan(0);
      for (const [f, sha] of Object.entries(d.files)) expect(sha256Bytes(readFileSync(join(DATASETS_DIR, d.dataset.slice('datasets/'.length), f))), `${d.dataset}/${f}`).toBe(sha);
      if (d.synthetic) {
        expect(d.generator, d.dataset).toBeTruthy();
        expect(typeof d.seed, d.dataset).toBe('number');
      }
      for (const k of d.answerKey ?? []) expect(d.files[k], `${d.dataset} answer key ${k}`).toBeDefined();
    }
  });
  it('the SYNTHETIC label follows the bytes: a synthetic file is found by its SHA-256, anything else is not', () => {
    const m = datasetMetadata('retention');
    const sha = m.files['claim.json']!;
    expect(syntheticSources([{ sha256: sha }])[0]!.metadata.dataset).toBe('datasets/retention');
    expect(syntheticSources([{ sha256: sha }, { sha256: 'f'.repeat(64) }])[0]!.allInputs).toBe(false);
    expect(syntheticSources([{ sha256: '0'.repeat(64) }])).toEqual([]);
    const n = syntheticNoticesFor([{ sha256: sha }]);
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ dataset: 'datasets/retention', seed: m.seed, files: ['claim.json'] });
  });
});
