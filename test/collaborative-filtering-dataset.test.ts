import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeInferenceDataset } from '../src/collaborative-filtering/dataset';
import { loadEdgeList } from '../src/collaborative-filtering/edgeList';

const committed = join(__dirname, '..', 'datasets', 'collaborative-filtering');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('datasets/collaborative-filtering (synthetic, regenerated)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-inference-'));
  const files = writeInferenceDataset(dir);
  it('regenerates byte-identical files', () => {
    expect(files.map((f) => f.name)).toEqual(['graph-5k.edges', 'attributes-5k.csv']);
    for (const f of files) expect(sha(join(committed, f.name))).toBe(f.sha256);
  });
  it('the README says SYNTHETIC and lists each SHA-256', () => {
    const readme = readFileSync(join(committed, 'README.md'), 'utf8');
    expect(readme).toContain('SYNTHETIC');
    for (const f of files) expect(readme).toContain(f.sha256);
  });
  it('the edge file loads back into a 5,000-node weighted graph', async () => {
    const r = await loadEdgeList(join(committed, 'graph-5k.edges'), { weighted: true });
    expect(r.graph.n).toBe(5000);
    expect(r.edges).toBe(50000);
    expect(r.graph.weights).toBeDefined();
  });
});
