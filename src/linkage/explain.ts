/**
 * Explanation of one pair's score: the prior, then each field's level and its contribution
 * log2(m/u) (plus the term-frequency adjustment), summing to the match weight; the waterfall
 * chart of Splink draws exactly these bars. A null level shows as 0 with the reason "missing".
 */
import type { FellegiSunterModel } from './types';
import { levelWeight } from './estimate';
import { tfAdjustment } from './score';
import type { TermFrequencies } from './score';

export interface PairExplanation {
  pair: number;
  left: number;
  right: number;
  prior: { lambda: number; weight: number };
  fields: Array<{
    field: string;
    level: string;
    levelZh: string;
    isNull: boolean;
    m: number | null;
    u: number | null;
    /** log2(m/u); 0 for a null level. */
    weight: number;
    /** Term-frequency adjustment log2(u / tf(value)); 0 when none applies. */
    tfAdjustment: number;
  }>;
  /** Sum of field weights and TF adjustments (no prior). */
  weight: number;
  /** prior weight + weight: posterior log2 odds. */
  matchWeight: number;
  probability: number;
}

/** Explain candidate pair `p` of a result (`gamma` pair-major, as produced by a comparator). */
export function explainPair(
  model: FellegiSunterModel,
  gamma: Uint8Array,
  pairs: { left: Int32Array; right: Int32Array },
  p: number,
  tf?: TermFrequencies,
): PairExplanation {
  const F = model.fields.length;
  if (!Number.isInteger(p) || p < 0 || p >= pairs.left.length) throw new RangeError(`no candidate pair ${p} (there are ${pairs.left.length})`);
  const i = pairs.left[p]!, j = pairs.right[p]!;
  const priorWeight = Math.log2(model.lambda / (1 - model.lambda));
  let total = 0;
  const fields = model.fields.map((f, fi) => {
    const l = gamma[p * F + fi]!;
    const lv = f.levels[l]!;
    const w = levelWeight(model, fi, l);
    const adj = tf ? tfAdjustment(model, tf, fi, l, i, j) : 0;
    total += w + adj;
    return {
      field: f.name,
      level: lv.label,
      levelZh: lv.labelZh ?? '',
      isNull: lv.isNull,
      m: lv.isNull ? null : model.m[fi]![l]!,
      u: lv.isNull ? null : model.u[fi]![l]!,
      weight: w,
      tfAdjustment: adj,
    };
  });
  const mw = priorWeight + total;
  return {
    pair: p,
    left: i,
    right: j,
    prior: { lambda: model.lambda, weight: priorWeight },
    fields,
    weight: total,
    matchWeight: mw,
    probability: 1 / (1 + Math.pow(2, -mw)),
  };
}

/** An explanation as rows for `showTable`: prior, each field, total. */
export function explanationTable(e: PairExplanation): Array<Record<string, unknown>> {
  return [
    { step: 'prior', level: `lambda = ${e.prior.lambda.toPrecision(3)}`, m: null, u: null, 'log2 weight': e.prior.weight, 'TF adjustment': 0 },
    ...e.fields.map((f) => ({
      step: f.field,
      level: f.levelZh ? `${f.level} ${f.levelZh}` : f.level,
      m: f.m,
      u: f.u,
      'log2 weight': f.weight,
      'TF adjustment': f.tfAdjustment,
    })),
    { step: 'match weight', level: `probability ${e.probability.toPrecision(4)}`, m: null, u: null, 'log2 weight': e.matchWeight, 'TF adjustment': null },
  ];
}
