/**
 * Shared shapes of the linkage engine. Everything that scales with the number of records or
 * candidate pairs is a typed array: pairs are two Int32Arrays of row numbers, comparison
 * vectors are one Uint8Array of level codes (pair-major: `gamma[p * F + f]`), weights are
 * Float64Arrays. No object is made per pair.
 */



/** Whether the linkage is between two tables or within one (deduplication). */
export type LinkMode = 'link' | 'dedupe';

/**
 * Computes comparison vectors for pairs of rows. Built by `recordComparator` (records + the
 * matching area's `Comparison` declarations) or `columnComparator` (integer-coded columns).
 */
export interface PairComparator {
  fields: FieldInfo[];
  mode: LinkMode;
  /** Rows on the left (displayed) side; in dedupe mode, the one table. */
  leftSize: number;
  /** Rows on the right (source) side; equals leftSize in dedupe mode. */
  rightSize: number;
  /**
   * Level codes for the pairs (left[p], right[p]): `out[p * F + f]`, F = fields.length.
   * Allocates `out` when not given.
   */
  compare(left: Int32Array, right: Int32Array, out?: Uint8Array): Uint8Array;
  /**
   * Integer value codes per field for term-frequency adjustment (-1 = missing), one shared
   * code space for both sides; present only for fields with `tfLevel` set.
   */
  tfCodes?: Array<{ field: number; left: Int32Array; right: Int32Array } | undefined>;
  /**
   * Each field's value frequencies on both sides with a level function on value ids, for u
   * from value frequencies (`uFromFrequencies`); values in canonical order (`compareValues`).
   */
  frequencies?: () => FieldFrequencies[];
}

/** One field's value frequencies on each side, in canonical value order, and its level function. */
export interface FieldFrequencies {
  /** Rows holding each value on the left (dedupe: the one table). */
  left: Float64Array;
  /** Rows holding each value on the right; the same array in dedupe mode. */
  right: Float64Array;
  /** Level index of values (a, b) (ids into the frequency arrays). */
  level: (a: number, b: number) => number;
}


/** Candidate pairs after blocking: row numbers on each side and the first rule that found them. */
export interface CandidatePairs {
  mode: LinkMode;
  left: Int32Array;
  right: Int32Array;
  /** Index of the blocking rule that first produced the pair (rules are applied in order). */
  rule: Uint8Array;
  /** Per-rule counts, computed before any pair was compared. */
  counts: BlockingCount[];
}

/** How many pairs one blocking rule yields: `pairs` is known before anything is compared. */
export interface BlockingCount {
  rule: string;
  description: string;
  /** Candidate pairs this rule alone produces (sum over blocks of left count x right count). */
  pairs: number;
  /** Pairs not already produced by an earlier rule (known once pairs are generated). */
  newPairs?: number;
  /** Number of distinct non-empty block keys shared by both sides. */
  blocks: number;
  /** Rows with no key under this rule (missing value), per side. */
  leftWithoutKey: number;
  rightWithoutKey: number;
  /** The largest blocks, so a user sees where an explosion comes from. */
  largestBlocks: Array<{ key: string; left: number; right: number; pairs: number }>;
}

/**
 * A Fellegi-Sunter model: per field, m = P(level | match) and u = P(level | non-match) over
 * the non-null levels (the null level's entries are 1 in both, so its weight is 0), and the
 * prior match probability lambda among candidate pairs.
 */
export type { EmDiagnostics, FieldInfo, LevelInfo } from '../compare/fellegiSunter';
import type { EmDiagnostics, FieldInfo } from '../compare/fellegiSunter';

export interface FellegiSunterModel {
  fields: FieldInfo[];
  m: Float64Array[];
  u: Float64Array[];
  /**
   * Prior match probability that goes with m and u in the weights. With u from random pairs
   * (Splink) it is the probability that two records drawn at random from the tables match
   * (all n x m pairs); with u by EM or from labels it is the share of matches among the
   * candidate pairs. Match weight = log2(lambda / (1 - lambda)) + sum of log2(m/u).
   */
  lambda: number;
  /** Estimated share of matches among the candidate pairs. */
  lambdaCandidates: number;
  /** Standard error of each u, when u was estimated from a sample (NaN on null levels). */
  uStandardError?: Float64Array[];
  /**
   * Share of all pairs that blocking kept (candidates / all pairs) when u came from random
   * pairs; 1 when m and u describe the candidate pairs themselves.
   */
  candidateShare: number;
  /** How m, u and lambda were obtained. */
  method: {
    m: 'em' | 'em-per-rule' | 'labels' | 'fixed';
    u: 'frequencies' | 'random-pairs' | 'em' | 'labels' | 'fixed';
    /** With u from value frequencies: value pairs drawn per field (0 = exact) and the stated target. */
    uFrequencies?: { samples: number[]; relativeError: number };
    lambda: 'em' | 'labels' | 'fixed';
    /** Random pairs drawn for u (Splink), when u came from random pairs. */
    uSamplePairs?: number;
    /** Seed of the random pairs. */
    seed?: number;
    em?: EmDiagnostics;
    labelledPairs?: { matches: number; nonMatches: number };
  };
}

