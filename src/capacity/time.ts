/**
 * Timestamps with explicit time zones. Every instant inside the toolkit is a number of
 * milliseconds (or seconds, in the streaming reader) since 1970-01-01T00:00:00Z; calendar
 * quantities (date, month, hour of day) are always computed in a stated fixed offset, by
 * default China Standard Time (UTC+8, no daylight saving time since 1991), the time zone in
 * which Weibo's and Maimai's logs and the judgment's "per month" figures are expressed.
 *
 * Why it matters: a request at 2014-07-31T16:30:00Z is on 1 August in Beijing (00:30 CST);
 * counting months in UTC would move it into July and change the monthly totals the court
 * relied on.
 *
 * @example
 * parseTimestamp('2014-07-31 23:59:59')          // no offset => read as CST
 *   === Date.UTC(2014, 6, 31, 15, 59, 59)
 * parseTimestamp('2014-07-31T16:30:00Z')         // explicit UTC
 * cstMonthKey(Date.UTC(2014, 6, 31, 16, 30))     // '2014-08'
 * monthBounds('2014-08')                         // [Date.UTC(2014,6,31,16), Date.UTC(2014,7,31,16))
 */

/** Offset of China Standard Time from UTC, in minutes (UTC+8, no DST). */
export const CST_OFFSET_MINUTES = 480;

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

export interface ParseTimestampOptions {
  /** Offset (minutes east of UTC) applied when the text carries none. Default CST (+480). */
  defaultOffsetMinutes?: number;
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
  if (!m) throw new RangeError(`not an ISO 8601 date or date-time: '${text}'`);
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (month < 1 || month > 12) throw new RangeError(`month out of range in '${text}'`);
  if (day < 1 || day > daysInMonth(year, month)) throw new RangeError(`day out of range in '${text}'`);
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`time out of range in '${text}'`);
  let offsetMinutes = options.defaultOffsetMinutes ?? CST_OFFSET_MINUTES;
  const z = m[8];
  if (z !== undefined) {
    if (z === 'Z' || z === 'z') offsetMinutes = 0;
    else {
      const sign = z[0] === '-' ? -1 : 1;
      const digits = z.slice(1).replace(':', '');
      const oh = +digits.slice(0, 2);
      const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
      if (oh > 14 || om > 59) throw new RangeError(`offset out of range in '${text}'`);
      offsetMinutes = sign * (oh * 60 + om);
    }
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(frac * 1000);
  return utc - offsetMinutes * MS_PER_MINUTE;
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
  if (!m) throw new RangeError(`not a month 'YYYY-MM': '${key}'`);
  const year = +m[1]!;
  const month = +m[2]!;
  if (month < 1 || month > 12) throw new RangeError(`month out of range: '${key}'`);
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
  if (!m) throw new RangeError(`not a date 'YYYY-MM-DD': '${key}'`);
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`date out of range: '${key}'`);
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
