/**
 * The OCR error rate per confidence band, measured on cards whose text is known (the synthetic
 * calibration set, or cards an expert typed by hand), so that matching can say how likely a
 * cell read with a given confidence is to be misread. Bands are declared as data.
 */
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { scoreCell } from './accuracy';
import type { CardField } from './template';

/** A cell with known truth: the raw material of the calibration. */
export interface CalibrationCell {
  file: string;
  field: CardField;
  truth: string;
  read: string;
  confidence: number | null;
}

/** Lower edges of the confidence bands (the first band starts at 0); empty cells form their own band. */
export const DEFAULT_BAND_EDGES: readonly number[] = [0, 0.9, 0.95, 0.98, 0.995];

export interface BandRate {
  band: string;
  /** [from, to) in confidence; null for the empty-cell band. */
  from: number | null;
  to: number | null;
  cells: number;
  misread: number;
  /** Share of cells not read exactly. */
  errorRate: number;
  /** Clopper-Pearson interval of errorRate (level `level`). */
  lower: number;
  upper: number;
  chars: number;
  charErrors: number;
  charErrorRate: number;
}

/** Band index of a confidence (-1 for an empty cell). */
export function bandOf(confidence: number | null, edges: readonly number[] = DEFAULT_BAND_EDGES): number {
  if (confidence == null) return -1;
  let b = 0;
  for (let i = 0; i < edges.length; i++) if (confidence >= edges[i]!) b = i;
  return b;
}

export function bandLabel(i: number, edges: readonly number[] = DEFAULT_BAND_EDGES): string {
  if (i < 0) return 'empty';
  const hi = edges[i + 1];
  return hi === undefined ? `≥ ${edges[i]}` : `${edges[i]}–${hi}`;
}

/**
 * Error rates per band with exact (Clopper-Pearson) intervals.
 *
 * @example
 * calibrateBands([{ file: 'a', field: 'name', truth: '王伟', read: '王伟', confidence: 0.99 }]);
 * // band '0.98–0.995': cells 1, misread 0, upper 0.975 (one cell says little)
 */
export function calibrateBands(cells: readonly CalibrationCell[], edges: readonly number[] = DEFAULT_BAND_EDGES, level = 0.95): BandRate[] {
  const n = edges.length;
  const acc = Array.from({ length: n + 1 }, () => ({ cells: 0, misread: 0, chars: 0, charErrors: 0 }));
  for (const c of cells) {
    const s = scoreCell(c.field, c.truth, c.read);
    const a = acc[bandOf(c.confidence, edges) + 1]!;
    a.cells++;
    if (!s.correct) a.misread++;
    a.chars += s.chars;
    a.charErrors += s.charErrors;
  }
  return acc.map((a, k) => {
    const i = k - 1;
    const [lo, hi] = a.cells ? clopperPearsonInterval(a.misread, a.cells, level) : [0, 1];
    return {
      band: bandLabel(i, edges),
      from: i < 0 ? null : edges[i]!,
      to: i < 0 ? null : (edges[i + 1] ?? 1),
      cells: a.cells,
      misread: a.misread,
      errorRate: a.cells ? a.misread / a.cells : NaN,
      lower: lo,
      upper: hi,
      chars: a.chars,
      charErrors: a.charErrors,
      charErrorRate: a.chars ? a.charErrors / a.chars : NaN,
    };
  });
}

/** The conservative misread probability of a cell: the upper bound of its band (1 for a band never measured). */
export function misreadProbability(rates: readonly BandRate[], confidence: number | null, edges: readonly number[] = DEFAULT_BAND_EDGES): number {
  const r = rates[bandOf(confidence, edges) + 1];
  return r && r.cells > 0 ? r.upper : 1;
}
