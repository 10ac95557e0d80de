/** Bands of the ENFSI (2015) verbal scale, weakest first. */
export type EnfsiBand =
  | 'none' | 'weak' | 'moderate' | 'moderately-strong' | 'strong' | 'very-strong' | 'extremely-strong';

/** The verbal equivalent of a likelihood ratio, from {@link enfsiVerbalScale}. */
export interface EnfsiVerbal {
  /** the likelihood ratio as given: P(E | first proposition) / P(E | second proposition) */
  lr: number;
  /** which proposition the findings support; 'neither' only for LR = 1 */
  supports: 'first' | 'second' | 'neither';
  /** LR if LR ≥ 1, else 1/LR: the size of the support for the favoured proposition */
  magnitude: number;
  band: EnfsiBand;
  /** the guideline's range for the band, e.g. '10–100' */
  range: string;
  /** English wording after the guideline's table */
  verbal: string;
  /** Chinese wording (our translation; the guideline has no official Chinese text) */
  verbalZh: string;
}

interface BandDef { band: EnfsiBand; from: number; range: string; en: string; zh: string }

/** Lower edges are inclusive: a value exactly on an edge belongs to the STRONGER band. */
const BANDS: BandDef[] = [
  { band: 'extremely-strong', from: 1e6, range: '1,000,000 and above', en: 'extremely strong support', zh: '极强' },
  { band: 'very-strong', from: 1e4, range: '10,000–1,000,000', en: 'very strong support', zh: '很强' },
  { band: 'strong', from: 1e3, range: '1,000–10,000', en: 'strong support', zh: '强' },
  { band: 'moderately-strong', from: 1e2, range: '100–1,000', en: 'moderately strong support', zh: '中等偏强' },
  { band: 'moderate', from: 10, range: '10–100', en: 'moderate support', zh: '中等' },
  { band: 'weak', from: 1, range: '2–10', en: 'weak (or limited) support', zh: '弱（有限）' },
];

/**
 * Verbal equivalent of a likelihood ratio on the ENFSI scale.
 *
 * Reference: ENFSI, *Guideline for Evaluative Reporting in Forensic Science* (2015),
 * verbal-equivalents table: 1 — the findings do not support one proposition over the other;
 * 2–10 weak or limited support; 10–100 moderate; 100–1,000 moderately strong;
 * 1,000–10,000 strong; 10,000–1,000,000 very strong; 1,000,000 and above extremely strong.
 * For LR < 1 the same scale is applied to 1/LR, as support for the second proposition.
 *
 * Boundary rule (the guideline's ranges share their end points): a magnitude exactly equal
 * to an edge is classed in the STRONGER band, i.e. bands are [10, 100), [100, 1,000),
 * [1,000, 10,000), [10,000, 1,000,000) and [1,000,000, ∞) — consistent with the top row's
 * "1,000,000 and above". So LR = 10 is 'moderate', LR = 100 'moderately strong',
 * LR = 1,000 'strong', LR = 10,000 'very strong', LR = 1,000,000 'extremely strong'.
 * Exactly 1 is 'none'; any 1 < magnitude < 10 (including values between 1 and 2, which the
 * guideline's table does not list) is 'weak'. LR = 0 or ∞ are 'extremely strong' for the
 * second or first proposition. The mapping uses the exact number given: round or not
 * before calling, and say which in the report.
 *
 * @param lr likelihood ratio ≥ 0
 * @throws RangeError for negative or NaN
 * @example
 * enfsiVerbalScale(250).verbal;
 * // => 'The findings provide moderately strong support for the first proposition rather than the second.'
 * enfsiVerbalScale(0.01).supports; // => 'second' (magnitude 100, 'moderately-strong')
 */
export function enfsiVerbalScale(lr: number): EnfsiVerbal {
  if (!(lr >= 0)) throw new RangeError(`enfsiVerbalScale: the likelihood ratio must be >= 0, got ${lr}`);
  if (lr === 1) {
    return {
      lr, supports: 'neither', magnitude: 1, band: 'none', range: '1',
      verbal: 'The findings do not support one proposition over the other.',
      verbalZh: '检验结果不支持任一命题优于另一命题。',
    };
  }
  const supports = lr > 1 ? 'first' : 'second';
  const magnitude = lr > 1 ? lr : 1 / lr; // 1/0 = Infinity
  const def = BANDS.find((b) => magnitude >= b.from) ?? BANDS[BANDS.length - 1];
  const [fav, other] = supports === 'first' ? ['first', 'second'] : ['second', 'first'];
  const [favZh, otherZh] = supports === 'first' ? ['第一', '第二'] : ['第二', '第一'];
  return {
    lr, supports, magnitude, band: def.band, range: def.range,
    verbal: `The findings provide ${def.en} for the ${fav} proposition rather than the ${other}.`,
    verbalZh: `相对于${otherZh}命题，检验结果对${favZh}命题提供${def.zh}程度的支持。`,
  };
}
