/**
 * Out-of-model validation on a real graph (SNAP ego-Facebook, McAuley & Leskovec 2012; LastFM
 * Asia, Rozemberczki & Sarkar 2020): hide part of the labelled users, infer them from their
 * friends, score against the hidden truth. One code path for every real graph: the graph's
 * name goes into each row and its key into the seeds.
 *
 * @example
 * const rows = calibrateOnSnap(fb, { shares: [0.2], seed: 1 });
 * rows.find((r) => r.attribute === 'school' && r.method === 'vote')!.accuracy;
 */
import type { CsrGraph } from '../graph/csr';
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { deriveSeed, seededRandom, shuffleInPlace } from '../stats/random';
import { hasLabel, isMulti, labelCount, multiFromLists, valuesOf, type Labels } from './labels';
import { runMethods, type MethodName } from './methods';
import type { MultiLabels } from './labels';

/** A real graph with multi-valued attributes (SNAP ego-Facebook, LastFM Asia). */
export interface RealGraph {
  graph: CsrGraph;
  attributes: Record<string, MultiLabels>;
}

/** Which real graph: its name (shown in every row) and the key its seeds derive from. */
export interface RealGraphId {
  name: string;
  key: string;
}

export const SNAP_GRAPH_ID: RealGraphId = Object.freeze({ name: 'SNAP ego-Facebook', key: 'snap' });
export const LASTFM_GRAPH_ID: RealGraphId = Object.freeze({ name: 'LastFM Asia', key: 'lastfm' });

/** Hide all but `knownShare` of the labelled nodes (single or multi labels). */
export function hideShare(labels: Labels, knownShare: number, seed: number): { known: Labels; hidden: Int32Array } {
  if (!(knownShare >= 0 && knownShare <= 1)) throw new RangeError(`knownShare must be in [0, 1], got ${knownShare}`);
  const rng = seededRandom(deriveSeed(seed, 'hide'));
  const n = labelCount(labels);
  const hidden: number[] = [];
  const keep = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    if (!hasLabel(labels, u)) continue;
    if (rng() < knownShare) keep[u] = 1;
    else hidden.push(u);
  }
  let known: Labels;
  if (isMulti(labels)) {
    const lists: number[][] = [];
    for (let u = 0; u < n; u++) lists.push(keep[u] ? Array.from(valuesOf(labels, u)) : []);
    known = multiFromLists(lists);
  } else {
    known = labels.slice();
    for (let u = 0; u < n; u++) if (!keep[u]) (known as Int32Array)[u] = -1;
  }
  return { known, hidden: Int32Array.from(hidden) };
}

export interface CalibrationRow {
  graph: string;
  attribute: string;
  knownShare: number;
  method: MethodName | 'copyCeiling' | 'mostFrequent';
  accuracy: number;
  targets: number;
  /** Hidden users whose own value is known: the denominator of `accuracy`. */
  targetsWithKnownValue: number;
  repeat: number;
  seed: number;
}

/**
 * Calibration on SNAP ego-Facebook: for each attribute and known share, hide the rest of the
 * labelled nodes, infer them from the friendship graph, score (right = one of the node's
 * values). Also the copy ceiling and the most-frequent-value baseline.
 */
export function calibrateOnSnap(
  fb: RealGraph,
  options: { shares: number[]; methods?: readonly MethodName[]; repeats?: number; seed: number; attributes?: string[]; graph?: RealGraphId },
): CalibrationRow[] {
  const methods = options.methods ?? (['vote', 'knn', 'labelPropagation'] as MethodName[]);
  const attrs = options.attributes ?? Object.keys(fb.attributes);
  const id = options.graph ?? SNAP_GRAPH_ID;
  const rows: CalibrationRow[] = [];
  const g: CsrGraph = fb.graph;
  for (const a of attrs) {
    const labels = fb.attributes[a]!;
    for (const share of options.shares) {
      for (let rep = 0; rep < (options.repeats ?? 1); rep++) {
        const seed = deriveSeed(options.seed, `${id.key}:${a}:${share}:${rep}`);
        const { known, hidden } = hideShare(labels, share, seed);
        const r = runMethods(g, known, labels, hidden, { methods });
        const den = { targets: hidden.length, targetsWithKnownValue: r.targetsWithKnownValue, repeat: rep, seed: options.seed };
        for (const m of methods) if (r.accuracy[m] !== undefined) rows.push({ graph: id.name, attribute: a, knownShare: share, method: m, accuracy: r.accuracy[m]!, ...den });
        rows.push({ graph: id.name, attribute: a, knownShare: share, method: 'copyCeiling', accuracy: r.copyCeiling, ...den });
        // Baseline: always guess the most frequent known value.
        const counts = new Map<number, number>();
        const km = known as typeof labels;
        for (let u = 0; u + 1 < km.offsets.length; u++) for (const v of valuesOf(km, u)) counts.set(v, (counts.get(v) ?? 0) + 1);
        let mode = -1;
        let mc = -1;
        for (const [v, c] of counts) if (c > mc || (c === mc && v < mode)) [mode, mc] = [v, c];
        let hit = 0;
        for (const t of hidden) if (valuesOf(labels, t).includes(mode)) hit++;
        rows.push({ graph: id.name, attribute: a, knownShare: share, method: 'mostFrequent', accuracy: r.targetsWithKnownValue ? hit / r.targetsWithKnownValue : 0, ...den });
      }
    }
  }
  return rows;
}


export interface ValidationRow {
  graph: string;
  attribute: string;
  knownShare: number;
  method: MethodName;
  /** Accuracy estimated on half A of the hidden users, with its 95% Clopper-Pearson interval. */
  estimate: number;
  estimateLow: number;
  estimateHigh: number;
  targetsA: number;
  /** Accuracy on the other half B (held out). */
  heldOut: number;
  targetsB: number;
  /** Whether the held-out accuracy falls inside the estimate's interval. */
  inside: boolean;
}

export interface ValidationSummary {
  cells: number;
  /** Cells where the held-out accuracy falls outside the estimate's 95% interval. */
  misses: number;
  missRate: number;
  meanAbsError: number;
  maxAbsError: number;
}

/**
 * Out-of-sample check of CF-accuracy estimates on a real graph: hide part of the labelled users
 * (seeded), split the hidden users at random into halves A and B, estimate each method's
 * accuracy on A (with a 95% Clopper-Pearson interval) and report it on B. The share of cells
 * where B falls outside A's interval is the known error rate of an accuracy estimate of this
 * kind on this graph (tuned on one set, reported on another; PCAST 2016).
 */
export function splitHalfValidation(
  fb: RealGraph,
  options: { shares: number[]; methods?: readonly MethodName[]; seed: number; attributes?: string[]; graph?: RealGraphId },
): { rows: ValidationRow[]; summary: ValidationSummary } {
  const methods = options.methods ?? (['vote', 'knn', 'labelPropagation'] as MethodName[]);
  const attrs = options.attributes ?? Object.keys(fb.attributes);
  const id = options.graph ?? SNAP_GRAPH_ID;
  // SNAP's seeds keep their historical key (`validate:…`), so its figures do not move.
  const prefix = id.key === SNAP_GRAPH_ID.key ? 'validate' : `${id.key}:validate`;
  const rows: ValidationRow[] = [];
  for (const a of attrs) {
    const labels = fb.attributes[a]!;
    for (const share of options.shares) {
      const seed = deriveSeed(options.seed, `${prefix}:${a}:${share}`);
      const { known, hidden } = hideShare(labels, share, seed);
      const order = Int32Array.from(hidden);
      shuffleInPlace(seededRandom(deriveSeed(seed, 'split')), order);
      const half = Math.floor(order.length / 2);
      const A = order.slice(0, half).sort();
      const B = order.slice(half).sort();
      const ra = runMethods(fb.graph, known, labels, A, { methods });
      const rb = runMethods(fb.graph, known, labels, B, { methods });
      for (const m of methods) {
        const ea = ra.accuracy[m];
        const eb = rb.accuracy[m];
        if (ea === undefined || eb === undefined) continue;
        const [lo, hi] = clopperPearsonInterval(Math.round(ea * ra.targetsWithKnownValue), ra.targetsWithKnownValue, 0.95);
        rows.push({ graph: id.name, attribute: a, knownShare: share, method: m, estimate: ea, estimateLow: lo, estimateHigh: hi, targetsA: ra.targetsWithKnownValue, heldOut: eb, targetsB: rb.targetsWithKnownValue, inside: eb >= lo && eb <= hi });
      }
    }
  }
  return { rows, summary: validationSummary(rows) };
}

/** Cells, misses (held-out accuracy outside the estimate's 95% interval) and absolute errors of validation rows. */
export function validationSummary(rows: readonly ValidationRow[]): ValidationSummary {
  const errs = rows.map((r) => Math.abs(r.heldOut - r.estimate));
  const misses = rows.filter((r) => !r.inside).length;
  return {
    cells: rows.length, misses, missRate: rows.length ? misses / rows.length : 0,
    meanAbsError: errs.length ? errs.reduce((s, x) => s + x, 0) / errs.length : 0,
    maxAbsError: errs.length ? Math.max(...errs) : 0,
  };
}
