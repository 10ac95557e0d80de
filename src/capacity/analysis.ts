/**
 * The crawl-capacity inference in one call, shared by notebook 05-capacity and
 * `profile-provenance capacity`: `loadCapacityEvidence` (io only) → `analyseCapacity` (pure,
 * seeded, typed, JSON-serialisable) → `capacityReport` (tables, figures and sentences built from
 * the result).
 *
 * @example
 * const evidence = await loadCapacityEvidence({ monthly: 'monthly-visits.csv', requests: null }, { asOf: '2015-12-31' });
 * const result = analyseCapacity(evidence, { ...CAPACITY_DEFAULTS, accountsPerScenario: 0 });
 * result.capacity.bound.distinctProfiles; // visits × 3 pages × 5 profiles at the defaults
 */
import { weiboMaimai as wm } from '../case';
import { EvidenceError } from '../io/errors';
import type { ColumnMap } from '../io/columns';
import type { FileProvenance } from '../io/provenance';
import { capacityBound, capacityDistribution, capacityFrontier, type FrontierRow, impliedPlatformVolume, loggedRate, requiredRequestRate, shareCapacityCovers, shareReaching, breakEvenProfilesPerPage, type Assumption, type CapacityBound } from './capacity';
import { AUTOMATION_INDICATORS, accessFeatures, classifyAccess } from './classify';
import { validateClassifierOutOfSample, type OutOfSampleValidation } from './validate';
import { accountTimestamps, loadMonthlyCounts, loadRequestLog, visitsInPeriod, type CountLog, type RequestLog } from './load';
import { analyseRate } from './rate';
import { monthBounds, secondsInMonth } from './time';

export interface CapacityEvidence {
  monthly: CountLog;
  /** Request-level log, or null when none was given. */
  requests: RequestLog | null;
  /** Provenance of each file read (path, bytes, SHA-256, rows, format). */
  inputs: FileProvenance[];
}

/** Read the monthly counts (and, when given, the request-level log). */
export async function loadCapacityEvidence(paths: { monthly: string; requests: string | null }, options: { asOf: string; columns?: ColumnMap }): Promise<CapacityEvidence> {
  const cols = options.columns ? { columns: options.columns } : {};
  const monthly = await loadMonthlyCounts(paths.monthly, { asOf: options.asOf, ...cols });
  const requests = paths.requests === null ? null : await loadRequestLog(paths.requests, { asOf: options.asOf, ...cols });
  const inputs: FileProvenance[] = [monthly.provenance, requests?.provenance].filter((p): p is NonNullable<typeof p> => !!p).map((p) => ({ ...p }));
  return { monthly, requests, inputs };
}

export interface CapacityParams {
  /** First and last month of the period examined (YYYY-MM, CST). */
  from: string;
  to: string;
  /** Pages retrieved per logged visit. */
  pagesPerVisit: Assumption;
  /** Profiles with the data shown per page. */
  profilesPerPage: Assumption;
  /** Share of retrieved profiles already seen. */
  revisitShare: Assumption;
  /** Users whose networks showed non-users (default: the ~20% of the 800,000 August-2014 users who logged in with Weibo). */
  users: Assumption;
  nonUsersPerUser: Assumption;
  distinctShare: Assumption;
  shareWithData: Assumption;
  /** Monte Carlo draws of the capacity and volume under the stated prior (uniform on each range). */
  draws: number;
  seed: number;
  /** Monte Carlo replicates of the KS test per account (0 skips the p-value). */
  ksReplicates: number;
  /** Seed of the held-out evaluation of the classifier (must differ from the tuning seed). */
  classifierSeed: number;
  /** Seed of the tuning accounts. */
  classifierTuningSeed: number;
  /** Simulated accounts per behaviour family (0 skips tuning and evaluation). */
  accountsPerScenario: number;
  /** Grids of the frontier. */
  frontierPagesPerVisit: number[];
  frontierRevisitShare: number[];
}

export const CAPACITY_DEFAULTS: CapacityParams = {
  from: '2014-07', to: '2014-08',
  pagesPerVisit: { min: 1, max: 3 }, profilesPerPage: { min: 1, max: 5 }, revisitShare: { min: 0, max: 0.5 },
  users: wm.registeredUsersAug2014.value * wm.shareViaWeiboLogin.value, nonUsersPerUser: { min: 50, max: 150 },
  distinctShare: { min: 0.1, max: 0.5 }, shareWithData: { min: 0.3, max: 0.7 },
  draws: 10_000, seed: 7, ksReplicates: 199, classifierSeed: 2, classifierTuningSeed: 99, accountsPerScenario: 100,
  frontierPagesPerVisit: [1, 1.5, 2, 3, 5, 10, 20, 50], frontierRevisitShare: [0, 0.5],
};

export interface AccountPace {
  account: string;
  requests: number;
  medianGapS: number;
  cv: number;
  burstinessB: number;
  withinSessionB: number;
  localVariation: number;
  regularity: number;
  ksD: number;
  ksP: number;
  nightShare: number;
  peakPerMinute: number;
  requestsPerSession: number;
  label: string;
  indicators: string;
  /** For the charts: requests per local hour, the gap histogram (log10 bins). */
  hourOfDay: number[];
  gapHistogram: { minLog10: number; binsPerDecade: number; counts: number[]; n: number };
  nightHours: [number, number];
  offsetMinutes: number;
}

export type VolumeRow = {
  volume: string;
  profiles: number;
};

export interface CapacityResult {
  inputs: FileProvenance[];
  parameters: CapacityParams;
  /** Monthly counts as loaded (for the chart; account names as in the file). */
  monthly: { grain: 'day' | 'month'; accounts: string[]; rows: Array<{ account: string; period: string; visits: number }>; partialPeriods: string[]; missingPeriods: number };
  requestDiagnostics: { outOfOrder: number; duplicates: number; sorted: boolean } | null;
  capacity: {
    visits: number;
    visitsAllMonths: number;
    bound: CapacityBound;
    boundAllMonths: CapacityBound;
    distribution: { draws: number; seed: number; mean: number; min: number; max: number; quantiles: Record<'p05' | 'p25' | 'p50' | 'p75' | 'p95', number>; log10Histogram: Log10Histogram };
  };
  volume: { lower: number; upper: number; p05: number; p50: number; p95: number; draws: number; seed: number };
  coverage: Array<VolumeRow & { capacityBoundCovers: boolean; shareOfDrawsCovering: number }>;
  /** Profiles per page needed per (pages per visit, revisit share), for each volume. */
  frontier: FrontierRow[];
  /** For each volume: is any combination inside the assumed ranges sufficient, and the least profiles per page needed there. */
  frontierInsideAssumptions: Array<VolumeRow & { leastProfilesPerPageNeeded: number; assumedProfilesPerPageMax: number; sufficientSomewhere: boolean }>;
  shareCapacityCoversVolume: number;
  periodSeconds: number;
  rates: Array<{ rate: string; perSecond: number; perDay: number; timesLogged: number }>;
  accounts: AccountPace[];
  /** The classifier tuned on one family of simulated behaviours and evaluated on the others (validate.ts). */
  classifier: (Omit<OutOfSampleValidation, 'accountsPerFamily'> & { accountsPerScenario: number }) | null;
  breakEven: Array<VolumeRow & { profilesPerPageNeeded: number; visitsNeededAt1PerPage: number; timesLoggedVisits: number }>;
}

export interface Log10Histogram {
  /** log10 of the left edge of the first bin, bin width in log10 units, counts per bin. */
  start: number;
  width: number;
  counts: number[];
}

/** Counts of sorted positive samples in `bins` equal bins of log10(x). */
export function log10Histogram(sorted: Float64Array, bins = 60): Log10Histogram {
  const lo = Math.log10(Math.max(sorted[0] ?? 1, 1e-9));
  const hi = Math.log10(Math.max(sorted[sorted.length - 1] ?? 1, 1e-9));
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const x of sorted) counts[Math.min(bins - 1, Math.floor((Math.log10(Math.max(x, 1e-9)) - lo) / width))]!++;
  return { start: lo, width, counts };
}

/** Run the whole capacity analysis: capacity, implied volume, rates, pace per account, classifier, break-even. */
export function analyseCapacity(evidence: CapacityEvidence, params: CapacityParams = CAPACITY_DEFAULTS): CapacityResult {
  const p = params;
  if (p.from > p.to) throw new RangeError(`the period starts (${p.from}) after it ends (${p.to})`);
  const { monthly, requests } = evidence;
  const visits = visitsInPeriod(monthly, p.from, p.to);
  if (visits === 0) throw new EvidenceError({ file: monthly.provenance?.fileName ?? 'monthly counts', message: `no visits in ${p.from} to ${p.to}: check the period` });
  const visitsAll = visitsInPeriod(monthly, '0000-00', '9999-99');
  const assumptions = { pagesPerVisit: p.pagesPerVisit, profilesPerPage: p.profilesPerPage, revisitShare: p.revisitShare };
  const bound = capacityBound(visits, assumptions);
  const cap = capacityDistribution(visits, assumptions, { draws: p.draws, seed: p.seed });
  const volume = impliedPlatformVolume({ users: p.users, nonUsersPerUser: p.nonUsersPerUser, distinctShare: p.distinctShare, shareWithData: p.shareWithData }, { draws: p.draws, seed: p.seed + 1 });
  const cert704 = wm.nonUsersInCertificate704.value;
  const volumes: VolumeRow[] = [
    { volume: 'certificate 704 (3 uploaders)', profiles: cert704 },
    { volume: 'platform scale: low end', profiles: volume.lower },
    { volume: 'platform scale: median', profiles: Math.round(volume.p50) },
    { volume: 'platform scale: high end', profiles: volume.upper },
  ];
  const [p0] = monthBounds(p.from);
  const [, p1] = monthBounds(p.to);
  const periodSeconds = (p1 - p0) / 1000;
  const logged = loggedRate(visits, periodSeconds);
  const need = (profiles: number) => requiredRequestRate({ profiles, periodSeconds }).perSecond;
  const rateRows = [
    { label: `logged: all accounts, ${p.from} to ${p.to}`, perSecond: logged },
    { label: `logged: 脉脉 peak month (${wm.peakMonthlyVisitsMaimaiAccount.value.toLocaleString('en-US')})`, perSecond: loggedRate(wm.peakMonthlyVisitsMaimaiAccount.value, secondsInMonth('2014-07')) },
    { label: 'needed: certificate 704 volume', perSecond: need(cert704) },
    { label: 'needed: platform volume, low end', perSecond: need(volume.lower) },
    { label: 'needed: platform volume, median', perSecond: need(volume.p50) },
    { label: '"fetching pages by the second"', perSecond: 1 },
  ];
  const validation = p.accountsPerScenario > 0 ? validateClassifierOutOfSample({ tuningSeed: p.classifierTuningSeed, seed: p.classifierSeed, accountsPerFamily: p.accountsPerScenario }) : null;
  const indicators = validation?.indicators ?? AUTOMATION_INDICATORS;
  const accounts: AccountPace[] = (requests?.accounts ?? []).map((a) => {
    const s = analyseRate(accountTimestamps(requests!, a), { ksReplicates: p.ksReplicates, seed: p.seed });
    const c = classifyAccess(accessFeatures(s), { indicators });
    return {
      account: a, requests: s.records, medianGapS: s.gaps.quantiles.p50, cv: s.gaps.cv, burstinessB: s.gaps.burstiness,
      withinSessionB: s.withinSession.burstiness, localVariation: s.localVariation, regularity: s.regularity, ksD: s.ksTest.d, ksP: s.ksTest.pValue,
      nightShare: s.nightShare, peakPerMinute: s.peaks.perMinute, requestsPerSession: s.sessions.meanRequests,
      label: c.label, indicators: c.fired.join(', ') || 'none',
      hourOfDay: [...s.hourOfDay], gapHistogram: { minLog10: s.histogram.minLog10, binsPerDecade: s.histogram.binsPerDecade, counts: Array.from(s.histogram.counts), n: s.gaps.n },
      nightHours: s.nightHours, offsetMinutes: s.offsetMinutes,
    };
  });
  const frontier = capacityFrontier(visits, volumes.map((v) => ({ label: v.volume, profiles: v.profiles })), { pagesPerVisit: p.frontierPagesPerVisit, revisitShare: p.frontierRevisitShare });
  const hi = (a: Assumption) => (typeof a === 'number' ? a : a.max);
  const lo = (a: Assumption) => (typeof a === 'number' ? a : a.min);
  return {
    inputs: evidence.inputs,
    parameters: p,
    monthly: {
      grain: monthly.grain, accounts: monthly.accounts, rows: monthly.rows.map((r) => ({ account: r.account, period: r.period, visits: r.visits })),
      partialPeriods: monthly.diagnostics.partialPeriods, missingPeriods: monthly.diagnostics.missingPeriods.length,
    },
    requestDiagnostics: requests ? { outOfOrder: requests.diagnostics.outOfOrder, duplicates: requests.diagnostics.duplicates, sorted: requests.diagnostics.sorted } : null,
    capacity: {
      visits, visitsAllMonths: visitsAll, bound, boundAllMonths: capacityBound(visitsAll, assumptions),
      distribution: { draws: cap.draws, seed: cap.seed, mean: cap.mean, min: cap.min, max: cap.max, quantiles: cap.quantiles, log10Histogram: log10Histogram(cap.samples) },
    },
    volume: { lower: volume.lower, upper: volume.upper, p05: volume.p05, p50: volume.p50, p95: volume.p95, draws: volume.draws, seed: volume.seed },
    coverage: volumes.map((v) => ({ ...v, capacityBoundCovers: bound.distinctProfiles >= v.profiles, shareOfDrawsCovering: shareReaching(cap, v.profiles) })),
    frontier,
    frontierInsideAssumptions: volumes.map((v) => {
      const least = breakEvenProfilesPerPage(v.profiles, visits, hi(p.pagesPerVisit), lo(p.revisitShare));
      return { ...v, leastProfilesPerPageNeeded: least, assumedProfilesPerPageMax: hi(p.profilesPerPage), sufficientSomewhere: least <= hi(p.profilesPerPage) };
    }),
    shareCapacityCoversVolume: shareCapacityCovers(cap, volume),
    periodSeconds,
    rates: rateRows.map((r) => ({ rate: r.label, perSecond: r.perSecond, perDay: r.perSecond * 86400, timesLogged: r.perSecond / logged })),
    accounts,
    classifier: validation && (({ accountsPerFamily, ...v }) => ({ ...v, accountsPerScenario: accountsPerFamily }))(validation),
    breakEven: volumes.map((v) => ({ ...v, profilesPerPageNeeded: breakEvenProfilesPerPage(v.profiles, visits), visitsNeededAt1PerPage: v.profiles, timesLoggedVisits: v.profiles / visits })),
  };
}
