/**
 * Run the inference methods a defence expert could claim, side by side, on the same targets,
 * and score them: neighbour vote, closeness-weighted vote, user-kNN CF, label propagation and
 * (when the generator's model is known) the Bayes-optimal predictor; plus the copy ceiling.
 *
 * @example
 * const r = runMethods(g, known, truth, targets, { methods: ['vote', 'labelPropagation'] });
 * r.accuracy.vote; // share of targets predicted right
 */
import { bayesPredict } from './bayes';
import { copyCeiling } from './copyCeiling';
import { scorePredictions } from './copyCeiling';
import type { CsrGraph } from '../graph/csr';
import type { AttributeModel } from './generator';
import { userKnn, type SimilarityMeasure } from './knn';
import { labelPropagation } from './labelPropagation';
import { frequencyRanks, hasLabel, isMulti, valueSpace, type Labels } from './labels';
import { neighbourVote, weightedVote, type Predictions } from './vote';

export type MethodName = 'vote' | 'weightedVote' | 'knn' | 'labelPropagation' | 'bayes';

export const ALL_METHODS: readonly MethodName[] = ['vote', 'weightedVote', 'knn', 'labelPropagation', 'bayes'];

export const METHOD_LABELS: Readonly<Record<MethodName | 'copyCeiling', string>> = {
  vote: 'neighbour majority vote',
  weightedVote: 'closeness-weighted vote',
  knn: 'user-kNN CF',
  labelPropagation: 'label propagation',
  bayes: 'Bayes-optimal (generator)',
  copyCeiling: 'copy ceiling',
};

export interface RunMethodsOptions {
  methods?: readonly MethodName[];
  /** The generator's model of this attribute (needed for 'bayes'; skipped without it). */
  model?: AttributeModel;
  /** Group of each node under the generator (Bayes truth probability, for entropy). */
  groups?: Int32Array;
  knnK?: number;
  knnSimilarity?: SimilarityMeasure;
  labelPropagationIterations?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface MethodsResult {
  /** Accuracy per method over targets with a known true value (missing prediction = wrong). */
  accuracy: Partial<Record<MethodName, number>>;
  /** Per-method per-target correctness flags (target order). */
  correct: Partial<Record<MethodName, Uint8Array>>;
  predictions: Partial<Record<MethodName, Predictions>>;
  copyCeiling: number;
  coverage: number;
  reachable: Uint8Array;
  /** Targets whose own true value is known: the denominator of every accuracy here. */
  targetsWithKnownValue: number;
  /** Per-target flag: 1 when the target's true value is known. */
  knownTruth: Uint8Array;
  /** P(true group | data) per target under the generator (when model and groups given). */
  truthProbability?: Float64Array;
}

export function runMethods(
  g: CsrGraph,
  known: Labels,
  truth: Labels,
  targets: Int32Array,
  options: RunMethodsOptions = {},
): MethodsResult {
  const methods = options.methods ?? ALL_METHODS;
  const rank = frequencyRanks(known, valueSpace(known));
  const accuracy: Partial<Record<MethodName, number>> = {};
  const correct: Partial<Record<MethodName, Uint8Array>> = {};
  const predictions: Partial<Record<MethodName, Predictions>> = {};
  let truthProbability: Float64Array | undefined;
  const total = methods.length;
  let done = 0;
  for (const m of methods) {
    let p: Predictions | undefined;
    if (m === 'vote') p = neighbourVote(g, known, { targets, rank });
    else if (m === 'weightedVote') p = g.weights ? weightedVote(g, known, { targets, rank }) : undefined;
    else if (m === 'knn') p = userKnn(g, known, { targets, rank, k: options.knnK ?? 10, similarity: options.knnSimilarity ?? 'jaccard' });
    else if (m === 'labelPropagation') p = labelPropagation(g, known, { targets, rank, iterations: options.labelPropagationIterations ?? 10 });
    else if (m === 'bayes') {
      if (options.model && !isMulti(known)) {
        const b = bayesPredict(g, known, options.model, {
          targets,
          weighted: g.weights !== undefined && options.model.closeness !== undefined,
          ...(options.groups ? { truth: options.groups } : {}),
        });
        p = b;
        truthProbability = b.truthProbability;
      }
    }
    if (p) {
      const s = scorePredictions(p, truth);
      accuracy[m] = s.accuracy;
      correct[m] = s.correctFlags;
      predictions[m] = p;
    }
    options.onProgress?.(++done, total);
  }
  const cc = copyCeiling(g, known, truth, targets);
  const knownTruth = Uint8Array.from(targets, (t) => (hasLabel(truth, t) ? 1 : 0));
  return {
    targetsWithKnownValue: cc.targetsWithKnownValue,
    knownTruth,
    accuracy,
    correct,
    predictions,
    copyCeiling: cc.ceiling,
    coverage: cc.coverage,
    reachable: cc.reachable,
    ...(truthProbability ? { truthProbability } : {}),
  };
}
