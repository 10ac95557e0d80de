/**
 * Simulated request timestamps (epoch seconds) with known labels: human-paced browsing and
 * automated fetching. Used to calibrate and measure the error rates of `classifyAccess`, and
 * to build the committed synthetic request-level log. Every draw goes through a seeded `Rng`.
 *
 * Human-paced model (after Barabási, "The origin of bursts and heavy tails in human
 * dynamics", Nature 435 (2005) 207, and the web-session literature): sessions start at a
 * Poisson number per day, at local hours drawn from a diurnal profile (CST); each session
 * has a geometric number of page views; the time spent on a page is log-normal (median a few
 * tens of seconds). Automated model: batches ("runs") of requests at a fixed delay with
 * uniform jitter, or at exponential (Poisson) delays; runs start at uniformly random times
 * of day, or only within business hours.
 *
 * @example
 * const rng = seededRandom(7);
 * const t = simulateHuman(rng, { start: 1404144000, days: 7 });   // sorted Float64Array
 * const c = simulateCrawler(rng, { start: 1404144000, days: 7, delaySeconds: 5 });
 */
import { randomNormal, type Rng } from '../stats/random';
import { CST_OFFSET_MINUTES } from './time';

/**
 * Share of human web activity by local hour 0..23 (CST): low 01:00-07:00, a daytime plateau
 * and an evening peak, the usual shape of Chinese internet use. A modelling assumption,
 * stated so it can be varied.
 */
export const HUMAN_DIURNAL_CST: readonly number[] = [
  0.045, 0.02, 0.01, 0.006, 0.005, 0.006, 0.012, 0.025, 0.04, 0.05, 0.055, 0.055,
  0.05, 0.05, 0.055, 0.055, 0.05, 0.045, 0.045, 0.055, 0.065, 0.07, 0.07, 0.06,
];

export interface HumanModel {
  /** Start of the simulated period (epoch seconds); should be a local midnight. */
  start: number;
  days: number;
  /** Mean sessions per day (Poisson). Default 4. */
  sessionsPerDay?: number;
  /** Mean page views per session (geometric, >= 1). Default 10. */
  pagesPerSession?: number;
  /** Median seconds between page views in a session (log-normal). Default 25. */
  medianGapSeconds?: number;
  /** Log-normal sigma of the gaps. Default 1.0. */
  gapSigma?: number;
  /** Hour-of-day weights (local); default HUMAN_DIURNAL_CST. */
  diurnal?: readonly number[];
  /** Shift the diurnal profile by this many hours (a night owl: +3). Default 0. */
  diurnalShiftHours?: number;
  offsetMinutes?: number;
}

export interface CrawlerModel {
  start: number;
  days: number;
  /** Runs per day. Default 4. */
  runsPerDay?: number;
  /** Requests per run (mean; each run is uniform in [0.5, 1.5] x this). Default 130. */
  requestsPerRun?: number;
  /** Delay between requests in a run (seconds). Default 5. */
  delaySeconds?: number;
  /** Uniform jitter as a share of the delay (0.1 = ±10%). Default 0.1. */
  jitter?: number;
  /** 'fixed' delay with jitter, or 'poisson' (exponential delays with mean delaySeconds). */
  timing?: 'fixed' | 'poisson';
  /** Local hours [from, to) in which runs may start; default the whole day. */
  activeHours?: [number, number];
  offsetMinutes?: number;
}

/** Poisson deviate: Knuth's multiplication method for small means, rounded normal above 30. */
export function randomPoisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * randomNormal(rng)));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  for (;;) {
    p *= rng();
    if (p <= l) return k;
    k++;
  }
}

/** Geometric number of trials >= 1 with the given mean (>= 1). */
function randomGeometric(rng: Rng, mean: number): number {
  if (mean <= 1) return 1;
  const p = 1 / mean;
  let u = rng();
  while (u === 0) u = rng();
  return 1 + Math.floor(Math.log(u) / Math.log(1 - p));
}

function drawHour(rng: Rng, weights: readonly number[], shift: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng() * total;
  for (let h = 0; h < 24; h++) {
    u -= weights[h]!;
    if (u <= 0) return (((h + shift) % 24) + 24) % 24;
  }
  return (((23 + shift) % 24) + 24) % 24;
}

function sortedClip(xs: number[], start: number, end: number): Float64Array {
  const out = Float64Array.from(xs.filter((t) => t >= start && t < end));
  return out.sort();
}

/** Human-paced browsing timestamps (sorted epoch seconds) over [start, start + days). */
export function simulateHuman(rng: Rng, m: HumanModel): Float64Array {
  const off = (m.offsetMinutes ?? CST_OFFSET_MINUTES) * 60;
  const spd = m.sessionsPerDay ?? 4;
  const pps = m.pagesPerSession ?? 10;
  const mu = Math.log(m.medianGapSeconds ?? 25);
  const sigma = m.gapSigma ?? 1.0;
  const weights = m.diurnal ?? HUMAN_DIURNAL_CST;
  const shift = m.diurnalShiftHours ?? 0;
  const end = m.start + m.days * 86400;
  const out: number[] = [];
  // local midnight of the first day
  const day0 = Math.floor((m.start + off) / 86400) * 86400 - off;
  for (let d = 0; day0 + d * 86400 < end; d++) {
    const sessions = randomPoisson(rng, spd);
    for (let s = 0; s < sessions; s++) {
      const hour = drawHour(rng, weights, shift);
      let t = day0 + d * 86400 + hour * 3600 + rng() * 3600;
      const pages = randomGeometric(rng, pps);
      for (let p = 0; p < pages; p++) {
        out.push(t);
        t += Math.max(1, Math.exp(mu + sigma * randomNormal(rng)));
      }
    }
  }
  return sortedClip(out, m.start, end);
}

/** Automated fetching timestamps (sorted epoch seconds) over [start, start + days). */
export function simulateCrawler(rng: Rng, m: CrawlerModel): Float64Array {
  const off = (m.offsetMinutes ?? CST_OFFSET_MINUTES) * 60;
  const rpd = m.runsPerDay ?? 4;
  const rpr = m.requestsPerRun ?? 130;
  const delay = m.delaySeconds ?? 5;
  const jitter = m.jitter ?? 0.1;
  const timing = m.timing ?? 'fixed';
  const [h0, h1] = m.activeHours ?? [0, 24];
  const end = m.start + m.days * 86400;
  const day0 = Math.floor((m.start + off) / 86400) * 86400 - off;
  const out: number[] = [];
  for (let d = 0; day0 + d * 86400 < end; d++) {
    const runs = randomPoisson(rng, rpd);
    for (let r = 0; r < runs; r++) {
      let t = day0 + d * 86400 + (h0 + rng() * (h1 - h0)) * 3600;
      const n = Math.max(1, Math.round(rpr * (0.5 + rng())));
      for (let i = 0; i < n; i++) {
        out.push(t);
        if (timing === 'fixed') t += delay * (1 + jitter * (2 * rng() - 1));
        else {
          let u = rng();
          while (u === 0) u = rng();
          t += -delay * Math.log(u);
        }
      }
    }
  }
  return sortedClip(out, m.start, end);
}

/**
 * Keep exactly `n` of the sorted timestamps, chosen uniformly at random without replacement
 * (partial Fisher-Yates), to calibrate a simulated log to a known total. Throws when fewer
 * than n are available.
 */
export function thinToCount(rng: Rng, ts: Float64Array, n: number): Float64Array {
  if (ts.length < n) throw new RangeError(`cannot thin ${ts.length} timestamps to ${n}`);
  const idx = new Int32Array(ts.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (idx.length - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  const keep = idx.subarray(0, n).slice().sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ts[keep[i]!]!;
  return out;
}
