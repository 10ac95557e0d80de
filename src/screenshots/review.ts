/**
 * Human review of low-confidence cells: a CSV listing each flagged cell (file, field, text as
 * read, confidence, an empty `corrected` column), and the merge of the filled-in CSV back into
 * the extracted rows. Every correction is recorded (original, corrected, reviewer, time) for the
 * provenance manifest; the reviewer and time are parameters, never the clock.
 */
import Papa from 'papaparse';
import { EvidenceError, type EvidenceIssue } from '../io/errors';
import { maskName } from '../report/mask';
import { CARD_FIELDS, type CardField } from './template';
import type { CardRead } from './extract';

export const REVIEW_COLUMNS = ['file', 'field', 'read', 'confidence', 'corrected'] as const;

export interface ReviewRow {
  file: string;
  field: CardField;
  read: string;
  /** Empty: the reading is confirmed as it is. */
  corrected: string;
  /** File line (header = line 1). */
  line: number;
}

export interface ReviewChange {
  file: string;
  field: CardField;
  original: string;
  corrected: string;
  confidence: number | null;
  reviewer: string;
  reviewedAt: string;
}

/** The review sheet for the flagged cells, as CSV text (UTF-8, header first). */
export function reviewCsv(cards: readonly CardRead[]): string {
  const data: string[][] = [];
  for (const c of cards) {
    for (const cell of c.cells) {
      if (cell.flagged) data.push([c.file, cell.field, cell.text, cell.confidence == null ? '' : cell.confidence.toFixed(4), '']);
    }
  }
  return Papa.unparse({ fields: [...REVIEW_COLUMNS], data }, { newline: '\n' }) + '\n';
}

/** Parse a filled-in review sheet; a missing column, unknown field or duplicate cell is an EvidenceError. */
export function parseReviewCsv(text: string, file: string): ReviewRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const issues: EvidenceIssue[] = [];
  const cols = parsed.meta.fields ?? [];
  for (const c of ['file', 'field', 'read', 'corrected']) {
    if (!cols.includes(c)) issues.push({ file, column: c, message: `missing column '${c}' (expected ${REVIEW_COLUMNS.join(', ')})` });
  }
  if (issues.length) throw new EvidenceError(issues);
  const seen = new Set<string>();
  const rows: ReviewRow[] = [];
  parsed.data.forEach((r, i) => {
    const line = i + 2;
    const field = (r.field ?? '').trim();
    if (!(CARD_FIELDS as readonly string[]).includes(field)) {
      issues.push({ file, row: line, rowKind: 'line', column: 'field', value: r.field, message: `not a card field (${CARD_FIELDS.join(', ')})` });
      return;
    }
    const key = `${r.file}\u0000${field}`;
    if (seen.has(key)) issues.push({ file, row: line, rowKind: 'line', column: 'field', value: field, message: 'the same cell is reviewed twice' });
    seen.add(key);
    rows.push({ file: (r.file ?? '').trim(), field: field as CardField, read: r.read ?? '', corrected: (r.corrected ?? '').trim(), line });
  });
  if (issues.length) throw new EvidenceError(issues);
  return rows;
}

/**
 * Apply a review to the cards (returns new cards; the input is not modified). A row naming a
 * file or cell not in the evidence, or whose `read` no longer matches the reading (the sheet
 * belongs to another run; a name may be listed masked), is an EvidenceError naming the review file's line. A corrected cell
 * gets confidence 1 and `flagged: false`; a confirmed cell (empty `corrected`) is unflagged.
 */
export function mergeReview(
  cards: readonly CardRead[],
  review: readonly ReviewRow[],
  who: { reviewer: string; reviewedAt: string; file: string },
): { cards: CardRead[]; changes: ReviewChange[]; confirmed: number } {
  const byFile = new Map(cards.map((c, i) => [c.file, i]));
  const out = cards.map((c) => ({ ...c, cells: c.cells.map((x) => ({ ...x })) }));
  const issues: EvidenceIssue[] = [];
  const changes: ReviewChange[] = [];
  let confirmed = 0;
  for (const r of review) {
    const i = byFile.get(r.file);
    if (i === undefined) {
      issues.push({ file: who.file, row: r.line, rowKind: 'line', column: 'file', value: r.file, message: 'no such screenshot in this run' });
      continue;
    }
    const cell = out[i]!.cells.find((x) => x.field === r.field);
    if (!cell) {
      issues.push({ file: who.file, row: r.line, rowKind: 'line', column: 'field', value: r.field, message: 'the layout template has no such field' });
      continue;
    }
    const masked = cell.field === 'name' && maskName(cell.text) === r.read;
    if (cell.text !== r.read && !masked) {
      issues.push({ file: who.file, row: r.line, rowKind: 'line', column: 'read', value: r.read, message: `this run read ${JSON.stringify(cell.text)}: the review sheet is from another run` });
      continue;
    }
    if (r.corrected === '' || r.corrected === cell.text) {
      cell.flagged = false;
      confirmed++;
      continue;
    }
    changes.push({ file: r.file, field: r.field, original: cell.text, corrected: r.corrected, confidence: cell.confidence, reviewer: who.reviewer, reviewedAt: who.reviewedAt });
    cell.text = r.corrected;
    cell.confidence = 1;
    cell.flagged = false;
  }
  if (issues.length) throw new EvidenceError(issues);
  return { cards: out, changes, confirmed };
}
