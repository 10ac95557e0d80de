/**
 * The Bayes-optimal predictor under the generator (`generateSocialGraph`): an upper bound on
 * the accuracy of ANY method that sees the same thing (the labels, and optionally closeness
 * weights, of a target's known neighbours) when the world is that model.
 *
 * Under the model, each incident edge of a node in group g is a focus edge of the attribute
 * with probability α (then the neighbour is in g too), otherwise the neighbour's group is drawn
 * from the prior p; a neighbour's displayed value is its group except with probability ρ
 * (personal value: carries no information). Edges are drawn independently, so
 *
 *   P(g | neighbour values l_1..l_d) ∝ p_g · Π_e [α_e·1(l_e = g) + (1 − α_e)·p_{l_e}]
 *
 * and, dividing by the g-free constant Π_e (1 − α_e) p_{l_e},
 *
 *   score(g) = ln p_g + Σ_{e: l_e = g} ln(1 + α_e / ((1 − α_e) p_g)).
 *
 * With closeness weights w ~ Exp(mean μ_f) on focus edges and Exp(mean μ_r) on others,
 * α_e = α f_f(w_e) / (h f_f(w_e) + (1 − h) f_r(w_e)). The MAP value is the best-scoring seen
 * value, or the most probable unseen one (the prior mode). This is the maximum a posteriori
 * rule (Bayes decision rule under 0-1 loss; Duda, Hart & Stork, Pattern Classification, 2nd ed.,
 * §2.3). Exact for the multigraph as generated, up to finite-size effects (group shares of a
 * finite sample, singleton groups that cannot host a focus edge).
 *
 * @example
 * const model = { name: 'x', cardinality: 2, prior: Float64Array.from([0.5, 0.5]), alpha: 0.5, homophily: 0.5, personalShare: 0 };
 * bayesPosterior(model, [1]).predicted;   // => 1
 * bayesPosterior(model, [1]).probability; // => 0.75 ((0.5 + 0.25) / 1)
 */
import type { CsrGraph } from '../graph/csr';
import type { AttributeModel } from './generator';
import { unlabelledNodes } from './labels';
import type { Predictions } from './vote';

export interface BayesPosterior {
  /** MAP value (a group id), -1 only if the model has no values. */
  predicted: number;
  /** Posterior probability of the MAP value. */
  probability: number;
  /** Posterior probability of a given value (see `of`). */
  of: (value: number) => number;
}

const EPS = 1e-12;

/** Per-edge focus probability α_e given a closeness weight (or the plain α without one). */
export function edgeAlpha(model: AttributeModel, weight?: number): number {
  const a = model.alpha;
  if (weight === undefined || !model.closeness) return a;
  const h = model.homophily;
  const { focusMean: mf, randomMean: mr } = model.closeness;
  const ff = Math.exp(-weight / mf) / mf;
  const fr = Math.exp(-weight / mr) / mr;
  const den = h * ff + (1 - h) * fr;
  return den > 0 ? (a * ff) / den : a;
}

/** Posterior over the attribute's groups given the known neighbours' displayed values. */
export function bayesPosterior(model: AttributeModel, neighbourValues: ArrayLike<number>, weights?: ArrayLike<number>): BayesPosterior {
  const K = model.cardinality;
  const p = model.prior;
  const bonus = new Map<number, number>();
  for (let i = 0; i < neighbourValues.length; i++) {
    const l = neighbourValues[i]!;
    if (l < 0 || l >= K) continue; // unknown or personal: no information about the group
    const ae = Math.min(1 - EPS, edgeAlpha(model, weights ? weights[i] : undefined));
    if (ae <= 0) continue;
    bonus.set(l, (bonus.get(l) ?? 0) + Math.log1p(ae / ((1 - ae) * p[l]!)));
  }
  let bestSeen = -1;
  let bestSeenScore = -Infinity;
  let seenPrior = 0;
  let maxBonus = 0;
  for (const [g, b] of bonus) {
    seenPrior += p[g]!;
    if (b > maxBonus) maxBonus = b;
    const s = Math.log(p[g]!) + b;
    if (s > bestSeenScore || (s === bestSeenScore && g < bestSeen)) {
      bestSeen = g;
      bestSeenScore = s;
    }
  }
  let bestUnseen = -1;
  let bestUnseenP = -1;
  const decreasing = isDecreasing(p);
  for (let g = 0; g < K; g++) {
    if (bonus.has(g)) continue;
    if (p[g]! > bestUnseenP) {
      bestUnseen = g;
      bestUnseenP = p[g]!;
    }
    if (decreasing) break; // the first unseen value is the most probable one
  }
  const unseenScore = bestUnseen >= 0 ? Math.log(bestUnseenP) : -Infinity;
  const predicted = bestSeenScore > unseenScore || (bestSeenScore === unseenScore && bestSeen < bestUnseen) ? bestSeen : bestUnseen;
  // Normaliser, scaled by e^-maxBonus to stay finite.
  let z = Math.max(0, 1 - seenPrior) * Math.exp(-maxBonus);
  for (const [g, b] of bonus) z += p[g]! * Math.exp(b - maxBonus);
  const of = (value: number): number => {
    if (value < 0 || value >= K) return 0;
    const b = bonus.get(value);
    return (p[value]! * Math.exp((b ?? 0) - maxBonus)) / z;
  };
  return { predicted, probability: predicted >= 0 ? of(predicted) : 0, of };
}

const decreasingCache = new WeakMap<Float64Array, boolean>();
function isDecreasing(p: Float64Array): boolean {
  let d = decreasingCache.get(p);
  if (d === undefined) {
    d = true;
    for (let i = 1; i < p.length; i++) if (p[i]! > p[i - 1]!) { d = false; break; }
    decreasingCache.set(p, d);
  }
  return d;
}

export interface BayesOptions {
  targets?: Int32Array;
  /** Use the graph's closeness weights (needs `model.closeness`). */
  weighted?: boolean;
  /** If given, also return P(truth[target] | data) per target (for entropy estimates). */
  truth?: Int32Array;
}

export interface BayesPredictions extends Predictions {
  /** Posterior probability of each prediction. */
  probability: Float64Array;
  /** Posterior probability of the true group (when `truth` was given). */
  truthProbability?: Float64Array;
}

/** MAP prediction for each target from its known neighbours' values in `labels` (single-valued). */
export function bayesPredict(g: CsrGraph, labels: Int32Array, model: AttributeModel, options: BayesOptions = {}): BayesPredictions {
  const targets = options.targets ?? unlabelledNodes(labels);
  const predicted = new Int32Array(targets.length);
  const probability = new Float64Array(targets.length);
  const support = new Float64Array(targets.length);
  const truthProbability = options.truth ? new Float64Array(targets.length) : undefined;
  const useW = options.weighted === true && g.weights !== undefined;
  let arcs = 0;
  const vals: number[] = [];
  const wts: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    vals.length = 0;
    wts.length = 0;
    for (let a = g.offsets[t]!; a < g.offsets[t + 1]!; a++) {
      const l = labels[g.targets[a]!]!;
      arcs++;
      if (l < 0) continue;
      vals.push(l);
      if (useW) wts.push(g.weights![a]!);
    }
    const post = bayesPosterior(model, vals, useW ? wts : undefined);
    predicted[i] = post.predicted;
    probability[i] = post.probability;
    support[i] = vals.length;
    if (truthProbability) truthProbability[i] = post.of(options.truth![t]!);
  }
  return { targets, predicted, support, arcsScanned: arcs, probability, ...(truthProbability ? { truthProbability } : {}) };
}
