/**
 * The linkage pipeline on prepared profile tables: `linkRecords` with the profile
 * comparisons and blocking rules, then one-to-one assignment at the link threshold.
 */
import type { PreparedProfile } from '../matching/profile';
import { oneToOneGreedy } from './assign';
import { linkRecords } from './pipeline';
import { profileBlockingRules, profileComparisons } from './profileRules';
import { matchWeightFromProbability } from './score';

export interface ProfileLinkOptions {
  seed: number;
  /** Random pairs for u (default 50,000: enough for u, quick on text comparisons). */
  uPairs?: number;
  /** Blocking cap (default 5,000,000 pairs for text comparisons). */
  maxPairs?: number;
  /** TF adjustment on the name (default true). */
  termFrequency?: boolean;
  /** Posterior probability from which a pair may be linked (default 0.5). */
  linkThreshold?: number;
  labels?: import('./evaluate').TrueLinks;
  /** How m is estimated for the scores (default 'em'; see `LinkageParams.mEstimate`). */
  m?: 'em' | 'per-rule';
  /** Also estimate m the other way and return both (`result.mByMethod`). */
  compareMEstimates?: boolean;
}

export interface ProfileLinkRun {
  result: import('./pipeline').LinkageResult;
  assignment: import('./assign').Assignment;
  /** Probability of the accepted pair of each displayed profile, NaN when none. */
  probabilityOfLeft: Float64Array;
  /** Candidate-pair index of the accepted pair of each displayed profile, -1 when none. */
  pairOfLeft: Int32Array;
  linkThreshold: number;
}

/**
 * Link prepared displayed profiles to a prepared source extract (matching's comparisons,
 * `profileBlockingRules`, u from random pairs, EM, TF on the name), then greedy one-to-one
 * at `linkThreshold`.
 */
export function linkProfileTables(
  tables: { displayed: PreparedProfile[]; source: PreparedProfile[] },
  options: ProfileLinkOptions,
): ProfileLinkRun {
  const linkThreshold = options.linkThreshold ?? 0.5;
  const result = linkRecords(tables.displayed, tables.source, profileComparisons(), profileBlockingRules(), {
    seed: options.seed,
    // The notebook's and the CLI's stated method (their captions say "u from N random pairs").
    u: 'random-pairs',
    uPairs: options.uPairs ?? 50_000,
    maxPairs: options.maxPairs ?? 5_000_000,
    termFrequency: options.termFrequency === false ? [] : ['name'],
    labels: options.labels,
    m: options.m ?? 'em',
    compareMEstimates: options.compareMEstimates,
  });
  return { result, ...acceptOneToOne(result.pairs, result.scores, { left: tables.displayed.length, right: tables.source.length }, linkThreshold), linkThreshold };
}

/** Greedy one-to-one acceptance of scored candidate pairs from `linkThreshold`, with each left record's accepted pair and its probability. */
export function acceptOneToOne(
  pairs: { left: Int32Array; right: Int32Array }, scores: { matchWeight: Float64Array; probability: Float64Array },
  sizes: { left: number; right: number }, linkThreshold: number,
): Pick<ProfileLinkRun, 'assignment' | 'pairOfLeft' | 'probabilityOfLeft'> {
  const assignment = oneToOneGreedy(pairs, scores.matchWeight, sizes, matchWeightFromProbability(linkThreshold));
  const pairOfLeft = new Int32Array(sizes.left).fill(-1);
  const probabilityOfLeft = new Float64Array(sizes.left).fill(NaN);
  for (const p of assignment.accepted) {
    pairOfLeft[pairs.left[p]!] = p;
    probabilityOfLeft[pairs.left[p]!] = scores.probability[p]!;
  }
  return { assignment, pairOfLeft, probabilityOfLeft };
}
