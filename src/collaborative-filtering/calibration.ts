/**
 * Out-of-model validation on a real graph (SNAP ego-Facebook, McAuley & Leskovec 2012): hide
 * part of the labelled users, infer them from their friends, score against the hidden truth.
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
import type { SnapAttribute, SnapEgoFacebook } from './snap';

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
  attribute: SnapAttribute;
  knownShare: number;
  method: MethodName | 'copyCeiling' | 'mostFrequent';
  accuracy: number;
  targets: number;
  repeat: number;
  seed: number;
}

/**
 * Calibration on SNAP ego-Facebook: for each attribute and known share, hide the rest of the
 * labelled nodes, infer them from the friendship graph, score (right = one of the node's
 * values). Also the copy ceiling and the most-frequent-value baseline.
 */
export function calibrateOnSnap(
  fb: Pick<SnapEgoFacebook, 'graph' | 'attributes'>,
  options: { shares: number[]; methods?: readonly MethodName[]; repeats?: number; seed: number; attributes?: SnapAttribute[] },
): CalibrationRow[] {
  const methods = options.methods ?? (['vote', 'knn', 'labelPropagation'] as MethodName[]);
  const attrs = options.attributes ?? (Object.keys(fb.attributes) as SnapAttribute[]);
  const rows: CalibrationRow[] = [];
  const g: CsrGraph = fb.graph;
  for (const a of attrs) {
    const labels = fb.attributes[a];
    for (const share of options.shares) {
      for (let rep = 0; rep < (options.repeats ?? 1); rep++) {
        const seed = deriveSeed(options.seed, `snap:${a}:${share}:${rep}`);
        const { known, hidden } = hideShare(labels, share, seed);
        const r = runMethods(g, known, labels, hidden, { methods });
        for (const m of methods) if (r.accuracy[m] !== undefined) rows.push({ attribute: a, knownShare: share, method: m, accuracy: r.accuracy[m]!, targets: hidden.length, repeat: rep, seed: options.seed });
        rows.push({ attribute: a, knownShare: share, method: 'copyCeiling', accuracy: r.copyCeiling, targets: hidden.length, repeat: rep, seed: options.seed });
        // Baseline: always guess the most frequent known value.
        const counts = new Map<number, number>();
        const km = known as typeof labels;
        for (let u = 0; u + 1 < km.offsets.length; u++) for (const v of valuesOf(km, u)) counts.set(v, (counts.get(v) ?? 0) + 1);
        let mode = -1;
        let mc = -1;
        for (const [v, c] of counts) if (c > mc || (c === mc && v < mode)) [mode, mc] = [v, c];
        let hit = 0;
        for (const t of hidden) if (valuesOf(labels, t).includes(mode)) hit++;
        rows.push({ attribute: a, knownShare: share, method: 'mostFrequent', accuracy: hidden.length ? hit / hidden.length : 0, targets: hidden.length, repeat: rep, seed: options.seed });
      }
    }
  }
  return rows;
}


export interface ValidationRow {
  attribute: SnapAttribute;
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
  fb: Pick<SnapEgoFacebook, 'graph' | 'attributes'>,
  options: { shares: number[]; methods?: readonly MethodName[]; seed: number; attributes?: SnapAttribute[] },
): { rows: ValidationRow[]; summary: ValidationSummary } {
  const methods = options.methods ?? (['vote', 'knn', 'labelPropagation'] as MethodName[]);
  const attrs = options.attributes ?? (Object.keys(fb.attributes) as SnapAttribute[]);
  const rows: ValidationRow[] = [];
  for (const a of attrs) {
    const labels = fb.attributes[a];
    for (const share of options.shares) {
      const seed = deriveSeed(options.seed, `validate:${a}:${share}`);
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
        rows.push({ attribute: a, knownShare: share, method: m, estimate: ea, estimateLow: lo, estimateHigh: hi, targetsA: ra.targetsWithKnownValue, heldOut: eb, targetsB: rb.targetsWithKnownValue, inside: eb >= lo && eb <= hi });
      }
    }
  }
  const errs = rows.map((r) => Math.abs(r.heldOut - r.estimate));
  const misses = rows.filter((r) => !r.inside).length;
  return {
    rows,
    summary: {
      cells: rows.length, misses, missRate: rows.length ? misses / rows.length : 0,
      meanAbsError: errs.length ? errs.reduce((s, x) => s + x, 0) / errs.length : 0,
      maxAbsError: errs.length ? Math.max(...errs) : 0,
    },
  };
}
