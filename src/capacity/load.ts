/**
 * Loading access logs at any grain, with validation. Tabular files (CSV/TSV/XLSX/JSON/JSONL)
 * go through `readTable` from src/io with a declared schema, then through the checks below;
 * request-level files too big to load go through the streaming reader in ./stream.
 *
 * Grains and files:
 * - request level (`REQUEST_LOG_SCHEMA`): one row per request, columns `timestamp` (ISO 8601;
 *   text without an offset is read as China Standard Time, UTC+8) and `account`;
 * - per account per day (`DAILY_COUNTS_SCHEMA`): `account`, `date` (YYYY-MM-DD, a CST day),
 *   `visits` (integer >= 0);
 * - per account per month (`MONTHLY_COUNTS_SCHEMA`): `account`, `month` (YYYY-MM, a CST
 *   month), `visits` (integer >= 0).
 *
 * What each loader does with bad input (never a partial result: an EvidenceError names the
 * file, line and column):
 * | problem | loadRequestLog | loadDailyCounts / loadMonthlyCounts |
 * |---|---|---|
 * | rows out of time order | SORTS (stable) by default and reports `outOfOrder`; `order: 'refuse'` throws | order is irrelevant; rows come back sorted by account, period |
 * | duplicate rows | REFUSES by default (same account and same timestamp text); `duplicates: 'keep'` keeps and counts them, `'drop'` drops the repeats | a repeated (account, period) is always REFUSED (sum or replace? the file must say) |
 * | future-dated rows (after `asOf`) | REFUSED | REFUSED (a period starting after asOf); a period that ends after asOf is kept and listed in `partialPeriods` |
 * | negative / non-integer counts | - | REFUSED by the schema (min 0, integer) |
 * | unparseable timestamps / dates | REFUSED | REFUSED |
 *
 * `asOf` is required and is the reference for "future": a date ('2015-06-30' = up to the
 * end of that CST day) or a date-time with offset. It is a parameter, never the wall clock,
 * so the same inputs give the same report on any day.
 *
 * @example
 * const log = await loadRequestLog('datasets/capacity/requests-2014-07.csv', { asOf: '2015-12-31' });
 * log.accounts             // ['淘友网', '脉脉']
 * accountTimestamps(log, '脉脉')   // Float64Array of epoch seconds, sorted
 * const m = await loadMonthlyCounts('datasets/capacity/monthly-visits.csv', { asOf: '2015-12-31' });
 */
import { IssueCollector, type RowKind } from '../io/errors';
import type { ProvenanceEntry } from '../io/provenance';
import { readTable, type ReadTableOptions } from '../io/readTable';
import type { TableSchema } from '../io/schema';
import { cstDateKey, cstMonthKey, dayBounds, DATE_PATTERN, EVIDENCE_YEARS, MONTH_PATTERN, monthBounds, monthRange, parseCalendarDate, parseTimestamp, CST_OFFSET_MINUTES } from '../io/time';

export const REQUEST_LOG_SCHEMA = {
  name: 'access-log-requests',
  description: 'One row per request: when (ISO 8601; no offset = CST, UTC+8) and by which account.',
  columns: [
    { name: 'timestamp', type: 'string', pattern: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/, description: 'ISO 8601 date-time; offset optional (default CST)' },
    { name: 'account', type: 'string', description: 'Account that made the request' },
  ],
} as const satisfies TableSchema;

export const DAILY_COUNTS_SCHEMA = {
  name: 'access-log-daily',
  description: 'Requests per account per calendar day (CST).',
  columns: [
    { name: 'account', type: 'string' },
    { name: 'date', type: 'string', pattern: DATE_PATTERN, description: 'YYYY-MM-DD, a day in CST' },
    { name: 'visits', type: 'integer', min: 0, description: 'Requests (page visits) that day' },
  ],
} as const satisfies TableSchema;

export const MONTHLY_COUNTS_SCHEMA = {
  name: 'access-log-monthly',
  description: 'Requests per account per calendar month (CST).',
  columns: [
    { name: 'account', type: 'string' },
    { name: 'month', type: 'string', pattern: MONTH_PATTERN, description: 'YYYY-MM, a month in CST' },
    { name: 'visits', type: 'integer', min: 0, description: 'Requests (page visits) that month' },
  ],
} as const satisfies TableSchema;

export interface LoadLogOptions extends ReadTableOptions {
  /** The "as of" date or date-time: rows after it are future-dated and refused. Required. */
  asOf: string;
  /** Offset (minutes) for timestamps without one, and for calendar days/months. Default CST (+480). */
  offsetMinutes?: number;
}

export interface RequestLogOptions extends LoadLogOptions {
  /** Rows out of time order: 'sort' (default, stable) or 'refuse'. */
  order?: 'sort' | 'refuse';
  /** Rows repeating an earlier row's account and timestamp: 'refuse' (default), 'keep' or 'drop'. */
  duplicates?: 'refuse' | 'keep' | 'drop';
}

export interface RequestLog {
  /** Epoch milliseconds, sorted ascending. */
  timeMs: Float64Array;
  /** Index into `accounts` of each request. */
  accountIndex: Int32Array;
  /** Distinct accounts, sorted. */
  accounts: string[];
  offsetMinutes: number;
  asOfMs: number;
  provenance: ProvenanceEntry;
  diagnostics: {
    rows: number;
    /** Rows earlier than the row above them in the file (0 when the file was sorted). */
    outOfOrder: number;
    /** Whether the loader sorted the rows. */
    sorted: boolean;
    /** Repeated (account, timestamp) rows found, and what was done with them. */
    duplicates: number;
    duplicatePolicy: 'refuse' | 'keep' | 'drop';
  };
}

export interface CountRow {
  account: string;
  /** 'YYYY-MM-DD' (daily) or 'YYYY-MM' (monthly), in CST. */
  period: string;
  visits: number;
  /** Line (or row) of the file the count came from. */
  line: number;
}

export interface CountLog {
  grain: 'day' | 'month';
  /** Sorted by account, then period. */
  rows: CountRow[];
  accounts: string[];
  offsetMinutes: number;
  asOfMs: number;
  provenance: ProvenanceEntry | null;
  diagnostics: {
    /** Periods (any account) that end after asOf: counts may be incomplete. */
    partialPeriods: string[];
    /** Periods between an account's first and last period with no row. */
    missingPeriods: Array<{ account: string; period: string }>;
  };
}

/**
 * The end of the "as of" reference, in epoch ms (exclusive): a date means the whole of that
 * day in the given offset; a date-time means that instant (+1 ms, so the instant itself counts).
 */
export function asOfInstant(asOf: string, offsetMinutes = CST_OFFSET_MINUTES): number {
  if (typeof asOf !== 'string' || asOf.trim() === '') throw new RangeError('asOf is required (a date YYYY-MM-DD or an ISO date-time): reports must not depend on the wall clock');
  const s = asOf.trim();
  if (DATE_PATTERN.test(s)) return dayBounds(parseCalendarDate(s, EVIDENCE_YEARS), offsetMinutes)[1];
  return parseTimestamp(s, { defaultOffsetMinutes: offsetMinutes, years: EVIDENCE_YEARS }) + 1;
}

/** Where data row i (0-based) is in its file: the reader's row number (blank lines counted). */
function rowLocator(table: { rowNumbers: Int32Array; rowKind: RowKind }): (i: number) => { row: number; rowKind: RowKind } {
  return (i) => ({ row: table.rowNumbers[i]!, rowKind: table.rowKind });
}

/** Load a request-level access log (see the module comment for what is refused or sorted). */
export async function loadRequestLog(path: string, options: RequestLogOptions): Promise<RequestLog> {
  const offset = options.offsetMinutes ?? CST_OFFSET_MINUTES;
  const asOfMs = asOfInstant(options.asOf, offset);
  const order = options.order ?? 'sort';
  const dupPolicy = options.duplicates ?? 'refuse';
  const table = await readTable<{ timestamp: string; account: string }>(path, REQUEST_LOG_SCHEMA, options);
  const { rows, provenance } = table;
  const rowNumber = rowLocator(table);
  const file = provenance.fileName;
  const issues = new IssueCollector();
  const n = rows.length;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const where = rowNumber(i);
    try {
      t[i] = parseTimestamp(r.timestamp, { defaultOffsetMinutes: offset, years: EVIDENCE_YEARS });
    } catch (err) {
      if (!issues.add({ file, ...where, column: 'timestamp', value: r.timestamp, message: (err as Error).message })) break;
      continue;
    }
    if (t[i]! >= asOfMs) {
      if (!issues.add({ file, ...where, column: 'timestamp', value: r.timestamp, message: `future-dated: after the "as of" reference ${options.asOf}` })) break;
    }
  }
  issues.throwIfAny();
  let outOfOrder = 0;
  for (let i = 1; i < n; i++) {
    if (t[i]! < t[i - 1]!) {
      outOfOrder++;
      if (order === 'refuse') {
        issues.add({ file, ...rowNumber(i), column: 'timestamp', value: rows[i]!.timestamp, message: `out of time order: earlier than the row above (${rows[i - 1]!.timestamp}); order: 'refuse' was requested` });
        if (issues.full) break;
      }
    }
  }
  issues.throwIfAny();
  // duplicates: same account, same instant
  const seen = new Map<string, number>();
  const keep = new Uint8Array(n).fill(1);
  let duplicates = 0;
  for (let i = 0; i < n; i++) {
    const key = `${rows[i]!.account}\u0000${t[i]!}`;
    const first = seen.get(key);
    if (first === undefined) { seen.set(key, i); continue; }
    duplicates++;
    if (dupPolicy === 'drop') keep[i] = 0;
    if (dupPolicy === 'refuse') {
      const a = rowNumber(first);
      if (!issues.add({ file, ...rowNumber(i), column: 'timestamp', value: rows[i]!.timestamp, message: `duplicate of ${a.rowKind} ${a.row} (same account '${rows[i]!.account}' and instant); pass duplicates: 'keep' or 'drop' to accept` })) break;
    }
  }
  issues.throwIfAny();
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) idx.push(i);
  if (outOfOrder) idx.sort((a, b) => t[a]! - t[b]! || a - b);
  const accounts = [...new Set(rows.map((r) => r.account))].sort();
  const accountId = new Map(accounts.map((a, i) => [a, i]));
  const timeMs = new Float64Array(idx.length);
  const accountIndex = new Int32Array(idx.length);
  idx.forEach((src, j) => {
    timeMs[j] = t[src]!;
    accountIndex[j] = accountId.get(rows[src]!.account)!;
  });
  return {
    timeMs,
    accountIndex,
    accounts,
    offsetMinutes: offset,
    asOfMs,
    provenance,
    diagnostics: { rows: n, outOfOrder, sorted: outOfOrder > 0, duplicates, duplicatePolicy: dupPolicy },
  };
}

/** Sorted epoch SECONDS of one account's requests (for the rate analysis). */
export function accountTimestamps(log: RequestLog, account: string): Float64Array {
  const id = log.accounts.indexOf(account);
  if (id < 0) throw new RangeError(`no account '${account}' in the log (accounts: ${log.accounts.join(', ')})`);
  let n = 0;
  for (let i = 0; i < log.accountIndex.length; i++) if (log.accountIndex[i] === id) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < log.accountIndex.length; i++) if (log.accountIndex[i] === id) out[j++] = log.timeMs[i]! / 1000;
  return out;
}

async function loadCounts(path: string, grain: 'day' | 'month', options: LoadLogOptions): Promise<CountLog> {
  const offset = options.offsetMinutes ?? CST_OFFSET_MINUTES;
  const asOfMs = asOfInstant(options.asOf, offset);
  const schema = grain === 'day' ? DAILY_COUNTS_SCHEMA : MONTHLY_COUNTS_SCHEMA;
  const col = grain === 'day' ? 'date' : 'month';
  const table = await readTable<Record<string, string | number>>(path, schema, options);
  const { rows, provenance } = table;
  const rowNumber = rowLocator(table);
  const file = provenance.fileName;
  const issues = new IssueCollector();
  const out: CountRow[] = [];
  const seen = new Map<string, number>();
  const partial = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const where = rowNumber(i);
    const period = String(r[col]);
    let bounds: [number, number];
    try {
      parseCalendarDate(grain === 'day' ? period : `${period}-01`, EVIDENCE_YEARS);
      bounds = grain === 'day' ? dayBounds(period, offset) : monthBounds(period, offset);
    } catch (err) {
      if (!issues.add({ file, ...where, column: col, value: period, message: (err as Error).message })) break;
      continue;
    }
    if (bounds[0] >= asOfMs) {
      if (!issues.add({ file, ...where, column: col, value: period, message: `future-dated: the ${grain} starts after the "as of" reference ${options.asOf}` })) break;
      continue;
    }
    if (bounds[1] > asOfMs) partial.add(period);
    const account = String(r.account);
    const key = `${account}\u0000${period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const a = rowNumber(first);
      if (!issues.add({ file, ...where, column: col, value: period, message: `duplicate: account '${account}' already has a count for ${period} at ${a.rowKind} ${a.row} (sum or replace? the file must say)` })) break;
      continue;
    }
    seen.set(key, i);
    out.push({ account, period, visits: Number(r.visits), line: where.row });
  }
  issues.throwIfAny();
  return finishCounts(out, grain, offset, asOfMs, provenance, [...partial].sort());
}

function finishCounts(out: CountRow[], grain: 'day' | 'month', offset: number, asOfMs: number, provenance: ProvenanceEntry | null, partialPeriods: string[]): CountLog {
  out.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const accounts = [...new Set(out.map((r) => r.account))];
  const missingPeriods: Array<{ account: string; period: string }> = [];
  for (const account of accounts) {
    const mine = out.filter((r) => r.account === account).map((r) => r.period);
    const have = new Set(mine);
    const all = grain === 'month' ? monthRange(mine[0]!, mine[mine.length - 1]!) : dayRange(mine[0]!, mine[mine.length - 1]!, offset);
    for (const p of all) if (!have.has(p)) missingPeriods.push({ account, period: p });
  }
  return { grain, rows: out, accounts, offsetMinutes: offset, asOfMs, provenance, diagnostics: { partialPeriods, missingPeriods } };
}

function dayRange(from: string, to: string, offset: number): string[] {
  const out: string[] = [];
  const end = dayBounds(to, offset)[0];
  for (let t = dayBounds(from, offset)[0]; t <= end; t += 86_400_000) out.push(cstDateKey(t, offset));
  return out;
}

/** Load per-account daily counts (see the module comment). */
export function loadDailyCounts(path: string, options: LoadLogOptions): Promise<CountLog> {
  return loadCounts(path, 'day', options);
}

/** Load per-account monthly counts (see the module comment). */
export function loadMonthlyCounts(path: string, options: LoadLogOptions): Promise<CountLog> {
  return loadCounts(path, 'month', options);
}

/**
 * Aggregate a request-level log to counts per account per CST day or month (periods with no
 * request are absent). The result is what `loadDailyCounts`/`loadMonthlyCounts` would give for
 * a file of those counts, so request-level and aggregated evidence can be compared.
 */
export function aggregateRequests(log: RequestLog, grain: 'day' | 'month'): CountLog {
  const key = grain === 'day' ? cstDateKey : cstMonthKey;
  const counts = new Map<string, number>();
  for (let i = 0; i < log.timeMs.length; i++) {
    const k = `${log.accounts[log.accountIndex[i]!]}\u0000${key(log.timeMs[i]!, log.offsetMinutes)}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const rows: CountRow[] = [...counts].map(([k, visits]) => {
    const [account, period] = k.split('\u0000') as [string, string];
    return { account, period, visits, line: 0 };
  });
  return finishCounts(rows, grain, log.offsetMinutes, log.asOfMs, null, []);
}

/** Total visits of the given accounts (default all) over periods in [from, to] (inclusive keys). */
export function visitsInPeriod(counts: CountLog, from: string, to: string, accounts?: readonly string[]): number {
  let s = 0;
  for (const r of counts.rows) {
    if (accounts && !accounts.includes(r.account)) continue;
    if (r.period >= from && r.period <= to) s += r.visits;
  }
  return s;
}

