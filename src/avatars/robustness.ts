/**
 * Robustness of the hashes, measured on a set of images: each image against each distortion
 * of itself (same-image pairs), and each image against every other image (different-image
 * pairs). From these come the distance distributions, the ROC per hash, the default
 * thresholds and the false-match / false-non-match table they imply (`errorRateTable`).
 */
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { allPairsHamming } from './allpairs';
import { type AvatarSource, type DecodeOptions, readSource } from './decode';
import { DEFAULT_DISTORTIONS, type Distortion, type DistortionKind, DISTORTION_KINDS } from './distort';
import { type AvatarHashes, HASH_KINDS, type HashKind, hashAvatar } from './hash';
import { hammingDistanceHex, packHashes } from '../compare/hamming';
import { type ThresholdChoice, chooseThreshold, rocAuc, rocCurve, type RocPoint } from './roc';

/** Distances of one pair, one per hash. */
export type HashDistances = Record<HashKind, number>;

export interface SamePair { image: string; distortion: string; kind: DistortionKind; parameter: string; distances: HashDistances }

export interface RobustnessMeasurement {
  /** Image names (files), in input order. */
  images: string[];
  distortions: Array<Pick<Distortion, 'name' | 'kind' | 'parameter' | 'description' | 'format'>>;
  /** One entry per (image, distortion). */
  same: SamePair[];
  /** Different-image pairs: distances per hash, pair k is (pairA[k], pairB[k]) indices into images. */
  different: { pairA: number[]; pairB: number[]; distances: Record<HashKind, number[]> };
}

export interface MeasureOptions extends DecodeOptions {
  distortions?: readonly Distortion[];
  /** Called after each image is done. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Measure same-image distances under each distortion and all different-image distances.
 * Images must be different pictures from one another (a duplicate inflates the false-match
 * rate); every image goes through the evidence checks of `decodeAvatar`.
 *
 * @example
 * const m = await measureRobustness(['a.png', 'b.png', 'c.png']);
 * m.same.length;                 // 3 images x 21 distortions = 63
 * m.different.pairA.length;      // 3 pairs
 */
export async function measureRobustness(sources: readonly AvatarSource[], options: MeasureOptions = {}): Promise<RobustnessMeasurement> {
  const distortions = options.distortions ?? DEFAULT_DISTORTIONS;
  const images: string[] = [];
  const originals: AvatarHashes[] = [];
  const same: SamePair[] = [];
  for (let i = 0; i < sources.length; i++) {
    const { file, bytes } = await readSource(sources[i]!);
    const h = await hashAvatar({ file, bytes }, options);
    images.push(file);
    originals.push(h);
    const distorted = await Promise.all(distortions.map(async (d) => {
      const out = await d.apply(bytes);
      return hashAvatar({ file: `${file} [${d.name}]`, bytes: out }, options);
    }));
    distortions.forEach((d, k) => {
      const g = distorted[k]!;
      same.push({
        image: file, distortion: d.name, kind: d.kind, parameter: d.parameter,
        distances: { aHash: hammingDistanceHex(h.aHash, g.aHash), dHash: hammingDistanceHex(h.dHash, g.dHash), pHash: hammingDistanceHex(h.pHash, g.pHash) },
      });
    });
    options.onProgress?.(i + 1, sources.length);
  }
  const pairA: number[] = [];
  const pairB: number[] = [];
  const distances: Record<HashKind, number[]> = { aHash: [], dHash: [], pHash: [] };
  const packed = Object.fromEntries(HASH_KINDS.map((k) => [k, packHashes(originals.map((o) => o[k]))])) as Record<HashKind, Uint32Array>;
  for (let i = 0; i < originals.length; i++) {
    for (let j = i + 1; j < originals.length; j++) {
      pairA.push(i);
      pairB.push(j);
      for (const k of HASH_KINDS) distances[k].push(hammingDistanceHex(originals[i]![k], originals[j]![k]));
    }
  }
  // Cross-check the pairwise loop against the packed all-pairs scan (same histogram).
  for (const k of HASH_KINDS) {
    const hist = allPairsHamming(packed[k]).histogram;
    let n = 0;
    for (const c of hist) n += c;
    if (n !== distances[k].length) throw new Error('internal: all-pairs count mismatch');
  }
  return {
    images,
    distortions: distortions.map(({ name, kind, parameter, description, format }) => ({ name, kind, parameter, description, format })),
    same,
    different: { pairA, pairB, distances },
  };
}

/** How a pair is declared a match from its three distances. */
export type MatchRule = HashKind | 'all' | 'majority';
export const MATCH_RULES: readonly MatchRule[] = ['aHash', 'dHash', 'pHash', 'all', 'majority'];

export type Thresholds = Record<HashKind, number>;

/**
 * True when the distances make a match under the rule: one hash within its threshold, 'all'
 * three within, or 'majority' (at least two of three) within.
 * @example
 * isMatch({ aHash: 3, dHash: 20, pHash: 4 }, { aHash: 8, dHash: 10, pHash: 10 }, 'majority'); // true
 * isMatch({ aHash: 3, dHash: 20, pHash: 4 }, { aHash: 8, dHash: 10, pHash: 10 }, 'all');      // false
 */
export function isMatch(d: HashDistances, t: Thresholds, rule: MatchRule): boolean {
  if (rule === 'all') return d.aHash <= t.aHash && d.dHash <= t.dHash && d.pHash <= t.pHash;
  if (rule === 'majority') return (d.aHash <= t.aHash ? 1 : 0) + (d.dHash <= t.dHash ? 1 : 0) + (d.pHash <= t.pHash ? 1 : 0) >= 2;
  return d[rule] <= t[rule];
}

/** Same-image distances of one hash (optionally of one distortion kind). */
export function sameDistances(m: RobustnessMeasurement, hash: HashKind, kind?: DistortionKind): number[] {
  return m.same.filter((p) => kind === undefined || p.kind === kind).map((p) => p.distances[hash]);
}

/** ROC per hash, with its AUC. */
export function rocByHash(m: RobustnessMeasurement): Record<HashKind, { points: RocPoint[]; auc: number }> {
  const out = {} as Record<HashKind, { points: RocPoint[]; auc: number }>;
  for (const k of HASH_KINDS) {
    const s = sameDistances(m, k);
    out[k] = { points: rocCurve(s, m.different.distances[k]), auc: rocAuc(s, m.different.distances[k]) };
  }
  return out;
}

/** Default thresholds chosen from a measurement by `chooseThreshold`, one per hash. */
export function chooseThresholds(m: RobustnessMeasurement, maxFalseMatchRate = 0.001): Record<HashKind, ThresholdChoice> {
  const out = {} as Record<HashKind, ThresholdChoice>;
  for (const k of HASH_KINDS) out[k] = chooseThreshold(sameDistances(m, k), m.different.distances[k], { maxFalseMatchRate });
  return out;
}

export interface ErrorRateRow {
  rule: MatchRule;
  /** 'a<=8 d<=10 p<=10' style statement of the thresholds used. */
  thresholds: string;
  /** 'same image: jpeg', 'same image: all distortions' or 'different images'. */
  pairs: string;
  /** 'false non-match' (same-image pairs) or 'false match' (different-image pairs). */
  error: 'false non-match' | 'false match';
  n: number;
  errors: number;
  rate: number;
  /** Clopper-Pearson 95% interval of the rate (Clopper & Pearson 1934). */
  lower95: number;
  upper95: number;
}

function row(rule: MatchRule, t: Thresholds, pairs: string, error: ErrorRateRow['error'], n: number, errors: number): ErrorRateRow {
  const [lo, hi] = n > 0 ? clopperPearsonInterval(errors, n, 0.95) : [NaN, NaN];
  return { rule, thresholds: describeThresholds(rule, t), pairs, error, n, errors, rate: n > 0 ? errors / n : NaN, lower95: lo, upper95: hi };
}

/** The thresholds a rule uses, in words. */
export function describeThresholds(rule: MatchRule, t: Thresholds): string {
  if (rule === 'all') return `aHash<=${t.aHash} and dHash<=${t.dHash} and pHash<=${t.pHash}`;
  if (rule === 'majority') return `2 of 3: aHash<=${t.aHash}, dHash<=${t.dHash}, pHash<=${t.pHash}`;
  return `${rule}<=${t[rule]}`;
}

/**
 * The false-match and false-non-match rates implied by thresholds, per rule: for same-image
 * pairs by distortion kind and overall, and for different-image pairs; each with a
 * Clopper-Pearson 95% interval (an observed 0 errors is reported with its upper bound, not as
 * "never").
 */
export function errorRateTable(
  m: RobustnessMeasurement,
  thresholds: Thresholds,
  rules: readonly MatchRule[] = MATCH_RULES,
): ErrorRateRow[] {
  const rows: ErrorRateRow[] = [];
  const nd = m.different.pairA.length;
  for (const rule of rules) {
    for (const kind of DISTORTION_KINDS) {
      const ps = m.same.filter((p) => p.kind === kind);
      if (ps.length === 0) continue;
      rows.push(row(rule, thresholds, `same image: ${kind}`, 'false non-match', ps.length, ps.filter((p) => !isMatch(p.distances, thresholds, rule)).length));
    }
    rows.push(row(rule, thresholds, 'same image: all distortions', 'false non-match', m.same.length,
      m.same.filter((p) => !isMatch(p.distances, thresholds, rule)).length));
    let fm = 0;
    for (let k = 0; k < nd; k++) {
      const d = { aHash: m.different.distances.aHash[k]!, dHash: m.different.distances.dHash[k]!, pHash: m.different.distances.pHash[k]! };
      if (isMatch(d, thresholds, rule)) fm++;
    }
    rows.push(row(rule, thresholds, 'different images', 'false match', nd, fm));
  }
  return rows;
}

export interface DistortionRow {
  distortion: string;
  kind: DistortionKind;
  parameter: string;
  images: number;
  /** Largest same-image distance per hash under this distortion. */
  maxA: number;
  maxD: number;
  maxP: number;
  /** Share of images still matched under the rule. */
  matched: number;
}

/** Per-distortion worst-case distances and share still matched under a rule. */
export function distortionTable(m: RobustnessMeasurement, thresholds: Thresholds, rule: MatchRule): DistortionRow[] {
  return m.distortions.map((d) => {
    const ps = m.same.filter((p) => p.distortion === d.name);
    return {
      distortion: d.name,
      kind: d.kind,
      parameter: d.parameter,
      images: ps.length,
      maxA: Math.max(...ps.map((p) => p.distances.aHash)),
      maxD: Math.max(...ps.map((p) => p.distances.dHash)),
      maxP: Math.max(...ps.map((p) => p.distances.pHash)),
      matched: ps.filter((p) => isMatch(p.distances, thresholds, rule)).length / ps.length,
    };
  });
}
