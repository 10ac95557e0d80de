import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateOnSnap, LASTFM_GRAPH_ID, splitHalfValidation } from '../src/collaborative-filtering/calibration';
import { loadEdgeList } from '../src/collaborative-filtering/edgeList';
import { loadLastfmAsia } from '../src/collaborative-filtering/lastfm';
import { valuesOf } from '../src/collaborative-filtering/labels';
import { labelStats } from '../src/collaborative-filtering/snap';
import { meanBy } from '../src/stats/meanBy';
import { evidenceFolder, issuesOf } from './evidence-helpers';
import { referenceDatasets } from './reference-data';

const dir = join(referenceDatasets, 'lastfm-asia');
const tmp = evidenceFolder('lastfm-');

/** A folder laid out like the data set's, with the given files' texts. */
function folder(name: string, edges: string, target: string): string {
  const sub = join(tmp.dir, name);
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'lastfm_asia_edges.csv'), edges);
  writeFileSync(join(sub, 'lastfm_asia_target.csv'), target);
  return sub;
}

describe('LastFM Asia (Rozemberczki & Sarkar 2020), shipped bytes', () => {
  it('matches the counts in datasets/reference/lastfm-asia/README.md', async () => {
    const fm = await loadLastfmAsia(dir);
    expect(fm.graph.n).toBe(7624);
    expect(fm.graph.targets.length / 2).toBe(27806);
    expect(labelStats(fm.attributes.country)).toEqual({ labelled: 7624, values: 18 });
    const counts = new Array(18).fill(0);
    for (let u = 0; u < fm.graph.n; u++) for (const v of valuesOf(fm.attributes.country, u)) counts[v]++;
    expect(counts[17]).toBe(1572);
    expect(counts[4]).toBe(16);
    expect(fm.provenance.map((p) => p.sha256)).toEqual([
      '548eacff61bff564ab5007831fa4a7a30e1a3956075ffd24e43310ed33555842',
      '91f19215f6eca8321feec038bd32900cf13fd4f7e041a9976cf202807c72ac16',
    ]);
  });

  it('the same calibration code path as SNAP: inference from friends beats the mode, the vote stays under the copy ceiling; rows name the graph and the denominator', async () => {
    const fm = await loadLastfmAsia(dir);
    const rows = calibrateOnSnap(fm, { shares: [0.5], methods: ['vote', 'labelPropagation'], seed: 1, graph: LASTFM_GRAPH_ID });
    expect(new Set(rows.map((r) => r.graph))).toEqual(new Set(['LastFM Asia']));
    const m = meanBy(rows, ['method'], 'accuracy') as Array<{ method: string; accuracy: number }>;
    const get = (k: string) => m.find((r) => r.method === k)!.accuracy;
    expect(get('vote')).toBeGreaterThan(get('mostFrequent'));
    expect(get('labelPropagation')).toBeGreaterThan(get('mostFrequent'));
    expect(get('vote')).toBeLessThanOrEqual(get('copyCeiling'));
    // Every node is labelled, so every hidden user's value is known.
    for (const r of rows) expect(r.targetsWithKnownValue).toBe(r.targets);
    const v = splitHalfValidation(fm, { shares: [0.5], methods: ['vote'], seed: 1, graph: LASTFM_GRAPH_ID });
    expect(v.rows[0]!.graph).toBe('LastFM Asia');
    const { targetsA, targetsB } = v.rows[0]!;
    expect(Math.abs(targetsA - targetsB)).toBeLessThanOrEqual(1);
    expect(targetsA + targetsB).toBeGreaterThan(0.45 * 7624);
    expect(targetsA + targetsB).toBeLessThan(0.55 * 7624);
  });
});

describe('LastFM Asia loader: bad input is refused with the file, line and value', () => {
  const edges = 'node_1,node_2\n0,1\n1,2\n';
  it('reads a small well-formed copy', async () => {
    const fm = await loadLastfmAsia(folder('ok', edges, 'id,target\n0,3\n1,3\n2,5\n'));
    expect(fm.graph.n).toBe(3);
    expect(labelStats(fm.attributes.country)).toEqual({ labelled: 3, values: 2 });
  });
  it('a wrong edge-file header', async () => {
    const issues = await issuesOf(loadLastfmAsia(folder('hdr', 'u,v\n0,1\n', 'id,target\n0,1\n')));
    expect(issues[0]).toMatchObject({ file: 'lastfm_asia_edges.csv', row: 1, value: 'u,v' });
  });
  it('a wrong target header, a bad row, a node outside the graph, a node listed twice', async () => {
    const issues = await issuesOf(loadLastfmAsia(folder('bad', edges, 'node,country\n0,x\n9,1\n1,2\n1,4\n')));
    expect(issues.map((i) => [i.file, i.row, i.value])).toEqual([
      ['lastfm_asia_target.csv', 1, 'node,country'],
      ['lastfm_asia_target.csv', 2, '0,x'],
      ['lastfm_asia_target.csv', 3, '9'],
      ['lastfm_asia_target.csv', 5, '1'],
    ]);
  });
  it('a missing file', async () => {
    await expect(loadLastfmAsia(join(tmp.dir, 'nowhere'))).rejects.toThrow();
  });
});

describe('loadEdgeList header option', () => {
  it('skips the declared header and counts lines from it (CRLF too)', async () => {
    const p = tmp.file('h.csv', 'a,b\r\n0,1\r\n1,x\r\n');
    const issues = await issuesOf(loadEdgeList(p, { header: 'a,b' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 3, value: 'x' });
    const ok = await loadEdgeList(tmp.file('h2.csv', 'a,b\r\n0,1\r\n'), { header: 'a,b' });
    expect(ok.edges).toBe(1);
  });
});
