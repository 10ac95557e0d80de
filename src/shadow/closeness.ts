/**
 * "119 professional contacts ... estimated by big data from the number of common friends and
 * closeness" (the platform's explanation in the Wang Miao case). The platform never stated
 * its estimator; this module states one precisely so that its inputs, its free parameter and
 * its sensitivity can be shown.
 *
 * Setting. H = the registered users holding the non-user t's number ("friends waiting").
 * G = the graph among registered users at the same date: an edge u-v when u's uploaded book
 * holds v's number or v's holds u's, with weight a(u,v) = 1 if both hold each other
 * (mutual) and 1/2 if only one does.
 *
 * Closeness of holder h to t (in [0, 1]):
 *     c(h) = 1/2 * s(h) + 1/2 * i(h),
 *   s(h) = |N_G(h) ∩ H| / (|H| - 1)   the share of t's other holders that h is linked to
 *                                      ("common friends"; s = 0 when |H| = 1),
 *   i(h) = intimacy of the name h saved t under (`INTIMACY` in lexicon.ts: kin term 1,
 *          nickname 0.8, relation word 0.6, full name 0.5, honorific 0.4, other 0.3, service 0.1).
 *
 * Recommendation score of a registered user u not in H:
 *     score(u) = sum over h in H of c(h) * a(h, u),
 * a closeness-weighted count of common friends (Adamic & Adar 2003 and Liben-Nowell &
 * Kleinberg 2007 weight common neighbours; here the weight is the holder's closeness to t).
 * Recommended contacts = #{ u : score(u) >= theta }. `theta` is the free parameter; the
 * number the SMS printed (119) is one point of the curve `reachCurve` shows.
 *
 * @example
 * // H = {0, 1}; user 2 linked (mutually) to both holders, user 3 to holder 0 one-way.
 * const g = weightedGraph(4, [[0, 1, 1], [0, 2, 1], [1, 2, 1], [0, 3, 0.5]]);
 * const r = recommendContacts({ holders: Int32Array.of(0, 1), intimacy: Float64Array.of(0.5, 1), graph: g, theta: 1 });
 * // c = [0.5*1 + 0.25, 0.5*1 + 0.5] = [0.75, 1]; score(2) = 1.75, score(3) = 0.375; r.count = 1
 */

/**
 * Default threshold: a candidate needs closeness-weighted common friends worth at least 1/2,
 * e.g. one mutual common friend whose closeness to the target is 1/2 or more, or two looser
 * ones. The platform's own value is unknown; reports show the whole curve (`reachCurve`).
 */
export const DEFAULT_THETA = 0.5;

/** Weighted undirected graph in CSR form (each edge stored in both directions): `src/graph`'s. */
export { weightedGraph, type WeightedCsr } from '../graph/csr';
import type { WeightedCsr } from '../graph/csr';

export interface RecommendInput {
  /** Registered users holding the target's number (graph node ids), distinct. */
  holders: ArrayLike<number>;
  /** Intimacy i(h) of each holder's saved name, aligned with holders. */
  intimacy: ArrayLike<number>;
  graph: WeightedCsr;
  /** Threshold on score(u). */
  theta: number;
}

export interface RecommendResult {
  /** c(h), aligned with holders. */
  closeness: Float64Array;
  /** s(h): share of the other holders h is linked to. */
  commonShare: Float64Array;
  /** Users with a positive score (ascending id) and their scores. */
  candidates: Int32Array;
  scores: Float64Array;
  /** #{u : score(u) >= theta}. */
  count: number;
  theta: number;
}

/** The closeness-weighted common-friend estimator (see module comment). */
export function recommendContacts(input: RecommendInput): RecommendResult {
  const { holders, intimacy, graph, theta } = input;
  const k = holders.length;
  if (intimacy.length !== k) throw new RangeError('intimacy must align with holders');
  const isHolder = new Uint8Array(graph.n);
  for (let j = 0; j < k; j++) {
    const h = holders[j]!;
    if (h < 0 || h >= graph.n) throw new RangeError(`holder ${h} outside the graph`);
    if (isHolder[h]) throw new RangeError(`holder ${h} listed twice`);
    isHolder[h] = 1;
  }
  const commonShare = new Float64Array(k);
  const closeness = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const h = holders[j]!;
    let common = 0;
    for (let e = graph.offsets[h]!; e < graph.offsets[h + 1]!; e++) if (isHolder[graph.targets[e]!]) common++;
    commonShare[j] = k > 1 ? common / (k - 1) : 0;
    closeness[j] = 0.5 * commonShare[j]! + 0.5 * intimacy[j]!;
  }
  const score = new Float64Array(graph.n);
  for (let j = 0; j < k; j++) {
    const h = holders[j]!;
    const c = closeness[j]!;
    for (let e = graph.offsets[h]!; e < graph.offsets[h + 1]!; e++) {
      const u = graph.targets[e]!;
      if (!isHolder[u]) score[u] += c * graph.weights[e]!;
    }
  }
  let m = 0;
  for (let u = 0; u < graph.n; u++) if (score[u]! > 0) m++;
  const candidates = new Int32Array(m);
  const scores = new Float64Array(m);
  let count = 0;
  for (let u = 0, t = 0; u < graph.n; u++) {
    if (score[u]! > 0) {
      candidates[t] = u;
      scores[t++] = score[u]!;
      if (score[u]! >= theta - 1e-12) count++;
    }
  }
  return { closeness, commonShare, candidates, scores, count, theta };
}

/** Recommended-contact count at each threshold: the sensitivity of "119" to theta. */
export function reachCurve(result: Pick<RecommendResult, 'scores'>, thetas: readonly number[]): Array<{ theta: number; recommended: number }> {
  return thetas.map((theta) => {
    let c = 0;
    for (let i = 0; i < result.scores.length; i++) if (result.scores[i]! >= theta - 1e-12) c++;
    return { theta, recommended: c };
  });
}

/** Thresholds theta with lo < theta <= hi at which the count equals `target`, or null. */
export function thetaIntervalForCount(result: Pick<RecommendResult, 'scores'>, target: number): { lo: number; hi: number } | null {
  const s = Array.from(result.scores).sort((a, b) => b - a);
  if (target <= 0 || target > s.length) return null;
  const lo = target < s.length ? s[target]! : 0; // theta must exceed the (target+1)-th score
  const hi = s[target - 1]!; // and not exceed the target-th score
  if (!(hi > lo)) return null; // tie at the boundary: the count jumps over target
  return { lo, hi };
}
