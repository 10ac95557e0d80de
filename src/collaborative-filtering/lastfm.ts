/**
 * Loader for the LastFM Asia social network (B. Rozemberczki and R. Sarkar, "Characteristic
 * Functions on Graphs: Birds of a Feather, from Statistical Descriptors to Parametric Models",
 * CIKM 2020), as committed in datasets/reference/lastfm-asia/ (README there: origin, MIT
 * licence, SHA-256): `lastfm_asia_edges.csv` (header `node_1,node_2`, 7,624 nodes, 27,806
 * undirected edges) and `lastfm_asia_target.csv` (header `id,target`, the anonymised country
 * 0..17 of every node). The country is returned as multi-labels (one value per node) so the
 * same calibration code path as SNAP ego-Facebook reads it. Read-only.
 *
 * Refused, as an `EvidenceError` naming file, line, column and value (never a partial
 * result): a wrong header; a row that is not two non-negative integers; a node id outside
 * the graph; a node listed twice in the target file.
 *
 * @example
 * const fm = await loadLastfmAsia('datasets/reference/lastfm-asia');
 * fm.graph.n;                          // => 7624
 * labelStats(fm.attributes.country);   // => { labelled: 7624, values: 18 }
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EvidenceError, type EvidenceIssue } from '../io/errors';
import { assertRegularFile } from '../io/evidenceFile';
import type { CsrGraph } from '../graph/csr';
import { loadEdgeList } from './edgeList';
import { multiFromLists, type MultiLabels } from './labels';

/** The attribute used for calibration and what it is. */
export const LASTFM_ATTRIBUTES = Object.freeze({ country: 'country (anonymised 0..17)' } as const);

export type LastfmAttribute = keyof typeof LASTFM_ATTRIBUTES;

export const LASTFM_FILES = Object.freeze({ edges: 'lastfm_asia_edges.csv', target: 'lastfm_asia_target.csv' });

export interface LastfmAsia {
  graph: CsrGraph;
  /** Country per node as multi-labels (one value; empty = unlabelled). */
  attributes: Record<LastfmAttribute, MultiLabels>;
  /** Files read, with SHA-256 and size. */
  provenance: Array<{ path: string; sha256: string; bytes: number }>;
}

/** Load the LastFM Asia graph and its country labels; `dir` is the folder holding the two CSV files. */
export async function loadLastfmAsia(dir: string): Promise<LastfmAsia> {
  const edgePath = join(dir, LASTFM_FILES.edges);
  const targetPath = join(dir, LASTFM_FILES.target);
  const loaded = await loadEdgeList(edgePath, { header: 'node_1,node_2' });
  const graph = loaded.graph;
  const bytes = assertRegularFile(targetPath);
  const raw = readFileSync(targetPath);
  const file = basename(targetPath);
  const lines = raw.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const issues: EvidenceIssue[] = [];
  const header = (lines[0] ?? '').replace(/\r$/, '');
  if (header !== 'id,target') issues.push({ file, row: 1, rowKind: 'line', value: header.slice(0, 80), message: 'expected the header line "id,target"' });
  const country: Array<number[] | undefined> = new Array(graph.n);
  for (let i = 1; i < lines.length && issues.length < 50; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const m = /^(\d+),(\d+)$/.exec(line);
    if (!m) {
      issues.push({ file, row: i + 1, rowKind: 'line', value: line.slice(0, 80), message: 'expected "node,country" (two non-negative integers)' });
      continue;
    }
    const node = Number(m[1]);
    if (node >= graph.n) {
      issues.push({ file, row: i + 1, rowKind: 'line', column: 'id', value: m[1]!, message: `node id outside the graph (0..${graph.n - 1}, from ${LASTFM_FILES.edges})` });
      continue;
    }
    if (country[node]) {
      issues.push({ file, row: i + 1, rowKind: 'line', column: 'id', value: m[1]!, message: 'node listed twice' });
      continue;
    }
    country[node] = [Number(m[2])];
  }
  if (lines.length < 2) issues.push({ file, message: 'no target row: the file has no "node,country" line' });
  if (issues.length) throw new EvidenceError(issues, { truncated: issues.length >= 50 });
  return {
    graph,
    attributes: { country: multiFromLists(country) },
    provenance: [
      { path: edgePath, sha256: loaded.provenance.sha256, bytes: loaded.provenance.bytes },
      { path: targetPath, sha256: createHash('sha256').update(raw).digest('hex'), bytes },
    ],
  };
}

/**
 * Published reference figures for LastFM Asia. The paper introducing the data set reports
 * node-classification results on it; its figures could not be re-read from this offline
 * build machine, so no accuracy is quoted (null = not verified) rather than one invented.
 */
export const LASTFM_PUBLISHED_REFERENCES = Object.freeze([
  {
    source: 'Rozemberczki & Sarkar, "Characteristic Functions on Graphs: Birds of a Feather, from Statistical Descriptors to Parametric Models", CIKM 2020 (arXiv:2005.07959)',
    finding: 'introduces LastFM Asia (7,624 users, 27,806 mutual-follower edges, country of 18) with node classification of the country as its task; the accuracy figures of that paper are NOT VERIFIED here (not re-read from this offline machine), so none is quoted',
    knownShare: null as number | null,
    accuracy: null as number | null,
    verified: false,
  },
]);
