/**
 * Compare the displayed table with the source table, pair by pair (paired by `id`), into a
 * level matrix: one level index per pair and field (Uint8Array, row-major).
 */
import { rowNumberAt, withRowNumbers } from '../io/readTable';
import { EvidenceError, type EvidenceIssue } from '../io/errors';
import { compareField, type Comparison } from '../compare/comparison';
import { gradeOf, type Grade } from './levels';
import { prepareProfiles, type PrepareOptions, type PreparedProfile, type ProfileRow } from './profile';

export interface PairOptions extends PrepareOptions {
  /** File names used in error messages (default 'displayed' / 'source'). */
  displayedFile?: string;
  sourceFile?: string;
  /**
   * What to do with a displayed profile whose id is not in the source table: 'error'
   * (default: the pairing is part of the evidence, a gap must be explained) or 'drop'
   * (left out and counted in `unpaired`).
   */
  unpaired?: 'error' | 'drop';
}

export interface PairedTables {
  displayed: PreparedProfile[];
  /** every source profile (paired or not: unpaired ones still serve the coincidence baseline) */
  source: PreparedProfile[];
  /** for displayed[i], the index of its source profile in `source` */
  sourceIndex: Int32Array;
  /** displayed ids with no source profile (only when unpaired = 'drop') */
  unpaired: string[];
}

const REQUIRED = ['id', 'name', 'avatar_hash', 'employer', 'title', 'school', 'tags'] as const;

function checkColumns(rows: readonly Record<string, unknown>[], file: string, extra: readonly string[], issues: EvidenceIssue[]): void {
  if (rows.length === 0) {
    issues.push({ file, message: 'the table has no rows' });
    return;
  }
  const first = rows[0]!;
  for (const c of [...REQUIRED, ...extra]) {
    if (!(c in first)) issues.push({ file, column: c, message: `missing column '${c}' (expected columns: ${[...REQUIRED, ...extra].join(', ')})` });
  }
}

function checkIds(rows: readonly ProfileRow[], file: string, issues: EvidenceIssue[]): Map<string, number> {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const id = r.id == null ? '' : String(r.id).trim();
    if (id === '') {
      issues.push({ file, row: rowNumberAt(rows, i), rowKind: 'line', column: 'id', value: r.id, message: 'empty id' });
      return;
    }
    const prev = seen.get(id);
    if (prev !== undefined) issues.push({ file, row: rowNumberAt(rows, i), rowKind: 'line', column: 'id', value: id, message: `duplicate id: same as line ${rowNumberAt(rows, prev)}` });
    else seen.set(id, i);
  });
  return seen;
}

/**
 * Validate and pair the two tables. Throws an EvidenceError (never a partial result) on a
 * missing column, an empty or duplicate id, a displayed id without a source profile (unless
 * `unpaired: 'drop'`), or avatar hashes of different lengths across the two tables.
 * Row numbers in messages are file lines (header = line 1) for one-line-per-record files.
 */
export function pairProfiles(displayedRows: readonly ProfileRow[], sourceRows: readonly ProfileRow[], options: PairOptions = {}): PairedTables {
  const df = options.displayedFile ?? 'displayed';
  const sf = options.sourceFile ?? 'source';
  const issues: EvidenceIssue[] = [];
  checkColumns(displayedRows as unknown as Record<string, unknown>[], df, ['uploader'], issues);
  checkColumns(sourceRows as unknown as Record<string, unknown>[], sf, [], issues);
  if (issues.length) throw new EvidenceError(issues);
  checkIds(displayedRows, df, issues);
  const srcIds = checkIds(sourceRows, sf, issues);
  if (issues.length) throw new EvidenceError(issues);
  const unpaired: string[] = [];
  const keptRows: ProfileRow[] = [];
  const keptNumbers: number[] = [];
  const idx: number[] = [];
  displayedRows.forEach((r, i) => {
    const j = srcIds.get(String(r.id).trim());
    if (j === undefined) {
      if (options.unpaired === 'drop') unpaired.push(String(r.id));
      else issues.push({ file: df, row: rowNumberAt(displayedRows, i), rowKind: 'line', column: 'id', value: r.id, message: `no profile with this id in ${sf}` });
    } else {
      keptRows.push(r);
      keptNumbers.push(rowNumberAt(displayedRows, i));
      idx.push(j);
    }
  });
  if (issues.length) throw new EvidenceError(issues);
  const displayed = prepareProfiles(withRowNumbers(keptRows, keptNumbers), { ...options, file: df });
  const source = prepareProfiles(sourceRows, { ...options, file: sf });
  const lenD = displayed.find((p) => p.avatar)?.avatar?.length;
  const lenS = source.find((p) => p.avatar)?.avatar?.length;
  if (lenD !== undefined && lenS !== undefined && lenD !== lenS) {
    throw new EvidenceError([{ file: df, column: 'avatar_hash', message: `avatar hashes have ${lenD} hex digits here but ${lenS} in ${sf}: both tables must use the same hash` }]);
  }
  return { displayed, source, sourceIndex: Int32Array.from(idx), unpaired };
}

/** Levels of every pair and field. */
export interface LevelMatrix {
  /** field names, in comparison order */
  fields: string[];
  /** one row per displayed profile: levels[i * fields.length + f] = level index */
  levels: Uint8Array;
  /** grade of each level of each field: grades[f][level] */
  grades: Grade[][];
  /** level labels per field */
  labels: string[][];
  /** displayed profile ids, uploader per pair */
  ids: string[];
  uploaders: Array<string | null>;
  /** for each pair and field: was the field shown on the display (non-empty)? bit f of shown[i] */
  shown: Uint32Array;
}

/** Whether a displayed profile shows a field: non-missing value on the displayed side. */
export function isShown(comparison: Comparison<PreparedProfile>, p: PreparedProfile): boolean {
  const v: unknown = comparison.value(p);
  if (v == null) return false;
  if (typeof v === 'string') return v !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && 'text' in (v as object)) return (v as { text: string }).text !== '';
  return true;
}

/** For each displayed profile, bit f set when it shows field f (`isShown` on comparison f). */
export function shownBits(displayed: readonly PreparedProfile[], comparisons: readonly Comparison<PreparedProfile>[]): Uint32Array {
  const F = comparisons.length;
  const shown = new Uint32Array(displayed.length);
  for (let i = 0; i < displayed.length; i++) {
    let bits = 0;
    for (let f = 0; f < F; f++) if (isShown(comparisons[f]!, displayed[i]!)) bits |= 1 << f;
    shown[i] = bits >>> 0;
  }
  return shown;
}

/** Compare every displayed profile with its paired source profile on every comparison. */
export function compareTables(paired: PairedTables, comparisons: readonly Comparison<PreparedProfile>[]): LevelMatrix {
  const F = comparisons.length;
  if (F === 0) throw new RangeError('compareTables needs at least one comparison');
  if (F > 32) throw new RangeError('at most 32 compared fields');
  const n = paired.displayed.length;
  const levels = new Uint8Array(n * F);
  for (let i = 0; i < n; i++) {
    const d = paired.displayed[i]!;
    const s = paired.source[paired.sourceIndex[i]!]!;
    for (let f = 0; f < F; f++) levels[i * F + f] = compareField(comparisons[f]!, d, s);
  }
  const shown = shownBits(paired.displayed, comparisons);
  return {
    fields: comparisons.map((c) => c.name),
    levels,
    grades: comparisons.map((c) => c.levels.map(gradeOf)),
    labels: comparisons.map((c) => c.levels.map((l) => l.label)),
    ids: paired.displayed.map((p) => p.id),
    uploaders: paired.displayed.map((p) => p.uploader),
    shown,
  };
}

/**
 * The per-pair level matrix as plain rows for a table: id, uploader, then each field's level
 * label (and Chinese label). Names are not included: mask them before display if you add them.
 */
export function levelRows(m: LevelMatrix, comparisons?: readonly Comparison[]): Array<Record<string, string | null>> {
  const F = m.fields.length;
  const out: Array<Record<string, string | null>> = [];
  for (let i = 0; i < m.ids.length; i++) {
    const row: Record<string, string | null> = { id: m.ids[i]!, uploader: m.uploaders[i] ?? null };
    for (let f = 0; f < F; f++) {
      const l = m.levels[i * F + f]!;
      const zh = comparisons?.[f]?.levels[l]?.labelZh;
      row[m.fields[f]!] = zh ? `${m.labels[f]![l]} ${zh}` : m.labels[f]![l]!;
    }
    out.push(row);
  }
  return out;
}
