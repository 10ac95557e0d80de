/**
 * Out-of-sample validation of the human-vs-automated points rule (classify.ts): thresholds are
 * TUNED on one family of simulated behaviours and the error rates are REPORTED on other families
 * the tuning never saw, with fresh seeds, one row per family with a Wilson 95% interval.
 *
 * Families (declared as data in `BEHAVIOUR_FAMILIES`): the tuning set is the plainest human and
 * the plainest crawler ('human-typical', 'crawler-fixed-delay'); held out are a heavy night-owl
 * human, a light human, crawlers restricted to business hours, crawlers with random (Poisson)
 * delays, short daytime Poisson runs, and a crawler that IMITATES HUMAN PACING (sessions, log-normal
 * reading gaps, the human hour-of-day profile), i.e. a careful scraper.
 *
 * Tuning: coordinate descent over a declared grid of thresholds per indicator (two sweeps,
 * starting from the published thresholds), minimising the balanced error (false-alarm rate +
 * miss rate) on the tuning accounts; ties keep the published threshold. Held-out accounts are
 * never used to choose anything.
 *
 * What timing alone cannot detect is reported from the held-out rows, never typed: any family
 * whose error rate is high is named in the result (`undetectable`).
 *
 * @example
 * const v = validateClassifierOutOfSample({ tuningSeed: 99, seed: 2, accountsPerFamily: 50 });
 * v.outOfSample.find((r) => r.family === 'crawler-human-pacing')!.errorRate; // close to 1: it passes as human
 */
import { wilsonInterval } from '../stats/wilsonInterval';
import { deriveSeed, seededRandom } from '../stats/random';
import { AUTOMATION_INDICATORS, SCENARIOS, accessFeatures, classifyAccess, type AccessFeatures, type Indicator, type Scenario } from './classify';
import { RateAccumulator } from './rate';
import { simulateHuman } from './simulate';

const u = (rng: () => number, a: number, b: number) => a + (b - a) * rng();

/** Behaviour families: the scenarios of classify.ts plus two held-out ones. */
export const BEHAVIOUR_FAMILIES: readonly Scenario[] = [
  ...SCENARIOS,
  {
    id: 'human-light', truth: 'human-paced',
    description: 'light user: 3-6 sessions/day, 5-12 pages/session, median 20-60 s per page (log-normal σ 0.8-1.3)',
    make: (rng, start, days) => simulateHuman(rng, { start, days, sessionsPerDay: u(rng, 3, 6), pagesPerSession: u(rng, 5, 12), medianGapSeconds: u(rng, 20, 60), gapSigma: u(rng, 0.8, 1.3) }),
  },
  {
    id: 'crawler-human-pacing', truth: 'automated',
    description: 'crawler imitating human pacing: 10-20 sessions/day of 20-50 pages, log-normal gaps (median 8-20 s, σ 0.8-1.2), human hour-of-day profile',
    make: (rng, start, days) => simulateHuman(rng, { start, days, sessionsPerDay: u(rng, 10, 20), pagesPerSession: u(rng, 20, 50), medianGapSeconds: u(rng, 8, 20), gapSigma: u(rng, 0.8, 1.2) }),
  },
];

/** Families the thresholds are tuned on; every other family is held out. */
export const TUNING_FAMILIES: readonly string[] = ['human-typical', 'crawler-fixed-delay'];

/** Candidate thresholds per indicator (declared as data). */
export const THRESHOLD_GRID: Readonly<Record<string, readonly number[]>> = {
  'regular-pace': [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
  'fixed-delay': [0.1, 0.15, 0.2, 0.3, 0.4, 0.5],
  night: [0.1, 0.15, 0.2, 0.25, 0.3, 0.4],
  'long-sessions': [20, 40, 60, 80, 120, 160],
  'fast-peaks': [10, 15, 20, 25, 30, 40],
};

export interface FamilyErrorRow {
  family: string;
  truth: 'human-paced' | 'automated';
  role: 'tuning (in sample)' | 'held out';
  accounts: number;
  insufficient: number;
  errors: number;
  errorRate: number;
  /** Wilson 95% interval of the error rate. */
  interval: [number, number];
  description: string;
}

export interface OutOfSampleValidation {
  tuningSeed: number;
  seed: number;
  days: number;
  accountsPerFamily: number;
  tuningFamilies: string[];
  /** The tuned indicators (thresholds chosen on the tuning families only). */
  indicators: Indicator[];
  /** In-sample error on the tuning families (for contrast only). */
  tuning: FamilyErrorRow[];
  /** Held-out families: one row each. */
  outOfSample: FamilyErrorRow[];
  /** Over the held-out families: human called automated / automated called human. */
  falsePositiveRate: { errors: number; n: number; rate: number; interval: [number, number] };
  falseNegativeRate: { errors: number; n: number; rate: number; interval: [number, number] };
  /** Held-out families the rule misses in at least half of the accounts. */
  undetectable: string[];
}

const START = Date.UTC(2014, 6, 1) / 1000 - 8 * 3600; // 2014-07-01 00:00 CST

function simulateFamily(f: Scenario, seed: number, n: number, days: number): AccessFeatures[] {
  const rng = seededRandom(deriveSeed(seed, f.id));
  return Array.from({ length: n }, () => {
    const acc = new RateAccumulator();
    acc.addBatch(f.make(rng, START, days));
    return accessFeatures(acc.summary());
  });
}

function errorRow(f: Scenario, feats: AccessFeatures[], indicators: readonly Indicator[], role: FamilyErrorRow['role']): FamilyErrorRow {
  let insufficient = 0, errors = 0;
  for (const x of feats) {
    const c = classifyAccess(x, { indicators });
    if (c.label === 'insufficient') insufficient++;
    else if (c.label !== f.truth) errors++;
  }
  const n = feats.length - insufficient;
  return {
    family: f.id, truth: f.truth, role, accounts: feats.length, insufficient, errors,
    errorRate: n ? errors / n : Number.NaN, interval: n ? wilsonInterval(errors, n) : [Number.NaN, Number.NaN], description: f.description,
  };
}

function balancedError(rows: FamilyErrorRow[]): number {
  const rate = (t: string) => {
    const r = rows.filter((x) => x.truth === t);
    const n = r.reduce((s, x) => s + x.accounts - x.insufficient, 0);
    return n ? r.reduce((s, x) => s + x.errors, 0) / n : 0;
  };
  return rate('human-paced') + rate('automated');
}

/** Tune on the tuning families (seed `tuningSeed`), report on the held-out families (seed `seed`). */
export function validateClassifierOutOfSample(options: { tuningSeed?: number; seed?: number; accountsPerFamily?: number; days?: number } = {}): OutOfSampleValidation {
  const tuningSeed = options.tuningSeed ?? 99;
  const seed = options.seed ?? 2;
  if (tuningSeed === seed) throw new RangeError('the evaluation seed must differ from the tuning seed');
  const per = options.accountsPerFamily ?? 100;
  const days = options.days ?? 14;
  const tuningFams = BEHAVIOUR_FAMILIES.filter((f) => TUNING_FAMILIES.includes(f.id));
  const heldOut = BEHAVIOUR_FAMILIES.filter((f) => !TUNING_FAMILIES.includes(f.id));
  const tuneFeats = tuningFams.map((f) => simulateFamily(f, tuningSeed, per, days));
  const score = (ind: readonly Indicator[]) => balancedError(tuningFams.map((f, i) => errorRow(f, tuneFeats[i]!, ind, 'tuning (in sample)')));
  let indicators: Indicator[] = AUTOMATION_INDICATORS.map((i) => ({ ...i }));
  let best = score(indicators);
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let k = 0; k < indicators.length; k++) {
      for (const th of THRESHOLD_GRID[indicators[k]!.id] ?? []) {
        const trial = indicators.map((x, j) => (j === k ? { ...x, threshold: th } : x));
        const e = score(trial);
        if (e < best - 1e-12) { best = e; indicators = trial; }
      }
    }
  }
  const tuning = tuningFams.map((f, i) => errorRow(f, tuneFeats[i]!, indicators, 'tuning (in sample)'));
  const outOfSample = heldOut.map((f) => errorRow(f, simulateFamily(f, seed, per, days), indicators, 'held out'));
  const pool = (t: string) => {
    const r = outOfSample.filter((x) => x.truth === t);
    const n = r.reduce((s, x) => s + x.accounts - x.insufficient, 0);
    const errors = r.reduce((s, x) => s + x.errors, 0);
    return { errors, n, rate: n ? errors / n : Number.NaN, interval: (n ? wilsonInterval(errors, n) : [Number.NaN, Number.NaN]) as [number, number] };
  };
  return {
    tuningSeed, seed, days, accountsPerFamily: per, tuningFamilies: [...TUNING_FAMILIES], indicators, tuning, outOfSample,
    falsePositiveRate: pool('human-paced'), falseNegativeRate: pool('automated'),
    undetectable: outOfSample.filter((r) => r.truth === 'automated' && r.errorRate >= 0.5).map((r) => r.family),
  };
}
