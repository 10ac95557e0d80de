/**
 * Match weights and probabilities.
 *
 * Weight of a pair = sum over fields of log2(m_f / u_f) at the pair's level (0 for a null
 * level), the log2 likelihood ratio of Fellegi & Sunter (1969). With the prior lambda, the
 * posterior log2 odds ("match weight", Splink) is log2(lambda / (1 - lambda)) + weight and the
 * match probability is 1 / (1 + 2^-(match weight)).
 *
 * Term-frequency adjustment (Winkler, "Frequency-based matching in the Fellegi-Sunter model",
 * 1989 / Census research report 2000; Splink's implementation): agreeing on a value v that a
 * share tf(v) of records hold has Bayes factor m / tf(v) instead of m / u, so the weight gets
 * log2(u / tf(v)) added. A match on 王伟 (tf large) then weighs less than a match on a rare
 * name; a value's frequency is its share among all non-missing values on both sides (counted
 * once in dedupe mode), and for a non-exact TF level the larger of the two values' shares.
 */
import type { FellegiSunterModel, PairComparator } from './types';
import type { PatternTable } from '../compare/patterns';
import { levelWeight } from './estimate';
import { DenseIntKeyMap } from './intmap';

/** Value frequencies for each TF field: share of records holding each code. */
export interface TermFrequencies {
  fields: Array<
    | {
        field: number;
        level: number;
        /** Share of non-missing values equal to each dense value id. */
        freq: Float64Array;
        /** Dense value id per left / right row (-1 = missing). */
        left: Int32Array;
        right: Int32Array;
      }
    | undefined
  >;
}

/**
 * Count value frequencies for the comparator's term-frequency fields. Codes are re-numbered
 * densely (a typed hash map), so sparse code spaces (a name code per surname x given name)
 * cost memory in proportion to the rows, not to the largest code.
 */
export function termFrequencies(comparator: PairComparator): TermFrequencies {
  const tf = comparator.tfCodes;
  if (!tf) return { fields: comparator.fields.map(() => undefined) };
  return {
    fields: comparator.fields.map((info, f) => {
      const t = tf[f];
      if (!t || info.tfLevel === undefined || info.tfLevel < 0) return undefined;
      const map = new DenseIntKeyMap(Math.min(t.left.length + t.right.length, 1 << 22));
      const densify = (a: Int32Array): Int32Array => {
        const out = new Int32Array(a.length);
        for (let i = 0; i < a.length; i++) out[i] = a[i]! < 0 ? -1 : map.intern(a[i]!);
        return out;
      };
      const left = densify(t.left);
      const right = comparator.mode === 'dedupe' ? left : densify(t.right);
      const cnt = new Float64Array(map.size);
      let total = 0;
      for (const a of comparator.mode === 'dedupe' ? [left] : [left, right]) {
        for (let i = 0; i < a.length; i++) {
          const c = a[i]!;
          if (c >= 0) {
            cnt[c]++;
            total++;
          }
        }
      }
      const freq = new Float64Array(map.size);
      for (let c = 0; c < freq.length; c++) freq[c] = cnt[c]! / Math.max(total, 1);
      return { field: f, level: info.tfLevel, freq, left, right };
    }),
  };
}

/** Sum of log2(m/u) for each distinct pattern (no prior, no TF). */
export function patternWeights(model: FellegiSunterModel, patterns: PatternTable): Float64Array {
  const F = model.fields.length;
  const K = patterns.counts.length;
  const w = new Float64Array(K);
  const table = model.fields.map((f, fi) => Float64Array.from(f.levels, (_, li) => levelWeight(model, fi, li)));
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let f = 0; f < F; f++) s += table[f]![patterns.levels[k * F + f]!]!;
    w[k] = s;
  }
  return w;
}

/** The TF adjustment log2(u / tf(v)) of one pair on one field (0 when not at the TF level). */
export function tfAdjustment(
  model: FellegiSunterModel,
  tf: TermFrequencies,
  field: number,
  level: number,
  leftRow: number,
  rightRow: number,
): number {
  const t = tf.fields[field];
  if (!t || level !== t.level) return 0;
  const a = t.left[leftRow]!, b = t.right[rightRow]!;
  if (a < 0 || b < 0) return 0;
  const freq = Math.max(t.freq[a]!, t.freq[b]!);
  return Math.log2(model.u[field]![level]! / freq);
}

export interface PairScores {
  /** Sum over fields of log2(m/u) plus TF adjustments (the Fellegi-Sunter weight). */
  weight: Float64Array;
  /** weight + log2(lambda / (1 - lambda)): posterior log2 odds. */
  matchWeight: Float64Array;
  /** Posterior match probability. */
  probability: Float64Array;
  /** Weight of each distinct pattern (without TF). */
  patternWeight: Float64Array;
}

/** Probability from a match weight (posterior log2 odds). */
export function probabilityFromMatchWeight(mw: number): number {
  return 1 / (1 + Math.pow(2, -mw));
}

/** Match weight (posterior log2 odds) that corresponds to a probability. */
export function matchWeightFromProbability(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1), got ${p}`);
  return Math.log2(p / (1 - p));
}

/** Score every candidate pair. TF adjustments apply when `tf` is given. */
export function scorePairs(
  model: FellegiSunterModel,
  patterns: PatternTable,
  pairs: { left: Int32Array; right: Int32Array },
  tf?: TermFrequencies,
): PairScores {
  const n = pairs.left.length;
  if (patterns.patternOfPair.length !== n) throw new RangeError(`${patterns.patternOfPair.length} patterns for ${n} pairs`);
  const F = model.fields.length;
  const pw = patternWeights(model, patterns);
  const prior = Math.log2(model.lambda / (1 - model.lambda));
  const weight = new Float64Array(n);
  const matchWeight = new Float64Array(n);
  const probability = new Float64Array(n);
  const tfFields = tf ? tf.fields.filter((t): t is NonNullable<typeof t> => t !== undefined) : [];
  const logU = tfFields.map((t) => Math.log2(model.u[t.field]![t.level]!));
  const logFreq = tfFields.map((t) => Float64Array.from(t.freq, Math.log2));
  for (let p = 0; p < n; p++) {
    const k = patterns.patternOfPair[p]!;
    let w = pw[k]!;
    for (let q = 0; q < tfFields.length; q++) {
      const t = tfFields[q]!;
      if (patterns.levels[k * F + t.field] !== t.level) continue;
      const a = t.left[pairs.left[p]!]!, b = t.right[pairs.right[p]!]!;
      if (a < 0 || b < 0) continue;
      const lf = logFreq[q]!;
      w += logU[q]! - Math.max(lf[a]!, lf[b]!);
    }
    weight[p] = w;
    const mw = w + prior;
    matchWeight[p] = mw;
    probability[p] = 1 / (1 + Math.pow(2, -mw));
  }
  return { weight, matchWeight, probability, patternWeight: pw };
}
