/**
 * Crawl capacity: the most distinct profiles that logged page visits could have retrieved,
 * under stated assumptions, and the request rate a crawler would have needed to gather a
 * given volume.
 *
 *   distinct profiles <= visits × pagesPerVisit × profilesPerPage × (1 - revisitShare)
 *
 * - visits: logged page visits of the accounts in the period (the judgment's counts);
 * - pagesPerVisit: pages retrieved per logged visit (1 if each logged visit is one page view);
 * - profilesPerPage: profiles whose occupation/education one page shows (1 for a profile
 *   page; more for a list page such as a follower list, if such lists showed those fields);
 * - revisitShare: share of retrieved profiles that had been retrieved before (0 = every
 *   profile new, the most favourable case for the capacity).
 *
 * `capacityBound` takes the most favourable end of every range (max pages, max profiles per
 * page, min revisits), so the result is an upper bound: the logged activity cannot have
 * gathered more under these assumptions. `capacityDistribution` draws every assumption given
 * as a range (uniform or log-uniform; seeded Monte Carlo) and reports quantiles, i.e. what is
 * plausible rather than what is possible.
 *
 * Hand check: 25,000 visits × 1 page × 20 profiles × (1 - 0.25) = 375,000 profiles.
 *
 * @example
 * capacityBound(25_000, { pagesPerVisit: 1, profilesPerPage: { min: 1, max: 20 }, revisitShare: { min: 0.25, max: 0.5 } })
 *   .distinctProfiles                                      // 375000
 * requiredRequestRate({ profiles: 1_000_000, periodSeconds: 62 * 86400, profilesPerRequest: 1 })
 *   // 0.18668... requests per second
 */
import { seededRandom, type Rng } from '../stats/random';
import { quantileSorted } from '../stats/quantileSorted';

/** A value or a range of values for an assumption. */
export type Assumption = number | { min: number; max: number; distribution?: 'uniform' | 'log-uniform' };

export interface CapacityAssumptions {
  pagesPerVisit: Assumption;
  profilesPerPage: Assumption;
  revisitShare: Assumption;
}

export interface CapacityBound {
  visits: number;
  pagesPerVisit: number;
  profilesPerPage: number;
  revisitShare: number;
  /** The bound on distinct profiles. */
  distinctProfiles: number;
  /** The formula with the numbers filled in, for a report. */
  formula: string;
}

function lo(a: Assumption): number {
  return typeof a === 'number' ? a : a.min;
}
function hi(a: Assumption): number {
  return typeof a === 'number' ? a : a.max;
}

function check(name: string, a: Assumption, min: number, max: number): void {
  const [x, y] = [lo(a), hi(a)];
  if (!(x >= min && y <= max && x <= y) || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new RangeError(`${name} must lie in [${min}, ${max}] with min <= max, got ${JSON.stringify(a)}`);
  }
  if (typeof a !== 'number' && a.distribution === 'log-uniform' && !(x > 0)) throw new RangeError(`${name}: a log-uniform range needs min > 0`);
}

function checkAll(visits: number, a: CapacityAssumptions): void {
  if (!(visits >= 0) || !Number.isFinite(visits)) throw new RangeError(`visits must be a finite number >= 0, got ${visits}`);
  check('pagesPerVisit', a.pagesPerVisit, 0, Number.MAX_VALUE);
  check('profilesPerPage', a.profilesPerPage, 0, Number.MAX_VALUE);
  check('revisitShare', a.revisitShare, 0, 1);
}

const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 4 });

/** Upper bound on distinct profiles: the most favourable end of every assumption. */
export function capacityBound(visits: number, a: CapacityAssumptions): CapacityBound {
  checkAll(visits, a);
  const ppv = hi(a.pagesPerVisit);
  const ppp = hi(a.profilesPerPage);
  const r = lo(a.revisitShare);
  const d = visits * ppv * ppp * (1 - r);
  return {
    visits, pagesPerVisit: ppv, profilesPerPage: ppp, revisitShare: r, distinctProfiles: d,
    formula: `${fmt(visits)} visits × ${fmt(ppv)} pages/visit × ${fmt(ppp)} profiles/page × (1 - ${fmt(r)}) = ${fmt(d)}`,
  };
}

function draw(rng: Rng, a: Assumption): number {
  if (typeof a === 'number') return a;
  const u = rng();
  if (a.distribution === 'log-uniform') return Math.exp(Math.log(a.min) + u * (Math.log(a.max) - Math.log(a.min)));
  return a.min + u * (a.max - a.min);
}

export interface CapacityDistribution {
  visits: number;
  draws: number;
  seed: number;
  /** Sorted simulated capacities. */
  samples: Float64Array;
  mean: number;
  quantiles: { p05: number; p25: number; p50: number; p75: number; p95: number };
  min: number;
  max: number;
}

/** Monte Carlo distribution of the capacity when assumptions are ranges (seeded). */
export function capacityDistribution(visits: number, a: CapacityAssumptions, options: { draws?: number; seed?: number } = {}): CapacityDistribution {
  checkAll(visits, a);
  const draws = options.draws ?? 10_000;
  const seed = options.seed ?? 1;
  const rng = seededRandom(seed);
  const xs = new Float64Array(draws);
  let s = 0;
  for (let i = 0; i < draws; i++) {
    // fixed draw order: pages, profiles, revisits
    const ppv = draw(rng, a.pagesPerVisit);
    const ppp = draw(rng, a.profilesPerPage);
    const r = draw(rng, a.revisitShare);
    xs[i] = visits * ppv * ppp * (1 - r);
    s += xs[i]!;
  }
  xs.sort();
  const q = (p: number) => quantileSorted(xs, p);
  return {
    visits, draws, seed, samples: xs, mean: s / draws,
    quantiles: { p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) },
    min: xs[0]!, max: xs[draws - 1]!,
  };
}

/** Share of simulated capacities at or above `volume`. */
export function shareReaching(dist: CapacityDistribution, volume: number): number {
  const xs = dist.samples;
  let lo_ = 0;
  let hi_ = xs.length;
  while (lo_ < hi_) {
    const mid = (lo_ + hi_) >> 1;
    if (xs[mid]! < volume) lo_ = mid + 1;
    else hi_ = mid;
  }
  return (xs.length - lo_) / xs.length;
}

export interface RequiredRate {
  profiles: number;
  periodSeconds: number;
  profilesPerRequest: number;
  revisitShare: number;
  /** Requests needed: profiles / (profilesPerRequest × (1 - revisitShare)). */
  requests: number;
  /** Requests per second over the period. */
  perSecond: number;
  perDay: number;
  perMonth30: number;
}

/**
 * The request rate a crawler would need to retrieve `profiles` distinct profiles in
 * `periodSeconds`, at `profilesPerRequest` (default 1) with `revisitShare` (default 0) of
 * fetched profiles being repeats.
 */
export function requiredRequestRate(args: { profiles: number; periodSeconds: number; profilesPerRequest?: number; revisitShare?: number }): RequiredRate {
  const ppr = args.profilesPerRequest ?? 1;
  const r = args.revisitShare ?? 0;
  if (!(args.profiles >= 0) || !(args.periodSeconds > 0) || !(ppr > 0) || !(r >= 0 && r < 1)) {
    throw new RangeError(`requiredRequestRate: need profiles >= 0, periodSeconds > 0, profilesPerRequest > 0, 0 <= revisitShare < 1; got ${JSON.stringify(args)}`);
  }
  const requests = args.profiles / (ppr * (1 - r));
  const perSecond = requests / args.periodSeconds;
  return { profiles: args.profiles, periodSeconds: args.periodSeconds, profilesPerRequest: ppr, revisitShare: r, requests, perSecond, perDay: perSecond * 86400, perMonth30: perSecond * 86400 * 30 };
}

/** Logged rate: visits / period, per second. */
export function loggedRate(visits: number, periodSeconds: number): number {
  if (!(periodSeconds > 0)) throw new RangeError('periodSeconds must be > 0');
  return visits / periodSeconds;
}

/**
 * What would have to be true for the logged visits to reach `volume`: the profiles per page
 * needed (with the given pages per visit and revisit share). A figure for "what evidence
 * would have changed the finding": if one page showed this many profiles with their
 * occupation and education, the logged visits could have sufficed.
 */
export function breakEvenProfilesPerPage(volume: number, visits: number, pagesPerVisit = 1, revisitShare = 0): number {
  if (!(visits > 0) || !(pagesPerVisit > 0) || !(revisitShare >= 0 && revisitShare < 1)) throw new RangeError('breakEvenProfilesPerPage: visits and pagesPerVisit must be > 0, 0 <= revisitShare < 1');
  return volume / (visits * pagesPerVisit * (1 - revisitShare));
}

export interface PlatformVolumeAssumptions {
  /** Users whose networks showed non-users (e.g. the judgment's 800,000 registered users in Aug 2014, or the ~20% who logged in with Weibo). */
  users: Assumption;
  /** Non-users with source-platform profile data shown per user's network (cert. 704: 300+ across 3 uploaders, ~100 each). */
  nonUsersPerUser: Assumption;
  /** Share of those shown profiles that are distinct across users (networks overlap). */
  distinctShare: Assumption;
  /** Share of the distinct profiles that carry the data in question (occupation/education); default 1. */
  shareWithData?: Assumption;
}

export interface PlatformVolume {
  /** Product of the low ends (least favourable to a large volume). */
  lower: number;
  /** Product of the high ends. */
  upper: number;
  p05: number;
  p50: number;
  p95: number;
  /** Sorted Monte Carlo draws. */
  samples: Float64Array;
  draws: number;
  seed: number;
}

/**
 * Platform-scale volume of distinct non-user profiles implied by the evidence:
 * users × nonUsersPerUser × distinctShare × shareWithData. Returns the lower end (min of
 * every range), the upper end, and a seeded Monte Carlo median and 90% range.
 *
 * Hand check: 800,000 × 100 × 0.1 = 8,000,000.
 */
export function impliedPlatformVolume(a: PlatformVolumeAssumptions, options: { draws?: number; seed?: number } = {}): PlatformVolume {
  check('users', a.users, 0, Number.MAX_VALUE);
  check('nonUsersPerUser', a.nonUsersPerUser, 0, Number.MAX_VALUE);
  check('distinctShare', a.distinctShare, 0, 1);
  const share = a.shareWithData ?? 1;
  check('shareWithData', share, 0, 1);
  const draws = options.draws ?? 10_000;
  const seed = options.seed ?? 1;
  const rng = seededRandom(seed);
  const xs = new Float64Array(draws);
  for (let i = 0; i < draws; i++) xs[i] = draw(rng, a.users) * draw(rng, a.nonUsersPerUser) * draw(rng, a.distinctShare) * draw(rng, share);
  xs.sort();
  return {
    lower: lo(a.users) * lo(a.nonUsersPerUser) * lo(a.distinctShare) * lo(share),
    upper: hi(a.users) * hi(a.nonUsersPerUser) * hi(a.distinctShare) * hi(share),
    p05: quantileSorted(xs, 0.05),
    p50: quantileSorted(xs, 0.5),
    p95: quantileSorted(xs, 0.95),
    samples: xs,
    draws,
    seed,
  };
}

/**
 * Share of joint draws in which the capacity covers the volume: P(C >= V) for independent
 * C ~ capacity distribution and V ~ volume distribution, computed exactly over all pairs of
 * the two sorted samples (a merge, O(m + n)).
 */
export function shareCapacityCovers(capacity: CapacityDistribution, volume: PlatformVolume): number {
  const c = capacity.samples;
  const v = volume.samples;
  let j = 0;
  let pairs = 0;
  for (let i = 0; i < c.length; i++) {
    while (j < v.length && v[j]! <= c[i]!) j++;
    pairs += j;
  }
  return pairs / (c.length * v.length);
}

export interface FrontierRow {
  pagesPerVisit: number;
  revisitShare: number;
  /** Profiles per page the logged visits would need for each volume (by label). */
  needed: Record<string, number>;
}

/**
 * The capacity comparison as a frontier over the assumptions: for each combination of pages
 * per visit and revisit share (declared grids), the profiles per page at which the logged
 * visits would just suffice for each volume, needed = volume / (visits × pages × (1 − revisits)).
 * Combinations above the frontier make the visits sufficient; no probability is attached.
 *
 * Hand check: 50,000 visits, 1 page, no revisits, 2,000,000 profiles -> 40 profiles per page.
 *
 * @example
 * capacityFrontier(50_000, [{ label: 'v', profiles: 2e6 }], { pagesPerVisit: [1], revisitShare: [0] })[0].needed.v // 40
 */
export function capacityFrontier(visits: number, volumes: ReadonlyArray<{ label: string; profiles: number }>, grid: { pagesPerVisit: readonly number[]; revisitShare: readonly number[] }): FrontierRow[] {
  const rows: FrontierRow[] = [];
  for (const r of grid.revisitShare) {
    for (const ppv of grid.pagesPerVisit) {
      rows.push({ pagesPerVisit: ppv, revisitShare: r, needed: Object.fromEntries(volumes.map((v) => [v.label, breakEvenProfilesPerPage(v.profiles, visits, ppv, r)])) });
    }
  }
  return rows;
}
