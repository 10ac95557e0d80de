/**
 * Loader for the SNAP ego-Facebook data set (J. McAuley and J. Leskovec, "Learning to Discover
 * Social Circles in Ego Networks", NIPS 2012), as committed in datasets/reference/snap-ego-facebook/ (README there: origin, terms, SHA-256):
 * the combined friendship graph (`facebook/facebook_combined.txt`, 4,039 nodes, 88,234 edges,
 * CRLF) plus the ten ego networks' anonymised 0/1 profile features. Feature value ids are
 * global ("anonymized feature K" is the same value in every ego's file), so pooling the ego
 * files gives one value set per node and attribute. Read-only: the files are evidence from
 * others and are never modified.
 *
 * @example
 * const fb = await loadSnapEgoFacebook('datasets/reference/snap-ego-facebook');
 * fb.graph.n;                        // => 4039
 * fb.attributes.employer.values.length; // value ids of all employer labels
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceError } from '../io/errors';
import type { CsrGraph } from '../graph/csr';
import { loadEdgeList } from './edgeList';
import { multiFromLists, type MultiLabels } from './labels';

/** The four attributes used for calibration and the SNAP category of each. */
export const SNAP_ATTRIBUTES = Object.freeze({
  employer: 'work;employer;id',
  school: 'education;school;id',
  position: 'work;position;id',
  location: 'location;id',
} as const);

export type SnapAttribute = keyof typeof SNAP_ATTRIBUTES;

export interface SnapEgoFacebook {
  graph: CsrGraph;
  /** Per attribute: value ids (dense 0..K-1) per node; empty = unlabelled. */
  attributes: Record<SnapAttribute, MultiLabels>;
  /** Per attribute: the original global feature id K of each dense value id. */
  valueIds: Record<SnapAttribute, number[]>;
  /** Files read, with SHA-256 for the graph file. */
  provenance: Array<{ path: string; sha256?: string; bytes?: number }>;
}

/** Load the combined graph and pool the ego feature files. `dir` is the folder holding `facebook/`. */
export async function loadSnapEgoFacebook(dir: string): Promise<SnapEgoFacebook> {
  const fbDir = join(dir, 'facebook');
  const edgeFile = join(fbDir, 'facebook_combined.txt');
  const loaded = await loadEdgeList(edgeFile);
  const graph = loaded.graph;
  const provenance: SnapEgoFacebook['provenance'] = [
    { path: edgeFile, sha256: loaded.provenance.sha256, bytes: loaded.provenance.bytes },
  ];
  const egos = readdirSync(fbDir)
    .filter((f) => f.endsWith('.featnames'))
    .map((f) => f.slice(0, -'.featnames'.length))
    .sort((a, b) => Number(a) - Number(b));
  const names = Object.keys(SNAP_ATTRIBUTES) as SnapAttribute[];
  const sets: Record<SnapAttribute, Array<Set<number> | undefined>> = {
    employer: [], school: [], position: [], location: [],
  };
  for (const ego of egos) {
    const fnPath = join(fbDir, `${ego}.featnames`);
    const featPath = join(fbDir, `${ego}.feat`);
    const egoPath = join(fbDir, `${ego}.egofeat`);
    provenance.push({ path: fnPath }, { path: featPath }, { path: egoPath });
    // Column index -> [attribute, global value id]
    const columns: Array<[SnapAttribute, number] | undefined> = [];
    readFileSync(fnPath, 'utf8').split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      const m = /^(\d+) (.*);anonymized feature (\d+)$/.exec(line.trim());
      if (!m) throw new EvidenceError({ file: fnPath, row: i + 1, rowKind: 'line', value: line, message: 'expected "idx category;anonymized feature K"' });
      const attr = names.find((a) => SNAP_ATTRIBUTES[a] === m[2]);
      columns[Number(m[1])] = attr ? [attr, Number(m[3])] : undefined;
    });
    const addRow = (node: number, flags: string[], file: string, line: number) => {
      if (flags.length !== columns.length) {
        throw new EvidenceError({ file, row: line, rowKind: 'line', value: `${flags.length} flags`, message: `expected ${columns.length} feature flags` });
      }
      for (let c = 0; c < flags.length; c++) {
        if (flags[c] !== '1') continue;
        const col = columns[c];
        if (!col) continue;
        const arr = sets[col[0]];
        (arr[node] ??= new Set()).add(col[1]);
      }
    };
    readFileSync(featPath, 'utf8').split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      const parts = line.trim().split(/\s+/);
      const node = Number(parts[0]);
      if (!Number.isInteger(node) || node < 0 || node >= graph.n) throw new EvidenceError({ file: featPath, row: i + 1, rowKind: 'line', value: parts[0], message: 'node id outside the graph' });
      addRow(node, parts.slice(1), featPath, i + 1);
    });
    const egoLine = readFileSync(egoPath, 'utf8').trim();
    addRow(Number(ego), egoLine.split(/\s+/), egoPath, 1);
  }
  const attributes = {} as Record<SnapAttribute, MultiLabels>;
  const valueIds = {} as Record<SnapAttribute, number[]>;
  for (const a of names) {
    const ids = new Map<number, number>();
    const all = new Set<number>();
    for (const s of sets[a]) if (s) for (const v of s) all.add(v);
    const sorted = [...all].sort((x, y) => x - y);
    sorted.forEach((v, i) => ids.set(v, i));
    const lists: number[][] = [];
    for (let u = 0; u < graph.n; u++) lists.push(sets[a][u] ? [...sets[a][u]!].map((v) => ids.get(v)!).sort((x, y) => x - y) : []);
    attributes[a] = multiFromLists(lists);
    valueIds[a] = sorted;
  }
  return { graph, attributes, valueIds, provenance };
}

/** Labelled nodes and distinct values of a multi-valued attribute. */
export function labelStats(l: MultiLabels): { labelled: number; values: number } {
  let labelled = 0;
  for (let u = 0; u + 1 < l.offsets.length; u++) if (l.offsets[u + 1]! > l.offsets[u]!) labelled++;
  return { labelled, values: new Set(l.values).size };
}

/**
 * Published reference numbers to show next to the calibration (quoted from the abstracts).
 */
export const PUBLISHED_REFERENCES = Object.freeze([
  {
    source: 'Mislove, Viswanath, Gummadi & Druschel, "You are who you know: inferring user profiles in online social networks", WSDM 2010',
    finding: 'certain user attributes can be inferred with high accuracy when given information on as little as 20% of the users (community-bound attributes: college, dorm, year, major)',
    knownShare: 0.2,
    accuracy: null as number | null,
  },
  {
    source: 'Gong & Liu, "You are who you know and how you behave: attribute inference attacks via users\' social friends and behaviors", USENIX Security 2016',
    finding: 'cities lived correctly inferred for 57% of 1.1 million Google+ users from friends AND behaviour; over 90% only when attacking the most confident half',
    knownShare: null as number | null,
    accuracy: 0.57 as number | null,
  },
]);
