import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDatasets } from './reference-data';
import { csrFromEdges, degree, neighbours, simplifyGraph, weightedGraph } from '../src/graph/csr';
import { loadEdgeList } from '../src/collaborative-filtering/edgeList';
import { EvidenceError } from '../src/io/errors';

describe('csrFromEdges (counting sort)', () => {
  it('stores each undirected edge twice, in input order per node', () => {
    // edges 0-1, 0-2, 2-1, 3-3 (self-loop dropped)
    const g = csrFromEdges(4, Int32Array.from([0, 0, 2, 3]), Int32Array.from([1, 2, 1, 3]));
    expect(Array.from(g.offsets)).toEqual([0, 2, 4, 6, 6]);
    expect(Array.from(neighbours(g, 0))).toEqual([1, 2]);
    expect(Array.from(neighbours(g, 1))).toEqual([0, 2]);
    expect(Array.from(neighbours(g, 2))).toEqual([0, 1]);
    expect(degree(g, 3)).toBe(0);
  });
  it('copies weights onto both arcs and can keep directed arcs only', () => {
    const g = csrFromEdges(3, Int32Array.from([0, 1]), Int32Array.from([1, 2]), { weights: Float64Array.from([0.5, 2]) });
    expect(Array.from(g.weights!)).toEqual([0.5, 0.5, 2, 2]);
    const d = csrFromEdges(3, Int32Array.from([0, 1]), Int32Array.from([1, 2]), { undirected: false });
    expect(Array.from(d.targets)).toEqual([1, 2]);
  });
  it('rejects endpoints outside the node range', () => {
    expect(() => csrFromEdges(2, Int32Array.from([0]), Int32Array.from([2]))).toThrow(RangeError);
  });
  it('simplifyGraph merges repeated edges and sums their closeness', () => {
    const g = csrFromEdges(3, Int32Array.from([0, 1, 0]), Int32Array.from([1, 0, 2]), { weights: Float64Array.from([1, 2, 3]) });
    const s = simplifyGraph(g);
    expect(Array.from(neighbours(s, 0))).toEqual([1, 2]);
    expect(Array.from(s.weights!.subarray(0, 2))).toEqual([3, 3]);
  });
  it('weightedGraph keeps double precision, the largest weight of a repeated edge and sorted rows', () => {
    const g = weightedGraph(4, [[2, 0, 0.1], [0, 1, 0.5], [1, 0, 1], [3, 3, 9], [0, 2, 0.3]]);
    expect(g.weights).toBeInstanceOf(Float64Array);
    expect(Array.from(neighbours(g, 0))).toEqual([1, 2]);
    expect(Array.from(g.weights.subarray(g.offsets[0]!, g.offsets[1]!))).toEqual([1, 0.3]);
    expect(degree(g, 3)).toBe(0);
    const summed = weightedGraph(3, [[0, 1, 0.5], [1, 0, 1]], { repeats: 'sum' });
    expect(Array.from(summed.weights)).toEqual([1.5, 1.5]);
  });
});

describe('loadEdgeList', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-edges-'));
  it('parses CRLF, comments, blank lines and tabs', async () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, '# comment\r\n0 1\r\n\r\n1\t2\r\n2 0');
    const r = await loadEdgeList(f);
    expect(r.graph.n).toBe(3);
    expect(r.edges).toBe(3);
    expect(Array.from(neighbours(r.graph, 0)).sort()).toEqual([1, 2]);
    expect(r.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('reads weights and relabels sparse ids in order of appearance', async () => {
    const f = join(dir, 'b.txt');
    writeFileSync(f, '100 7 0.25\n7 55 1.5\n');
    const r = await loadEdgeList(f, { relabel: true, weighted: true });
    expect(r.graph.n).toBe(3);
    expect(Array.from(r.originalIds!)).toEqual([100, 7, 55]);
    expect(Array.from(r.graph.weights!)).toEqual([0.25, 0.25, 1.5, 1.5]);
  });
  it('throws an EvidenceError naming file and line for a malformed line', async () => {
    const f = join(dir, 'bad.txt');
    writeFileSync(f, '0 1\n1 x2\n2\n');
    const err = await loadEdgeList(f).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EvidenceError);
    const issues = (err as EvidenceError).issues;
    expect(issues.map((i) => i.row)).toEqual([2, 3]);
    expect((err as Error).message).toContain('bad.txt line 2');
  });
  it('loads the SNAP ego-Facebook graph (4,039 nodes, 88,234 edges, CRLF)', async () => {
    const r = await loadEdgeList(join(referenceDatasets, 'snap-ego-facebook', 'facebook', 'facebook_combined.txt'));
    expect(r.graph.n).toBe(4039);
    expect(r.edges).toBe(88234);
  });
});
