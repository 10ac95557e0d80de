/**
 * Rate analysis of request timestamps (epoch SECONDS, float): inter-arrival distribution,
 * coefficient of variation and burstiness (Goh & Barabási 2008), hour-of-day profile in a
 * fixed offset (CST by default), share of requests at night, peak requests per second /
 * minute / hour / day, sessions, a Kolmogorov-Smirnov distance to the exponential (Poisson
 * arrivals) and a periodicity measure (share of gaps within ±10% of the median gap).
 *
 * Local variation LV (Shinomoto et al. 2003) measures regularity gap-to-gap, robust to
 * changes of rate between sessions.
 *
 * Two entry points share one accumulator, so the streamed and in-memory figures agree:
 * - `RateAccumulator`: one pass, O(1) memory (a fixed log-binned histogram of gaps), for
 *   files of 10^8 timestamps (see `analyseRateStream` in ./stream). It REFUSES unsorted input
 *   (a streamed file cannot be sorted without holding it) with an EvidenceError naming the
 *   record. Equal consecutive timestamps are accepted and counted as `zeroGaps` (possible
 *   duplicates, or two requests within the clock's resolution).
 * - `analyseRate(timestamps)`: in memory; SORTS a copy (logs merged from several servers are
 *   often out of order) and reports how many records were out of order; adds exact
 *   quantiles, the exact KS statistic and its Lilliefors Monte Carlo p-value.
 *
 * Night: 00:00-07:00 local time by default, the "night" feature of Stevanovic, An & Vlajic,
 * "Feature evaluation for web crawler detection with data mining techniques", Expert
 * Systems with Applications 39 (2012) 8707-8717 (after Tan & Kumar, "Discovery of web robot
 * sessions based on their navigational patterns", Data Mining and Knowledge Discovery 6
 * (2002) 9-35). Sessions: a gap above 30 minutes starts a new session (the usual web-usage
 * timeout; Catledge & Pitkow 1995 measured 25.5 min).
 *
 * @example
 * const r = analyseRate([0, 10, 20, 30, 40]);   // a perfectly periodic 0.1 Hz source
 * r.gaps.burstiness                              // -1
 * r.gaps.mean                                    // 10
 * r.regularity                                   // 1 (every gap within ±10% of the median)
 */
import { EvidenceError } from '../io/errors';
import { CST_OFFSET_MINUTES } from './time';
import { ksExponentialStatistic, ksExponentialTest, type KsExponentialResult } from './ks';
import { quantileSorted } from '../stats/quantileSorted';

export interface RateOptions {
  /** Offset (minutes east of UTC) for hour of day and calendar days. Default CST (+480). */
  offsetMinutes?: number;
  /** Night as [fromHour, toHour) local; default [0, 7) (Stevanovic et al. 2012). */
  nightHours?: [number, number];
  /** A gap longer than this (seconds) starts a new session. Default 1800. */
  sessionGapSeconds?: number;
  /** Records after this instant (epoch seconds) are refused as future-dated. */
  asOfSeconds?: number;
  /** Name used in error messages. */
  source?: string;
  /** Histogram of log10(gap seconds): lower edge, upper edge, bins per decade (default -3, 7, 50). */
  histogram?: { minLog10?: number; maxLog10?: number; binsPerDecade?: number };
}

export interface GapSummary {
  /** Number of inter-arrival gaps (records - 1). */
  n: number;
  /** Gaps equal to 0 (same timestamp as the previous record). */
  zeroGaps: number;
  mean: number;
  /** Population standard deviation. */
  sd: number;
  cv: number;
  /** Goh-Barabási B = (σ - μ)/(σ + μ). */
  burstiness: number;
  min: number;
  max: number;
  /** Quantiles of the gaps (exact in memory; histogram bin midpoints, within one bin, when streamed). */
  quantiles: { p10: number; p25: number; p50: number; p75: number; p90: number; p99: number };
}

export interface GapHistogram {
  minLog10: number;
  maxLog10: number;
  binsPerDecade: number;
  /** counts[i] = gaps with log10(gap) in [minLog10 + i/binsPerDecade, ... + (i+1)/binsPerDecade). */
  counts: Float64Array;
  /** Gaps below 10^minLog10 (zero gaps included). */
  below: number;
  /** Gaps at or above 10^maxLog10. */
  above: number;
}

export interface RateSummary {
  records: number;
  /** First and last timestamp (epoch seconds). */
  first: number;
  last: number;
  spanSeconds: number;
  /** records / span, per second (NaN for fewer than 2 records). */
  meanRatePerSecond: number;
  gaps: GapSummary;
  histogram: GapHistogram;
  offsetMinutes: number;
  /** Requests per local hour of day 0..23. */
  hourOfDay: number[];
  nightHours: [number, number];
  nightShare: number;
  /** Most requests in one whole second / minute / hour / local calendar day. */
  peaks: { perSecond: number; perMinute: number; perHour: number; perDay: number };
  /** Local calendar days with at least one request. */
  activeDays: number;
  sessions: {
    gapSeconds: number;
    count: number;
    meanRequests: number;
    maxRequests: number;
    maxDurationSeconds: number;
    /** Mean over sessions of the session duration in seconds. */
    meanDurationSeconds: number;
  };
  /**
   * Gaps within sessions only (gap <= sessionGapSeconds): the pace while active. Burstiness
   * over ALL gaps mixes pace with the on/off pattern of sessions (a crawler running in daily
   * batches looks bursty overall); within sessions a fixed-delay crawler gives B near -1,
   * human reading B > 0.
   */
  withinSession: { n: number; mean: number; sd: number; cv: number; burstiness: number };
  /**
   * Local variation LV = 3/(n-1) Σ ((T_i - T_{i+1}) / (T_i + T_{i+1}))² over consecutive gaps
   * (Shinomoto, Shima & Tanji, Neural Computation 15 (2003) 2823-2842): 0 for a periodic
   * sequence, 1 for Poisson, above 1 for bursty; for gamma-distributed gaps of shape κ,
   * LV = 3/(2κ + 1). Unlike B it compares each gap with the next only, so pauses between
   * sessions or crawl runs barely move it. Pairs of two zero gaps are skipped.
   */
  localVariation: number;
  /** Share of gaps within ±10% of the median gap (1 for a fixed-delay crawler). */
  regularity: number;
  /** KS distance to the fitted exponential; [lower, upper] when streamed (histogram), equal in memory. */
  ksExponential: { dLower: number; dUpper: number };
}

/** One-pass accumulator of the rate figures. Feed sorted epoch seconds with `addBatch`, then `summary()`. */
export class RateAccumulator {
  readonly offsetSeconds: number;
  readonly offsetMinutes: number;
  readonly nightFrom: number;
  readonly nightTo: number;
  readonly sessionGap: number;
  readonly asOf: number;
  readonly source: string;
  readonly minLog10: number;
  readonly maxLog10: number;
  readonly binsPerDecade: number;
  readonly counts: Float64Array;
  readonly hours = new Float64Array(24);

  private n = 0;
  private first = Number.NaN;
  private prev = Number.NaN;
  // gap moments (Welford)
  private gMean = 0;
  private gM2 = 0;
  private gMin = Number.POSITIVE_INFINITY;
  private gMax = 0;
  private zero = 0;
  private below = 0;
  private above = 0;
  private night = 0;
  // peaks: current unit and its count
  private curSec = Number.NaN; private cntSec = 0; private maxSec = 0;
  private curMin = Number.NaN; private cntMin = 0; private maxMin = 0;
  private curHour = Number.NaN; private cntHour = 0; private maxHour = 0;
  private curDay = Number.NaN; private cntDay = 0; private maxDay = 0; private days = 0;
  // sessions
  private sessions = 0; private sessStart = Number.NaN; private sessCount = 0;
  private sessMaxReq = 0; private sessMaxDur = 0; private sessDurSum = 0;
  // gaps within sessions (<= sessionGap)
  private wN = 0; private wMean = 0; private wM2 = 0;
  // local variation (Shinomoto et al. 2003): sum over consecutive gap pairs
  private prevGap = Number.NaN; private lvSum = 0; private lvN = 0;

  constructor(options: RateOptions = {}) {
    this.offsetMinutes = options.offsetMinutes ?? CST_OFFSET_MINUTES;
    this.offsetSeconds = this.offsetMinutes * 60;
    const [a, b] = options.nightHours ?? [0, 7];
    this.nightFrom = a;
    this.nightTo = b;
    this.sessionGap = options.sessionGapSeconds ?? 1800;
    this.asOf = options.asOfSeconds ?? Number.POSITIVE_INFINITY;
    this.source = options.source ?? '(timestamps)';
    this.minLog10 = options.histogram?.minLog10 ?? -3;
    this.maxLog10 = options.histogram?.maxLog10 ?? 7;
    this.binsPerDecade = options.histogram?.binsPerDecade ?? 50;
    this.counts = new Float64Array(Math.round((this.maxLog10 - this.minLog10) * this.binsPerDecade));
  }

  /**
   * Add `length` timestamps from `ts` (default all). `firstIndex` is the 1-based record number
   * of ts[0] in the source, used in error messages; `rowKind` how records are counted there.
   */
  addBatch(ts: ArrayLike<number>, length = ts.length, firstIndex = this.n + 1, rowKind: 'line' | 'item' = 'item', lineOf?: (i: number) => number): void {
    let n = this.n;
    let prev = this.prev;
    let gMean = this.gMean, gM2 = this.gM2, gMin = this.gMin, gMax = this.gMax;
    let zero = this.zero, below = this.below, above = this.above, night = this.night;
    let curSec = this.curSec, cntSec = this.cntSec, maxSec = this.maxSec;
    let curMin = this.curMin, cntMin = this.cntMin, maxMin = this.maxMin;
    let curHour = this.curHour, cntHour = this.cntHour, maxHour = this.maxHour;
    let curDay = this.curDay, cntDay = this.cntDay, maxDay = this.maxDay, days = this.days;
    let sessions = this.sessions, sessStart = this.sessStart, sessCount = this.sessCount;
    let sessMaxReq = this.sessMaxReq, sessMaxDur = this.sessMaxDur, sessDurSum = this.sessDurSum;
    let wN = this.wN, wMean = this.wMean, wM2 = this.wM2;
    let prevGap = this.prevGap, lvSum = this.lvSum, lvN = this.lvN;
    const off = this.offsetSeconds;
    const nf = this.nightFrom, nt = this.nightTo;
    const counts = this.counts, hours = this.hours;
    const lo = this.minLog10, bpd = this.binsPerDecade, nb = counts.length;
    const asOf = this.asOf, sg = this.sessionGap;
    for (let i = 0; i < length; i++) {
      const t = ts[i]!;
      if (!Number.isFinite(t)) this.fail(firstIndex + i, rowKind, lineOf, t, 'not a finite timestamp');
      if (t > asOf) this.fail(firstIndex + i, rowKind, lineOf, t, `future-dated: after the stated "as of" instant ${asOf}`);
      if (n === 0) {
        this.first = t;
        sessions = 1; sessStart = t; sessCount = 0;
      } else {
        const g = t - prev;
        if (g < 0) this.fail(firstIndex + i, rowKind, lineOf, t, `out of order: earlier than the previous record (${prev}); the streaming reader needs sorted input - sort the file first`);
        const k = n; // gaps so far + 1
        const d = g - gMean;
        gMean += d / k;
        gM2 += d * (g - gMean);
        const sumPair = g + prevGap;
        if (sumPair > 0) {
          const r = (prevGap - g) / sumPair;
          lvSum += r * r;
          lvN++;
        }
        prevGap = g;
        if (g < gMin) gMin = g;
        if (g > gMax) gMax = g;
        if (g === 0) { zero++; below++; } else {
          const b = Math.floor((Math.log10(g) - lo) * bpd);
          if (b < 0) below++;
          else if (b >= nb) above++;
          else counts[b]++;
        }
        if (g > sg) {
          const dur = prev - sessStart;
          sessDurSum += dur;
          if (dur > sessMaxDur) sessMaxDur = dur;
          if (sessCount > sessMaxReq) sessMaxReq = sessCount;
          sessions++; sessStart = t; sessCount = 0;
        } else {
          wN++;
          const dw = g - wMean;
          wMean += dw / wN;
          wM2 += dw * (g - wMean);
        }
      }
      sessCount++;
      const local = t + off;
      const sec = Math.floor(local);
      if (sec === curSec) cntSec++; else { if (cntSec > maxSec) maxSec = cntSec; curSec = sec; cntSec = 1; }
      const mi = Math.floor(local / 60);
      if (mi === curMin) cntMin++; else { if (cntMin > maxMin) maxMin = cntMin; curMin = mi; cntMin = 1; }
      const hr = Math.floor(local / 3600);
      if (hr === curHour) cntHour++; else { if (cntHour > maxHour) maxHour = cntHour; curHour = hr; cntHour = 1; }
      const dy = Math.floor(local / 86400);
      if (dy === curDay) cntDay++; else { if (cntDay > maxDay) maxDay = cntDay; curDay = dy; cntDay = 1; days++; }
      let h = hr % 24;
      if (h < 0) h += 24;
      hours[h]++;
      if (nf <= nt ? h >= nf && h < nt : h >= nf || h < nt) night++;
      prev = t;
      n++;
    }
    this.n = n; this.prev = prev;
    this.gMean = gMean; this.gM2 = gM2; this.gMin = gMin; this.gMax = gMax;
    this.zero = zero; this.below = below; this.above = above; this.night = night;
    this.curSec = curSec; this.cntSec = cntSec; this.maxSec = maxSec;
    this.curMin = curMin; this.cntMin = cntMin; this.maxMin = maxMin;
    this.curHour = curHour; this.cntHour = cntHour; this.maxHour = maxHour;
    this.curDay = curDay; this.cntDay = cntDay; this.maxDay = maxDay; this.days = days;
    this.sessions = sessions; this.sessStart = sessStart; this.sessCount = sessCount;
    this.sessMaxReq = sessMaxReq; this.sessMaxDur = sessMaxDur; this.sessDurSum = sessDurSum;
    this.wN = wN; this.wMean = wMean; this.wM2 = wM2;
    this.prevGap = prevGap; this.lvSum = lvSum; this.lvN = lvN;
  }

  private fail(index: number, rowKind: 'line' | 'item', lineOf: ((i: number) => number) | undefined, value: number, message: string): never {
    throw new EvidenceError({ file: this.source, row: lineOf ? lineOf(index) : index, rowKind, value, message });
  }

  /** Number of records seen so far. */
  get records(): number {
    return this.n;
  }

  /** The figures for everything added so far. */
  summary(): RateSummary {
    const n = this.n;
    const gapsN = Math.max(0, n - 1);
    const sd = gapsN ? Math.sqrt(this.gM2 / gapsN) : Number.NaN;
    const mean = gapsN ? this.gMean : Number.NaN;
    const hist: GapHistogram = {
      minLog10: this.minLog10,
      maxLog10: this.maxLog10,
      binsPerDecade: this.binsPerDecade,
      counts: this.counts.slice(),
      below: this.below,
      above: this.above,
    };
    const sessDurSum = this.sessDurSum + (n ? this.prev - this.sessStart : 0);
    const sessMaxDur = Math.max(this.sessMaxDur, n ? this.prev - this.sessStart : 0);
    const span = n ? this.prev - this.first : Number.NaN;
    const ks = gapsN ? histogramKsBounds(hist, mean, this.zero) : { dLower: Number.NaN, dUpper: Number.NaN };
    return {
      records: n,
      first: n ? this.first : Number.NaN,
      last: n ? this.prev : Number.NaN,
      spanSeconds: span,
      meanRatePerSecond: n > 1 && span > 0 ? n / span : Number.NaN,
      gaps: {
        n: gapsN,
        zeroGaps: this.zero,
        mean,
        sd,
        cv: mean > 0 ? sd / mean : Number.NaN,
        burstiness: mean + sd > 0 ? (sd - mean) / (sd + mean) : Number.NaN,
        min: gapsN ? this.gMin : Number.NaN,
        max: gapsN ? this.gMax : Number.NaN,
        quantiles: histogramQuantiles(hist, gapsN, this.zero),
      },
      histogram: hist,
      offsetMinutes: this.offsetMinutes,
      hourOfDay: Array.from(this.hours),
      nightHours: [this.nightFrom, this.nightTo],
      nightShare: n ? this.night / n : Number.NaN,
      peaks: {
        perSecond: Math.max(this.maxSec, this.cntSec),
        perMinute: Math.max(this.maxMin, this.cntMin),
        perHour: Math.max(this.maxHour, this.cntHour),
        perDay: Math.max(this.maxDay, this.cntDay),
      },
      activeDays: this.days,
      sessions: {
        gapSeconds: this.sessionGap,
        count: this.sessions,
        meanRequests: this.sessions ? n / this.sessions : Number.NaN,
        maxRequests: Math.max(this.sessMaxReq, this.sessCount),
        maxDurationSeconds: sessMaxDur,
        meanDurationSeconds: this.sessions ? sessDurSum / this.sessions : Number.NaN,
      },
      withinSession: momentsSummary(this.wN, this.wMean, this.wM2),
      localVariation: this.lvN ? (3 * this.lvSum) / this.lvN : Number.NaN,
      regularity: histogramRegularity(hist, gapsN, this.zero),
      ksExponential: ks,
    };
  }
}

function momentsSummary(n: number, mean: number, m2: number): RateSummary['withinSession'] {
  if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN, cv: Number.NaN, burstiness: Number.NaN };
  const sd = Math.sqrt(m2 / n);
  return { n, mean, sd, cv: mean > 0 ? sd / mean : Number.NaN, burstiness: mean + sd > 0 ? (sd - mean) / (sd + mean) : Number.NaN };
}

function binLowerEdge(h: GapHistogram, i: number): number {
  return 10 ** (h.minLog10 + i / h.binsPerDecade);
}

/** Quantiles from the histogram: the geometric midpoint of the bin holding the quantile. */
function histogramQuantiles(h: GapHistogram, n: number, zero: number): GapSummary['quantiles'] {
  const qs = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
  const out: number[] = [];
  for (const q of qs) {
    if (n === 0) { out.push(Number.NaN); continue; }
    const target = q * n;
    let cum = h.below;
    if (cum >= target) { out.push(zero >= target ? 0 : binLowerEdge(h, 0)); continue; }
    let v = 10 ** h.maxLog10;
    for (let i = 0; i < h.counts.length; i++) {
      cum += h.counts[i]!;
      if (cum >= target) { v = 10 ** (h.minLog10 + (i + 0.5) / h.binsPerDecade); break; }
    }
    out.push(v);
  }
  return { p10: out[0]!, p25: out[1]!, p50: out[2]!, p75: out[3]!, p90: out[4]!, p99: out[5]! };
}

/** Share of gaps within ±10% of the median (bins wholly or partly inside, pro rata in log scale). */
function histogramRegularity(h: GapHistogram, n: number, zero: number): number {
  if (n === 0) return Number.NaN;
  const med = histogramQuantiles(h, n, zero).p50;
  if (!(med > 0)) return zero / n;
  const a = Math.log10(med * 0.9);
  const b = Math.log10(med * 1.1);
  let s = 0;
  for (let i = 0; i < h.counts.length; i++) {
    const lo = h.minLog10 + i / h.binsPerDecade;
    const hi = lo + 1 / h.binsPerDecade;
    const overlap = Math.min(hi, b) - Math.max(lo, a);
    if (overlap > 0) s += h.counts[i]! * (overlap * h.binsPerDecade);
  }
  return s / n;
}

/**
 * Bounds on the KS distance to Exp(mean) from a histogram: at each bin edge the empirical CDF
 * is exact, giving a lower bound; within a bin [a, b) the empirical CDF lies in [F_n(a), F_n(b-)]
 * and the model CDF in [F(a), F(b)], giving an upper bound.
 */
export function histogramKsBounds(h: GapHistogram, mean: number, zero = 0): { dLower: number; dUpper: number } {
  let n = h.below + h.above;
  for (let i = 0; i < h.counts.length; i++) n += h.counts[i]!;
  if (n === 0 || !(mean > 0)) return { dLower: Number.NaN, dUpper: Number.NaN };
  const F = (x: number) => 1 - Math.exp(-x / mean);
  // the mass below the first edge: zero gaps sit at 0, the rest somewhere in (0, first edge)
  let cum = h.below;
  const e0 = binLowerEdge(h, 0);
  let dLower = Math.max(Math.abs(zero / n - 0), Math.abs(cum / n - F(e0)));
  let dUpper = Math.max(cum / n - 0, F(e0) - zero / n, dLower);
  for (let i = 0; i < h.counts.length; i++) {
    const a = binLowerEdge(h, i);
    const b = binLowerEdge(h, i + 1);
    const fa = cum / n;
    cum += h.counts[i]!;
    const fb = cum / n;
    dLower = Math.max(dLower, Math.abs(fb - F(b)));
    dUpper = Math.max(dUpper, fb - F(a), F(b) - fa);
  }
  const last = binLowerEdge(h, h.counts.length);
  dUpper = Math.max(dUpper, 1 - F(last), F(Number.POSITIVE_INFINITY) - cum / n);
  return { dLower, dUpper: Math.max(dUpper, dLower) };
}

export interface InMemoryRateSummary extends RateSummary {
  /** Records that were earlier than their predecessor in the input order (the input was sorted). */
  outOfOrder: number;
  /** Exact KS test against the exponential (Lilliefors Monte Carlo p-value). */
  ksTest: KsExponentialResult;
}

export interface InMemoryRateOptions extends RateOptions {
  /** Monte Carlo replicates for the KS p-value (default 199; 0 skips it). */
  ksReplicates?: number;
  /** Seed of the KS Monte Carlo (default 1). */
  seed?: number;
}

/**
 * In-memory rate analysis of epoch-second timestamps. Sorts a copy (never the caller's
 * array); `outOfOrder` says how many records were out of order. Exact quantiles, regularity
 * and KS replace the histogram approximations of the streamed summary.
 */
export function analyseRate(timestamps: ArrayLike<number>, options: InMemoryRateOptions = {}): InMemoryRateSummary {
  const ts = Float64Array.from(timestamps as ArrayLike<number>);
  let outOfOrder = 0;
  for (let i = 1; i < ts.length; i++) if (ts[i]! < ts[i - 1]!) outOfOrder++;
  if (outOfOrder) ts.sort();
  const acc = new RateAccumulator(options);
  acc.addBatch(ts);
  const s = acc.summary();
  const gaps = new Float64Array(Math.max(0, ts.length - 1));
  for (let i = 1; i < ts.length; i++) gaps[i - 1] = ts[i]! - ts[i - 1]!;
  const sorted = gaps.slice().sort();
  const q = (p: number) => quantileSorted(sorted, p);
  const med = q(0.5);
  let within = 0;
  for (let i = 0; i < sorted.length; i++) if (Math.abs(sorted[i]! - med) <= 0.1 * med) within++;
  const reps = options.ksReplicates ?? 199;
  const ksTest = reps > 0 ? ksExponentialTest(gaps, { replicates: reps, seed: options.seed ?? 1 })
    : { d: ksExponentialStatistic(gaps), n: gaps.length, pValue: Number.NaN, replicates: 0, seed: options.seed ?? 1 };
  return {
    ...s,
    gaps: {
      ...s.gaps,
      quantiles: { p10: q(0.1), p25: q(0.25), p50: med, p75: q(0.75), p90: q(0.9), p99: q(0.99) },
    },
    regularity: sorted.length ? within / sorted.length : Number.NaN,
    ksExponential: { dLower: ksTest.d, dUpper: ksTest.d },
    outOfOrder,
    ksTest,
  };
}

