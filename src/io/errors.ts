/**
 * Errors on evidence files. One `EvidenceError` carries every problem found in a file (up to
 * `MAX_ISSUES`), each naming the file, the row, the column and the offending value, so an
 * expert witness can open the file and point at the cell. Loaders never return a partial
 * table: either every row passed, or this error is thrown.
 *
 * Row convention (said in every message): for CSV/TSV/JSONL the row is the FILE LINE NUMBER
 * (header = line 1, first data row = line 2, as a text editor or spreadsheet shows it; a
 * quoted field spanning several lines is reported at the line where its record starts); for
 * XLSX it is the sheet row number Excel shows; for a JSON array it is the 1-based item index.
 */

/** How `row` is counted in an issue; controls the wording only. */
export type RowKind = 'line' | 'row' | 'item';

export interface EvidenceIssue {
  /** File name (or path) as the user knows it. */
  file: string;
  /** 1-based row; see the module comment for the convention of each format. */
  row?: number;
  /** Wording for `row`: 'line' (text files), 'row' (sheet, default), 'item' (JSON array). */
  rowKind?: RowKind;
  /** Column (header name) concerned. */
  column?: string;
  /** The offending value as found in the file. */
  value?: unknown;
  /** What is wrong, in words a judge's assistant can act on. */
  message: string;
}

/** Loaders stop collecting after this many issues and report them all at once. */
export const MAX_ISSUES = 50;

const MAX_VALUE_CHARS = 80;

/** A value as it appears in a message: quoted, control characters escaped, long text cut. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  let s: string;
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (value instanceof Date) s = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  else if (typeof value === 'object') {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  } else s = String(value);
  if (s.length > MAX_VALUE_CHARS) s = `${s.slice(0, MAX_VALUE_CHARS - 1)}…(${s.length} chars)`;
  return s;
}

/** One issue as one line: `file line 4, column 'age', value "999": above the maximum 150`. */
export function formatIssue(issue: EvidenceIssue): string {
  const where: string[] = [];
  if (issue.row !== undefined) where.push(`${issue.rowKind ?? 'row'} ${issue.row}`);
  if (issue.column !== undefined) where.push(`column '${issue.column}'`);
  if ('value' in issue) where.push(`value ${formatValue(issue.value)}`);
  return `${issue.file}${where.length ? ` ${where.join(', ')}` : ''}: ${issue.message}`;
}

const ROW_NOTES: Record<RowKind, string> = {
  line: 'line = file line number, as a text editor shows it; in CSV/TSV the header is line 1 and the first data row line 2',
  row: 'row = sheet row number as shown in Excel',
  item: 'item = 1-based position in the JSON array',
};

export interface EvidenceErrorOptions {
  /** True when collection stopped at MAX_ISSUES and more problems may exist. */
  truncated?: boolean;
}

/**
 * Thrown for any problem with an evidence file. `issues` keeps the structured list (for
 * tests and reports); `message` lists them one per line.
 *
 * @example
 * throw new EvidenceError({ file: 'users.csv', row: 4, rowKind: 'line', column: 'age', value: '999',
 *   message: 'above the maximum 150' });
 * // message: "1 problem in users.csv (line = file line number; header = line 1, first data row = line 2):
 * //   - users.csv line 4, column 'age', value \"999\": above the maximum 150"
 */
export class EvidenceError extends Error {
  readonly issues: readonly EvidenceIssue[];
  readonly truncated: boolean;

  constructor(issues: EvidenceIssue | readonly EvidenceIssue[], options: EvidenceErrorOptions = {}) {
    const list = Array.isArray(issues) ? [...(issues as readonly EvidenceIssue[])] : [issues as EvidenceIssue];
    if (list.length === 0) list.push({ file: '(unknown file)', message: 'evidence error with no issue given' });
    super(EvidenceError.compose(list, options.truncated ?? false));
    this.name = 'EvidenceError';
    this.issues = list;
    this.truncated = options.truncated ?? false;
  }

  private static compose(list: EvidenceIssue[], truncated: boolean): string {
    const files = [...new Set(list.map((i) => i.file))];
    const kinds = [...new Set(list.filter((i) => i.row !== undefined).map((i) => i.rowKind ?? 'row'))];
    const notes = kinds.map((k) => ROW_NOTES[k]).join('; ');
    const count = `${list.length}${truncated ? '+' : ''} problem${list.length === 1 && !truncated ? '' : 's'}`;
    const head = `${count} in ${files.join(', ')}${notes ? ` (${notes})` : ''}:`;
    const lines = list.map((i) => `  - ${formatIssue(i)}`);
    if (truncated) lines.push(`  … stopped after ${list.length} problems; fix these and load again to see the rest`);
    return [head, ...lines].join('\n');
  }
}

/**
 * Collects issues up to a limit. `add` returns false once the limit is reached so loops can
 * stop early; `throwIfAny` throws one EvidenceError with everything collected.
 */
export class IssueCollector {
  readonly issues: EvidenceIssue[] = [];
  truncated = false;

  constructor(readonly limit: number = MAX_ISSUES) {}

  /**
   * Add an issue. Returns false (and marks the list truncated) only when the collector is
   * already full, so `if (!c.add(issue)) break;` scans until a problem beyond the limit is
   * actually found: "truncated" then means more problems really exist.
   */
  add(issue: EvidenceIssue): boolean {
    if (this.issues.length >= this.limit) {
      this.truncated = true;
      return false;
    }
    this.issues.push(issue);
    return true;
  }

  get full(): boolean {
    return this.issues.length >= this.limit;
  }

  get size(): number {
    return this.issues.length;
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new EvidenceError(this.issues, { truncated: this.truncated });
  }
}

/**
 * A declared limit refused the work before it started (not a bug, not bad evidence): e.g.
 * blocking would produce more candidate pairs than `maxPairs` allows. The message says which
 * limit and how to change it; the CLI exits 2 (usage) with the message, no stack trace.
 */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}
