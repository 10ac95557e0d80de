/**
 * Conversion of one raw cell to its column type. Pure; returns the value or a message.
 *
 * - Empty: undefined, null, or text of only spaces -> EMPTY (the caller decides: null if the
 *   column is nullable, an error otherwise).
 * - string: text exactly as found; a number from JSON/XLSX becomes its decimal text, except
 *   an integer beyond ±2^53 (already rounded by the parser: the digits in the file are lost).
 * - integer / number: plain numbers only ('1,234' with a thousands separator is refused with
 *   a message; so are '12,5', '1e', 'NaN', 'Infinity'); integers must be within ±2^53.
 * - boolean: true/false (any case), 1/0, 是/否.
 * - date: YYYY-MM-DD or YYYY/MM/DD (month/day may have one digit), a real calendar day
 *   (zod's ISO date check), returned as 'YYYY-MM-DD'. XLSX date cells at midnight are accepted.
 * - datetime: ISO 8601 with seconds and a zone offset (zod's ISO datetime check, offset
 *   required), kept as the text given. XLSX date-time cells have no zone: accepted only with
 *   `xlsxUtcOffset` (e.g. '+08:00'), which states the zone the sheet's clock times were in.
 */
import { z } from 'zod';
import type { RawCell } from './raw';
import type { CellValue, ColumnSpec } from './schema';

export const EMPTY: unique symbol = Symbol('empty cell');

export type Converted = { ok: true; value: CellValue } | { ok: false; message: string } | typeof EMPTY;

export interface CellOptions {
  /** Zone for XLSX date-time cells in datetime columns, e.g. '+08:00' (Beijing time). */
  xlsxUtcOffset?: string;
}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?$/;
const DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const TRUE = new Set(['true', '1', '是']);
const FALSE = new Set(['false', '0', '否']);
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

const fail = (message: string): Converted => ({ ok: false, message });
const ok = (value: CellValue): Converted => ({ ok: true, value });

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function utcDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function hasTimeOfDay(d: Date): boolean {
  return d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0 || d.getUTCMilliseconds() !== 0;
}

function numberText(text: string): string | undefined {
  if (THOUSANDS.test(text)) {
    return `thousands separators are not accepted: write plain digits (e.g. ${text.replace(/[,，]/g, '')})`;
  }
  if (/^[+-]?\d+,\d+$/.test(text)) return "not a plain number (a decimal comma? write '.' as the decimal point)";
  return undefined;
}

/** The text a pattern/oneOf rule is tested against. */
export function cellText(raw: RawCell): string {
  if (typeof raw === 'string') return raw;
  if (raw instanceof Date) return raw.toISOString();
  return String(raw);
}

/** True for undefined, null and whitespace-only text. */
export function isEmptyCell(raw: RawCell): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Convert a raw cell to the column's type. */
export function convertCell(raw: RawCell, column: ColumnSpec, options: CellOptions = {}): Converted {
  if (raw === undefined || raw === null || isEmptyCell(raw)) return EMPTY;
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    return fail(`expected a single ${column.type} value, found a nested ${Array.isArray(raw) ? 'array' : 'object'}`);
  }
  switch (column.type) {
    case 'string':
      if (typeof raw === 'string') return ok(raw);
      if (typeof raw === 'number') {
        if (Number.isInteger(raw) && !Number.isSafeInteger(raw)) {
          return fail('an integer beyond ±2^53 stored as a number: digits were already lost; store ids as text');
        }
        return ok(String(raw));
      }
      if (typeof raw === 'boolean') return ok(String(raw));
      return ok(hasTimeOfDay(raw) ? raw.toISOString() : utcDate(raw));

    case 'integer': {
      if (typeof raw === 'number') {
        if (!Number.isInteger(raw)) return fail('not a whole number');
        if (!Number.isSafeInteger(raw)) return fail('integer beyond ±2^53 cannot be represented exactly; store it as text (string column)');
        return ok(raw);
      }
      if (typeof raw !== 'string') return fail(`expected an integer, found a ${raw instanceof Date ? 'date' : typeof raw}`);
      const text = raw.trim();
      if (INTEGER.test(text)) {
        const n = Number(text);
        if (!Number.isSafeInteger(n)) return fail('integer beyond ±2^53 cannot be represented exactly; declare the column as string');
        return ok(n === 0 ? 0 : n);
      }
      if (NUMBER.test(text)) return fail('not a whole number');
      return fail(numberText(text) ?? 'not an integer (plain digits expected)');
    }

    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : fail('not a finite number');
      if (typeof raw !== 'string') return fail(`expected a number, found a ${raw instanceof Date ? 'date' : typeof raw}`);
      const text = raw.trim();
      if (NUMBER.test(text)) {
        const n = Number(text);
        return Number.isFinite(n) ? ok(n === 0 ? 0 : n) : fail('number out of floating-point range');
      }
      return fail(numberText(text) ?? 'not a number (plain decimal like -12.5 or 1e3 expected)');
    }

    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      if (typeof raw === 'number') return raw === 1 ? ok(true) : raw === 0 ? ok(false) : fail('not a boolean (1 or 0 expected)');
      if (typeof raw !== 'string') return fail('expected a boolean, found a date');
      const text = raw.trim().toLowerCase();
      if (TRUE.has(text)) return ok(true);
      if (FALSE.has(text)) return ok(false);
      return fail('not a boolean (true/false, 1/0 or 是/否 expected)');
    }

    case 'date': {
      if (raw instanceof Date) {
        if (Number.isNaN(raw.getTime())) return fail('invalid date cell');
        if (hasTimeOfDay(raw)) return fail('date cell has a time of day; declare the column as datetime');
        return ok(utcDate(raw));
      }
      if (typeof raw === 'number') return fail('a number, not a date (an Excel serial date without a date format?)');
      if (typeof raw !== 'string') return fail('expected a date');
      const m = DATE.exec(raw.trim());
      if (!m) return fail('not a date (YYYY-MM-DD or YYYY/MM/DD expected)');
      const iso = `${m[1]}-${pad2(Number(m[3]))}-${pad2(Number(m[4]))}`;
      if (!isoDate.safeParse(iso).success) return fail(`no such calendar day (${iso})`);
      return ok(iso);
    }

    case 'datetime': {
      if (raw instanceof Date) {
        if (Number.isNaN(raw.getTime())) return fail('invalid date-time cell');
        const offset = options.xlsxUtcOffset;
        if (!offset) {
          return fail(
            "Excel date-time cells carry no time zone: pass options.xlsxUtcOffset (e.g. '+08:00') or store ISO text with an offset",
          );
        }
        // exceljs reads the sheet's wall-clock time into the UTC fields.
        const s =
          `${utcDate(raw)}T${pad2(raw.getUTCHours())}:${pad2(raw.getUTCMinutes())}:${pad2(raw.getUTCSeconds())}` +
          (raw.getUTCMilliseconds() ? `.${String(raw.getUTCMilliseconds()).padStart(3, '0')}` : '') +
          offset;
        return isoDateTime.safeParse(s).success ? ok(s) : fail(`bad xlsxUtcOffset '${offset}' (use e.g. '+08:00')`);
      }
      if (typeof raw !== 'string') return fail('expected an ISO 8601 date-time text');
      const text = raw.trim();
      if (isoDateTime.safeParse(text).success) return ok(text);
      if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
        return fail("date-time without a time zone: add the offset, e.g. '+08:00' for Beijing time (2014-08-01T10:00:00+08:00)");
      }
      return fail('not an ISO 8601 date-time with zone (e.g. 2014-08-01T10:00:00+08:00)');
    }
  }
}

/** Compare a converted value with a schema bound: negative if value < bound. */
export function compareToBound(value: CellValue, bound: number | string, column: ColumnSpec): number {
  if (column.type === 'datetime') return Date.parse(String(value)) - Date.parse(String(bound));
  if (typeof value === 'number' && typeof bound === 'number') return value - bound;
  const a = String(value);
  const b = String(bound);
  return a < b ? -1 : a > b ? 1 : 0;
}
