/**
 * Neighbour majority vote and closeness-weighted vote: predict a node's value as the value
 * most frequent (or with the largest total closeness) among its labelled neighbours, the
 * baseline of attribute inference from social ties (Mislove et al., "You are who you know",
 * WSDM 2010; Zheleva & Getoor, WWW 2009). A node with no labelled neighbour gets -1 (no
 * prediction): the method copies a neighbour's value or says nothing.
 *
 * Ties go to the value with the lower `rank` (default: more frequent among all labelled nodes,
 * then smaller id), so the result is deterministic.
 *
 * One tight pass over the targets' adjacency lists on typed arrays: O(arcs), a dense count
 * array reset through a touched-list.
 *
 * @example
 * // path 0 - 1 - 2, node 1 unknown, 0 and 2 labelled 5 and 7
 * const g = csrFromEdges(3, Int32Array.from([0, 1]), Int32Array.from([1, 2]));
 * neighbourVote(g, Int32Array.from([5, -1, 7])).predicted; // => Int32Array [5] (tie: 5 < 7)
 */
import type { CsrGraph } from '../graph/csr';
import { frequencyRanks, isMulti, unlabelledNodes, valueSpace, type Labels, type MultiLabels } from './labels';

export interface VoteOptions {
  /** Nodes to predict (default: every node without a label). */
  targets?: Int32Array;
  /** Tie-break rank per value id (lower wins). Default: `frequencyRanks(labels)`. */
  rank?: Int32Array;
  /** Use the graph's closeness weights (weighted vote). */
  weighted?: boolean;
  /** Progress callback (targets done, total). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Weight of an unlabelled neighbour's current guess relative to a labelled neighbour's value
   * (label propagation only; default 0.1, resolved to 1/1000 steps).
   */
  guessWeight?: number;
}

export interface Predictions {
  targets: Int32Array;
  /** Predicted value per target (-1 = no prediction). */
  predicted: Int32Array;
  /** Votes (count or closeness) behind each prediction. */
  support: Float64Array;
  /** Arcs scanned (for throughput). */
  arcsScanned: number;
}

/** A prediction's confidence for selective display: its support, 0 where there is no prediction (it can never be shown). */
export function predictionConfidence(p: Predictions): Float64Array {
  return Float64Array.from(p.support, (v, i) => (p.predicted[i]! >= 0 ? Math.max(v, Number.MIN_VALUE) : 0));
}

/** Neighbour majority vote (unweighted). */
export function neighbourVote(g: CsrGraph, labels: Labels, options: VoteOptions = {}): Predictions {
  return vote(g, labels, undefined, { ...options, weighted: false });
}

/** Closeness-weighted vote: each labelled neighbour votes with the weight of the edge. */
export function weightedVote(g: CsrGraph, labels: Labels, options: VoteOptions = {}): Predictions {
  if (!g.weights) throw new RangeError('weightedVote: the graph has no closeness weights');
  return vote(g, labels, undefined, { ...options, weighted: true });
}

const PROGRESS_STEP = 1 << 18;

/**
 * The shared core. `extra` (optional) gives a value for unlabelled nodes (label propagation's
 * current guesses); labelled nodes always vote with their own label(s).
 */
export function vote(g: CsrGraph, labels: Labels, extra: Int32Array | undefined, options: VoteOptions = {}): Predictions {
  const targets = options.targets ?? unlabelledNodes(labels);
  let space = valueSpace(labels);
  if (extra) for (let i = 0; i < extra.length; i++) if (extra[i]! >= space) space = extra[i]! + 1;
  const rank = options.rank ?? frequencyRanks(labels, space);
  if (rank.length < space) throw new RangeError(`rank has ${rank.length} entries for ${space} values`);
  const predicted = new Int32Array(targets.length);
  const support = new Float64Array(targets.length);
  const weighted = options.weighted === true;
  const W = g.weights;
  if (weighted && !W) throw new RangeError('weighted vote needs graph weights');
  const off = g.offsets;
  const tg = g.targets;
  const T = targets.length;
  const multi = isMulti(labels) ? labels : undefined;
  const touched = new Int32Array(Math.max(16, maxDegree(g, targets)) * (multi ? 8 : 1));
  // One integer scale for both paths (known 1000, guess round(1000 · guessWeight); 1 without
  // guesses) so they give identical results when weights are integers.
  const kScale = extra ? 1000 : 1;
  const gScale = extra ? Math.round((options.guessWeight ?? 0.1) * 1000) : 0;
  // Fast path (single labels, unweighted): one state array in `tallyNeighbours`' encoding.
  const state = multi || weighted ? undefined : extra ? guessState(labels as Int32Array, extra) : (labels as Int32Array);
  const counts = state ? new Int32Array(space) : undefined;
  const sums = state ? undefined : new Float64Array(space);
  const tally: Tally = { total: 0, touched };
  let arcs = 0;
  const onProgress = options.onProgress;
  for (let i = 0; i < T; i++) {
    const t = targets[i]!;
    const a = off[t]!;
    const b = off[t + 1]!;
    arcs += b - a;
    predicted[i] = state
      ? tallyNeighbours(tg, a, b, state, kScale, gScale, counts!, touched, rank, tally)
      : tallyGeneral(tg, a, b, weighted ? W : undefined, labels, multi, extra, kScale, gScale, sums!, rank, tally);
    support[i] = tally.total / kScale;
    if (onProgress && (i + 1) % PROGRESS_STEP === 0) onProgress(i + 1, T);
  }
  onProgress?.(T, T);
  return { targets, predicted, support, arcsScanned: arcs };
}

/** The winner's total of the last tally, and the touched-list scratch (grown on demand). */
export interface Tally {
  total: number;
  touched: Int32Array;
}

/**
 * Labels and guesses in one array, the encoding of `tallyNeighbours`: a known label as itself
 * (>= 0), a guess g of an unlabelled node as -(g + 2), neither as -1.
 */
function guessState(labels: Int32Array, extra: Int32Array): Int32Array {
  const state = labels.slice();
  for (let v = 0; v < state.length; v++) if (state[v]! < 0) state[v] = extra[v]! >= 0 ? -extra[v]! - 2 : -1;
  return state;
}

/**
 * The single-label, unweighted neighbour tally shared by the vote and label propagation: count
 * the votes of the neighbours `tg[a..b)`, each read as `state[v]` (known label l >= 0: weight
 * `kw`; -1: no vote; -(g + 2): guess g, weight `gw`, no vote when `gw` is 0), and return the
 * value with the largest total (ties: lower `rank`), -1 when none voted; the total goes to
 * `tally.total`. `counts` (dense, per value) must be all 0 on entry and is reset through
 * `touched` (room for b - a values) on return. One random access per arc: the hot loop.
 */
export function tallyNeighbours(
  tg: Int32Array,
  a: number,
  b: number,
  state: Int32Array,
  kw: number,
  gw: number,
  counts: Int32Array,
  touched: Int32Array,
  rank: Int32Array,
  tally: Tally,
): number {
  let best = -1;
  let bestC = 0;
  let bestR = 0x7fffffff;
  let nt = 0;
  for (let k = a; k < b; k++) {
    const sv = state[tg[k]!]!;
    if (sv === -1) continue;
    let l: number;
    let inc: number;
    if (sv >= 0) {
      l = sv;
      inc = kw;
    } else {
      if (gw === 0) continue;
      l = -sv - 2;
      inc = gw;
    }
    if (counts[l] === 0) touched[nt++] = l;
    const c = (counts[l] += inc);
    if (c > bestC || (c === bestC && rank[l]! < bestR)) {
      best = l;
      bestC = c;
      bestR = rank[l]!;
    }
  }
  for (let k = 0; k < nt; k++) counts[touched[k]!] = 0;
  tally.total = bestC;
  return best;
}

/**
 * The general tally (closeness weights `W` and/or multi-valued labels): like
 * `tallyNeighbours`, with float totals in `sums`; an unlabelled neighbour votes with its guess
 * `extra[v]` (weight `gScale`) when given. `tally.touched` grows when a node has many values.
 */
function tallyGeneral(
  tg: Int32Array,
  a: number,
  b: number,
  W: ArrayLike<number> | undefined,
  labels: Labels,
  multi: MultiLabels | undefined,
  extra: Int32Array | undefined,
  kScale: number,
  gScale: number,
  sums: Float64Array,
  rank: Int32Array,
  tally: Tally,
): number {
  const single = multi ? undefined : (labels as Int32Array);
  let touchedBuf = tally.touched;
  let best = -1;
  let bestC = 0;
  let bestR = 0x7fffffff;
  let nt = 0;
  for (let k = a; k < b; k++) {
    const v = tg[k]!;
    const w = W ? W[k]! : 1;
    if (w <= 0) continue;
    let from = 0;
    let to = 0;
    let own = -1;
    if (multi) {
      from = multi.offsets[v]!;
      to = multi.offsets[v + 1]!;
    } else {
      own = single![v]!;
    }
    let wv = w * kScale;
    if ((multi && from === to) || (!multi && own < 0)) {
      if (extra === undefined || extra[v]! < 0) continue;
      own = extra[v]!;
      from = to = 0;
      wv = w * gScale;
      if (wv <= 0) continue;
    }
    const cnt = own >= 0 ? 1 : to - from;
    for (let j = 0; j < cnt; j++) {
      const l = own >= 0 ? own : multi!.values[from + j]!;
      if (sums[l] === 0) {
        if (nt === touchedBuf.length) {
          const nb = new Int32Array(touchedBuf.length * 2);
          nb.set(touchedBuf);
          touchedBuf = nb;
        }
        touchedBuf[nt++] = l;
      }
      const c = (sums[l] += wv);
      if (c > bestC || (c === bestC && rank[l]! < bestR)) {
        best = l;
        bestC = c;
        bestR = rank[l]!;
      }
    }
  }
  for (let k = 0; k < nt; k++) sums[touchedBuf[k]!] = 0;
  tally.touched = touchedBuf;
  tally.total = bestC;
  return best;
}

function maxDegree(g: CsrGraph, targets: Int32Array): number {
  let m = 0;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    const d = g.offsets[t + 1]! - g.offsets[t]!;
    if (d > m) m = d;
  }
  return m;
}
