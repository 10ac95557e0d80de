/**
 * Ready-made end-to-end runs, shared by the benchmarks, the tests and the notebook, so the
 * figures in each come from the same code: FEBRL (dedupe, EM or supervised) and the synthetic
 * Chinese profiles (link, EM, greedy one-to-one).
 */
import { oneToOneGreedy } from './assign';
import type { Assignment } from './assign';
import { prepareKeyBlocking } from './blocking';
import { columnComparator } from './compare';
import { estimatedErrorRates, evaluateAssignment, evaluateLinks, linksAbove } from './evaluate';
import type { ErrorRateEstimate, LinkQuality } from './evaluate';
import { febrlBlockingRules, febrlComparisons, febrlTrueLinks } from './febrl';
import type { FebrlRecord } from './febrl';
import { linkRecords, runLinkage } from './pipeline';
import type { LinkageResult } from './pipeline';
import { matchWeightFromProbability } from './score';
import type { LinkageData } from './synthetic';
import { syntheticBlockingRules, syntheticComparisons } from './syntheticModel';

export interface FebrlRun {
  result: LinkageResult;
  quality: LinkQuality;
  errorRates: ErrorRateEstimate;
  /** True links that blocking proposed as candidates. */
  trueLinksInCandidates: number;
  seconds: number;
}

/**
 * Deduplicate a FEBRL table: blocking on six keys, nine comparisons (a given-name level for a
 * swapped given name and surname), u from value frequencies,
 * m and lambda by EM (or from the true links with `supervised`), links = pairs with posterior
 * probability >= threshold (default 0.5).
 */
export function runFebrl(records: FebrlRecord[], options: { seed: number; supervised?: boolean; threshold?: number; uPairs?: number }): FebrlRun {
  return febrlRun(records, null, options);
}

/**
 * Link two FEBRL tables (e.g. a file's originals against its duplicates): the same blocking,
 * comparisons and estimation as `runFebrl`, in link mode.
 */
export function runFebrlLink(left: FebrlRecord[], right: FebrlRecord[], options: { seed: number; threshold?: number }): FebrlRun {
  return febrlRun(left, right, options);
}

function febrlRun(
  left: FebrlRecord[],
  right: FebrlRecord[] | null,
  options: { seed: number; supervised?: boolean; threshold?: number; uPairs?: number },
): FebrlRun {
  const t0 = performance.now();
  const mode = right === null ? 'dedupe' : 'link';
  const rightSize = (right ?? left).length;
  const truth = febrlTrueLinks(left, right ?? undefined);
  const result = linkRecords(left, right, febrlComparisons(), febrlBlockingRules(), {
    seed: options.seed,
    uPairs: options.uPairs,
    labels: options.supervised ? truth : undefined,
  });
  const threshold = options.threshold ?? 0.5;
  const declared = linksAbove(result.pairs, result.scores.probability, threshold);
  const quality = evaluateLinks(declared, truth, rightSize, mode);
  const seconds = (performance.now() - t0) / 1000;
  const inCandidates = evaluateLinks(result.pairs, truth, rightSize, mode).truePositives;
  return { result, quality, errorRates: estimatedErrorRates(result.scores.probability, threshold), trueLinksInCandidates: inCandidates, seconds };
}

export interface SyntheticRun {
  result: LinkageResult;
  assignment: Assignment;
  quality: LinkQuality;
  errorRates: ErrorRateEstimate;
  timings: Record<string, number>;
}

/**
 * Link generated displayed profiles to the generated source extract: four blocking rules,
 * seven comparisons, TF adjustment on the name, u from random pairs, EM, greedy one-to-one
 * over pairs with posterior probability >= threshold (default 0.5).
 */
export function runSynthetic(data: LinkageData, options: { seed: number; threshold?: number; maxPairs?: number; uPairs?: number; termFrequency?: boolean }): SyntheticRun {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const tf = options.termFrequency === false ? [] : ['name'];
  const comparator = columnComparator(data.displayed, data.source, syntheticComparisons(data), { termFrequency: tf });
  const blocking = prepareKeyBlocking(syntheticBlockingRules(data), { mode: 'link', leftSize: data.displayed.size, rightSize: data.source.size });
  timings['blocking keys'] = (performance.now() - t) / 1000;
  const result = runLinkage(comparator, blocking, { seed: options.seed, maxPairs: options.maxPairs, uPairs: options.uPairs, termFrequency: tf });
  Object.assign(timings, result.timings);
  t = performance.now();
  const threshold = options.threshold ?? 0.5;
  const assignment = oneToOneGreedy(result.pairs, result.scores.matchWeight, { left: data.displayed.size, right: data.source.size }, matchWeightFromProbability(threshold));
  const quality = evaluateAssignment(assignment.rightOfLeft, data.truth);
  timings['one-to-one + evaluation'] = (performance.now() - t) / 1000;
  return { result, assignment, quality, errorRates: estimatedErrorRates(result.scores.probability, threshold), timings };
}
