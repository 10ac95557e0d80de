/**
 * The format-neutral intermediate every parser produces: a header and records whose cells are
 * aligned with it, each record carrying the row number a user sees (see errors.ts for the
 * convention). Schema validation (validate.ts) works on this only.
 */
import type { RowKind } from './errors';

/** A cell before conversion: text from CSV, JSON scalars, or XLSX cell values. */
export type RawCell = string | number | boolean | Date | null | undefined | object;

export interface RawRecord {
  /** Row number as the user sees it (file line, sheet row or JSON item). */
  row: number;
  /** One cell per header column (undefined when absent). */
  cells: RawCell[];
}

export interface RawTable {
  /** Header names in file order (trimmed). */
  header: string[];
  rowKind: RowKind;
  records: RawRecord[];
  /** XLSX: the sheet read. */
  sheet?: string;
}

/** Define a property even if its name is '__proto__' (rows are keyed by header text from the file). */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value; // plain assignment keeps V8's fast object shapes
}
