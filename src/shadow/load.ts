/**
 * Loading uploaded address books and the platform's user table, with every phone number
 * normalised (`normalizePhone`) and replaced by its keyed hash (`createPhoneHasher`) as the
 * first step after reading: the returned tables hold no raw number, and nothing downstream
 * can print one. Invalid numbers are reported with file, row and column and a masked value;
 * by default they make the load fail (`onInvalid: 'throw'`), or they can be excluded and
 * listed (`'exclude'`). Service numbers (10086, 95588, 400-...) are not personal lines: they
 * are always excluded and listed.
 *
 * Rows: for CSV/TSV the row is the file line (header = line 1), as in `src/io`; a quoted field
 * spanning several lines would shift later line numbers (the synthetic data have none).
 *
 * @example
 * const hasher = pp.shadow.createPhoneHasher(key);      // key supplied by the analyst
 * const books = await pp.shadow.loadAddressBooks('../datasets/shadow/address_books.csv', { hasher, onInvalid: 'exclude' });
 * books.entries;        // number of entries kept
 * books.excluded[0];    // { file, row, column: 'phone', value: '*****86', kind: 'service', message }
 */
import { EvidenceError, readTable, type EvidenceIssue, type RowKind, type LoadedTable, type ProvenanceEntry, type ReadTableOptions, type TableSchema } from '../io';
import { parseTimestamp } from '../io/time';
import { tokenFromKey, type PhoneHasher } from './hash';
import { normalizePhone, type PhoneKind } from './phone';

export const ADDRESS_BOOK_SCHEMA = {
  name: 'address-books',
  description: 'Address-book entries uploaded by registered users: one row per saved number.',
  columns: [
    { name: 'uploader_id', type: 'string', pattern: /^\S+$/, description: 'Registered user who uploaded the book' },
    { name: 'saved_name', type: 'string', nullable: true, description: 'Name the uploader saved the number under' },
    { name: 'phone', type: 'string', description: 'Number as written in the book (normalised and hashed on load)' },
    { name: 'uploaded_at', type: 'datetime', min: '2000-01-01T00:00:00+08:00', max: '2099-12-31T23:59:59+08:00', description: 'Upload time, ISO 8601 (no offset = CST)' },
  ],
} as const satisfies TableSchema;

export const PLATFORM_USERS_SCHEMA = {
  name: 'platform-users',
  description: 'Registered users of the platform with their own number and profile.',
  columns: [
    { name: 'user_id', type: 'string', unique: true, pattern: /^\S+$/ },
    { name: 'name', type: 'string', description: 'Name on the profile' },
    { name: 'phone', type: 'string', description: "User's own number (hashed on load)" },
    { name: 'employer', type: 'string', nullable: true },
    { name: 'former_employer', type: 'string', nullable: true, required: false },
    { name: 'school', type: 'string', nullable: true, required: false },
    { name: 'registered_at', type: 'datetime', min: '2000-01-01T00:00:00+08:00', max: '2099-12-31T23:59:59+08:00' },
  ],
} as const satisfies TableSchema;

/** An entry left out on load (a type literal, so report tables accept it as a plain record). */
export type ExcludedNumber = {
  file: string;
  row?: number;
  rowKind?: RowKind;
  column: 'phone';
  /** The number as written, every digit but the last two masked. */
  value?: string;
  kind: 'service' | 'invalid';
  message: string;
};

export interface LoadContactsOptions {
  hasher: PhoneHasher;
  /** What to do with an invalid number: fail the load (default) or exclude and list it. */
  onInvalid?: 'throw' | 'exclude';
  read?: ReadTableOptions;
}

/** Address-book entries with hashed numbers (parallel arrays; entry e = index e). */
export interface AddressBooks {
  file: string;
  provenance: ProvenanceEntry;
  keyFingerprint: string;
  entries: number;
  uploaderId: string[];
  savedName: Array<string | null>;
  keyHi: Uint32Array;
  keyLo: Uint32Array;
  /** 0 mobile, 1 landline. */
  kind: Uint8Array;
  uploadedAt: Float64Array;
  /** Row (file line) of each entry in the source file. */
  row: Int32Array;
  excluded: ExcludedNumber[];
}

export interface PlatformUsers {
  file: string;
  provenance: ProvenanceEntry;
  keyFingerprint: string;
  count: number;
  userId: string[];
  name: string[];
  employer: Array<string | null>;
  formerEmployer: Array<string | null>;
  school: Array<string | null>;
  registeredAt: Float64Array;
  keyHi: Uint32Array;
  keyLo: Uint32Array;
  row: Int32Array;
  indexOf: Map<string, number>;
}

/** Mask a raw number for a message: every digit but the last two becomes '*'. */
export function maskRawNumber(s: string): string {
  const digits = (s.match(/\d/g) ?? []).length;
  let seen = 0;
  return s.replace(/\d/g, (d) => (++seen > digits - 2 ? d : '*'));
}

/** A date or date-time (2018-03-10, 2018/3/10, 2018-03-10T00:00:00+08:00): never a phone number. */
const DATE_LIKE = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * Mask phone-number-like digit runs in free text: 7 to 15 digits (a landline without area
 * code has 7, E.164 at most 15) with spaces, dashes or brackets, leaving dates, times and
 * short ids ('U000123', 'line 14') readable.
 */
export function maskDigitRuns(text: string): string {
  return text.replace(/\+?\d[\d\s\-()]{3,}\d/g, (m) => {
    const digits = (m.match(/\d/g) ?? []).length;
    if (digits < 7 || digits > 15 || DATE_LIKE.test(m.trim())) return m;
    return maskRawNumber(m);
  });
}

/** Row of data row i as the reader counted it (blank lines included); i + 2 / i + 1 only for rows given without numbers. */
function rowNumberOf(format: string, i: number, rowNumbers?: ArrayLike<number>): number {
  if (rowNumbers) return rowNumbers[i]!;
  return format === 'csv' || format === 'tsv' || format === 'xlsx' ? i + 2 : i + 1;
}

/** How `row` is counted for a file format (the io module's convention). */
export function rowKindFor(format: string): RowKind {
  return format === 'xlsx' ? 'row' : format === 'json' ? 'item' : 'line';
}

/** readTable, with any value or message that could hold a number masked in its errors. */
async function readMasked<T>(path: string, schema: TableSchema, options?: ReadTableOptions): Promise<LoadedTable<T>> {
  try {
    return await readTable<T>(path, schema, options);
  } catch (err) {
    if (!(err instanceof EvidenceError)) throw err;
    const issues = err.issues.map((i) => {
      const out: EvidenceIssue = { ...i, message: maskDigitRuns(i.message) };
      if ('value' in i) out.value = typeof i.value === 'string' ? maskDigitRuns(i.value) : i.value;
      return out;
    });
    throw new EvidenceError(issues, { truncated: err.truncated });
  }
}

interface BookRow { uploader_id: string; saved_name: string | null; phone: string; uploaded_at: string }
interface UserRow {
  user_id: string; name: string; phone: string; employer: string | null;
  former_employer: string | null; school: string | null; registered_at: string;
}

/** Load, validate, normalise and hash uploaded address books. */
export async function loadAddressBooks(path: string, options: LoadContactsOptions): Promise<AddressBooks> {
  const table = await readMasked<BookRow>(path, ADDRESS_BOOK_SCHEMA, options.read);
  return hashAddressBookRows(table.rows, table.provenance, options, table.rowNumbers);
}

/** The pure core of `loadAddressBooks`, for rows already read and schema-checked. */
export function hashAddressBookRows(rows: readonly BookRow[], provenance: ProvenanceEntry, options: LoadContactsOptions, rowNumbers?: ArrayLike<number>): AddressBooks {
  const { hasher } = options;
  const file = provenance.path;
  const n = rows.length;
  const keyHi = new Uint32Array(n), keyLo = new Uint32Array(n), kind = new Uint8Array(n);
  const uploadedAt = new Float64Array(n), row = new Int32Array(n);
  const uploaderId: string[] = [], savedName: Array<string | null> = [];
  const excluded: ExcludedNumber[] = [];
  const invalid: EvidenceIssue[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const line = rowNumberOf(provenance.format, i, rowNumbers);
    const p = normalizePhone(r.phone);
    if (!p.ok || p.kind === 'service') {
      const issue: ExcludedNumber = {
        file, row: line, rowKind: rowKindFor(provenance.format), column: 'phone', value: maskRawNumber(String(r.phone)),
        kind: p.ok ? 'service' : 'invalid',
        message: p.ok ? 'service number (not a personal line): excluded' : `invalid phone number: ${p.reason}`,
      };
      if (!p.ok && options.onInvalid !== 'exclude') invalid.push(issue);
      else excluded.push(issue);
      continue;
    }
    const key = hasher.hashE164(p.e164);
    keyHi[k] = key.hi;
    keyLo[k] = key.lo;
    kind[k] = p.kind === 'mobile' ? 0 : 1;
    uploadedAt[k] = parseTimestamp(r.uploaded_at);
    row[k] = line;
    uploaderId.push(r.uploader_id);
    // A number saved as the name (unnamed contacts) must not survive either.
    savedName.push(r.saved_name === null ? null : maskDigitRuns(r.saved_name.trim()));
    k++;
  }
  if (invalid.length) throw new EvidenceError(invalid.slice(0, 50), { truncated: invalid.length > 50 });
  return {
    file, provenance, keyFingerprint: hasher.fingerprint, entries: k, uploaderId, savedName,
    keyHi: keyHi.slice(0, k), keyLo: keyLo.slice(0, k), kind: kind.slice(0, k),
    uploadedAt: uploadedAt.slice(0, k), row: row.slice(0, k), excluded,
  };
}

/** Load the platform's registered users; every user's own number must be a valid personal number. */
export async function loadPlatformUsers(path: string, options: { hasher: PhoneHasher; read?: ReadTableOptions }): Promise<PlatformUsers> {
  const table = await readMasked<UserRow>(path, PLATFORM_USERS_SCHEMA, options.read);
  return hashUserRows(table.rows, table.provenance, options.hasher, table.rowNumbers);
}

export function hashUserRows(rows: readonly UserRow[], provenance: ProvenanceEntry, hasher: PhoneHasher, rowNumbers?: ArrayLike<number>): PlatformUsers {
  const file = provenance.path;
  const n = rows.length;
  const keyHi = new Uint32Array(n), keyLo = new Uint32Array(n), registeredAt = new Float64Array(n), row = new Int32Array(n);
  const issues: EvidenceIssue[] = [];
  const seen = new Map<string, number>();
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const line = rowNumberOf(provenance.format, i, rowNumbers);
    row[i] = line;
    const p = normalizePhone(r.phone);
    if (!p.ok || p.kind === 'service') {
      issues.push({ file, row: line, rowKind: rowKindFor(provenance.format), column: 'phone', value: maskRawNumber(String(r.phone)),
        message: p.ok ? "a service number cannot be a user's own number" : `invalid phone number: ${p.reason}` });
      continue;
    }
    const key = hasher.hashE164(p.e164);
    const token = tokenFromKey(key.hi, key.lo);
    const prev = seen.get(token);
    if (prev !== undefined) {
      issues.push({ file, row: line, rowKind: rowKindFor(provenance.format), column: 'phone', value: maskRawNumber(String(r.phone)),
        message: `same number as user on ${rowKindFor(provenance.format)} ${rowNumberOf(provenance.format, prev, rowNumbers)}` });
    }
    seen.set(token, i);
    keyHi[i] = key.hi;
    keyLo[i] = key.lo;
    registeredAt[i] = parseTimestamp(r.registered_at);
    indexOf.set(r.user_id, i);
  }
  if (issues.length) throw new EvidenceError(issues.slice(0, 50), { truncated: issues.length > 50 });
  return {
    file, provenance, keyFingerprint: hasher.fingerprint, count: n,
    userId: rows.map((r) => r.user_id), name: rows.map((r) => maskDigitRuns(r.name)),
    employer: rows.map((r) => r.employer), formerEmployer: rows.map((r) => r.former_employer ?? null),
    school: rows.map((r) => r.school ?? null), registeredAt, keyHi, keyLo, row, indexOf,
  };
}

export type { PhoneKind };
