import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MATCHING_DATASET_FILES, writeMatchingDataset } from '../src/matching';

const committed = join(__dirname, '..', 'datasets', 'matching');

describe('datasets/matching', () => {
  it('regenerating gives byte-identical files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matching-ds-'));
    const files = writeMatchingDataset(dir);
    expect(files).toEqual([...MATCHING_DATASET_FILES, 'README.md']);
    for (const f of files) expect(readFileSync(join(dir, f)).equals(readFileSync(join(committed, f))), f).toBe(true);
  });
  it('the README labels the set SYNTHETIC and lists the SHA-256 of each file', () => {
    const readme = readFileSync(join(committed, 'README.md'), 'utf8');
    expect(readme).toMatch(/SYNTHETIC/);
    expect(readme).toMatch(/Seed \*\*704\*\*/);
    for (const f of MATCHING_DATASET_FILES) {
      const sha = createHash('sha256').update(readFileSync(join(committed, f))).digest('hex');
      expect(readme).toContain(sha);
    }
  });
});
