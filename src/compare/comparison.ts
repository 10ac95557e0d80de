/**
 * A comparison declared as data (the Splink convention): for one field, an ordered list of
 * levels, each a predicate and a label. The first level whose predicate holds is the result.
 * The level list prints in a report, so a reader sees exactly what "basically the same"
 * meant in this run.
 *
 * Reference: Splink (UK Ministry of Justice), "Comparisons and comparison levels";
 * Fellegi & Sunter (1969) for the use of the levels as agreement patterns in linkage.
 *
 * @example
 * const employer: Comparison<Profile> = {
 *   name: 'employer',
 *   description: 'Employer as shown vs as on the source platform',
 *   value: (p) => p.employer,
 *   levels: [
 *     { label: 'missing', labelZh: '缺失', isNull: true, description: 'either side empty',
 *       predicate: (a, b) => a == null || b == null || a === '' || b === '' },
 *     { label: 'same', labelZh: '相同', description: 'identical text', predicate: (a, b) => a === b },
 *     { label: 'different', labelZh: '不同', description: 'anything else', predicate: () => true },
 *   ],
 * };
 * compareField(employer, shown, source); // => index of the first level that holds
 */
export interface ComparisonLevel<V = unknown> {
  /** Short English label, e.g. 'same', 'basically the same', 'different', 'missing'. */
  label: string;
  /** Chinese label for bilingual reports, e.g. 相同, 基本相同, 不同, 缺失. */
  labelZh?: string;
  /** What the predicate tests, in words a judge's assistant can check. */
  description: string;
  /** The null level: either value missing. Carries weight 0 in linkage (Splink, fastLink). */
  isNull?: boolean;
  /** True when the pair (a displayed value, b source value) falls in this level. */
  predicate: (a: V, b: V) => boolean;
}

export interface Comparison<R = any, V = any> {
  /** Field name as shown in tables, e.g. 'employer'. */
  name: string;
  /** What is being compared and why, in one sentence. */
  description: string;
  /** Extract the compared value from a record. */
  value: (record: R) => V;
  /** Ordered levels; the last one should be a catch-all ('different'). */
  levels: ComparisonLevel<V>[];
}

/** Index of the first level whose predicate holds; throws if none holds (a declaration error). */
export function compareField<R, V>(comparison: Comparison<R, V>, a: R, b: R): number {
  const va = comparison.value(a);
  const vb = comparison.value(b);
  const levels = comparison.levels;
  for (let i = 0; i < levels.length; i++) {
    if (levels[i]!.predicate(va, vb)) return i;
  }
  throw new Error(
    `comparison '${comparison.name}': no level matched values ${JSON.stringify(va)} / ${JSON.stringify(vb)}; ` +
      'end the level list with a catch-all level',
  );
}

/** The level definitions as plain rows, for printing in a report. */
export function describeComparison(comparison: Comparison): Array<{
  field: string; order: number; label: string; labelZh: string; isNull: boolean; definition: string;
}> {
  return comparison.levels.map((level, i) => ({
    field: comparison.name,
    order: i,
    label: level.label,
    labelZh: level.labelZh ?? '',
    isNull: level.isNull === true,
    definition: level.description,
  }));
}
