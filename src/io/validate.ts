/**
 * Validation of a parsed table against a declarative schema. Every problem is collected (up
 * to MAX_ISSUES) with file, row, column and value; the caller throws them as one
 * EvidenceError, so no partial table ever leaves the loader.
 *
 * Checks, in order: required columns present (a missing one is named, with the columns that
 * were found and any near miss such as a difference in case or spaces); then per cell: empty
 * in a non-nullable column, type, min/max ("absurd values"), pattern, oneOf; then duplicates
 * in unique columns (naming both rows). Columns not in the schema are allowed and listed as
 * `extraColumns` (provenance); they are dropped from rows unless `keepExtraColumns`.
 */
import { type IssueCollector } from './errors';
import { cellText, compareToBound, convertCell, EMPTY, type CellOptions } from './cells';
import { setField, type RawCell, type RawTable } from './raw';
import type { CellValue, ColumnSpec, Row, TableSchema } from './schema';

export interface ValidateOptions extends CellOptions {
  fileName: string;
  /** Keep columns not in the schema in each row (raw values, Date as ISO text). Default false. */
  keepExtraColumns?: boolean;
}

export interface Validated {
  rows: Row[];
  /** Row number (as the user sees it: file line, sheet row, JSON item) of each row in `rows`. */
  rowNumbers: number[];
  extraColumns: string[];
}

function normaliseName(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function rawForRow(raw: RawCell): CellValue {
  if (raw === undefined || raw === null) return null;
  if (raw instanceof Date) return raw.toISOString();
  if (typeof raw === 'object') return JSON.stringify(raw);
  return raw;
}

function matches(pattern: RegExp, text: string): boolean {
  // A copy without g/y so lastIndex state cannot make the test depend on the previous row.
  const re = pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
  return re.test(text);
}

/** Validate and convert; issues are added to `issues` (the caller throws if any). */
export function validateTable(raw: RawTable, schema: TableSchema, options: ValidateOptions, issues: IssueCollector): Validated {
  const { fileName } = options;
  const rowKind = raw.rowKind;
  const position = new Map<string, number>();
  raw.header.forEach((h, i) => position.set(h, i));

  const found = raw.header.map((h) => `'${h}'`).join(', ');
  let missing = false;
  for (const column of schema.columns) {
    if (position.has(column.name) || column.required === false) continue;
    missing = true;
    const near = raw.header.find((h) => normaliseName(h) === normaliseName(column.name));
    issues.add({
      file: fileName,
      column: column.name,
      message:
        `missing column '${column.name}' (schema '${schema.name}'); columns found: ${found || '(none)'}` +
        (near !== undefined ? `; '${near}' differs only in case, spaces or width — rename the header or the schema` : ''),
    });
  }
  const known = new Set(schema.columns.map((c) => c.name));
  const extraColumns = raw.header.filter((h) => !known.has(h));
  if (missing) return { rows: [], rowNumbers: [], extraColumns };

  // One plan entry per schema column, computed once (no per-cell closures: this loop runs
  // rows × columns times).
  const plan = schema.columns.map((column) => ({
    column,
    idx: position.get(column.name),
    seen: column.unique ? new Map<CellValue, number>() : undefined,
  }));
  const extraIdx = options.keepExtraColumns ? extraColumns.map((name) => [name, position.get(name)!] as const) : [];
  const rows: Row[] = [];
  const rowNumbers: number[] = [];

  outer: for (const record of raw.records) {
    const row: Row = {};
    let rowOk = true;
    for (const { column, idx, seen } of plan) {
      if (idx === undefined) {
        setField(row, column.name, null); // optional column absent from the file
        continue;
      }
      const rawCell = record.cells[idx];
      const converted = convertCell(rawCell, column, options);
      let problems: string[];
      if (converted === EMPTY) {
        if (column.nullable) {
          setField(row, column.name, null);
          continue;
        }
        problems = [`empty cell in column '${column.name}', which must not be empty (nullable: false)`];
      } else if (!converted.ok) {
        problems = [`${converted.message} [${column.type}]`];
      } else {
        const value = converted.value;
        problems = checkRules(value, rawCell, column);
        if (problems.length === 0 && seen && value !== null) {
          // Map keys compare by SameValueZero: 1 and '1' stay distinct, no key strings built.
          const first = seen.get(value);
          if (first !== undefined) problems = [`duplicate value in unique column '${column.name}': same as ${rowKind} ${first}`];
          else seen.set(value, record.row);
        }
        if (problems.length === 0) {
          setField(row, column.name, value);
          continue;
        }
      }
      rowOk = false;
      for (const message of problems) {
        if (!issues.add({ file: fileName, row: record.row, rowKind, column: column.name, value: rawCell, message })) break outer;
      }
    }
    for (const [name, i] of extraIdx) setField(row, name, rawForRow(record.cells[i]));
    if (rowOk) {
      rows.push(row);
      rowNumbers.push(record.row);
    }
  }
  return { rows, rowNumbers, extraColumns };
}

const NO_PROBLEMS: string[] = [];

function checkRules(value: CellValue, raw: RawCell, column: ColumnSpec): string[] {
  if (column.min === undefined && column.max === undefined && !column.pattern && !column.oneOf) return NO_PROBLEMS;
  const problems: string[] = [];
  if (column.min !== undefined && compareToBound(value, column.min, column) < 0) {
    problems.push(`below the minimum ${String(column.min)} (absurd value for '${column.name}'?)`);
  }
  if (column.max !== undefined && compareToBound(value, column.max, column) > 0) {
    problems.push(`above the maximum ${String(column.max)} (absurd value for '${column.name}'?)`);
  }
  // Rules test the text as found (trimmed for typed columns); string columns keep it exactly.
  const text = column.type === 'string' ? String(value) : cellText(raw).trim();
  if (column.pattern && !matches(column.pattern, text)) {
    problems.push(`does not match the pattern ${column.pattern.toString()}`);
  }
  if (column.oneOf && !column.oneOf.includes(text)) {
    const list = column.oneOf.map((v) => JSON.stringify(v)).join(', ');
    problems.push(`not one of the allowed values ${list.length > 200 ? `${list.slice(0, 200)}…` : list}`);
  }
  return problems;
}
