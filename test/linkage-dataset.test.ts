/** The committed synthetic set datasets/linkage/ is exactly what its generator writes (SHA-256). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Bytes } from '../src/io';
import {
  LINKAGE_DATASET_PARAMS, LINKAGE_DISPLAYED_SCHEMA, linkProfileTables, linkageDatasetFiles, linkedProfileRows, loadLinkageTables, loadLinkageTruth,
  nameFrequencyRows,
} from '../src/linkage';

const dir = join(__dirname, '..', 'datasets', 'linkage');

describe('datasets/linkage', () => {
  const files = linkageDatasetFiles();

  it('regenerates byte-identical files, and the README states their SHA-256', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/SYNTHETIC/);
    expect(readme).toContain(`Seed ${LINKAGE_DATASET_PARAMS.seed}`);
    for (const [name, text] of Object.entries(files)) {
      const committed = readFileSync(join(dir, name));
      expect(sha256Bytes(committed), name).toBe(sha256Bytes(text));
      expect(readme).toContain(sha256Bytes(text));
    }
  });

  it('is a few thousand rows at most, loads through io.readTable, answer key points at real rows', async () => {
    const t = await loadLinkageTables(join(dir, 'displayed.csv'), join(dir, 'source.csv'));
    expect(t.displayed).toHaveLength(LINKAGE_DATASET_PARAMS.displayed);
    expect(t.source).toHaveLength(LINKAGE_DATASET_PARAMS.source);
    expect(t.provenance.map((p) => p.sha256)).toEqual([sha256Bytes(files['displayed.csv']!), sha256Bytes(files['source.csv']!)]);
    const truth = await loadLinkageTruth(join(dir, 'truth.csv'));
    const ids = new Set(t.sourceRows.map((r) => r.id));
    for (const s of truth.pairs.values()) expect(ids.has(s)).toBe(true);
    expect(truth.pairs.size).toBe(Math.round(LINKAGE_DATASET_PARAMS.displayed * LINKAGE_DATASET_PARAMS.matchedShare));
    expect(LINKAGE_DISPLAYED_SCHEMA.columns.map((c) => c.name)).toEqual(files['displayed.csv']!.split('\n')[0]!.split(','));
  });

  it('notebook helpers: linked rows mask names; common names get a smaller TF adjustment', async () => {
    const t = await loadLinkageTables(join(dir, 'displayed.csv'), join(dir, 'source.csv'));
    const run = linkProfileTables(t, { seed: 3, uPairs: 20_000 });
    const rows = linkedProfileRows(t, run, { confidentThreshold: 0.99 });
    expect(rows).toHaveLength(t.displayed.length);
    const named = rows.find((r) => r['source account'] !== '')!;
    expect(String(named['displayed name'])).toMatch(/\*/);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['confident', 'probable', 'no source account found']));
    const tf = nameFrequencyRows(t, run, { limit: 50 });
    expect(tf.length).toBeGreaterThan(3);
    for (let k = 1; k < tf.length; k++) {
      const a = tf[k - 1]!, b = tf[k]!;
      expect(a['source accounts with this name'] as number).toBeGreaterThanOrEqual(b['source accounts with this name'] as number);
      if ((a['source accounts with this name'] as number) > (b['source accounts with this name'] as number)) {
        expect(a['TF adjustment log2(u / tf)'] as number).toBeLessThan(b['TF adjustment log2(u / tf)'] as number);
      }
    }
  });
});
