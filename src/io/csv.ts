/**
 * CSV/TSV parsing with papaparse (RFC 4180 quoting, multi-line quoted fields), reporting rows
 * by FILE LINE NUMBER: header = line 1, first data row = line 2; a record whose quoted field
 * spans lines is reported at the line where it starts. Blank lines are skipped.
 *
 * Structural errors, all EvidenceErrors naming the file and line:
 * - empty file, header only (no data rows);
 * - wrong delimiter: the header parses as one column but contains another delimiter
 *   (';', tab, '|' or ','), e.g. a European Excel export read as CSV;
 * - truncated quote (papaparse MissingQuotes: a quote opened and never closed, the rest of
 *   the file swallowed into one cell) and malformed quotes (InvalidQuotes);
 * - ragged rows: more or fewer fields than the header;
 * - empty or duplicate header names.
 */
import Papa from 'papaparse';
import { EvidenceError, type IssueCollector } from './errors';
import type { RawRecord, RawTable } from './raw';

export interface DelimitedOptions {
  fileName: string;
  /** Field delimiter: ',' for .csv, '\t' for .tsv unless overridden. */
  delimiter: string;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function delimiterName(d: string): string {
  return DELIMITER_NAMES[d] ? `${DELIMITER_NAMES[d]} '${d === '\t' ? '\\t' : d}'` : `'${d}'`;
}

/** Offsets at which each line starts (line 1 starts at 0). */
function lineStarts(text: string): number[] {
  const nl = text.includes('\n') ? '\n' : '\r';
  const starts = [0];
  let i = text.indexOf(nl);
  while (i >= 0) {
    starts.push(i + 1);
    i = text.indexOf(nl, i + 1);
  }
  return starts;
}

/** 1-based line containing character offset `offset`. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Parse delimited text into a RawTable; structural issues go to `issues` (or throw at once). */
export function parseDelimited(input: string, options: DelimitedOptions, issues: IssueCollector): RawTable {
  let text = input;
  const { fileName, delimiter } = options;
  if (text.trim() === '') {
    throw new EvidenceError({ file: fileName, message: 'file is empty (no header, no data rows)' });
  }
  // Line endings: papaparse takes ONE newline sequence, so a file mixing CRLF and LF (lines
  // pasted from two sources) would be read as one huge record. Mixed endings are read as LF
  // (a CRLF inside a quoted value then becomes LF); consistent endings are passed as found.
  const crlf = text.includes('\r\n');
  const lf = /(^|[^\r])\n/.test(text);
  const cr = /\r(?!\n)/.test(text);
  let newline: '\r\n' | '\n' | '\r' = '\n';
  if ((crlf && lf) || (cr && (crlf || lf))) text = text.replace(/\r\n?/g, '\n');
  else if (crlf) newline = '\r\n';
  else if (cr) newline = '\r';
  const starts = lineStarts(text);
  const rows: { line: number; values: string[] }[] = [];
  let previousCursor = 0;
  let stop = false;

  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    header: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      // Skip leading newline characters so a record is reported on its first non-empty line.
      let start = previousCursor;
      while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
      const line = lineAt(starts, start);
      previousCursor = result.meta.cursor;
      for (const err of result.errors) {
        const errLine = typeof err.index === 'number' ? lineAt(starts, err.index) : line;
        const message =
          err.code === 'MissingQuotes'
            ? `truncated quote: a quoted field opened at line ${errLine} is never closed, so the rest of the file ` +
              'would be read into one cell (check for a missing closing " or an unescaped quote; inside quotes write "")'
            : err.code === 'InvalidQuotes'
              ? `malformed quotes at line ${errLine}: text follows a closing quote (inside a quoted field write "" for a quote)`
              : `${err.message} (${err.code})`;
        if (!issues.add({ file: fileName, row: errLine, rowKind: 'line', message })) {
          stop = true;
        }
      }
      const values = result.data;
      if (values.length === 1 && values[0] === '') return; // blank line
      rows.push({ line, values });
      if (stop) parser.abort();
    },
  });
  // After a quote error the record boundaries that follow are unreliable: report it alone.
  issues.throwIfAny();

  if (rows.length === 0) {
    throw new EvidenceError({ file: fileName, message: 'file is empty (no header, no data rows)' });
  }
  const headerRow = rows[0]!;
  const header = headerRow.values.map((h) => h.trim());

  if (header.length === 1) {
    const others = [';', '\t', '|', ','].filter((d) => d !== delimiter && header[0]!.includes(d));
    if (others.length > 0) {
      throw new EvidenceError({
        file: fileName,
        row: headerRow.line,
        rowKind: 'line',
        value: headerRow.values[0],
        message:
          `wrong delimiter? the header has one column when split on the ${delimiterName(delimiter)} but contains ` +
          `${others.map(delimiterName).join(' and ')}; the file looks ${DELIMITER_NAMES[others[0]!] ?? others[0]}-separated ` +
          `(a European-locale Excel writes ';': re-export as comma-separated CSV, in Excel Save As → 'CSV UTF-8 (Comma delimited)')`,
      });
    }
  }

  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') {
      issues.add({
        file: fileName,
        row: headerRow.line,
        rowKind: 'line',
        message: `header field ${i + 1} is empty; every column needs a name (a trailing delimiter at the end of the header line?)`,
      });
    } else if (seen.has(name)) {
      issues.add({
        file: fileName,
        row: headerRow.line,
        rowKind: 'line',
        column: name,
        message: `duplicate header name (fields ${seen.get(name)! + 1} and ${i + 1})`,
      });
    } else seen.set(name, i);
  });
  issues.throwIfAny();

  if (rows.length === 1) {
    throw new EvidenceError({
      file: fileName,
      row: headerRow.line,
      rowKind: 'line',
      message: 'header only: the file has a header line but no data rows',
    });
  }

  const records: RawRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const { line, values } = rows[r]!;
    if (values.length !== header.length) {
      const message =
        values.length > header.length
          ? `ragged row: ${values.length} fields but the header has ${header.length} (extra fields ${JSON.stringify(values.slice(header.length))}; an unquoted ${delimiterName(delimiter)} inside a value?)`
          : `ragged row: ${values.length} field${values.length === 1 ? '' : 's'} but the header has ${header.length} (missing ${header
              .slice(values.length)
              .map((h) => `'${h}'`)
              .join(', ')})`;
      const ok = issues.add({
        file: fileName,
        row: line,
        rowKind: 'line',
        column: values.length < header.length ? header[values.length] : undefined,
        value: values.join(delimiter),
        message,
      });
      if (!ok) break;
      continue;
    }
    records.push({ row: line, cells: values });
  }
  return { header, rowKind: 'line', records };
}
