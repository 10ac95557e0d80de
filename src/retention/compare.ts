/**
 * Each observation against the claim: the share still present with binomial intervals
 * (Wilson 1927 score interval; Clopper & Pearson 1934 exact interval), the share the claim
 * allows at that date, and an exact one-sided binomial test of "no more than the claimed
 * share remained" (Clopper-Pearson/exact binomial, as R's binom.test(alternative = "greater")).
 *
 * Misattribution: a record may be counted as of source-platform origin although it is not
 * (the same avatar or job title obtained elsewhere). With a misattribution rate ε, a true
 * remaining share c is observed as c + ε(1 - c); the test uses that as the null, so a claim
 * of 0% remaining is only contradicted when more records are seen than misattribution alone
 * would explain. ε = 0 by default: then ANY record seen after the claimed completion
 * contradicts the claim (p = 0), no statistics needed.
 *
 * @example
 * const rows = compareWithClaim(claim, [{ date: '2015-04-25', label: 'capture 6', inspected: 150, sourceOrigin: 66 }]);
 * rows[0].claimedRemaining   // 0
 * rows[0].contradicts        // true
 * rows[0].share              // 0.44
 */
import { binomialUpperTail } from '../stats/binomialUpperTail';
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { wilsonInterval } from '../stats/wilsonInterval';
import { claimedRemaining, daysBetween, validateClaim, validateObservation, type DeletionClaim, type RetentionObservation } from './claim';

export interface ObservationVsClaim {
  date: string;
  label: string;
  daysAfterContractEnd: number;
  inspected: number;
  sourceOrigin: number;
  /** sourceOrigin / inspected. */
  share: number;
  wilson: [number, number];
  clopperPearson: [number, number];
  /** Share the claim allows at the end of this date. */
  claimedRemaining: number;
  /** Null share tested: claimedRemaining + ε(1 - claimedRemaining). */
  nullShare: number;
  /** Exact one-sided p-value of seeing >= sourceOrigin if the claim (and ε) held. */
  pValue: number;
  /** pValue < alpha. */
  contradicts: boolean;
  /** One sentence for the report. */
  statement: string;
}

export interface CompareOptions {
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Significance level of the test (default 0.05). */
  alpha?: number;
  /** Share of records wrongly attributed to the source platform (default 0). */
  misattributionRate?: number;
}

const pct = (x: number, d = 1) => `${(100 * x).toFixed(d)}%`;

function formatP(p: number): string {
  if (p === 0) return 'p = 0 (impossible under the claim)';
  if (p < 1e-4) return `p = ${p.toExponential(1)}`;
  return `p = ${p.toPrecision(2)}`;
}

/** Compare every observation with the claim (observations are reported in date order). */
export function compareWithClaim(claim: DeletionClaim, observations: readonly RetentionObservation[], options: CompareOptions = {}): ObservationVsClaim[] {
  validateClaim(claim);
  const level = options.level ?? 0.95;
  const alpha = options.alpha ?? 0.05;
  const eps = options.misattributionRate ?? 0;
  if (!(eps >= 0 && eps < 1)) throw new RangeError(`misattributionRate must be in [0, 1), got ${eps}`);
  const sorted = [...observations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return sorted.map((o) => {
    validateObservation(o);
    const c = claimedRemaining(claim, o.date);
    const p0 = Math.min(1, c + eps * (1 - c));
    const k = o.sourceOrigin;
    const n = o.inspected;
    const pValue = p0 === 0 ? (k > 0 ? 0 : 1) : binomialUpperTail(k, n, p0);
    const contradicts = pValue < alpha;
    const share = k / n;
    const cp = clopperPearsonInterval(k, n, level);
    const verdict = contradicts
      ? `CONTRADICTS the claim (exact binomial test, ${formatP(pValue)})`
      : `is consistent with the claim (${formatP(pValue)})`;
    const when = o.dateLatest ? `made between ${o.date} and ${o.dateLatest}, taken at ${o.date}, the earliest date the record allows and the most favourable to the claim` : o.date;
    const assumption =
      `Assuming the ${n} inspected records are a random sample of those that carried source-platform data at the termination, counted independently, ` +
      `with a misattribution rate of ${pct(eps)}${o.dateLatest ? ` and the capture ${when}` : ''}: `;
    const statement =
      assumption +
      `${o.label} (${o.dateLatest ? `${o.date} to ${o.dateLatest}` : o.date}, ${daysBetween(claim.contractEnd, o.date)} days after the contract end): ${k} of ${n} inspected records ` +
      `(${pct(share)}, ${Math.round(level * 100)}% CI ${pct(cp[0])}-${pct(cp[1])}) still showed source-platform data; ` +
      `the claim allows at most ${pct(c)}${eps > 0 ? ` (${pct(p0)} allowing ${pct(eps)} misattribution)` : ''} by then: this ${verdict}.`;
    return {
      date: o.date, label: o.label, daysAfterContractEnd: daysBetween(claim.contractEnd, o.date), inspected: n, sourceOrigin: k,
      share, wilson: wilsonInterval(k, n, level), clopperPearson: cp, claimedRemaining: c, nullShare: p0, pValue, contradicts, statement,
    };
  });
}

/** Plain summary: which observations contradict the claim. */
export function contradictionSummary(rows: readonly ObservationVsClaim[]): string {
  const bad = rows.filter((r) => r.contradicts);
  if (bad.length === 0) return `None of the ${rows.length} observations contradicts the claimed deletion schedule.`;
  const list = bad.map((r) => `${r.label} (${r.date})`).join(', ');
  return `${bad.length} of ${rows.length} observations contradict the claimed deletion schedule: ${list}. ` +
    `Each shows more records of source-platform origin than the claim allows at its date, beyond what sampling error explains, on the assumptions stated with it ` +
    `(a random sample of the records held at the termination, independent counts, the misattribution rate given); ` +
    `whether the captures are real or synthetic is stated in the data label.`;
}

/**
 * The smallest count of source-platform records, out of `inspected`, that would contradict a
 * claimed remaining share at significance `alpha` (exact one-sided binomial test), allowing a
 * misattribution rate ε. With ε = 0 and a claim of 0% remaining this is 1: a single record.
 * Returns null if even inspected/inspected would not contradict.
 *
 * @example
 * minimumContradictingCount(100, 0, 0)        // 1
 * minimumContradictingCount(100, 0, 0.05)     // 10  (P(X >= 10 | 100, 0.05) = 0.0282 < 0.05; P(X >= 9) = 0.0631)
 */
export function minimumContradictingCount(inspected: number, claimedShare: number, misattributionRate = 0, alpha = 0.05): number | null {
  const p0 = Math.min(1, claimedShare + misattributionRate * (1 - claimedShare));
  if (p0 === 0) return 1;
  for (let k = 0; k <= inspected; k++) if (binomialUpperTail(k, inspected, p0) < alpha) return k;
  return null;
}
