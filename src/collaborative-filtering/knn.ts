/**
 * User-based k-nearest-neighbour collaborative filtering on contact lists: two people are
 * similar when their address books (neighbour sets) overlap; a target's value is the
 * similarity-weighted vote of the k most similar labelled users. This is the textbook user-kNN
 * of recommender systems (Resnick et al., "GroupLens", CSCW 1994; Herlocker et al., SIGIR
 * 1999) with contacts playing the role of rated items.
 *
 * Similarity on closed neighbourhoods N[u] = N(u) ∪ {u} (so a direct contact shares at least
 * the two of them): Jaccard |N[u] ∩ N[v]| / |N[u] ∪ N[v]| or cosine |N[u] ∩ N[v]| /
 * sqrt(|N[u]| |N[v]|). Candidates are the labelled nodes within two hops. Repeated edges count
 * once. Ties in similarity go to the smaller node id; ties in the vote to the lower value rank.
 *
 * @example
 * // triangle 0-1-2 plus pendant 3 on 2; node 3 unknown
 * const g = csrFromEdges(4, Int32Array.from([0, 1, 0, 2]), Int32Array.from([1, 2, 2, 3]));
 * userKnn(g, Int32Array.from([1, 1, 2, -1]), { k: 1 }).predicted; // => Int32Array [2]
 */
import type { CsrGraph } from '../graph/csr';
import { frequencyRanks, hasLabel, isMulti, unlabelledNodes, valueSpace, type Labels } from './labels';
import type { Predictions } from './vote';

export type SimilarityMeasure = 'jaccard' | 'cosine';

export interface KnnOptions {
  /** Number of similar users that vote (default 10). */
  k?: number;
  similarity?: SimilarityMeasure;
  targets?: Int32Array;
  rank?: Int32Array;
  onProgress?: (done: number, total: number) => void;
}

/** Number of distinct neighbours of every node (repeated edges and self-loops counted once/never). */
export function distinctDegrees(g: CsrGraph): Int32Array {
  const stamp = new Int32Array(g.n).fill(-1);
  const deg = new Int32Array(g.n);
  for (let u = 0; u < g.n; u++) {
    let d = 0;
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
      const v = g.targets[k]!;
      if (v === u || stamp[v] === u) continue;
      stamp[v] = u;
      d++;
    }
    deg[u] = d;
  }
  return deg;
}

export function userKnn(g: CsrGraph, labels: Labels, options: KnnOptions = {}): Predictions {
  const k = options.k ?? 10;
  if (!(k >= 1) || !Number.isInteger(k)) throw new RangeError(`k must be a positive integer, got ${k}`);
  const sim = options.similarity ?? 'jaccard';
  const targets = options.targets ?? unlabelledNodes(labels);
  const space = valueSpace(labels);
  const rank = options.rank ?? frequencyRanks(labels, space);
  const n = g.n;
  const ddeg = distinctDegrees(g);
  const common = new Int32Array(n);
  const lastW = new Int32Array(n).fill(-1); // dedupe y within N(w) for the current w
  const seenW = new Int32Array(n).fill(-1); // dedupe w within N(t) for the current target
  const cand: number[] = [];
  const sums = new Float64Array(Math.max(1, space));
  const predicted = new Int32Array(targets.length).fill(-1);
  const support = new Float64Array(targets.length);
  let arcs = 0;
  const off = g.offsets;
  const tg = g.targets;
  const single = isMulti(labels) ? undefined : labels;
  const multi = isMulti(labels) ? labels : undefined;
  const bump = (y: number, t: number) => {
    if (y === t || !hasLabel(labels, y)) return;
    if (common[y] === 0) cand.push(y);
    common[y]++;
  };
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    cand.length = 0;
    // w ranges over N[t] = N(t) ∪ {t}; y over N[w] = N(w) ∪ {w}; y ∈ N[w] ⇔ w ∈ N[y].
    const visit = (w: number) => {
      bump(w, t);
      lastW[w] = w;
      for (let a = off[w]!; a < off[w + 1]!; a++) {
        const y = tg[a]!;
        arcs++;
        if (lastW[y] === w || y === w) continue;
        lastW[y] = w;
        bump(y, t);
      }
    };
    visit(t);
    for (let a = off[t]!; a < off[t + 1]!; a++) {
      const w = tg[a]!;
      if (w === t || seenW[w] === t) continue;
      seenW[w] = t;
      visit(w);
    }
    // Marks hold the w that set them; clear them so the next target cannot read a stale one.
    for (let a = off[t]!; a < off[t + 1]!; a++) clearMarks(g, tg[a]!, lastW);
    clearMarks(g, t, lastW);
    const nt = ddeg[t]! + 1;
    const scored: Array<[number, number]> = [];
    for (const y of cand) {
      const c = common[y]!;
      common[y] = 0;
      const ny = ddeg[y]! + 1;
      const s = sim === 'jaccard' ? c / (nt + ny - c) : c / Math.sqrt(nt * ny);
      scored.push([s, y]);
    }
    if (scored.length === 0) continue;
    scored.sort((p, q) => q[0] - p[0] || p[1] - q[1]);
    const top = Math.min(k, scored.length);
    let best = -1;
    let bestS = 0;
    let bestR = 0x7fffffff;
    const touched: number[] = [];
    for (let j = 0; j < top; j++) {
      const [s, y] = scored[j]!;
      const from = multi ? multi.offsets[y]! : 0;
      const to = multi ? multi.offsets[y + 1]! : 1;
      for (let q = from; q < to; q++) {
        const l = multi ? multi.values[q]! : single![y]!;
        if (sums[l] === 0) touched.push(l);
        const v = (sums[l] += s);
        if (v > bestS || (v === bestS && rank[l]! < bestR)) {
          best = l;
          bestS = v;
          bestR = rank[l]!;
        }
      }
    }
    for (const l of touched) sums[l] = 0;
    predicted[i] = best;
    support[i] = bestS;
    if (options.onProgress && (i + 1) % 1024 === 0) options.onProgress(i + 1, targets.length);
  }
  options.onProgress?.(targets.length, targets.length);
  return { targets, predicted, support, arcsScanned: arcs };
}

function clearMarks(g: CsrGraph, w: number, marks: Int32Array): void {
  marks[w] = -1;
  for (let a = g.offsets[w]!; a < g.offsets[w + 1]!; a++) marks[g.targets[a]!] = -1;
}
