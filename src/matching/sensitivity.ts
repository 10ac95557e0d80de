/**
 * Sensitivity of the conclusion to the definition of "basically the same": recompute the
 * match rates and the coincidence baseline (sampled unrelated pairs, P(>= N | unrelated)) as
 * the thresholds move (no product of per-profile likelihood ratios: see `combine.ts`), all at once through one strictness number
 * (`thresholdsForStrictness`), or one field at a time.
 */
import type { Comparison } from '../compare/comparison';
import { compareTables, type PairedTables } from './compare';
import { defaultComparisons, thresholdsForStrictness, type MatchThresholds } from './levels';
import { poissonBinomialUpperTail } from '../stats/poissonBinomialUpperTail';
import { sampleUnrelatedPairs } from './null';
import type { PreparedProfile, ProfileField } from './profile';
import { matchRates } from './rates';

export interface SensitivityRow {
  /** the swept value (strictness, or the field's threshold) */
  value: number;
  /** the thresholds used, in words */
  thresholds: string;
  overallK: number;
  overallN: number;
  overallRate: number;
  wilsonLow: number;
  wilsonHigh: number;
  /** share of unrelated pairs agreeing on all shown fields (sampled) */
  expectedOverallRate: number;
  /** log10 P(K >= k) with K ~ Binomial(n, p0), p0 = expected rate (add-1/2 smoothed) */
  log10PValue: number;
  /** per-field agreement rates, by field name */
  fieldRates: Record<string, number>;
}

export interface SensitivityOptions {
  /** unrelated pairs sampled per setting (default 20,000) */
  pairs?: number;
  seed?: number;
  fields?: readonly ProfileField[];
}

function describeThresholds(t: MatchThresholds): string {
  return `avatar <= ${t.avatarMaxBits} bits; name >= ${t.name}; employer >= ${t.employer}; title >= ${t.title}; school >= ${t.school}; tags >= ${t.tags}`;
}

function row(paired: PairedTables, comparisons: Comparison<PreparedProfile>[], value: number, thresholds: string, o: SensitivityOptions): SensitivityRow {
  const matrix = compareTables(paired, comparisons);
  const rates = matchRates(matrix);
  const sample = sampleUnrelatedPairs(paired, comparisons, o.pairs ?? 20_000, o.seed ?? 1);
  const shownPairs = Math.max(1, Math.round(sample.pairs));
  const p0 = (sample.expectedOverallRate * shownPairs + 0.5) / (shownPairs + 1);
  const k = rates.overall.k;
  const n = rates.overall.n;
  const { log10P } = poissonBinomialUpperTail(new Array<number>(n).fill(p0), k);
  const fieldRates: Record<string, number> = {};
  for (const f of rates.fields) fieldRates[f.field] = f.rate;
  return {
    value, thresholds,
    overallK: k, overallN: n, overallRate: rates.overall.rate,
    wilsonLow: rates.overall.wilsonLow, wilsonHigh: rates.overall.wilsonHigh,
    expectedOverallRate: sample.expectedOverallRate,
    log10PValue: log10P,
    fieldRates,
  };
}

/** Sweep one strictness s over every field at once (see `thresholdsForStrictness`). */
export function strictnessSensitivity(paired: PairedTables, values: readonly number[], options: SensitivityOptions = {}): SensitivityRow[] {
  const bits = (paired.source.find((p) => p.avatar)?.avatar?.length ?? 16) * 4;
  return values.map((s) => {
    const t = thresholdsForStrictness(s, bits);
    return row(paired, defaultComparisons(t, options.fields), s, describeThresholds(t), options);
  });
}

/** Sweep one field's threshold, the others fixed at `base`. */
export function fieldThresholdSensitivity(
  paired: PairedTables, field: keyof MatchThresholds, values: readonly number[], base: MatchThresholds, options: SensitivityOptions = {},
): SensitivityRow[] {
  return values.map((v) => {
    const t = { ...base, [field]: v };
    return row(paired, defaultComparisons(t, options.fields), v, describeThresholds(t), options);
  });
}
