/**
 * The copy ceiling and accuracy bookkeeping.
 *
 * A method that outputs, for a target, a value some observed (known) neighbour holds (majority
 * vote, closeness-weighted vote: one-hop copying) can never output a value no known neighbour
 * holds; a value unique to a person (a free-text tag, an own photo) is out of its reach by
 * construction. The copy ceiling of a target is 1 if its true value (one of its values, for
 * multi-valued attributes) appears among its known neighbours' values, else 0; its mean over the
 * targets whose true value is known bounds the accuracy of that class of methods seeing that
 * neighbourhood, and only that class: not two-hop methods (user-kNN), label propagation (guesses
 * for unlabelled neighbours), fall-backs to the commonest value, nor methods fed direct
 * information about the person (REFERENCES.md, "Copy ceiling").
 *
 * @example
 * // star: centre 0 unknown (true value 3), leaves 1,2 known with 3 and 4
 * const g = csrFromEdges(3, Int32Array.from([0, 0]), Int32Array.from([1, 2]));
 * copyCeiling(g, Int32Array.from([-1, 3, 4]), Int32Array.from([3, 3, 4]), Int32Array.from([0])).ceiling; // => 1
 */
import type { CsrGraph } from '../graph/csr';
import { hasLabel, isMulti, labelMatches, type Labels } from './labels';
import type { Predictions } from './vote';

export interface CopyCeiling {
  /** Share of targets with a known true value whose true value is held by at least one known neighbour. */
  ceiling: number;
  /** Targets whose own true value is known (the denominator of `ceiling`). */
  targetsWithKnownValue: number;
  /** Share of targets with at least one known neighbour. */
  coverage: number;
  /** Per-target flag (1 = reachable by copying). */
  reachable: Uint8Array;
  targets: number;
}

export function copyCeiling(g: CsrGraph, known: Labels, truth: Labels, targets: Int32Array): CopyCeiling {
  const reachable = new Uint8Array(targets.length);
  let hit = 0;
  let covered = 0;
  let withValue = 0;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    if (hasLabel(truth, t)) withValue++;
    let any = false;
    let ok = false;
    for (let a = g.offsets[t]!; a < g.offsets[t + 1]! && !ok; a++) {
      const v = g.targets[a]!;
      if (!hasLabel(known, v)) continue;
      any = true;
      if (isMulti(known)) {
        for (let j = known.offsets[v]!; j < known.offsets[v + 1]!; j++) if (labelMatches(truth, t, known.values[j]!)) ok = true;
      } else if (labelMatches(truth, t, known[v]!)) ok = true;
    }
    if (any) covered++;
    if (ok) {
      hit++;
      reachable[i] = 1;
    }
  }
  const T = targets.length || 1;
  return { ceiling: withValue ? hit / withValue : 0, targetsWithKnownValue: withValue, coverage: covered / T, reachable, targets: targets.length };
}

export interface AccuracySummary {
  /**
   * Correct predictions / targets whose true value is known (a missing prediction counts as
   * wrong; a target with no known true value is left out: it can be neither right nor wrong).
   */
  accuracy: number;
  /** The denominator of `accuracy`. */
  targetsWithKnownValue: number;
  /** Correct / targets with a prediction. */
  accuracyWhenPredicted: number;
  correct: number;
  predicted: number;
  targets: number;
  /** Per-target flag (1 = correct). */
  correctFlags: Uint8Array;
}

/**
 * Score predictions against the truth (multi-valued truth: right if it is one of the values).
 * Targets whose true value is unknown are excluded from every denominator.
 */
export function scorePredictions(p: Predictions, truth: Labels): AccuracySummary {
  const flags = new Uint8Array(p.targets.length);
  let correct = 0;
  let predicted = 0;
  let withValue = 0;
  for (let i = 0; i < p.targets.length; i++) {
    if (!hasLabel(truth, p.targets[i]!)) continue;
    withValue++;
    const v = p.predicted[i]!;
    if (v < 0) continue;
    predicted++;
    if (labelMatches(truth, p.targets[i]!, v)) {
      correct++;
      flags[i] = 1;
    }
  }
  const T = p.targets.length;
  return {
    accuracy: withValue ? correct / withValue : 0,
    targetsWithKnownValue: withValue,
    accuracyWhenPredicted: predicted ? correct / predicted : 0,
    correct,
    predicted,
    targets: T,
    correctFlags: flags,
  };
}

/**
 * Edge homophily: among edges whose two ends are both labelled, the share whose values agree
 * (share a value, for multi-valued labels). The empirical counterpart of α + (1 − α)Σp².
 */
export function edgeHomophily(g: CsrGraph, labels: Labels): { share: number; edges: number } {
  let agree = 0;
  let total = 0;
  for (let u = 0; u < g.n; u++) {
    if (!hasLabel(labels, u)) continue;
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
      const v = g.targets[a]!;
      if (v <= u || !hasLabel(labels, v)) continue;
      total++;
      if (isMulti(labels)) {
        let ok = false;
        for (let j = labels.offsets[v]!; j < labels.offsets[v + 1]! && !ok; j++) if (labelMatches(labels, u, labels.values[j]!)) ok = true;
        if (ok) agree++;
      } else if (labels[u] === labels[v]) agree++;
    }
  }
  return { share: total ? agree / total : 0, edges: total };
}
