/**
 * OCR accuracy against ground truth: per field (exact after normalisation) and per character
 * (Levenshtein distance / truth length, the character error rate of the OCR literature:
 * Rice, Jenkins & Nartker, "The Fourth Annual Test of OCR Accuracy", 1995).
 */
import { levenshtein } from '../text/levenshtein';
import type { CardField } from './template';

const TAG_SEPARATORS = /[、,，;；|｜]+/g;

/**
 * The comparison form of a cell: Unicode NFKC (full-width Latin/digits to half-width), no
 * whitespace; for tags the separators (、 , ， ; ；) become one '、'.
 *
 * @example
 * normaliseCell('tags', '电影，互联网 、篮球'); // '电影、互联网、篮球'
 */
export function normaliseCell(field: CardField, text: string): string {
  let s = text.normalize('NFKC').replace(/\s+/g, '');
  if (field === 'tags') s = s.replace(TAG_SEPARATORS, '、').replace(/^、|、$/g, '');
  return s;
}

export interface CellScore {
  field: CardField;
  truth: string;
  read: string;
  correct: boolean;
  /** Edit distance between the normalised forms. */
  charErrors: number;
  /** Characters in the normalised truth (at least 1 for an empty truth, so an insertion counts). */
  chars: number;
}

export function scoreCell(field: CardField, truth: string, read: string): CellScore {
  const t = normaliseCell(field, truth);
  const r = normaliseCell(field, read);
  const charErrors = levenshtein(t, r);
  return { field, truth: t, read: r, correct: t === r, charErrors, chars: Math.max(1, [...t].length) };
}

export interface AccuracySummary {
  cards: number;
  /** Share of name cells read exactly. */
  nameAccuracy: number;
  /** Share of the other fields' cells (employer, title, school, tags) read exactly. */
  fieldAccuracy: number;
  /** Per field: share exact. */
  byField: Record<string, number>;
  /** Character error rate over all cells. */
  charErrorRate: number;
  /** 1 - characterErrorRate. */
  charAccuracy: number;
}

export function summariseAccuracy(scores: readonly CellScore[][]): AccuracySummary {
  const byField: Record<string, { ok: number; n: number }> = {};
  let errs = 0;
  let chars = 0;
  for (const card of scores) {
    for (const s of card) {
      const b = (byField[s.field] ??= { ok: 0, n: 0 });
      b.n++;
      if (s.correct) b.ok++;
      errs += s.charErrors;
      chars += s.chars;
    }
  }
  const share = (fs: string[]) => {
    let ok = 0;
    let n = 0;
    for (const f of fs) {
      ok += byField[f]?.ok ?? 0;
      n += byField[f]?.n ?? 0;
    }
    return n ? ok / n : NaN;
  };
  const cer = chars ? errs / chars : NaN;
  return {
    cards: scores.length,
    nameAccuracy: share(['name']),
    fieldAccuracy: share(['employer', 'title', 'school', 'tags']),
    byField: Object.fromEntries(Object.entries(byField).map(([k, v]) => [k, v.ok / v.n])),
    charErrorRate: cer,
    charAccuracy: 1 - cer,
  };
}
