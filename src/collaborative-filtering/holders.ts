/**
 * Holders, not uploaders. The three uploaders of notarial certificate 704 are the notarised
 * sample; how many of the platform's registered users held a given non-user's number (his
 * *holders*, whose uploaded books the platform could combine) is an unknown. In the second case
 * one non-user was held by 36 registered users (caseFacts.wangMiao.friendsWaiting).
 *
 * Distribution (an address-book model stated as assumptions): the number D of address books
 * that hold a person's number has the mean size of an address book (by double counting, mean
 * in-degree = mean out-degree), modelled as negative binomial with mean `contactsMean` and
 * size `contactsDispersion`; each holder is a registered user with probability s = registered
 * users / population, so the number of holders H is negative binomial with mean s·contactsMean
 * and the same size (binomial thinning of a negative binomial). A non-user shown on the platform
 * has at least one holder: H is taken zero-truncated. Default mean 150: Dunbar's social-group
 * size (Dunbar 1993, Behav. Brain Sci. 16:681), close to the mean network size 153.5 of Hill &
 * Dunbar (2003, Human Nature 14:53-72); address books also hold numbers of non-friends, so the
 * default is a low end and the sensitivity runs above it.
 *
 * Accuracy as a function of the holder count h: (1) measured on the evidence graph for the
 * targets that have at least h registered contacts (all of them visible to the platform);
 * (2) an in-model extrapolation to any h: each holder knows the field with probability q and,
 * if he does, holds the target's value with probability a (both measured on the evidence
 * graph over non-user-holder pairs), otherwise a value drawn from the known values'
 * frequencies; the platform takes the plurality (majority vote, ties at random). Holders are
 * independent given the target: an assumption (real holders of one person share employers).
 *
 * @example
 * const d = holderDistribution({ contactsMean: 150, contactsDispersion: 1, registeredShare: 0.008, maxHolders: 50 });
 * d.mean; // ≈ 1.7 (mean of the zero-truncated count)
 */
import { lnGamma } from '../stats/lnGamma';
import { aliasSampler, deriveSeed, seededRandom } from '../stats/random';
import type { CsrGraph } from '../graph/csr';
import { hasLabel, type Labels } from './labels';

export interface HolderDistribution {
  /** Mean number of address books holding a person's number (assumption). */
  contactsMean: number;
  /** Negative-binomial size of that number (smaller = more spread; assumption). */
  contactsDispersion: number;
  /** Registered users / population. */
  registeredShare: number;
  /** Mean of H before truncation (s · contactsMean). */
  untruncatedMean: number;
  /** [h, P(H = h | H ≥ 1)] for h = 1..maxHolders (the rest of the mass is `tailBeyond`). */
  pmf: Array<[number, number]>;
  /** P(H > maxHolders | H ≥ 1). */
  tailBeyond: number;
  /** Mean of the zero-truncated H (over 1..maxHolders plus the tail at maxHolders). */
  mean: number;
  /** P(H ≥ h | H ≥ 1) at some holder counts (e.g. 3, 36). */
  atLeast: Array<[number, number]>;
}

/** ln P(H = h) for a negative binomial with mean mu and size r. */
function logNegBin(h: number, mu: number, r: number): number {
  return lnGamma(h + r) - lnGamma(r) - lnGamma(h + 1) + r * Math.log(r / (r + mu)) + h * Math.log(mu / (r + mu));
}

export function holderDistribution(options: { contactsMean: number; contactsDispersion: number; registeredShare: number; maxHolders: number; atLeast?: number[] }): HolderDistribution {
  const { contactsMean, contactsDispersion: r, registeredShare: s, maxHolders } = options;
  if (!(contactsMean > 0 && r > 0 && s > 0 && s <= 1)) throw new RangeError('holderDistribution: contactsMean, contactsDispersion > 0 and registeredShare in (0, 1] required');
  const mu = s * contactsMean;
  const p0 = Math.exp(logNegBin(0, mu, r));
  const pmf: Array<[number, number]> = [];
  let mass = 0;
  let mean = 0;
  for (let h = 1; h <= maxHolders; h++) {
    const p = Math.exp(logNegBin(h, mu, r)) / (1 - p0);
    pmf.push([h, p]);
    mass += p;
    mean += h * p;
  }
  const tailBeyond = Math.max(0, 1 - mass);
  const atLeast = (options.atLeast ?? []).map((h): [number, number] => [h, Math.max(0, 1 - pmf.filter(([x]) => x < h).reduce((acc, [, p]) => acc + p, 0))]);
  return { contactsMean, contactsDispersion: r, registeredShare: s, untruncatedMean: mu, pmf, tailBeyond, mean: mean + tailBeyond * maxHolders, atLeast };
}

/** What one holder tells about a non-user's field, measured on the evidence graph. */
export interface HolderAgreement {
  field: string;
  /** Non-user-holder pairs measured (non-user's own value known, neighbour registered). */
  pairs: number;
  /** Share of holders whose value of the field the platform knows. */
  knows: number;
  /** Among those, share holding the non-user's own value. */
  agrees: number;
}

export function holderAgreement(g: CsrGraph, registered: Uint8Array, known: Labels, truth: Labels, field: string): HolderAgreement & { values: Int32Array } {
  let pairs = 0;
  let knows = 0;
  let agrees = 0;
  const values: number[] = [];
  const single = (l: Labels, u: number) => (l instanceof Int32Array ? l[u]! : -1);
  for (let u = 0; u < g.n; u++) if (registered[u] && single(known, u) >= 0) values.push(single(known, u));
  for (let t = 0; t < g.n; t++) {
    if (registered[t] || !hasLabel(truth, t)) continue;
    for (let e = g.offsets[t]!; e < g.offsets[t + 1]!; e++) {
      const v = g.targets[e]!;
      if (!registered[v]) continue;
      pairs++;
      const kv = single(known, v);
      if (kv < 0) continue;
      knows++;
      if (kv === single(truth, t)) agrees++;
    }
  }
  return { field, pairs, knows: pairs ? knows / pairs : 0, agrees: knows ? agrees / knows : 0, values: Int32Array.from(values) };
}

export interface ModelAccuracy {
  holders: number;
  field: string;
  /** Plurality of the holders' known values right. */
  vote: number;
  /** Some holder holds the value (1 − (1 − q a)^h): the copy ceiling of one-hop copying. */
  copyCeiling: number;
}

/**
 * In-model accuracy of a plurality vote over h independent holders (seeded Monte Carlo, exact
 * copy ceiling). `values`: the known values whose frequencies wrong holders draw from.
 */
export function modelAccuracy(agreement: HolderAgreement & { values: Int32Array }, holders: number[], options: { replicates: number; seed: number }): ModelAccuracy[] {
  const { knows: q, agrees: a, values } = agreement;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ids = [...counts.keys()].sort((x, y) => x - y);
  const draw = ids.length ? aliasSampler(ids.map((v) => counts.get(v)!)) : () => 0;
  const out: ModelAccuracy[] = [];
  for (const h of holders) {
    const rng = seededRandom(deriveSeed(options.seed, `holders:${agreement.field}:${h}`));
    let right = 0;
    const tally = new Map<number, number>();
    for (let rep = 0; rep < options.replicates; rep++) {
      if (!ids.length) break;
      const truth = ids[draw(rng)]!;
      tally.clear();
      for (let j = 0; j < h; j++) {
        if (rng() >= q) continue;
        let v = truth;
        if (rng() >= a) {
          for (let tries = 0; tries < 20 && v === truth; tries++) v = ids[draw(rng)]!;
          if (v === truth) continue;
        }
        tally.set(v, (tally.get(v) ?? 0) + 1);
      }
      let best = -1;
      let top: number[] = [];
      for (const [v, c] of tally) {
        if (c > best) [best, top] = [c, [v]];
        else if (c === best) top.push(v);
      }
      if (top.length && top.sort((x, y) => x - y)[Math.floor(rng() * top.length)] === truth) right++;
    }
    out.push({ holders: h, field: agreement.field, vote: options.replicates ? right / options.replicates : 0, copyCeiling: 1 - Math.pow(1 - q * a, h) });
  }
  return out;
}

/** Holder counts from lo to hi: lo, hi and the usual grid points between (1, 2, 3, 5, 10, 20, 36, 50, 100, 200, 500, 1000). */
export function holderCountsIn(range: { min: number; max: number }): number[] {
  const grid = [1, 2, 3, 5, 10, 20, 36, 50, 100, 200, 500, 1000];
  return [...new Set([range.min, ...grid.filter((h) => h > range.min && h < range.max), range.max])].sort((x, y) => x - y);
}

/** Linear interpolation of y(h) on sorted grid points; constant beyond the ends. */
export function interpolateAt(points: Array<[number, number]>, h: number): number {
  if (!points.length) return NaN;
  if (h <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    if (h <= x1) {
      const [x0, y0] = points[i - 1]!;
      return y0 + ((y1 - y0) * (h - x0)) / (x1 - x0);
    }
  }
  return points.at(-1)![1];
}
