/**
 * The linkage pipeline in one call: block (count first, refuse above the cap), compare,
 * estimate (u from value frequencies by default, or random pairs; EM for m and lambda, per
 * blocking rule or over all candidates, or labels), score (with optional
 * term-frequency adjustment). Decisions (threshold, one-to-one, clusters) and evaluation are
 * separate calls on the result, so the expert states each choice.
 *
 * @example
 * const result = linkRecords(shown, source, comparisons, rules, { seed: 7, termFrequency: ['name'] });
 * result.blocking;          // pairs per rule, counted before comparing
 * result.model.lambda;      // estimated share of matches among candidates
 * result.scores.probability // per candidate pair
 */
import type { Comparison } from '../compare/comparison';
import { generateCandidatePairs, prepareKeyBlocking, prepareRecordBlocking } from './blocking';
import type { BlockingRule, KeyBlockingRule, PreparedBlocking } from './blocking';
import { columnComparator, recordComparator } from './compare';
import type { ColumnComparison, ColumnTable } from './compare';
import type { ThreadOptions } from './parallel';
import { estimateFromLabels, expectationMaximisation, uFromRandomPairs } from './estimate';
import type { EmOptions } from './estimate';
import { uFromFrequencies } from './uFrequencies';
import { estimateMPerBlockingRule } from './perRule';
import type { RuleEmEstimate } from './perRule';
import { labelPairs } from './evaluate';
import type { TrueLinks } from './evaluate';
import { countPatterns } from '../compare/patterns';
import type { PatternTable } from '../compare/patterns';
import { scorePairs, termFrequencies } from './score';
import type { PairScores, TermFrequencies } from './score';
import type { BlockingCount, CandidatePairs, FellegiSunterModel, PairComparator } from './types';

export interface LinkageOptions extends ThreadOptions {
  /** Seed for the random pairs that estimate u. */
  seed: number;
  /** Refuse when blocking would produce more candidate pairs than this (default 1e8). */
  maxPairs?: number;
  /** Random pairs for u with `u: 'random-pairs'` (default 1,000,000). */
  uPairs?: number;
  /**
   * 'frequencies' (default: exact levels from value frequencies, other levels from a sample of
   * value pairs with a stated standard error; `uFromFrequencies`), 'random-pairs' (Splink's
   * random record pairs) or 'em' (fastLink: u estimated with m).
   */
  u?: 'frequencies' | 'random-pairs' | 'em';
  /** Target relative standard error of u with `u: 'frequencies'` (default 0.1). */
  uRelativeError?: number;
  /** Comparison names to give a term-frequency adjustment. */
  termFrequency?: string[];
  /**
   * Supervised training: every candidate pair is labelled by these true links (1 if listed,
   * else 0); m and lambda come from the labels, u from random pairs (or, with `u: 'em'`, from
   * the pairs labelled 0). Without labels, m and lambda come from EM.
   */
  labels?: TrueLinks;
  /**
   * 'em' (default): m and lambda by EM over all candidates (u fixed, divided by the candidate
   * share). 'per-rule': m per blocking rule leaving out the fields it blocks on, averaged
   * (`estimateMPerBlockingRule`, Splink's approach; rules must declare `fields`), then lambda
   * by EM with m and u fixed.
   */
  m?: 'em' | 'per-rule';
  /**
   * Also estimate m the other way (whole-set EM when `m` is 'per-rule', per blocking rule when it
   * is 'em') and return both in `mByMethod`, so a reader sees whether the choice matters. Needs u
   * fixed and rules that declare `fields`; unsupervised runs only.
   */
  compareMEstimates?: boolean;
  /** Extra EM settings (iterations, tolerance, starting values). */
  em?: Omit<EmOptions, 'u'>;
  /** Called between stages (for progress bars / logs). */
  onStage?: (stage: string, seconds: number) => void;
}

export interface LinkageResult {
  comparator: PairComparator;
  pairs: CandidatePairs;
  /** Pairs per blocking rule, counted before comparing. */
  blocking: BlockingCount[];
  /** Comparison vectors, `gamma[p * F + f]`. */
  gamma: Uint8Array;
  patterns: PatternTable;
  model: FellegiSunterModel;
  tf: TermFrequencies;
  scores: PairScores;
  /** Wall seconds per stage. */
  timings: Record<string, number>;
  /** With `m: 'per-rule'` or `compareMEstimates`: each rule's estimate. */
  perRule?: RuleEmEstimate[];
  /**
   * With `compareMEstimates`: the model with m by EM over all candidates (u divided by the candidate
   * share) and the model with m per blocking rule (lambda by EM with that m fixed), side by side; one
   * of them is `model`. Rescore the same pairs with either (`scorePairs(model, patterns, pairs, tf)`).
   */
  mByMethod?: { em: FellegiSunterModel; perRule: FellegiSunterModel };
}

/** Wall seconds per named stage: `stage(name)` records the time since the previous call. */
export function stageTimer(onStage?: (stage: string, seconds: number) => void): { timings: Record<string, number>; stage: (name: string) => void } {
  const timings: Record<string, number> = {};
  let t = performance.now();
  return {
    timings,
    stage: (name) => {
      const now = performance.now();
      timings[name] = (now - t) / 1000;
      onStage?.(name, timings[name]!);
      t = now;
    },
  };
}

/** Run the pipeline on an already built comparator and prepared blocking. */
export function runLinkage(comparator: PairComparator, blocking: PreparedBlocking, options: LinkageOptions): LinkageResult {
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (blocking.mode !== comparator.mode || blocking.leftSize !== comparator.leftSize || blocking.rightSize !== comparator.rightSize) {
    throw new RangeError('blocking and comparator were built on different tables');
  }
  const { timings, stage } = stageTimer(options.onStage);
  const pairs = generateCandidatePairs(blocking, { maxPairs: options.maxPairs });
  stage('blocking');
  const gamma = comparator.compare(pairs.left, pairs.right);
  stage('comparing');
  const patterns = countPatterns(gamma, comparator.fields.map((f) => f.levels.length));
  stage('patterns');
  let model: FellegiSunterModel;
  let perRule: RuleEmEstimate[] | undefined;
  let mByMethod: LinkageResult['mByMethod'];
  const uMethod = options.u ?? 'frequencies';
  let uFixed: { u: Float64Array[]; pairs: number; se?: Float64Array[]; samples?: number[]; relativeError?: number } | undefined;
  if (uMethod === 'random-pairs') {
    uFixed = uFromRandomPairs(comparator, { seed: options.seed, pairs: options.uPairs });
    stage('u from random pairs');
  } else if (uMethod === 'frequencies') {
    if (!comparator.frequencies) throw new RangeError("this comparator cannot give value frequencies; use u: 'random-pairs'");
    const est = uFromFrequencies(comparator.fields, comparator.frequencies(), comparator.mode, { seed: options.seed, relativeError: options.uRelativeError });
    uFixed = { u: est.u, pairs: est.samples.reduce((a, b) => a + b, 0), se: est.standardError, samples: est.samples, relativeError: est.relativeError };
    stage('u from value frequencies');
  }
  const allPairs = comparator.mode === 'dedupe' ? (comparator.leftSize * (comparator.leftSize - 1)) / 2 : comparator.leftSize * comparator.rightSize;
  const candidateShare = uFixed ? Math.min(1, Math.max(pairs.left.length, 1) / Math.max(allPairs, 1)) : 1;
  if (options.labels) {
    const labels = labelPairs(pairs, options.labels, comparator.rightSize, comparator.mode);
    model = estimateFromLabels(gamma, comparator.fields, labels, { u: uFixed?.u, candidateShare });
    stage('supervised estimation');
  } else {
    const expected = Math.min(comparator.leftSize, comparator.rightSize);
    let m0 = options.em?.m0;
    let perRuleM: Float64Array[] | undefined;
    if (options.m === 'per-rule' || options.compareMEstimates) {
      if (!uFixed) throw new RangeError("m per blocking rule needs u fixed (u: 'frequencies' or 'random-pairs')");
      const est = estimateMPerBlockingRule(gamma, pairs, blocking, comparator.fields, uFixed.u, options.em);
      perRule = est.perRule;
      perRuleM = est.m;
      if (options.m === 'per-rule') m0 = est.m;
      stage('m per blocking rule');
    }
    const wholeSet = (fixM: boolean | undefined, start: Float64Array[] | undefined) => expectationMaximisation(patterns, comparator.fields, {
      expectedMatches: pairs.left.length > 0 ? Math.min(expected, pairs.left.length / 2) : undefined,
      ...options.em,
      m0: start,
      fixM,
      u: uFixed?.u,
      candidateShare,
    });
    model = wholeSet(options.m === 'per-rule' ? true : options.em?.fixM, m0);
    if (options.m === 'per-rule') model.method.m = 'em-per-rule';
    stage('EM');
    if (options.compareMEstimates && perRuleM) {
      let other: FellegiSunterModel;
      if (options.m === 'per-rule') other = wholeSet(options.em?.fixM, options.em?.m0);
      else {
        other = wholeSet(true, perRuleM);
        other.method.m = 'em-per-rule';
      }
      mByMethod = options.m === 'per-rule' ? { em: other, perRule: model } : { em: model, perRule: other };
      stage('m compared');
    }
  }
  if (uFixed) {
    model.method.u = uMethod === 'frequencies' ? 'frequencies' : 'random-pairs';
    model.method.uSamplePairs = uFixed.pairs;
    model.method.seed = options.seed;
    if (uFixed.se) {
      model.uStandardError = uFixed.se;
      model.method.uFrequencies = { samples: uFixed.samples!, relativeError: uFixed.relativeError! };
    }
  }
  const tf = termFrequencies(comparator);
  const scores = scorePairs(model, patterns, pairs, tf);
  stage('scoring');
  return { comparator, pairs, blocking: pairs.counts, gamma, patterns, model, tf, scores, timings, perRule, mByMethod };
}

/** Link two record tables (or dedupe one: right = null) with `Comparison` declarations. */
export function linkRecords<R>(
  left: readonly R[],
  right: readonly R[] | null,
  comparisons: ReadonlyArray<Comparison<R>>,
  rules: ReadonlyArray<BlockingRule<R>>,
  options: LinkageOptions,
): LinkageResult {
  const comparator = recordComparator(left, right, comparisons, { termFrequency: options.termFrequency, threads: options.threads, parallelMinPairs: options.parallelMinPairs });
  const blocking = prepareRecordBlocking(left, right, rules);
  return runLinkage(comparator, blocking, options);
}

/** Link two integer-coded column tables (or dedupe one: right = null); the path for millions of rows. */
export function linkColumns(
  left: ColumnTable,
  right: ColumnTable | null,
  comparisons: ReadonlyArray<ColumnComparison>,
  rules: ReadonlyArray<KeyBlockingRule>,
  options: LinkageOptions,
): LinkageResult {
  const comparator = columnComparator(left, right, comparisons, { termFrequency: options.termFrequency });
  const blocking = prepareKeyBlocking(rules, {
    mode: right === null ? 'dedupe' : 'link',
    leftSize: left.size,
    rightSize: right?.size,
  });
  return runLinkage(comparator, blocking, options);
}
