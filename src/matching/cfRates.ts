/**
 * The `cf` alternative's r for employer, school and title (the chance that a value a
 * collaborative-filtering system SHOWS is the person's own), read from the measurement on SNAP
 * ego-Facebook (`CF_FIELD_ACCURACY_MEASURED`, src/collaborative-filtering/fieldAccuracy.ts) at the
 * share of people the field is shown for: a system that shows a field for fewer people can show
 * its most confident inferences only (selective display). For evidence, that share is the
 * evidence's own (`cfCoverageOf`); the default model uses its own stated shown rates.
 *
 * @example
 * cfPrecisionAt('school', 0.45).precision;          // between the 0.4 and 0.5 rows
 * const c = cfCoverageOf(paired);
 * withCfRates(DEFAULT_ALTERNATIVES.cf, { employer: cfPrecisionAt('employer', c.employer).precision, school: 0.5, title: 0.2 });
 */
import { CF_FIELD_ACCURACY_MEASURED } from './cfFieldAccuracyMeasured';
import type { PairedTables } from './compare';
import type { AlternativeModel } from './propositions';

export const CF_FIELDS = ['employer', 'school', 'title'] as const;
export type CfRateField = (typeof CF_FIELDS)[number];

export interface CfRate {
  field: CfRateField;
  /** The share asked for, and the one read (clamped to the measured range). */
  coverage: number;
  coverageRead: number;
  /** Precision at that share: linear between the two nearest measured shares. */
  precision: number;
  /** The 95% interval of the nearer measured share. */
  low: number;
  high: number;
  /** Method and known share chosen at the nearer measured share. */
  method: string;
  knownShare: number;
}

/** r of `field` at `coverage` (see module comment). */
export function cfPrecisionAt(field: CfRateField, coverage: number): CfRate {
  if (!(coverage >= 0 && coverage <= 1)) throw new RangeError(`cf coverage of ${field} must be in [0, 1], got ${coverage}`);
  const rows = CF_FIELD_ACCURACY_MEASURED.fields.find((f) => f.field === field)!.rows;
  const c = Math.min(rows[rows.length - 1]!.coverage, Math.max(rows[0]!.coverage, coverage));
  let k = 0;
  while (k + 1 < rows.length && rows[k + 1]!.coverage < c) k++;
  const a = rows[k]!, b = rows[Math.min(k + 1, rows.length - 1)]!;
  const w = b.coverage > a.coverage ? (c - a.coverage) / (b.coverage - a.coverage) : 0;
  const near = w < 0.5 ? a : b;
  return { field, coverage, coverageRead: c, precision: a.precision + w * (b.precision - a.precision), low: near.low, high: near.high, method: near.method, knownShare: near.knownShare };
}

/** The cf model with these r for employer, school and title (e.g. `cfPrecisionAt` at the evidence's shares, or an interval end). */
export function withCfRates(model: AlternativeModel, r: Readonly<Record<CfRateField, number>>): AlternativeModel {
  const fields = { ...model.fields };
  for (const f of CF_FIELDS) if (fields[f]) fields[f] = { ...fields[f]!, r: r[f] };
  return { ...model, fields };
}

/** Per field: among the displayed profiles whose source profile holds the field, the share that show it. */
export function cfCoverageOf(paired: PairedTables): Record<CfRateField, number> {
  return Object.fromEntries(CF_FIELDS.map((f) => {
    let has = 0, shown = 0;
    paired.displayed.forEach((d, i) => {
      const s = paired.source[paired.sourceIndex[i]!];
      if (!s || !s[f].raw) return;
      has++;
      if (d[f].raw) shown++;
    });
    return [f, has ? shown / has : 0];
  })) as Record<CfRateField, number>;
}
