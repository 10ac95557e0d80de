/**
 * Loading evidence tables: `readTable` (a file) and `parseTable` (bytes in memory, the pure
 * core). Either every row passes the schema and the table comes back with its provenance, or
 * one EvidenceError lists the problems (up to 50) by file, row, column and value. Evidence
 * files are opened read-only and never written.
 *
 * @example
 * const { rows, provenance } = await readTable<RowOf<typeof users>>('datasets/matching/displayed.csv', users);
 * rows[0].age;            // number | null
 * provenance.sha256;      // hash of the raw bytes, for the manifest
 */
import * as path from 'node:path';
import { applyColumnMap, columnLabel, type ColumnMap } from './columns';
import { parseDelimited } from './csv';
import { decodeText } from './encoding';
import { readEvidenceBytes } from './evidenceFile';
import { LIMITS } from './limits';
import { EvidenceError, IssueCollector, MAX_ISSUES, type RowKind } from './errors';
import { formatFromFileName, type TableFormat } from './format';
import { parseJsonArray, parseJsonLines } from './json';
import { sha256Bytes, type ProvenanceEntry } from './provenance';
import type { RawTable } from './raw';
import { assertValidSchema, type Row, type TableSchema } from './schema';
import { validateTable } from './validate';
import { parseXlsx } from './xlsx';

/** Default size limit: 512 MiB, about V8's longest string; bigger files need a streaming reader (LIMITS.maxFileBytes). */
export const DEFAULT_MAX_BYTES = LIMITS.maxFileBytes;

export interface LoadedTable<T = Row> {
  rows: T[];
  /**
   * Where each row is in the file, as the user sees it (`rowKind`: file line for CSV/TSV/JSONL,
   * counting blank lines and multi-line quoted fields; sheet row for XLSX; item for a JSON
   * array). Loaders that check rows after reading name `rowNumbers[i]`, never `i + 2`.
   */
  rowNumbers: Int32Array;
  rowKind: RowKind;
  provenance: ProvenanceEntry;
}

export interface ParseOptions {
  /** Format; default from the extension of fileName. */
  format?: TableFormat;
  /** Force a text encoding (iconv-lite label, e.g. 'gbk', 'big5'); default: detected. */
  encoding?: string;
  /** CSV/TSV field delimiter; default ',' for csv and '\t' for tsv. */
  delimiter?: string;
  /** XLSX sheet name; default the first sheet. */
  sheet?: string;
  /** Keep columns not in the schema in each row (default false: listed in provenance only). */
  keepExtraColumns?: boolean;
  /** Zone of XLSX date-time cells for datetime columns, e.g. '+08:00'. */
  xlsxUtcOffset?: string;
  /** Stop collecting after this many problems (default 50). */
  maxIssues?: number;
  /**
   * Column map `{ ours: theirs }`: the file's own headers renamed to the schema's before
   * validation (see columns.ts; from a file: `readColumnMap`). Messages name a mapped column
   * by the file's header; provenance records the entries applied.
   */
  columns?: ColumnMap;
  /** Refuse a table with more data rows than this (default LIMITS.maxRows). */
  maxRows?: number;
}

export interface ParseTableOptions extends ParseOptions {
  /** File name used in messages and provenance. */
  fileName: string;
  /** Path recorded in provenance (default: fileName). */
  path?: string;
}

export interface ReadTableOptions extends ParseOptions {
  /** Refuse files larger than this many bytes before reading (default 512 MiB). */
  maxBytes?: number;
}

/**
 * Parse a table from bytes in memory (pure apart from the clock for `loadedAt`).
 * Throws EvidenceError on any problem; never returns a partial table.
 */
export async function parseTable<T = Row>(
  bytes: Uint8Array,
  schema: TableSchema,
  options: ParseTableOptions,
): Promise<LoadedTable<T>> {
  assertValidSchema(schema);
  const { fileName } = options;
  const format = options.format ?? formatFromFileName(fileName);
  const issues = new IssueCollector(options.maxIssues ?? MAX_ISSUES);

  let raw: RawTable;
  let encoding: string;
  if (format === 'xlsx') {
    raw = await parseXlsx(bytes, { fileName, sheet: options.sheet }, issues);
    encoding = 'n/a (xlsx)';
  } else {
    if (bytes.length === 0) throw new EvidenceError({ file: fileName, message: 'file is empty (0 bytes)' });
    const decoded = decodeText(bytes, { fileName, encoding: options.encoding });
    encoding = decoded.encoding;
    if (format === 'csv' || format === 'tsv') {
      const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : ',');
      raw = parseDelimited(decoded.text, { fileName, delimiter }, issues);
    } else if (format === 'json') {
      raw = parseJsonArray(decoded.text, { fileName }, issues);
    } else {
      raw = parseJsonLines(decoded.text, { fileName }, issues);
    }
  }

  const maxRows = options.maxRows ?? LIMITS.maxRows;
  if (raw.records.length > maxRows) {
    throw new EvidenceError({
      file: fileName,
      message: `${raw.records.length} data rows, over the limit of ${maxRows} rows (maxRows) for a table held in memory; split the file or raise the limit`,
    });
  }
  const fileHeader = raw.header;
  let applied: Record<string, string> = {};
  if (options.columns) {
    issues.throwIfAny();
    ({ raw, applied } = applyColumnMap(raw, schema, options.columns, fileName));
  }

  const { rows, rowNumbers, extraColumns } = validateTable(
    raw,
    schema,
    { fileName, keepExtraColumns: options.keepExtraColumns, xlsxUtcOffset: options.xlsxUtcOffset },
    issues,
  );
  if (Object.keys(applied).length) for (const issue of issues.issues) if (issue.column !== undefined) issue.column = columnLabel(issue.column, applied);
  issues.throwIfAny();

  const provenance: ProvenanceEntry = {
    path: options.path ?? fileName,
    fileName: path.basename(fileName),
    bytes: bytes.byteLength,
    sha256: sha256Bytes(bytes),
    rows: rows.length,
    columns: fileHeader,
    extraColumns,
    ...(Object.keys(applied).length ? { columnMap: applied } : {}),
    encoding,
    format,
    ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}),
    schema: schema.name,
    loadedAt: new Date().toISOString(),
  };
  return { rows: rows as T[], rowNumbers: Int32Array.from(rowNumbers), rowKind: raw.rowKind, provenance };
}

/**
 * Read and validate an evidence table (CSV/TSV, JSON, JSONL, XLSX; format from the extension).
 * The file is opened read-only and never modified; the SHA-256 in the provenance is of the
 * exact bytes parsed.
 */
export async function readTable<T = Row>(
  filePath: string,
  schema: TableSchema,
  options: ReadTableOptions = {},
): Promise<LoadedTable<T>> {
  assertValidSchema(schema);
  // Messages name the path as given; provenance keeps both path and base name.
  const format = options.format ?? formatFromFileName(filePath);
  const bytes = readEvidenceBytes(filePath, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return parseTable<T>(bytes, schema, { ...options, format, fileName: filePath, path: filePath });
}
