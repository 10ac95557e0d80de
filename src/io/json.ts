/**
 * JSON (an array of objects) and JSON Lines (one object per line) parsing.
 *
 * Rows: JSON Lines records are numbered by FILE LINE (line 1 = first line; there is no header
 * line); a JSON array's records by 1-based ITEM index. Columns are the union of keys in order
 * of first appearance; a key missing from an object is an empty cell. Values must be scalars
 * (string, number, boolean, null); nested objects/arrays are reported. Note: JSON.parse keeps
 * the last of duplicate keys in one object; such files are not detected here.
 */
import { EvidenceError, type IssueCollector } from './errors';
import type { RawRecord, RawTable } from './raw';

export interface JsonOptions {
  fileName: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse's message with the position turned into line:column when V8 gives one. */
function describeJsonError(text: string, err: unknown): { message: string; line?: number } {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(msg);
  if (!m) return { message: `invalid JSON: ${msg}` };
  const { line, column } = lineColumn(text, Number(m[1]));
  return { message: `invalid JSON at line ${line}, column ${column}: ${msg}`, line };
}

function collect(objects: { row: number; obj: Record<string, unknown> }[]): {
  header: string[];
  records: RawRecord[];
} {
  const index = new Map<string, number>();
  const header: string[] = [];
  for (const { obj } of objects) {
    for (const key of Object.keys(obj)) {
      if (!index.has(key)) {
        index.set(key, header.length);
        header.push(key);
      }
    }
  }
  const records = objects.map(({ row, obj }) => ({
    row,
    cells: header.map((key) => (Object.prototype.hasOwnProperty.call(obj, key) ? (obj[key] as RawRecord['cells'][number]) : undefined)),
  }));
  return { header, records };
}

/** Parse a JSON array of objects. */
export function parseJsonArray(text: string, options: JsonOptions, issues: IssueCollector): RawTable {
  const { fileName } = options;
  if (text.trim() === '') throw new EvidenceError({ file: fileName, message: 'file is empty' });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const { message } = describeJsonError(text, err);
    throw new EvidenceError({ file: fileName, message });
  }
  if (!Array.isArray(data)) {
    throw new EvidenceError({
      file: fileName,
      message: `expected a JSON array of objects (one per row) but the file holds ${data === null ? 'null' : typeof data}`,
    });
  }
  if (data.length === 0) throw new EvidenceError({ file: fileName, message: 'the JSON array is empty: no data rows' });
  const objects: { row: number; obj: Record<string, unknown> }[] = [];
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i];
    if (!isPlainObject(item)) {
      if (!issues.add({ file: fileName, row: i + 1, rowKind: 'item', value: item, message: 'expected an object (one row)' })) break;
      continue;
    }
    objects.push({ row: i + 1, obj: item });
  }
  return { ...collect(objects), rowKind: 'item' };
}

/** Parse JSON Lines: one object per non-blank line. Every bad line is reported with its line number. */
export function parseJsonLines(text: string, options: JsonOptions, issues: IssueCollector): RawTable {
  const { fileName } = options;
  if (text.trim() === '') throw new EvidenceError({ file: fileName, message: 'file is empty' });
  const lines = text.split(/\r?\n/);
  const objects: { row: number; obj: Record<string, unknown> }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (!issues.add({ file: fileName, row: i + 1, rowKind: 'line', value: line, message: `invalid JSON on this line: ${msg}` })) break;
      continue;
    }
    if (!isPlainObject(value)) {
      if (!issues.add({ file: fileName, row: i + 1, rowKind: 'line', value: line, message: 'expected a JSON object on this line' })) break;
      continue;
    }
    objects.push({ row: i + 1, obj: value });
  }
  if (objects.length === 0 && issues.size === 0) {
    throw new EvidenceError({ file: fileName, message: 'no data rows' });
  }
  return { ...collect(objects), rowKind: 'line' };
}
