/**
 * Rows for the report tables of notebook 01 (plain records for `report.showTable`): keeps
 * the notebook's code cells short.
 */
import { formatRange } from '../report/number';
import { formatPowerOfTen } from '../stats/formatPowerOfTen';
import type { Comparison } from './comparison';
import { describeComparison } from './comparison';
import type { LikelihoodResult } from './likelihood';
import type { AnalyticNull, PermutationNull } from './null';
import type { FieldRate, OverallRate } from './rates';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');

/** The level definitions of every comparison (what "basically the same" meant in this run). */
export function definitionRows(comparisons: readonly Comparison[]): Array<Record<string, string>> {
  return comparisons.flatMap((c) => describeComparison(c).map((r) => ({
    field: r.field, level: r.labelZh ? `${r.label} ${r.labelZh}` : r.label, definition: r.definition,
  })));
}

/** Per-field rates with both intervals. */
export function fieldRateRows(rates: readonly FieldRate[], expected?: readonly number[]): Array<Record<string, unknown>> {
  return rates.map((r, f) => ({
    field: r.field, 'same 相同': r.same, 'basically 基本相同': r.basically, 'different 不同': r.different, 'missing 缺失': r.missing,
    'agree / compared': `${r.k} / ${r.n}`, rate: pct(r.rate),
    'Wilson 95%': `${pct(r.wilsonLow)} – ${pct(r.wilsonHigh)}`,
    'Clopper-Pearson 95%': `${pct(r.clopperPearsonLow)} – ${pct(r.clopperPearsonHigh)}`,
    ...(expected ? { 'expected if unrelated': pct(expected[f]!) } : {}),
  }));
}

/** Overall / per-uploader rates. */
export function overallRateRows(rows: readonly OverallRate[]): Array<Record<string, unknown>> {
  return rows.map((r) => ({
    group: r.group, profiles: r.profiles, 'showing no field': r.nothingShown,
    'all shown fields agree': `${r.k} / ${r.n}`, rate: pct(r.rate),
    'Wilson 95%': `${pct(r.wilsonLow)} – ${pct(r.wilsonHigh)}`,
    'Clopper-Pearson 95%': `${pct(r.clopperPearsonLow)} – ${pct(r.clopperPearsonHigh)}`,
  }));
}

/** Observed vs expected for each permutation statistic. */
export function nullStatisticRows(n: PermutationNull): Array<Record<string, unknown>> {
  return n.statistics.map((s) => ({
    statistic: s.name, observed: s.observed, 'expected if unrelated': s.expected,
    'null 2.5% – 97.5%': formatRange(s.q025, s.q975),
    'permutation p': s.pValue <= 1 / (n.permutations + 1) ? `≤ ${(1 / (n.permutations + 1)).toPrecision(2)} (none of ${n.permutations.toLocaleString('en')} re-pairings reached it)` : s.pValue.toPrecision(3),
  }));
}

/** The analytic estimate per field and overall. */
export function analyticRows(a: AnalyticNull): Array<Record<string, unknown>> {
  return [
    ...a.fields.map((f) => ({ item: `${f.field}: chance an unrelated profile carries the same value`, value: pct(f.expectedRate), note: `${f.shown} displayed profiles show it` })),
    { item: 'expected profiles agreeing on all shown fields', value: a.expectedAllShownAgree.toPrecision(3), note: `observed ${a.observedAllShownAgree}` },
    { item: `P(at least ${a.observedAllShownAgree} by coincidence)`, value: Number.isFinite(a.log10PValue) ? (a.log10PValue > -4 ? (10 ** a.log10PValue).toPrecision(3) : formatPowerOfTen(a.log10PValue)) : '0 (more agreeing profiles than profiles able to agree)', note: a.method === 'poisson' ? 'Poisson approximation' : 'exact Poisson-binomial' },
  ];
}

/** m / u table. */
export function mProbabilityRows(lr: LikelihoodResult): Array<Record<string, unknown>> {
  return lr.probabilities.filter((p) => !p.isNull).map((p) => ({
    field: p.field, level: p.label, 'm = P(level | copied)': p.m, 'u = P(level | unrelated)': p.u, 'weight log2(m/u)': p.weight,
  }));
}

/** How many profiles fall in each ENFSI band of the per-profile LR. */
export function enfsiBandRows(lr: LikelihoodResult): Array<Record<string, unknown>> {
  const order = ['extremely-strong', 'very-strong', 'strong', 'moderately-strong', 'moderate', 'weak', 'none'];
  const counts = new Map<string, number>();
  for (const p of lr.profiles) {
    const key = `${p.verbal.supports === 'second' ? 'independent' : 'copied'}: ${p.verbal.band}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].map(([k, n]) => ({ 'per-profile LR supports': k, profiles: n }));
  const rank = (s: string) => (s.startsWith('copied') ? 0 : 10) + order.indexOf(s.split(': ')[1]!);
  return rows.sort((a, b) => rank(a['per-profile LR supports']) - rank(b['per-profile LR supports']));
}

/** Combined likelihood ratios with their verbal equivalents. */
export function combinedLrRows(lr: LikelihoodResult): Array<Record<string, unknown>> {
  const fmt = (x: number) => (Math.abs(x) < 4 ? (10 ** x).toPrecision(3) : formatPowerOfTen(x));
  return [
    { proposition: `a share λ = ${lr.lambda.toFixed(3)} copied vs none (mixture)`, LR: fmt(lr.log10LrMixture), 'ENFSI (2015)': lr.verbalMixture.verbal, 中文: lr.verbalMixture.verbalZh },
    { proposition: 'every displayed profile copied vs every one independent', LR: fmt(lr.log10LrAllCopied), 'ENFSI (2015)': lr.verbalAllCopied.verbal, 中文: lr.verbalAllCopied.verbalZh },
  ];
}
