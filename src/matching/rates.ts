/**
 * Match-rate statistics from a level matrix: per field, per uploader and overall ("all shown
 * fields at least basically the same", the wording of notarial certificate No. 704:
 * 相同或基本相同), each with its count, rate and two 95% intervals:
 * - Wilson (1927) score interval (`stats.wilsonInterval`), recommended by Agresti & Coull
 *   (1998) for its near-nominal coverage;
 * - Clopper & Pearson (1934) exact interval (`stats.clopperPearsonInterval`), conservative:
 *   coverage at least the nominal level for every true rate.
 */
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { wilsonInterval } from '../stats/wilsonInterval';
import type { LevelMatrix } from './compare';
import { isAgreement } from './levels';

export interface RateWithIntervals {
  /** successes */
  k: number;
  /** trials (denominator) */
  n: number;
  /** k / n (NaN when n = 0) */
  rate: number;
  wilsonLow: number;
  wilsonHigh: number;
  clopperPearsonLow: number;
  clopperPearsonHigh: number;
}

/** k of n with its Wilson and Clopper-Pearson intervals at `level` (NaN bounds when n = 0). */
export function rateWithIntervals(k: number, n: number, level = 0.95): RateWithIntervals {
  if (n === 0) return { k, n, rate: NaN, wilsonLow: NaN, wilsonHigh: NaN, clopperPearsonLow: NaN, clopperPearsonHigh: NaN };
  const [wl, wh] = wilsonInterval(k, n, level);
  const [cl, ch] = clopperPearsonInterval(k, n, level);
  return { k, n, rate: k / n, wilsonLow: wl, wilsonHigh: wh, clopperPearsonLow: cl, clopperPearsonHigh: ch };
}

export interface FieldRate extends RateWithIntervals {
  field: string;
  /** pairs with both values present */
  compared: number;
  /** pairs with either value missing (left out of the denominator) */
  missing: number;
  same: number;
  basically: number;
  different: number;
}

/** Does pair i agree on every shown field (and show at least one)? */
export function allShownAgree(m: LevelMatrix, i: number): boolean {
  const F = m.fields.length;
  const shown = m.shown[i]!;
  if (shown === 0) return false;
  for (let f = 0; f < F; f++) {
    if ((shown & (1 << f)) === 0) continue;
    const g = m.grades[f]![m.levels[i * F + f]!]!;
    if (!isAgreement(g)) return false;
  }
  return true;
}

/** Per field: same / basically / different / missing counts; rate = (same + basically) / compared. */
export function fieldRates(m: LevelMatrix, level = 0.95, rows?: ArrayLike<number>): FieldRate[] {
  const F = m.fields.length;
  const idx = rows ?? Array.from({ length: m.ids.length }, (_, i) => i);
  return m.fields.map((field, f) => {
    let same = 0, basically = 0, different = 0, missing = 0;
    for (let r = 0; r < idx.length; r++) {
      const i = idx[r]!;
      const g = m.grades[f]![m.levels[i * F + f]!]!;
      if (g === 'same') same++;
      else if (g === 'basically') basically++;
      else if (g === 'missing') missing++;
      else different++;
    }
    const compared = same + basically + different;
    return { field, compared, missing, same, basically, different, ...rateWithIntervals(same + basically, compared, level) };
  });
}

export interface OverallRate extends RateWithIntervals {
  /** group label ('all' or an uploader) */
  group: string;
  /** profiles in the group */
  profiles: number;
  /** profiles showing no compared field (left out of n) */
  nothingShown: number;
}

/** Overall: profiles whose every shown field is at least basically the same, of those showing any field. */
export function overallRate(m: LevelMatrix, level = 0.95, rows?: ArrayLike<number>, group = 'all'): OverallRate {
  const idx = rows ?? Array.from({ length: m.ids.length }, (_, i) => i);
  let k = 0, n = 0, nothing = 0;
  for (let r = 0; r < idx.length; r++) {
    const i = idx[r]!;
    if (m.shown[i] === 0) {
      nothing++;
      continue;
    }
    n++;
    if (allShownAgree(m, i)) k++;
  }
  return { group, profiles: idx.length, nothingShown: nothing, ...rateWithIntervals(k, n, level) };
}

/** Group pair indices by uploader (null uploader -> '(none)'), in first-seen order. */
export function uploaderGroups(m: LevelMatrix): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  m.uploaders.forEach((u, i) => {
    const key = u ?? '(none)';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  });
  return groups;
}

export interface MatchRates {
  fields: FieldRate[];
  overall: OverallRate;
  byUploader: OverallRate[];
  /** per uploader, per field */
  fieldsByUploader: Array<FieldRate & { uploader: string }>;
  level: number;
}

/** Every rate the report needs, at confidence `level` (default 0.95). */
export function matchRates(m: LevelMatrix, level = 0.95): MatchRates {
  const groups = uploaderGroups(m);
  const byUploader: OverallRate[] = [];
  const fieldsByUploader: Array<FieldRate & { uploader: string }> = [];
  for (const [u, rows] of groups) {
    byUploader.push(overallRate(m, level, rows, u));
    for (const fr of fieldRates(m, level, rows)) fieldsByUploader.push({ uploader: u, ...fr });
  }
  return { fields: fieldRates(m, level), overall: overallRate(m, level), byUploader, fieldsByUploader, level };
}
