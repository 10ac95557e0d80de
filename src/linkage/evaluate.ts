/**
 * Evaluation against known true links, and the model's own estimate of its error rates.
 *
 * - Precision = TP / declared links, recall = TP / true links, F1 = their harmonic mean
 *   (Christen, "Data Matching", Springer 2012, ch. 7). Recall counts true links that blocking
 *   never proposed as misses, so it measures the whole pipeline.
 * - Estimated false discovery and false negative rates from the posterior match probabilities
 *   alone, no truth needed (Enamorado, Fifield & Imai 2019, fastLink): for a threshold t,
 *   FDR(t) = sum over declared pairs of (1 - p) / number declared, and
 *   FNR(t) = sum over undeclared candidate pairs of p / sum over all candidate pairs of p.
 *   They are only as good as the model (conditional independence, MAR), and FNR cannot see
 *   matches that blocking never proposed.
 */
import type { LinkMode } from './types';
import { probabilityFromMatchWeight } from './score';

/** True links as two row arrays (left row, right row). In dedupe mode order within a pair does not matter. */
export interface TrueLinks {
  left: Int32Array;
  right: Int32Array;
}

function keyOf(i: number, j: number, rightSize: number, mode: LinkMode): number {
  if (mode === 'dedupe' && j < i) [i, j] = [j, i];
  return i * rightSize + j;
}

/** Set of pair keys (left * rightSize + right) for fast membership. */
export function pairKeySet(links: TrueLinks, rightSize: number, mode: LinkMode): Set<number> {
  if (links.left.length !== links.right.length) throw new RangeError('true links: left and right differ in length');
  const s = new Set<number>();
  for (let p = 0; p < links.left.length; p++) {
    const i = links.left[p]!, j = links.right[p]!;
    if (mode === 'dedupe' && i === j) throw new RangeError(`true link ${p} pairs row ${i} with itself`);
    s.add(keyOf(i, j, rightSize, mode));
  }
  return s;
}

/** 1 for candidate pairs that are true links, else 0. */
export function labelPairs(
  pairs: { left: Int32Array; right: Int32Array },
  truth: TrueLinks,
  rightSize: number,
  mode: LinkMode,
): Uint8Array {
  const set = pairKeySet(truth, rightSize, mode);
  const out = new Uint8Array(pairs.left.length);
  for (let p = 0; p < out.length; p++) out[p] = set.has(keyOf(pairs.left[p]!, pairs.right[p]!, rightSize, mode)) ? 1 : 0;
  return out;
}

export interface LinkQuality {
  declared: number;
  trueLinks: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

function quality(declared: number, tp: number, trueLinks: number): LinkQuality {
  const precision = declared > 0 ? tp / declared : NaN;
  const recall = trueLinks > 0 ? tp / trueLinks : NaN;
  const f1 = tp > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    declared,
    trueLinks,
    truePositives: tp,
    falsePositives: declared - tp,
    falseNegatives: trueLinks - tp,
    precision,
    recall,
    f1,
  };
}

/**
 * Precision, recall and F1 of declared links against true links (both de-duplicated).
 *
 * @example
 * evaluateLinks({ left: Int32Array.of(0, 1), right: Int32Array.of(0, 2) },
 *               { left: Int32Array.of(0, 1), right: Int32Array.of(0, 1) }, 3, 'link');
 * // => { truePositives: 1, precision: 0.5, recall: 0.5, f1: 0.5, ... }
 */
export function evaluateLinks(declared: TrueLinks, truth: TrueLinks, rightSize: number, mode: LinkMode): LinkQuality {
  const t = pairKeySet(truth, rightSize, mode);
  const d = pairKeySet(declared, rightSize, mode);
  let tp = 0;
  for (const k of d) if (t.has(k)) tp++;
  return quality(d.size, tp, t.size);
}

/** Links declared at a probability threshold: candidate pairs with probability >= threshold. */
export function linksAbove(
  pairs: { left: Int32Array; right: Int32Array },
  probability: Float64Array,
  threshold: number,
): TrueLinks {
  let n = 0;
  for (let p = 0; p < probability.length; p++) if (probability[p]! >= threshold) n++;
  const left = new Int32Array(n), right = new Int32Array(n);
  n = 0;
  for (let p = 0; p < probability.length; p++) {
    if (probability[p]! >= threshold) {
      left[n] = pairs.left[p]!;
      right[n++] = pairs.right[p]!;
    }
  }
  return { left, right };
}

export interface ErrorRateEstimate {
  threshold: number;
  declared: number;
  /** Expected number of true matches among all candidate pairs: sum of p. */
  expectedMatches: number;
  estimatedFdr: number;
  estimatedFnr: number;
}

/** fastLink's model-based FDR and FNR at a probability threshold. */
export function estimatedErrorRates(probability: Float64Array, threshold: number): ErrorRateEstimate {
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must be a probability, got ${threshold}`);
  let declared = 0, fd = 0, missed = 0, total = 0;
  for (let p = 0; p < probability.length; p++) {
    const q = probability[p]!;
    total += q;
    if (q >= threshold) {
      declared++;
      fd += 1 - q;
    } else missed += q;
  }
  return {
    threshold,
    declared,
    expectedMatches: total,
    estimatedFdr: declared > 0 ? fd / declared : 0,
    estimatedFnr: total > 0 ? missed / total : 0,
  };
}

export interface SweepRow {
  /** Threshold on the match weight (posterior log2 odds). */
  matchWeight: number;
  /** The same threshold as a probability. */
  probability: number;
  declared: number;
  estimatedFdr: number;
  estimatedFnr: number;
  truePositives?: number;
  precision?: number;
  recall?: number;
  f1?: number;
}

function upperBound(sortedAsc: Float64Array, x: number): number {
  // number of entries < x
  let lo = 0, hi = sortedAsc.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedAsc[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sweep thresholds on the match weight: declared pairs, model-estimated FDR/FNR and, when
 * `isTrue` (per candidate pair) and `trueLinks` (all true links, found by blocking or not)
 * are given, precision, recall and F1. O(n log n) for the sort, O(log n) per threshold.
 */
export function thresholdSweep(
  matchWeight: Float64Array,
  options: { thresholds?: number[]; isTrue?: Uint8Array; trueLinks?: number } = {},
): SweepRow[] {
  const n = matchWeight.length;
  const all = Float64Array.from(matchWeight).sort();
  const prob = Float64Array.from(all, probabilityFromMatchWeight);
  // prefix sums over ascending order
  const cumP = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumP[i + 1] = cumP[i]! + prob[i]!;
  let trueW: Float64Array | undefined;
  if (options.isTrue) {
    if (options.isTrue.length !== n) throw new RangeError(`${options.isTrue.length} truth labels for ${n} pairs`);
    const t: number[] = [];
    for (let p = 0; p < n; p++) if (options.isTrue[p] === 1) t.push(matchWeight[p]!);
    trueW = Float64Array.from(t).sort();
  }
  let thresholds = options.thresholds;
  if (!thresholds) {
    const lo = n ? Math.floor(Math.max(all[0]!, -30)) : -10;
    const hi = n ? Math.ceil(Math.min(all[n - 1]!, 40)) : 10;
    const step = Math.max(1, Math.ceil((hi - lo) / 60));
    thresholds = [];
    for (let t = lo; t <= hi; t += step) thresholds.push(t);
  }
  const trueLinks = options.trueLinks ?? trueW?.length;
  const total = cumP[n]!;
  return thresholds.map((t) => {
    const below = upperBound(all, t);
    const declared = n - below;
    const sumDeclared = total - cumP[below]!;
    const row: SweepRow = {
      matchWeight: t,
      probability: probabilityFromMatchWeight(t),
      declared,
      estimatedFdr: declared ? (declared - sumDeclared) / declared : 0,
      estimatedFnr: total > 0 ? cumP[below]! / total : 0,
    };
    if (trueW && trueLinks !== undefined) {
      const tp = trueW.length - upperBound(trueW, t);
      const q = quality(declared, tp, trueLinks);
      row.truePositives = tp;
      row.precision = q.precision;
      row.recall = q.recall;
      row.f1 = q.f1;
    }
    return row;
  });
}

/**
 * Quality of a one-to-one assignment when each left row has at most one true right row
 * (`truth[i]` = true right row or -1): O(rows), no sets.
 */
export function evaluateAssignment(rightOfLeft: Int32Array, truth: Int32Array): LinkQuality {
  if (rightOfLeft.length !== truth.length) throw new RangeError(`${rightOfLeft.length} assignments for ${truth.length} truth rows`);
  let declared = 0, tp = 0, trueLinks = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!, a = rightOfLeft[i]!;
    if (t >= 0) trueLinks++;
    if (a >= 0) {
      declared++;
      if (a === t) tp++;
    }
  }
  return quality(declared, tp, trueLinks);
}

/** 1 for candidate pairs (left, right) with truth[left] === right: the one-to-one fast path of `labelPairs`. */
export function labelPairsByLeft(pairs: { left: Int32Array; right: Int32Array }, truth: Int32Array): Uint8Array {
  const out = new Uint8Array(pairs.left.length);
  for (let p = 0; p < out.length; p++) out[p] = truth[pairs.left[p]!] === pairs.right[p] ? 1 : 0;
  return out;
}
