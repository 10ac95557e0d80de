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
 * - date: YYYY-MM-DD or YYYY/MM/DD (month/day may have one digit), a real calendar day in
 *   plausible years (`parseCalendarDate` of ./time), returned as 'YYYY-MM-DD'. XLSX date cells
 *   at midnight are accepted.
 * - datetime: ISO 8601 read by `parseTimestamp` of ./time (the one parser): text with an
 *   offset is kept as given; text without one is China Standard Time and comes back with
 *   '+08:00' written out. XLSX date-time cells are the sheet's wall-clock time in CST (or in
 *   `xlsxUtcOffset` when given, e.g. '+00:00' for a sheet kept in UTC).
 * - string: an XLSX date cell becomes its wall-clock text without a zone
 *   ('2014-08-01T10:30:00'; a date alone at midnight), which the time parser reads as CST.
 */
import { ANY_EVIDENCE_YEARS, CST_OFFSET_MINUTES, formatTimestamp, parseCalendarDate, parseTimestamp, wallClockText, writtenOffsetMinutes } from './time';
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
const TRUE = new Set(['true', '1', '是']);
const FALSE = new Set(['false', '0', '否']);

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
  if (raw instanceof Date) return hasTimeOfDay(raw) ? wallClockText(raw) : utcDate(raw);
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
      if (typeof raw === 'string') {
        // A NUL (e.g. a JSON "\u0000" escape) would make two different ids look alike on screen.
        return raw.includes('\u0000') ? fail('NUL character (U+0000) in text: not a printable value') : ok(raw);
      }
      if (typeof raw === 'number') {
        if (Number.isInteger(raw) && !Number.isSafeInteger(raw)) {
          return fail('an integer beyond ±2^53 stored as a number: digits were already lost; store ids as text');
        }
        return ok(String(raw));
      }
      if (typeof raw === 'boolean') return ok(String(raw));
      // exceljs holds the sheet's wall clock in the UTC fields: no 'Z' (it is not UTC).
      return ok(hasTimeOfDay(raw) ? wallClockText(raw) : utcDate(raw));

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
      try {
        return ok(parseCalendarDate(raw, ANY_EVIDENCE_YEARS));
      } catch (err) {
        return fail((err as Error).message);
      }
    }

    case 'datetime': {
      if (raw instanceof Date) {
        if (Number.isNaN(raw.getTime())) return fail('invalid date-time cell');
        const offsetText = options.xlsxUtcOffset ?? '+08:00';
        const offset = writtenOffsetMinutes(`2000-01-01T00:00:00${offsetText}`);
        if (offset === undefined) return fail(`bad xlsxUtcOffset '${offsetText}' (use e.g. '+08:00')`);
        // exceljs reads the sheet's wall-clock time into the UTC fields: that clock is CST
        // unless the caller states another zone.
        const text = wallClockText(raw) + offsetText;
        try {
          parseTimestamp(text);
        } catch (err) {
          return fail((err as Error).message);
        }
        return ok(text);
      }
      if (typeof raw !== 'string') return fail('expected an ISO 8601 date-time text');
      const text = raw.trim();
      let ms: number;
      try {
        ms = parseTimestamp(text);
      } catch (err) {
        return fail((err as Error).message);
      }
      if (writtenOffsetMinutes(text) !== undefined) return ok(text);
      // No offset: China Standard Time, written out so no later step reads it in another zone.
      return ok(formatTimestamp(ms, CST_OFFSET_MINUTES, ms % 1000 !== 0));
    }
  }
}

/** Compare a converted value with a schema bound: negative if value < bound. */
export function compareToBound(value: CellValue, bound: number | string, column: ColumnSpec): number {
  if (column.type === 'datetime') return parseTimestamp(String(value)) - parseTimestamp(String(bound));
  if (typeof value === 'number' && typeof bound === 'number') return value - bound;
  const a = String(value);
  const b = String(bound);
  return a < b ? -1 : a > b ? 1 : 0;
}
