/**
 * A simple, documented classifier of an account's request timing: human-paced or automated.
 *
 * It is a points rule, not a trained model, so every step can be read out in court. Five
 * indicators of automation, each a published web-robot feature or timing statistic, each
 * with a threshold fixed BEFORE looking at the case data; the account is called 'automated'
 * when at least `minIndicators` (default 2) fire, 'human-paced' otherwise, and
 * 'insufficient' below `minRequests` (default 50) requests. Its error rates are measured on
 * simulated logs with known labels (`evaluateClassifier`) and must be reported with it
 * (Daubert: known error rate).
 *
 * | indicator | fires when | source |
 * |---|---|---|
 * | regular pace | local variation of consecutive gaps LV < 0.5 | Shinomoto, Shima & Tanji, Neural Comput. 15 (2003) 2823: LV 0 periodic, 1 Poisson, > 1 bursty (LV < 0.5 "regular") |
 * | fixed delay (periodicity) | > 20% of gaps within ±10% of the median gap | a fixed crawl delay concentrates gaps at one value (±30% uniform jitter puts 1/3 there); log-normal human reading times (σ 0.8-1.3) put 6-10% there |
 * | night activity | > 20% of requests 00:00-07:00 CST | "night" feature, Stevanovic, An & Vlajic, Expert Syst. Appl. 39 (2012) 8707; Tan & Kumar, DMKD 6 (2002) 9 |
 * | long sessions | mean > 80 requests per session (30-min timeout) | session length/depth features, Tan & Kumar (2002); Stevanovic et al. (2012) |
 * | fast peaks | > 25 requests in one clock minute | click-rate feature, Stevanovic et al. (2012): a reader does not open a page every 2.4 s for a whole minute |
 *
 * Thresholds were set on simulated DEVELOPMENT accounts (seed 99, 60 per scenario) and are
 * evaluated on fresh accounts from other seeds (default seed 1), never on the case data.
 *
 * Known blind spot (measured, not hidden): a crawler that randomises its delays (Poisson
 * timing), runs only in the daytime and fetches in short runs fires at most one indicator and
 * is called human-paced; see the 'crawler-poisson-daytime' scenario of `evaluateClassifier`.
 *
 * @example
 * const f = accessFeatures(analyseRate(timestamps, { ksReplicates: 0 }));
 * classifyAccess(f)   // { label: 'automated', score: 3, fired: ['regular-pace', 'fixed-delay', 'night'], ... }
 */
import { wilsonInterval } from '../stats/wilsonInterval';
import { deriveSeed, seededRandom, type Rng } from '../stats/random';
import { RateAccumulator, type RateSummary } from './rate';
import { simulateCrawler, simulateHuman } from './simulate';

export interface AccessFeatures {
  requests: number;
  withinSessionBurstiness: number;
  localVariation: number;
  regularity: number;
  nightShare: number;
  meanRequestsPerSession: number;
  peakPerMinute: number;
}

export interface Indicator {
  id: string;
  feature: keyof Omit<AccessFeatures, 'requests'>;
  op: '<' | '>';
  threshold: number;
  meaning: string;
  reference: string;
}

/** The indicators of automation (see the module comment for the reasons). */
export const AUTOMATION_INDICATORS: readonly Indicator[] = [
  { id: 'regular-pace', feature: 'localVariation', op: '<', threshold: 0.5, meaning: 'each gap close to the next: far more regular than Poisson (LV 1)', reference: 'Shinomoto, Shima & Tanji 2003 (local variation)' },
  { id: 'fixed-delay', feature: 'regularity', op: '>', threshold: 0.2, meaning: 'many gaps within ±10% of the median gap (a fixed delay)', reference: 'periodicity of inter-request times' },
  { id: 'night', feature: 'nightShare', op: '>', threshold: 0.2, meaning: 'over 20% of requests between 00:00 and 07:00 CST', reference: 'Stevanovic et al. 2012; Tan & Kumar 2002' },
  { id: 'long-sessions', feature: 'meanRequestsPerSession', op: '>', threshold: 80, meaning: 'over 80 requests per session on average', reference: 'Tan & Kumar 2002; Stevanovic et al. 2012' },
  { id: 'fast-peaks', feature: 'peakPerMinute', op: '>', threshold: 25, meaning: 'over 25 requests in one clock minute', reference: 'Stevanovic et al. 2012 (click rate)' },
];

export interface ClassifierOptions {
  indicators?: readonly Indicator[];
  /** Indicators that must fire for 'automated' (default 2). */
  minIndicators?: number;
  /** Fewer requests than this gives 'insufficient' (default 50). */
  minRequests?: number;
}

export type AccessLabel = 'human-paced' | 'automated' | 'insufficient';

export interface Classification {
  label: AccessLabel;
  score: number;
  fired: string[];
  features: AccessFeatures;
}

/** The classifier's inputs, from a rate summary (streamed or in memory). */
export function accessFeatures(s: RateSummary): AccessFeatures {
  return {
    requests: s.records,
    withinSessionBurstiness: s.withinSession.burstiness,
    localVariation: s.localVariation,
    regularity: s.regularity,
    nightShare: s.nightShare,
    meanRequestsPerSession: s.sessions.meanRequests,
    peakPerMinute: s.peaks.perMinute,
  };
}

/** Apply the points rule. NaN features never fire. */
export function classifyAccess(f: AccessFeatures, options: ClassifierOptions = {}): Classification {
  const indicators = options.indicators ?? AUTOMATION_INDICATORS;
  const minIndicators = options.minIndicators ?? 2;
  const minRequests = options.minRequests ?? 50;
  const fired: string[] = [];
  for (const ind of indicators) {
    const v = f[ind.feature];
    if (Number.isNaN(v)) continue;
    if (ind.op === '<' ? v < ind.threshold : v > ind.threshold) fired.push(ind.id);
  }
  const label: AccessLabel = f.requests < minRequests ? 'insufficient' : fired.length >= minIndicators ? 'automated' : 'human-paced';
  return { label, score: fired.length, fired, features: f };
}

/** A simulated scenario with a known label; `make` draws its parameters and timestamps. */
export interface Scenario {
  id: string;
  truth: 'human-paced' | 'automated';
  description: string;
  make: (rng: Rng, start: number, days: number) => Float64Array;
}

const u = (rng: Rng, a: number, b: number) => a + (b - a) * rng();

/** The labelled scenarios used to measure the classifier's error rates. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'human-typical', truth: 'human-paced',
    description: '2-8 sessions/day, 5-20 pages/session, median 10-40 s per page (log-normal σ 0.8-1.3), daytime/evening profile',
    make: (rng, start, days) => simulateHuman(rng, { start, days, sessionsPerDay: u(rng, 2, 8), pagesPerSession: u(rng, 5, 20), medianGapSeconds: u(rng, 10, 40), gapSigma: u(rng, 0.8, 1.3) }),
  },
  {
    id: 'human-heavy-night-owl', truth: 'human-paced',
    description: 'heavy user: 8-15 sessions/day, 20-40 pages/session, median 5-15 s per page, profile shifted 3 h into the night',
    make: (rng, start, days) => simulateHuman(rng, { start, days, sessionsPerDay: u(rng, 8, 15), pagesPerSession: u(rng, 20, 40), medianGapSeconds: u(rng, 5, 15), gapSigma: u(rng, 0.8, 1.3), diurnalShiftHours: 3 }),
  },
  {
    id: 'crawler-fixed-delay', truth: 'automated',
    description: 'runs at any hour, 2-24 runs/day of 50-500 requests, fixed delay 1-20 s with 0-30% jitter',
    make: (rng, start, days) => simulateCrawler(rng, { start, days, runsPerDay: u(rng, 2, 24), requestsPerRun: u(rng, 50, 500), delaySeconds: u(rng, 1, 20), jitter: u(rng, 0, 0.3) }),
  },
  {
    id: 'crawler-business-hours', truth: 'automated',
    description: 'runs only 09:00-18:00 CST, 2-10 runs/day of 50-300 requests, fixed delay 2-30 s with 0-30% jitter',
    make: (rng, start, days) => simulateCrawler(rng, { start, days, runsPerDay: u(rng, 2, 10), requestsPerRun: u(rng, 50, 300), delaySeconds: u(rng, 2, 30), jitter: u(rng, 0, 0.3), activeHours: [9, 18] }),
  },
  {
    id: 'crawler-poisson', truth: 'automated',
    description: 'runs at any hour, 2-24 runs/day of 50-500 requests, exponential (random) delays, mean 2-20 s',
    make: (rng, start, days) => simulateCrawler(rng, { start, days, runsPerDay: u(rng, 2, 24), requestsPerRun: u(rng, 50, 500), delaySeconds: u(rng, 2, 20), timing: 'poisson' }),
  },
  {
    id: 'crawler-poisson-daytime', truth: 'automated',
    description: 'HARD CASE: runs only 09:00-18:00 CST, 4-12 runs/day of 20-60 requests, exponential delays, mean 8-30 s',
    make: (rng, start, days) => simulateCrawler(rng, { start, days, runsPerDay: u(rng, 4, 12), requestsPerRun: u(rng, 20, 60), delaySeconds: u(rng, 8, 30), timing: 'poisson', activeHours: [9, 18] }),
  },
];

export interface ScenarioResult {
  scenario: string;
  truth: 'human-paced' | 'automated';
  description: string;
  accounts: number;
  /** Accounts called 'insufficient' (left out of the error rate). */
  insufficient: number;
  /** Accounts given the wrong label. */
  errors: number;
  errorRate: number;
  /** 95% Wilson interval of the error rate. */
  interval: [number, number];
}

export interface ClassifierEvaluation {
  seed: number;
  days: number;
  accountsPerScenario: number;
  scenarios: ScenarioResult[];
  /** Human-paced accounts called automated, over all human scenarios. */
  falsePositiveRate: { errors: number; n: number; rate: number; interval: [number, number] };
  /** Automated accounts called human-paced, over all automated scenarios. */
  falseNegativeRate: { errors: number; n: number; rate: number; interval: [number, number] };
}

/**
 * Measure the classifier on simulated accounts with known labels: `accountsPerScenario`
 * accounts per scenario, each `days` days long, parameters drawn per account. Seeded; the
 * same seed gives the same table.
 */
export function evaluateClassifier(options: { seed?: number; accountsPerScenario?: number; days?: number; scenarios?: readonly Scenario[] } & ClassifierOptions = {}): ClassifierEvaluation {
  const seed = options.seed ?? 1;
  const per = options.accountsPerScenario ?? 100;
  const days = options.days ?? 14;
  const start = Date.UTC(2014, 6, 1) / 1000 - 8 * 3600; // 2014-07-01 00:00 CST
  const results: ScenarioResult[] = [];
  const fp = { errors: 0, n: 0 };
  const fn = { errors: 0, n: 0 };
  for (const sc of options.scenarios ?? SCENARIOS) {
    const rng = seededRandom(deriveSeed(seed, sc.id));
    let insufficient = 0;
    let errors = 0;
    for (let a = 0; a < per; a++) {
      const ts = sc.make(rng, start, days);
      const acc = new RateAccumulator();
      acc.addBatch(ts);
      const c = classifyAccess(accessFeatures(acc.summary()), options);
      if (c.label === 'insufficient') { insufficient++; continue; }
      if (c.label !== sc.truth) errors++;
    }
    const n = per - insufficient;
    results.push({
      scenario: sc.id, truth: sc.truth, description: sc.description, accounts: per, insufficient, errors,
      errorRate: n ? errors / n : Number.NaN,
      interval: n ? wilsonInterval(errors, n) : [Number.NaN, Number.NaN],
    });
    const bucket = sc.truth === 'human-paced' ? fp : fn;
    bucket.errors += errors;
    bucket.n += n;
  }
  const rate = (b: { errors: number; n: number }) => ({
    errors: b.errors, n: b.n, rate: b.n ? b.errors / b.n : Number.NaN,
    interval: (b.n ? wilsonInterval(b.errors, b.n) : [Number.NaN, Number.NaN]) as [number, number],
  });
  return { seed, days, accountsPerScenario: per, scenarios: results, falsePositiveRate: rate(fp), falseNegativeRate: rate(fn) };
}
