/**
 * Tables and figures of a screenshots result, shared by notebook 08, the CLI report and the
 * benchmark. Names are masked unless `unmask` (src/report/mask.ts); all other text as read.
 */
import { barChart } from '../plot/charts';
import type { Figure } from '../plot/figure';
import { maskName, maskPhonesInText } from '../report/mask';
import { formatProbability } from '../stats/formatProbability';
import type { BandRate } from './calibrate';
import type { ScreenshotsResult } from './analyse';

export type ScreenshotsSection = 'material' | 'method' | 'results' | 'strength' | 'sensitivity';

export interface ScreenshotsTable {
  id: string;
  section: ScreenshotsSection;
  caption: string;
  rows: Array<Record<string, unknown>>;
  digits?: number;
  maxRows?: number;
}

export interface ViewOptions {
  unmask?: boolean;
}

/** A masker for names (and any phone number inside read text). */
export function screenshotMasker(o: ViewOptions): { name: (s: string) => string; text: (s: string) => string } {
  return o.unmask ? { name: (s) => s, text: (s) => s } : { name: (s) => maskName(s), text: (s) => maskPhonesInText(s) };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');

function bandRows(b: readonly BandRate[]): Array<Record<string, unknown>> {
  return b.map((r) => ({
    'confidence band': r.band, cells: r.cells, misread: r.misread, 'error rate': pct(r.errorRate),
    '95% interval': r.cells ? `${pct(r.lower)}–${pct(r.upper)}` : '–', 'character error rate': pct(r.charErrorRate),
  }));
}

/** The extracted table (one row per screenshot), masked. */
export function extractedRows(r: ScreenshotsResult, o: ViewOptions = {}): Array<Record<string, unknown>> {
  const m = screenshotMasker(o);
  return r.rows.map((x) => ({
    file: x.file, id: x.id, uploader: x.uploader ?? '', name: m.name(x.name), employer: m.text(x.employer), title: m.text(x.title),
    school: m.text(x.school), tags: m.text(x.tags), 'lowest confidence': x.minConfidence, 'cells to review': x.flagged,
  }));
}

export function screenshotsTables(r: ScreenshotsResult, o: ViewOptions = {}): ScreenshotsTable[] {
  const m = screenshotMasker(o);
  const out: ScreenshotsTable[] = [];
  out.push({
    id: 'files', section: 'material', caption: `${r.files.length} files read (SHA-256 of the bytes as received)`,
    rows: r.files.map((f) => ({ file: f.path, kind: f.kind, bytes: f.bytes, sha256: f.sha256, ...(f.pages ? { pages: f.pages } : {}) })), maxRows: 1000,
  });
  out.push({
    id: 'template', section: 'method', caption: `Layout template '${r.template.name}': the box each field is read from (screen units); cells below confidence ${r.template.reviewBelow} are flagged for review`,
    rows: r.template.fields.map((f) => ({ field: f.name, box: `[${f.box.join(', ')}]`, label: f.label ?? '', 'ends at line': f.until ?? '' })),
  });
  out.push({ id: 'extracted', section: 'results', caption: `The evidence table: ${r.rows.length} profiles read from ${r.cards.length} screenshots (${r.engine.version})`, rows: extractedRows(r, o), maxRows: 1000 });
  const flagged = r.cards.flatMap((c) => c.cells.filter((x) => x.flagged).map((x) => ({ file: c.file, field: x.field, read: x.field === 'name' ? m.name(x.text) : m.text(x.text), confidence: x.confidence, box: `[${x.box.join(', ')}]` })));
  out.push({ id: 'flagged', section: 'results', caption: `Cells still flagged for human review: ${flagged.length} of ${r.review.cells} (${r.review.flagged} flagged before review)`, rows: flagged, maxRows: 500 });
  if (r.review.changes.length) {
    out.push({
      id: 'corrections', section: 'results', caption: `Corrections merged from the review sheet ${r.review.reviewFile ?? ''} (${r.review.confirmed} readings confirmed as read)`,
      rows: r.review.changes.map((c) => ({
        file: c.file, field: c.field, original: c.field === 'name' ? m.name(c.original) : m.text(c.original), corrected: c.field === 'name' ? m.name(c.corrected) : m.text(c.corrected),
        'OCR confidence': c.confidence, reviewer: c.reviewer, 'reviewed at': c.reviewedAt,
      })), maxRows: 1000,
    });
  }
  if (r.accuracy) {
    const rows = [{ resolution: 'all', ...accRow(r.accuracy) }, ...(r.accuracyByScale ?? []).map((a) => ({ resolution: `${Math.round(360 * a.scale)} px wide`, ...accRow(a) }))];
    out.push({ id: 'accuracy', section: 'strength', caption: 'OCR against the ground truth (synthetic set; before review): share of cells read exactly', rows, digits: 3 });
  }
  if (r.calibration) out.push({ id: 'calibration', section: 'strength', caption: 'OCR error rate per confidence band, measured on the separate calibration cards (Clopper–Pearson 95%)', rows: bandRows(r.calibration) });
  if (r.bandsThisSet) out.push({ id: 'bandsThisSet', section: 'strength', caption: 'The same on these cards (in sample: a check, not the calibration)', rows: bandRows(r.bandsThisSet) });
  if (r.matching) {
    const mt = r.matching;
    out.push({
      id: 'uncertainty', section: 'sensitivity',
      caption: `Agreement with the paired source profile (same or basically the same), as read and if every explicable misread were corrected (text within ${r.params.maxEdits} characters; misread probabilities from ${mt.calibratedOn})`,
      rows: [
        ...mt.perField.map((f) => ({
          field: f.field, compared: f.compared, 'agree as read': f.asRead.k, 'rate as read': pct(f.asRead.rate),
          'agree if misread': f.ifMisread.k, 'rate if misread': pct(f.ifMisread.rate), 'levels that could change': f.couldChange,
          'expected changes (at most)': Math.round(f.expectedChangesAtMost * 100) / 100,
        })),
        {
          field: 'all shown fields', compared: mt.overallAsRead.n, 'agree as read': mt.overallAsRead.k, 'rate as read': pct(mt.overallAsRead.rate),
          'agree if misread': mt.overallIfMisread.k, 'rate if misread': pct(mt.overallIfMisread.rate),
          'levels that could change': mt.perField.reduce((s, f) => s + f.couldChange, 0),
          'expected changes (at most)': Math.round(mt.perField.reduce((s, f) => s + f.expectedChangesAtMost, 0) * 100) / 100,
        },
      ],
    });
    out.push({
      id: 'uncertainCells', section: 'sensitivity', caption: 'The cells whose comparison level could change under OCR error',
      rows: mt.cells.map((c) => ({
        file: c.file, field: c.field, read: c.field === 'name' ? m.name(c.read) : m.text(c.read), source: c.field === 'name' ? m.name(c.source) : m.text(c.source),
        confidence: c.confidence, 'level as read': c.levelAsRead, 'level if misread': c.levelIfMisread, 'P(misread) at most': formatProbability(c.misreadProbabilityAtMost),
      })), maxRows: 500,
    });
  }
  return out;
}

function accRow(a: { cards: number; nameAccuracy: number; fieldAccuracy: number; charAccuracy: number; byField: Record<string, number> }) {
  return { cards: a.cards, 'name accuracy': a.nameAccuracy, 'other fields accuracy': a.fieldAccuracy, 'character accuracy': a.charAccuracy, ...Object.fromEntries(Object.entries(a.byField).map(([k, v]) => [k, v])) };
}

/** Error rate per confidence band with intervals (calibration set, else this set). */
export function screenshotsFigures(r: ScreenshotsResult): Figure[] {
  const b = (r.calibration ?? r.bandsThisSet)?.filter((x) => x.cells > 0);
  if (!b?.length) return [];
  return [
    barChart(b.map((x) => `${x.band} (n=${x.cells})`), b.map((x) => x.errorRate), {
      title: `Share of cells misread, by OCR confidence (${r.calibration ? 'calibration cards' : 'these cards, in sample'})`,
      xTitle: 'confidence band', yTitle: 'cells misread', intervals: b.map((x) => [x.lower, x.upper]),
    }),
  ];
}

/** One sentence on the uncertainty, computed from the figures. */
export function uncertaintySentence(r: ScreenshotsResult): string {
  const mt = r.matching;
  if (!mt) return 'No source table was given: no comparison.';
  const n = mt.perField.reduce((s, f) => s + f.couldChange, 0);
  const e = mt.perField.reduce((s, f) => s + f.expectedChangesAtMost, 0);
  const compared = mt.perField.reduce((s, f) => s + f.compared, 0);
  return `Of ${compared} field comparisons, ${n} could change level if the OCR misread the cell (expected at most ${e.toFixed(2)} under the measured error rates); ` +
    `profiles agreeing on every shown field: ${mt.overallAsRead.k} of ${mt.overallAsRead.n} as read, ${mt.overallIfMisread.k} if every such misread were corrected.`;
}

/** A copy of the result with every name masked (and phone numbers in read text), for JSON output. */
export function maskedResult(r: ScreenshotsResult, o: ViewOptions = {}): ScreenshotsResult {
  if (o.unmask) return r;
  const m = screenshotMasker(o);
  const t = (field: string, s: string) => (field === 'name' ? m.name(s) : m.text(s));
  return {
    ...r,
    cards: r.cards.map((c) => ({ ...c, cells: c.cells.map((x) => ({ ...x, text: t(x.field, x.text) })) })),
    rows: r.rows.map((x) => ({ ...x, name: m.name(x.name), employer: m.text(x.employer), title: m.text(x.title), school: m.text(x.school), tags: m.text(x.tags) })),
    misreads: r.misreads.map((x) => ({ ...x, truth: t(x.field, x.truth), read: t(x.field, x.read) })),
    review: { ...r.review, changes: r.review.changes.map((c) => ({ ...c, original: t(c.field, c.original), corrected: t(c.field, c.corrected) })) },
    matching: r.matching ? { ...r.matching, cells: r.matching.cells.map((c) => ({ ...c, read: t(c.field, c.read), source: t(c.field, c.source) })) } : null,
  };
}
