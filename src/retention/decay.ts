/**
 * Exponential decay fit of the share still present after the contract end:
 *
 *   remaining(t) = exp(-λ t),  t = days after the contract end (remaining = 1 at t <= 0;
 *   captures on or before the contract end carry no information on λ and are left out),
 *
 * fitted by maximum likelihood to binomial counts k_i ~ Binomial(n_i, exp(-λ t_i)). The
 * log-likelihood ℓ(λ) = Σ [-k_i λ t_i + (n_i - k_i) log(1 - e^{-λ t_i})] is concave in λ, so
 * the score equation has one root, found by bisection. Interval for λ:
 * - 'profile' (default): likelihood-ratio (profile likelihood) interval
 *   {λ : 2(ℓ(λ̂) - ℓ(λ)) <= χ²₁(level)} (Venzon & Moolgavkar, Applied Statistics 37 (1988)
 *   87-94; Pawitan, "In All Likelihood", 2001, ch. 2.6), endpoints by bisection;
 * - 'bootstrap': parametric bootstrap percentile interval, k*_i ~ Binomial(n_i, p̂_i), seeded
 *   (Efron & Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13).
 * The half-life ln 2 / λ and the date the share falls below a threshold follow by
 * transformation of the λ interval (monotone).
 *
 * Goodness of fit: the deviance G² = 2 Σ [k log(k / n p̂) + (n - k) log((n - k) / n(1 - p̂))]
 * against χ² with m - 1 degrees of freedom (McCullagh & Nelder 1989, §4.4). A small p-value
 * says a constant-rate decay does not describe the observations (e.g. deletion stopped).
 *
 * @example
 * const fit = fitExponentialDecay('2014-08-31', observations);
 * fit.lambda          // per day
 * fit.halfLifeDays    // ln 2 / λ
 * fit.interval        // [λ_lo, λ_hi] at 95%
 */
import { normalQuantile } from '../stats/normalQuantile';
import { deriveSeed, seededRandom, type Rng } from '../stats/random';
import { regularizedGammaP } from '../stats/regularizedGammaP';
import { addDays, daysBetween, validateObservation, type RetentionObservation } from './claim';

export interface DecayFit {
  contractEnd: string;
  /** Decay rate per day (MLE). */
  lambda: number;
  /** Share remaining at the contract end, remaining(0) (1 for the one-parameter fit; free in models.ts). */
  remaining0?: number;
  /** Interval for λ at `level`. */
  interval: [number, number];
  method: 'profile' | 'bootstrap';
  level: number;
  halfLifeDays: number;
  /** Half-life interval (days): [ln2/λ_hi, ln2/λ_lo]. */
  halfLifeInterval: [number, number];
  logLikelihood: number;
  deviance: number;
  degreesOfFreedom: number;
  /** P(χ²_df >= deviance): small means the exponential model fits badly. */
  goodnessOfFitP: number;
  /** Bootstrap only. */
  bootstrap?: { replicates: number; seed: number };
  /** Points used: days after contract end, n, k. */
  points: Array<{ t: number; n: number; k: number }>;
}

interface Pt { t: number; n: number; k: number }

function logLik(lambda: number, pts: readonly Pt[]): number {
  let s = 0;
  for (const { t, n, k } of pts) {
    if (t <= 0) continue; // before the contract end: no information on λ
    const x = lambda * t;
    if (k > 0) s += -k * x;
    if (n - k > 0) {
      if (x === 0) return -Infinity;
      s += (n - k) * Math.log(-Math.expm1(-x));
    }
  }
  return s;
}

function score(lambda: number, pts: readonly Pt[]): number {
  let s = 0;
  for (const { t, n, k } of pts) {
    if (t <= 0) continue;
    const x = lambda * t;
    s += -k * t + ((n - k) * t * Math.exp(-x)) / -Math.expm1(-x);
  }
  return s;
}

const LAMBDA_MAX = 50; // per day: remaining e^-50 after one day, effectively instant deletion

function mle(pts: readonly Pt[]): number {
  const informative = pts.filter((p) => p.t > 0);
  if (informative.length === 0) throw new RangeError('no observation after the contract end: the decay rate cannot be estimated');
  if (informative.every((p) => p.k === p.n)) return 0;
  if (informative.every((p) => p.k === 0)) return LAMBDA_MAX;
  let lo = 1e-12;
  let hi = 1;
  while (score(hi, pts) > 0 && hi < LAMBDA_MAX) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi);
    if (score(mid, pts) > 0) lo = mid;
    else hi = mid;
    if (hi / lo < 1 + 1e-12) break;
  }
  return Math.sqrt(lo * hi);
}

function deviance(lambda: number, pts: readonly Pt[]): number {
  let d = 0;
  for (const { t, n, k } of pts) {
    if (t <= 0) continue;
    const p = Math.exp(-lambda * t);
    if (k > 0) d += k * Math.log(k / (n * p));
    if (n - k > 0) d += (n - k) * Math.log((n - k) / (n * (1 - p)));
  }
  return 2 * d;
}

/** Bisection for ℓ(λ) = target on a monotone side of the maximum. */
function solveSide(target: number, a: number, b: number, pts: readonly Pt[]): number {
  // ℓ(a) >= target > ℓ(b) or the reverse; find the crossing
  const fa = logLik(a, pts) - target;
  for (let i = 0; i < 200; i++) {
    const mid = a > 0 && b > 0 ? Math.sqrt(a * b) : (a + b) / 2;
    const fm = logLik(mid, pts) - target;
    if ((fm >= 0) === (fa >= 0)) a = mid;
    else b = mid;
    if (Math.abs(b - a) <= 1e-12 * Math.max(a, b)) break;
  }
  return (a + b) / 2;
}

function profileInterval(lambdaHat: number, pts: readonly Pt[], level: number): [number, number] {
  const z = normalQuantile(1 - (1 - level) / 2);
  const target = logLik(lambdaHat, pts) - (z * z) / 2; // χ²₁(level)/2 = z²/2
  let lo = 0;
  if (lambdaHat > 0) {
    const l0 = logLik(1e-12, pts);
    lo = l0 >= target ? 0 : solveSide(target, lambdaHat, 1e-12, pts);
  }
  let hi = Math.max(lambdaHat, 1e-9) * 2;
  while (logLik(hi, pts) > target && hi < LAMBDA_MAX) hi *= 2;
  const upper = hi >= LAMBDA_MAX ? LAMBDA_MAX : solveSide(target, Math.max(lambdaHat, 1e-12), hi, pts);
  return [lo, upper];
}

function binomialDraw(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng() < p) k++;
  return k;
}

/**
 * Parametric bootstrap percentile interval of a rate: counts redrawn k* ~ Binomial(n, share(t))
 * at every point after the contract end (seeded), the rate refitted each time, the (1 − level)/2
 * and (1 + level)/2 quantiles taken (Efron & Tibshirani 1993, ch. 13).
 */
export function bootstrapPercentileInterval(
  pts: ReadonlyArray<{ t: number; n: number; k: number }>, share: (t: number) => number, refit: (pts: Array<{ t: number; n: number; k: number }>) => number,
  level: number, replicates: number, seed: number,
): [number, number] {
  const rng = seededRandom(deriveSeed(seed, 'retention-decay-bootstrap'));
  const lambdas = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) lambdas[r] = refit(pts.map((p) => ({ ...p, k: p.t > 0 ? binomialDraw(rng, p.n, share(p.t)) : p.k })));
  lambdas.sort();
  const a = (1 - level) / 2;
  const q = (p: number) => lambdas[Math.min(replicates - 1, Math.max(0, Math.floor(p * replicates)))]!;
  return [q(a), q(1 - a)];
}

export interface DecayOptions {
  level?: number;
  method?: 'profile' | 'bootstrap';
  /** Bootstrap replicates (default 2000). */
  replicates?: number;
  /** Bootstrap seed (default 1). */
  seed?: number;
}

/** Fit remaining(t) = exp(-λ t) to the observations (see the module comment). */
export function fitExponentialDecay(contractEnd: string, observations: readonly RetentionObservation[], options: DecayOptions = {}): DecayFit {
  const level = options.level ?? 0.95;
  const method = options.method ?? 'profile';
  const pts: Pt[] = observations.map((o) => {
    validateObservation(o);
    return { t: daysBetween(contractEnd, o.date), n: o.inspected, k: o.sourceOrigin };
  });
  const lambda = mle(pts);
  let interval: [number, number];
  let bootstrap: DecayFit['bootstrap'];
  if (method === 'bootstrap') {
    const replicates = options.replicates ?? 2000;
    const seed = options.seed ?? 1;
    interval = bootstrapPercentileInterval(pts, (t) => Math.exp(-lambda * t), mle, level, replicates, seed);
    bootstrap = { replicates, seed };
  } else {
    interval = profileInterval(lambda, pts, level);
  }
  const dev = deviance(lambda, pts);
  const df = Math.max(0, pts.filter((p) => p.t > 0).length - 1);
  return {
    contractEnd, lambda, interval, method, level,
    halfLifeDays: Math.LN2 / lambda,
    halfLifeInterval: [Math.LN2 / interval[1], interval[0] > 0 ? Math.LN2 / interval[0] : Infinity],
    logLikelihood: logLik(lambda, pts),
    deviance: dev,
    degreesOfFreedom: df,
    goodnessOfFitP: df > 0 ? regularizedGammaP(df / 2, dev / 2, false) : Number.NaN,
    ...(bootstrap ? { bootstrap } : {}),
    points: pts,
  };
}

/** Fitted share remaining at a date, with the band from the λ interval. */
export function decayAt(fit: DecayFit, date: string): { estimate: number; lower: number; upper: number } {
  const t = Math.max(0, daysBetween(fit.contractEnd, date));
  const a = fit.remaining0 ?? 1;
  return { estimate: a * Math.exp(-fit.lambda * t), lower: a * Math.exp(-fit.interval[1] * t), upper: a * Math.exp(-fit.interval[0] * t) };
}

/**
 * Date at which the fitted share falls below `threshold` (e.g. 0.01, or 1 / records held at
 * the contract end for "fewer than one record expected"), with the interval from λ's.
 * `latest` is null when the λ interval reaches 0 (no decay excluded).
 */
export function projectedCompletion(fit: DecayFit, threshold: number): { threshold: number; estimate: string | null; earliest: string | null; latest: string | null } {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`threshold must be in (0, 1), got ${threshold}`);
  const a = fit.remaining0 ?? 1;
  const at = (lambda: number) => (lambda > 0 ? addDays(fit.contractEnd, Math.max(0, Math.ceil(Math.log(a / threshold) / lambda))) : null);
  return { threshold, estimate: at(fit.lambda), earliest: at(fit.interval[1]), latest: at(fit.interval[0]) };
}
