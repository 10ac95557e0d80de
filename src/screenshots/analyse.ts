/**
 * From screenshots to an evidence table, and to match rates that carry the OCR's uncertainty.
 *
 * `analyseScreenshots(evidence, params)`: OCR every card with the declared template; flag the
 * cells read with low confidence; merge the expert's review (every change recorded); measure the
 * OCR against ground truth when there is one; turn the calibration cells into error rates per
 * confidence band; and, with a source table, compare each row with its paired source profile
 * (src/matching's public comparisons) twice: as read, and with every cell that a misread could
 * explain (text within `maxEdits` characters of the source value, in a band whose measured
 * error rate is above zero) taken as the source value. The difference is the number of field
 * levels that could change under OCR error.
 */
import * as matching from '../matching';
import { levenshtein } from '../text/levenshtein';
import type { ProfileRow } from '../matching/profile';
import { normaliseCell, scoreCell, summariseAccuracy, type AccuracySummary, type CellScore } from './accuracy';
import { calibrateBands, DEFAULT_BAND_EDGES, misreadProbability, type BandRate, type CalibrationCell } from './calibrate';
import { readCard, type CardRead } from './extract';
import { createOcrEngine, type OcrEngine, type OcrEngineName } from './ocr';
import { mergeReview, type ReviewChange } from './review';
import type { CardField } from './template';
import type { FileRecord, ScreenshotEvidence } from './load';
import type { FileProvenance, ProvenanceEntry } from '../io/provenance';
import type { ImageLimits } from './image';
import type { CardTruth } from './dataset';

export interface ScreenshotsParams {
  engine: OcrEngineName;
  /** Who reviewed the flagged cells and when (recorded with each change; never the clock). */
  reviewer: string;
  reviewedAt: string;
  /** Lower edges of the confidence bands. */
  bandEdges: number[];
  /** Largest edit distance a misread is taken to explain (default 2 characters). */
  maxEdits: number;
  /** Interval level. */
  level: number;
  /** Cards read at the same time (default 2: the engine's threads share the cores). */
  concurrency: number;
  /** Matching strictness (src/matching thresholdsForStrictness). */
  strictness: number;
  limits: ImageLimits;
  /** Recorded for the report; nothing here is random. */
  seed: number;
}

export const DEFAULT_SCREENSHOTS_PARAMS: ScreenshotsParams = {
  engine: 'paddle',
  reviewer: '',
  reviewedAt: '',
  bandEdges: [...DEFAULT_BAND_EDGES],
  maxEdits: 2,
  level: 0.95,
  concurrency: 2,
  strictness: matching.DEFAULT_STRICTNESS,
  limits: {},
  seed: 704,
};

/** One extracted row, as notebook 01's displayed table, plus each cell's confidence. */
export interface ScreenshotRow {
  file: string;
  id: string;
  uploader: string | null;
  name: string;
  employer: string;
  title: string;
  school: string;
  tags: string;
  /** Lowest confidence over the row's non-empty cells (null if all empty). */
  minConfidence: number | null;
  flagged: number;
}

export interface FieldUncertainty {
  field: CardField;
  /** Pairs where the field is shown on both sides. */
  compared: number;
  /** Agreement (same or basically the same) as read, with intervals. */
  asRead: matching.RateWithIntervals;
  /** Agreement if every explicable misread were corrected. */
  ifMisread: matching.RateWithIntervals;
  /** Field levels that differ between the two. */
  couldChange: number;
  /** Sum over those cells of the band's upper misread probability: expected changes at most. */
  expectedChangesAtMost: number;
}

export interface UncertainCell {
  file: string;
  id: string;
  field: CardField;
  read: string;
  source: string;
  confidence: number | null;
  levelAsRead: string;
  levelIfMisread: string;
  misreadProbabilityAtMost: number;
}

export interface ScreenshotsMatching {
  fields: CardField[];
  pairs: number;
  unpaired: string[];
  perField: FieldUncertainty[];
  /** Profiles agreeing on every shown field: as read / if misreads corrected. */
  overallAsRead: matching.RateWithIntervals;
  overallIfMisread: matching.RateWithIntervals;
  cells: UncertainCell[];
  /** Where the misread probabilities come from. */
  calibratedOn: 'calibration set' | 'this set (in sample)' | 'none (every band taken as 1)';
}

export interface ScreenshotsResult {
  template: { name: string; file: string; fields: Array<{ name: CardField; box: number[]; label?: string; until?: string }>; reviewBelow: number; inkChannel: string };
  engine: { name: OcrEngineName; version: string };
  params: ScreenshotsParams;
  files: FileRecord[];
  tables: ProvenanceEntry[];
  /** Every file read, with its SHA-256 (the evidence's `inputs`). */
  inputs: FileProvenance[];
  cards: CardRead[];
  rows: ScreenshotRow[];
  review: { flagged: number; cells: number; confirmed: number; changes: ReviewChange[]; reviewFile: string | null };
  /** OCR against ground truth (before review), when a truth table was given. */
  accuracy: AccuracySummary | null;
  accuracyByScale: Array<{ scale: number } & AccuracySummary> | null;
  misreads: CellScore[];
  /** Error rates per confidence band on the calibration cells (out of sample). */
  calibration: BandRate[] | null;
  /** The same on this set's cells (needs truth; in sample). */
  bandsThisSet: BandRate[] | null;
  matching: ScreenshotsMatching | null;
  limitations: string[];
}

async function mapLimit<T, R>(xs: readonly T[], limit: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(xs.length);
  let next = 0;
  const worker = async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await fn(xs[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, xs.length)) }, worker));
  return out;
}

function cellText(card: CardRead, f: CardField): string {
  return card.cells.find((c) => c.field === f)?.text ?? '';
}

function fileStem(f: string): string {
  return f.replace(/#p\d+$/, '').replace(/\.[^.]+$/, '');
}

/** The extracted rows (one per card). */
export function screenshotRows(cards: readonly CardRead[], manifest: ScreenshotEvidence['manifest']): ScreenshotRow[] {
  return cards.map((c) => {
    const m = manifest.get(c.file);
    const confs = c.cells.map((x) => x.confidence).filter((x): x is number => x != null);
    return {
      file: c.file,
      id: m?.id ?? fileStem(c.file),
      uploader: m?.uploader ?? null,
      name: cellText(c, 'name'),
      employer: cellText(c, 'employer'),
      title: cellText(c, 'title'),
      school: cellText(c, 'school'),
      tags: cellText(c, 'tags'),
      minConfidence: confs.length ? Math.min(...confs) : null,
      flagged: c.cells.filter((x) => x.flagged).length,
    };
  });
}

/** Calibration cells from reads and truth (matched by file). */
export function calibrationCells(cards: readonly CardRead[], truth: readonly CardTruth[]): CalibrationCell[] {
  const byFile = new Map(truth.map((t) => [t.file, t]));
  const out: CalibrationCell[] = [];
  for (const c of cards) {
    const t = byFile.get(c.file);
    if (!t) continue;
    for (const cell of c.cells) out.push({ file: c.file, field: cell.field, truth: t[cell.field] ?? '', read: cell.text, confidence: cell.confidence });
  }
  return out;
}

function toProfileRow(r: ScreenshotRow): ProfileRow {
  const v = (s: string) => (s === '' ? null : s);
  return { id: r.id, uploader: r.uploader, name: v(r.name), avatar_hash: null, employer: v(r.employer), title: v(r.title), school: v(r.school), tags: v(r.tags) };
}

/** Matching as read and under explicable misreads (see the module comment). */
export function matchUnderOcrError(
  cards: readonly CardRead[],
  rows: readonly ScreenshotRow[],
  source: readonly ProfileRow[],
  bands: BandRate[] | null,
  params: Pick<ScreenshotsParams, 'bandEdges' | 'maxEdits' | 'level' | 'strictness'>,
  calibratedOn: ScreenshotsMatching['calibratedOn'],
  reviewed: ReadonlySet<string> = new Set(),
): ScreenshotsMatching {
  const fields = (['name', 'employer', 'title', 'school', 'tags'] as const).filter((f) => cards[0]?.cells.some((c) => c.field === f));
  const comparisons = matching.defaultComparisons(matching.thresholdsForStrictness(params.strictness), fields);
  const displayed = rows.map(toProfileRow);
  const paired = matching.pairProfiles(displayed, source, { unpaired: 'drop' });
  const asRead = matching.compareTables(paired, comparisons);
  const srcById = new Map(source.map((s) => [String(s.id), s]));
  const p = (conf: number | null) => (bands ? misreadProbability(bands, conf, params.bandEdges) : 1);
  // The alternative display: each explicable misread replaced by the source value.
  const alt = displayed.map((d, i) => {
    const s = srcById.get(d.id);
    if (!s) return d;
    const out = { ...d };
    for (const f of fields) {
      const cell = cards[i]!.cells.find((c) => c.field === f)!;
      const sv = s[f] == null ? '' : String(s[f]);
      if (!cell.text || !sv || reviewed.has(`${cards[i]!.file}\u0000${f}`) || p(cell.confidence) <= 0) continue;
      if (levenshtein(normaliseCell(f, cell.text), normaliseCell(f, sv)) <= params.maxEdits) out[f] = sv;
    }
    return out;
  });
  const ifMisread = matching.compareTables(matching.pairProfiles(alt, source, { unpaired: 'drop' }), comparisons);
  const F = asRead.fields.length;
  const rowOf = new Map(rows.map((r, i) => [r.id, i]));
  const cells: UncertainCell[] = [];
  const perField: FieldUncertainty[] = asRead.fields.map((name, f) => {
    const field = name as CardField;
    let couldChange = 0;
    let expected = 0;
    let compared = 0;
    let kRead = 0;
    let kAlt = 0;
    for (let i = 0; i < asRead.ids.length; i++) {
      const a = asRead.levels[i * F + f]!;
      const b = ifMisread.levels[i * F + f]!;
      const ga = asRead.grades[f]![a]!;
      const gb = ifMisread.grades[f]![b]!;
      if (ga !== 'missing') {
        compared++;
        if (matching.isAgreement(ga)) kRead++;
      }
      if (gb !== 'missing' && matching.isAgreement(gb)) kAlt++;
      if (a !== b) {
        couldChange++;
        const r = rowOf.get(asRead.ids[i]!)!;
        const cell = cards[r]!.cells.find((c) => c.field === field)!;
        const pm = p(cell.confidence);
        expected += pm;
        const s = srcById.get(asRead.ids[i]!)!;
        cells.push({
          file: cards[r]!.file, id: asRead.ids[i]!, field, read: cell.text, source: String(s[field] ?? ''), confidence: cell.confidence,
          levelAsRead: asRead.labels[f]![a]!, levelIfMisread: ifMisread.labels[f]![b]!, misreadProbabilityAtMost: pm,
        });
      }
    }
    return {
      field, compared, couldChange, expectedChangesAtMost: expected,
      asRead: matching.rateWithIntervals(kRead, compared, params.level),
      ifMisread: matching.rateWithIntervals(kAlt, compared, params.level),
    };
  });
  const o1 = matching.overallRate(asRead, params.level);
  const o2 = matching.overallRate(ifMisread, params.level);
  return {
    fields: [...fields], pairs: asRead.ids.length, unpaired: paired.unpaired, perField,
    overallAsRead: matching.rateWithIntervals(o1.k, o1.n, params.level),
    overallIfMisread: matching.rateWithIntervals(o2.k, o2.n, params.level),
    cells, calibratedOn,
  };
}

export interface AnalyseOptions {
  /** An engine already loaded (reused across calls); else one is created from params.engine. */
  engine?: OcrEngine;
  onProgress?: (done: number, total: number) => void;
}

export async function analyseScreenshots(ev: ScreenshotEvidence, params: Partial<ScreenshotsParams> = {}, options: AnalyseOptions = {}): Promise<ScreenshotsResult> {
  const pr: ScreenshotsParams = { ...DEFAULT_SCREENSHOTS_PARAMS, ...params };
  const engine = options.engine ?? (await createOcrEngine(pr.engine));
  let done = 0;
  const read = await mapLimit(ev.images, pr.concurrency, async (img) => {
    const r = (await readCard(img.file, img.bytes, ev.template, engine, pr.limits)).read;
    options.onProgress?.(++done, ev.images.length);
    return r;
  });
  let cards = read;
  let changes: ReviewChange[] = [];
  let confirmed = 0;
  const reviewed = new Set<string>();
  if (ev.review) {
    if (!pr.reviewer || !pr.reviewedAt) {
      throw new Error('a review sheet was given: state who reviewed it and when (parameters reviewer and reviewedAt)');
    }
    const m = mergeReview(read, ev.review, { reviewer: pr.reviewer, reviewedAt: pr.reviewedAt, file: ev.reviewFile ?? 'review' });
    cards = m.cards;
    changes = m.changes;
    confirmed = m.confirmed;
    for (const r of ev.review) reviewed.add(`${r.file}\u0000${r.field}`);
  }
  const rows = screenshotRows(cards, ev.manifest);
  let accuracy: AccuracySummary | null = null;
  let accuracyByScale: ScreenshotsResult['accuracyByScale'] = null;
  let bandsThisSet: BandRate[] | null = null;
  const misreads: CellScore[] = [];
  if (ev.truth) {
    const byFile = new Map(ev.truth.map((t) => [t.file, t]));
    const scored = read.filter((c) => byFile.has(c.file)).map((c) => {
      const t = byFile.get(c.file)!;
      return { scale: t.scale, scores: c.cells.map((x) => scoreCell(x.field, String(t[x.field] ?? ''), x.text)) };
    });
    accuracy = summariseAccuracy(scored.map((s) => s.scores));
    accuracyByScale = [...new Set(scored.map((s) => s.scale))].sort((a, b) => b - a).map((scale) => ({ scale, ...summariseAccuracy(scored.filter((s) => s.scale === scale).map((s) => s.scores)) }));
    for (const s of scored) misreads.push(...s.scores.filter((x) => !x.correct));
    bandsThisSet = calibrateBands(calibrationCells(read, ev.truth), pr.bandEdges, pr.level);
  }
  const calibration = ev.calibration ? calibrateBands(ev.calibration, pr.bandEdges, pr.level) : null;
  const bands = calibration ?? bandsThisSet;
  const calibratedOn: ScreenshotsMatching['calibratedOn'] = calibration ? 'calibration set' : bandsThisSet ? 'this set (in sample)' : 'none (every band taken as 1)';
  const match = ev.source ? matchUnderOcrError(cards, rows, ev.source, bands, pr, calibratedOn, reviewed) : null;
  const limitations: string[] = [];
  if (!calibration) limitations.push(bandsThisSet ? 'OCR error rates were measured on the same cards (in sample): give a separate calibration set' : 'no calibration: every cell is treated as possibly misread');
  limitations.push(`a misread is only considered when the text read is within ${pr.maxEdits} characters of the source value; a misread that turns a different value into the source value exactly is not modelled`);
  limitations.push(`the layout template (${ev.template.name}) must match the app screen; a cell outside its declared box is not read`);
  if (cards.some((c) => c.rotation > 0)) limitations.push('rotated screenshots are mapped to the template by their aspect ratio (sign of the rotation unknown): boxes can be off by a few pixels');
  const flaggedBefore = read.reduce((s, c) => s + c.cells.filter((x) => x.flagged).length, 0);
  return {
    template: {
      name: ev.template.name, file: ev.templateFile, reviewBelow: ev.template.reviewBelow, inkChannel: ev.template.ocr.ink.channel,
      fields: ev.template.fields.map((f) => ({ name: f.name, box: [...f.box], ...(f.label ? { label: f.label } : {}), ...(f.until ? { until: f.until } : {}) })),
    },
    engine: { name: engine.name, version: engine.version },
    params: pr,
    files: ev.files,
    tables: ev.tables,
    inputs: ev.inputs,
    cards,
    rows,
    review: { flagged: flaggedBefore, cells: read.reduce((s, c) => s + c.cells.length, 0), confirmed, changes, reviewFile: ev.reviewFile },
    accuracy,
    accuracyByScale,
    misreads,
    calibration,
    bandsThisSet,
    matching: match,
    limitations,
  };
}
