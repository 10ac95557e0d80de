/**
 * THE time parser of the toolkit: every timestamp and date read from evidence (CSV, TSV, JSON,
 * XLSX cells) or given as an option (`--as-of`, claim dates) goes through `parseTimestamp` /
 * `parseCalendarDate` here, never through `Date.parse` or `new Date(text)` (which read text
 * without an offset in the MACHINE's time zone, and roll 2014-02-30 into March).
 *
 * Rules, the same for every input:
 * - zone: text without an offset is China Standard Time (UTC+8, no daylight saving time since
 *   1991), the zone of Weibo's and Maimai's logs and of the judgments; an offset ('Z',
 *   '+08:00', '+0800', '+08') is honoured. XLSX date cells carry no zone: exceljs puts the
 *   sheet's wall-clock reading into the UTC fields of a Date, which is read here as CST
 *   wall-clock time (`instantFromXlsxDate`, `wallClockText`).
 * - calendar: strict (2014-02-30, month 13, 24:00 refused, never rolled over).
 * - plausibility: every input declares the years it may fall in (`PlausibleYears`); the
 *   default `ANY_EVIDENCE_YEARS` (1970-2199) already refuses a year-0014 typo, loaders declare
 *   tighter ranges (`EVIDENCE_YEARS`, 2000-2099).
 * Errors are `TimeError`s (a RangeError) with a message naming the text; loaders turn them into
 * EvidenceErrors naming file, row and column, options into usage errors.
 *
 * Every instant inside the toolkit is a number of milliseconds (or seconds, in the streaming
 * reader) since 1970-01-01T00:00:00Z; calendar quantities (date, month, hour of day) are
 * always computed in a stated fixed offset, by default CST.
 *
 * Why it matters: a request at 2014-07-31T16:30:00Z is on 1 August in Beijing (00:30 CST);
 * counting months in UTC would move it into July and change the monthly totals the court
 * relied on.
 *
 * @example
 * parseTimestamp('2014-07-31 23:59:59')          // no offset => read as CST
 *   === Date.UTC(2014, 6, 31, 15, 59, 59)
 * parseTimestamp('2014-07-31T16:30:00Z')         // explicit UTC
 * parseTimestamp('0014-07-31 10:00')             // TimeError: year 14 outside 1970-2199
 * parseCalendarDate('2014/8/1')                  // '2014-08-01'
 * cstMonthKey(Date.UTC(2014, 6, 31, 16, 30))     // '2014-08'
 * monthBounds('2014-08')                         // [Date.UTC(2014,6,31,16), Date.UTC(2014,7,31,16))
 */

/** A time problem in some text; the message names the text. */
export class TimeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'TimeError';
  }
}

/** Years an input may plausibly fall in (inclusive); declared per input. */
export interface PlausibleYears {
  from: number;
  to: number;
  /** What the range is for, said in the message, e.g. 'evidence dates'. */
  label?: string;
}

/** Default for any date or instant: refuses typos such as year 0014 or 20144. */
export const ANY_EVIDENCE_YEARS: PlausibleYears = { from: 1970, to: 2199, label: 'any evidence date' };
/** Evidence of the two cases (logs, captures, uploads, claims, message dates): 2000-2099. */
export const EVIDENCE_YEARS: PlausibleYears = { from: 2000, to: 2099, label: 'evidence dates' };

/** The plausible years as schema bounds for a date column: { min: 'YYYY-01-01', max: 'YYYY-12-31' }. */
export function dateBounds(years: PlausibleYears): { min: string; max: string } {
  return { min: `${String(years.from).padStart(4, '0')}-01-01`, max: `${String(years.to).padStart(4, '0')}-12-31` };
}

function checkYear(year: number, text: string, years: PlausibleYears): void {
  if (year < years.from || year > years.to) {
    throw new TimeError(`implausible year ${year} in '${text}': ${years.label ?? 'this input'} must fall in ${years.from}-${years.to}`);
  }
}

/** Offset of China Standard Time from UTC, in minutes (UTC+8, no DST). */
export const CST_OFFSET_MINUTES = 480;

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

export interface ParseTimestampOptions {
  /** Offset (minutes east of UTC) applied when the text carries none. Default CST (+480). */
  defaultOffsetMinutes?: number;
  /** Plausible years of this input (default ANY_EVIDENCE_YEARS). */
  years?: PlausibleYears;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parse an ISO 8601 date or date-time ('YYYY-MM-DD', 'YYYY-MM-DD HH:mm[:ss[.fff]]', with 'T'
 * or a space, optional 'Z' or '+08:00' / '+0800' / '+08') into epoch milliseconds. Text
 * without an offset is read in `defaultOffsetMinutes` (CST by default) - never in the machine's
 * local zone. Throws a RangeError naming the text for anything else (impossible dates such as
 * 2014-02-30 included), so the caller can turn it into an EvidenceError with file/row/column.
 */
export function parseTimestamp(text: string, options: ParseTimestampOptions = {}): number {
  const s = text.trim();
  const m = ISO_RE.exec(s);
  if (!m) throw new TimeError(`not an ISO 8601 date or date-time (YYYY-MM-DD[ HH:mm[:ss]][offset]): '${text}'`);
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (month < 1 || month > 12) throw new TimeError(`month out of range in '${text}'`);
  if (day < 1 || day > daysInMonth(year, month)) throw new TimeError(`day out of range in '${text}' (no such calendar day)`);
  if (hour > 23 || minute > 59 || second > 59) throw new TimeError(`time out of range in '${text}'`);
  checkYear(year, text, options.years ?? ANY_EVIDENCE_YEARS);
  let offsetMinutes = options.defaultOffsetMinutes ?? CST_OFFSET_MINUTES;
  const z = m[8];
  if (z !== undefined) {
    if (z === 'Z' || z === 'z') offsetMinutes = 0;
    else {
      const sign = z[0] === '-' ? -1 : 1;
      const digits = z.slice(1).replace(':', '');
      const oh = +digits.slice(0, 2);
      const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
      if (oh > 14 || om > 59) throw new TimeError(`offset out of range in '${text}'`);
      offsetMinutes = sign * (oh * 60 + om);
    }
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(frac * 1000);
  return utc - offsetMinutes * MS_PER_MINUTE;
}

/** The offset written in a timestamp text, in minutes, or undefined when it has none. */
export function writtenOffsetMinutes(text: string): number | undefined {
  const m = ISO_RE.exec(text.trim());
  const z = m?.[8];
  if (z === undefined) return undefined;
  if (z === 'Z' || z === 'z') return 0;
  const digits = z.slice(1).replace(':', '');
  return (z[0] === '-' ? -1 : 1) * (+digits.slice(0, 2) * 60 + (digits.length > 2 ? +digits.slice(2, 4) : 0));
}

const CALENDAR_DATE_RE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

/**
 * A calendar day 'YYYY-MM-DD' (or 'YYYY/MM/DD', month and day with one or two digits),
 * strictly checked and within the plausible years; returned as 'YYYY-MM-DD'.
 *
 * @example
 * parseCalendarDate('2014/8/1')   // '2014-08-01'
 * parseCalendarDate('2014-02-30') // TimeError: no such calendar day
 */
export function parseCalendarDate(text: string, years: PlausibleYears = ANY_EVIDENCE_YEARS): string {
  const m = CALENDAR_DATE_RE.exec(text.trim());
  if (!m) throw new TimeError(`not a date YYYY-MM-DD: '${text}'`);
  const year = +m[1]!;
  const month = +m[3]!;
  const day = +m[4]!;
  const iso = `${m[1]}-${pad(month)}-${pad(day)}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new TimeError(`no such calendar day (${iso})`);
  checkYear(year, text, years);
  return iso;
}

/**
 * The instant of an XLSX date cell: exceljs reads the sheet's wall-clock time into the UTC
 * fields of a Date; the sheet's clock is CST unless `offsetMinutes` says otherwise.
 */
export function instantFromXlsxDate(date: Date, offsetMinutes = CST_OFFSET_MINUTES): number {
  return date.getTime() - offsetMinutes * MS_PER_MINUTE;
}

/** The wall-clock text of an XLSX date cell, without a zone: 'YYYY-MM-DDTHH:mm:ss[.SSS]'. */
export function wallClockText(date: Date): string {
  const ms = date.getUTCMilliseconds();
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    (ms ? `.${pad(ms, 3)}` : '')
  );
}

/**
 * An instant given as an option (e.g. `--as-of`), parsed by the same rules as evidence and
 * returned in a canonical form with the offset written out (CST when none was given), so no
 * later step can read it in the machine's zone: '2018-03-10' -> '2018-03-10T00:00:00+08:00'.
 * Throws a TimeError whose message starts with the option name; wrap it in the command's
 * usage error.
 *
 * @example
 * parseInstantOption('--as-of')('2018-03-10T00:00:00')   // '2018-03-10T00:00:00+08:00'
 * parseInstantOption('--as-of')('March 10, 2018')        // TimeError
 */
export function parseInstantOption(name: string, years: PlausibleYears = EVIDENCE_YEARS): (value: string) => string {
  return (value: string): string => {
    let ms: number;
    try {
      ms = parseTimestamp(value, { years });
    } catch (err) {
      throw new TimeError(`option ${name}: ${(err as Error).message}`);
    }
    const offset = writtenOffsetMinutes(value) ?? CST_OFFSET_MINUTES;
    return formatTimestamp(ms, offset, ms % 1000 !== 0);
  };
}

/** A calendar day given as an option (e.g. `--as-of` of retention), strictly checked: 'YYYY-MM-DD'. */
export function parseDateOption(name: string, years: PlausibleYears = EVIDENCE_YEARS): (value: string) => string {
  return (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) throw new TimeError(`option ${name} must be a date YYYY-MM-DD, got '${value}'`);
    try {
      return parseCalendarDate(value, years);
    } catch (err) {
      throw new TimeError(`option ${name}: ${(err as Error).message}`);
    }
  };
}

/** Number of days in a month of the proleptic Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Calendar fields of an instant in a fixed offset (default CST). */
export function calendarFields(
  ms: number,
  offsetMinutes = CST_OFFSET_MINUTES,
): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } {
  const d = new Date(ms + offsetMinutes * MS_PER_MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** 'YYYY-MM-DD' of an instant in a fixed offset (default CST). */
export function cstDateKey(ms: number, offsetMinutes = CST_OFFSET_MINUTES): string {
  const f = calendarFields(ms, offsetMinutes);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}

/** 'YYYY-MM' of an instant in a fixed offset (default CST). */
export function cstMonthKey(ms: number, offsetMinutes = CST_OFFSET_MINUTES): string {
  const f = calendarFields(ms, offsetMinutes);
  return `${f.year}-${pad(f.month)}`;
}

/** Hour of day 0-23 of an instant in a fixed offset (default CST). Fast path for hot loops. */
export function hourOfDay(ms: number, offsetMinutes = CST_OFFSET_MINUTES): number {
  const local = ms + offsetMinutes * MS_PER_MINUTE;
  const h = Math.floor(local / MS_PER_HOUR) % 24;
  return h < 0 ? h + 24 : h;
}

/** An ISO 8601 rendering of an instant with the offset written out, e.g. '2014-08-01T00:30:00+08:00'. */
export function formatTimestamp(ms: number, offsetMinutes = CST_OFFSET_MINUTES, withMillis = false): string {
  const f = calendarFields(ms, offsetMinutes);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  const millis = withMillis ? `.${pad(((ms % 1000) + 1000) % 1000, 3)}` : '';
  return `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${millis}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse 'YYYY-MM' into year and month, throwing a RangeError for anything else. */
export function parseMonthKey(key: string): { year: number; month: number } {
  const m = MONTH_RE.exec(key.trim());
  if (!m) throw new TimeError(`not a month 'YYYY-MM': '${key}'`);
  const year = +m[1]!;
  const month = +m[2]!;
  if (month < 1 || month > 12) throw new TimeError(`month out of range: '${key}'`);
  checkYear(year, key, ANY_EVIDENCE_YEARS);
  return { year, month };
}

/**
 * [start, end) in epoch ms of a calendar month in a fixed offset (default CST): the month
 * starts at local midnight of day 1, e.g. July 2014 in CST starts 2014-06-30T16:00:00Z.
 */
export function monthBounds(key: string, offsetMinutes = CST_OFFSET_MINUTES): [number, number] {
  const { year, month } = parseMonthKey(key);
  const off = offsetMinutes * MS_PER_MINUTE;
  return [Date.UTC(year, month - 1, 1) - off, Date.UTC(year, month, 1) - off];
}

/** [start, end) in epoch ms of a calendar day 'YYYY-MM-DD' in a fixed offset (default CST). */
export function dayBounds(key: string, offsetMinutes = CST_OFFSET_MINUTES): [number, number] {
  const m = DATE_RE.exec(key.trim());
  if (!m) throw new TimeError(`not a date 'YYYY-MM-DD': '${key}'`);
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new TimeError(`date out of range: '${key}' (no such calendar day)`);
  checkYear(year, key, ANY_EVIDENCE_YEARS);
  const start = Date.UTC(year, month - 1, day) - offsetMinutes * MS_PER_MINUTE;
  return [start, start + MS_PER_DAY];
}

/** Seconds in a calendar month (all months have whole days in a zone without DST). */
export function secondsInMonth(key: string): number {
  const { year, month } = parseMonthKey(key);
  return daysInMonth(year, month) * 86_400;
}

/** The months 'YYYY-MM' from `from` to `to` inclusive. */
export function monthRange(from: string, to: string): string[] {
  const a = parseMonthKey(from);
  const b = parseMonthKey(to);
  const out: string[] = [];
  let y = a.year;
  let mo = a.month;
  while (y < b.year || (y === b.year && mo <= b.month)) {
    out.push(`${y}-${pad(mo)}`);
    mo++;
    if (mo > 12) { mo = 1; y++; }
  }
  return out;
}

/** Validate a month key, returning it normalised; alias of parseMonthKey for schemas. */
export const MONTH_PATTERN = MONTH_RE;
export const DATE_PATTERN = DATE_RE;
