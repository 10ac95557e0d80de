/**
 * The one number formatter of reports and notebook tables: every number a reader sees goes
 * through `formatNumber` (tables via `formatCell`, ranges via `formatRange`, percentages via
 * `formatPercent`), so 20.024999999999977 prints as 20.02 everywhere and integers get
 * thousands separators. `tidyNumbersInText` is the net under prose: a floating-point artefact
 * (a decimal with 7 or more fraction digits) inside report text is re-printed through
 * `formatNumber`.
 *
 * @example
 * formatNumber(20.024999999999977) // => '20.02'
 * formatNumber(1234567)            // => '1,234,567'
 * formatNumber(1e-7)               // => '1.000e-7'
 * formatRange(7, 20.024999999999977) // => '7 – 20.02'
 * formatPercent(0.9234)            // => '92.3%'
 * tidyNumbersInText('null 2.5%–97.5%: 7 – 20.024999999999977') // => 'null 2.5%–97.5%: 7 – 20.02'
 */

/** Significant digits for non-integers, unless a caller asks otherwise. */
export const DEFAULT_DIGITS = 4;

export function formatNumber(v: number, digits: number = DEFAULT_DIGITS): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (Number.isInteger(v)) return Math.abs(v) >= 1e15 ? v.toExponential(digits - 1) : v.toLocaleString('en-US');
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e15) return v.toExponential(digits - 1);
  const rounded = Number(v.toPrecision(digits));
  return Number.isInteger(rounded) && Math.abs(rounded) >= 1000 ? rounded.toLocaleString('en-US') : String(rounded);
}

/** `lo – hi` (en dash), both through formatNumber. */
export function formatRange(lo: number, hi: number, digits: number = DEFAULT_DIGITS): string {
  return `${formatNumber(lo, digits)} – ${formatNumber(hi, digits)}`;
}

/** A proportion as a percentage with `decimals` decimals; '–' when not finite. */
export function formatPercent(x: number, decimals = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(decimals)}%` : '–';
}

const FLOAT_ARTEFACT = /(?<![\w.])-?\d+\.\d{7,}(?:e[+-]?\d+)?(?![\w.])/gi;

/** Re-print floating-point artefacts (7+ fraction digits) in prose through formatNumber. */
export function tidyNumbersInText(text: string, digits: number = DEFAULT_DIGITS): string {
  return text.replace(FLOAT_ARTEFACT, (m) => formatNumber(Number(m), digits));
}
