/**
 * Loading the retention evidence: the observations table (CSV/XLSX/JSON through
 * `readTable` with `OBSERVATIONS_SCHEMA`) and the claimed deletion schedule (a JSON file).
 *
 * Bad input: every problem is reported as one EvidenceError naming file, line and column;
 * rows out of date order are accepted and SORTED by date (order carries no meaning here);
 * a repeated capture label is refused; `source_origin` above `inspected` is refused; an
 * observation after the stated `asOf` date is refused as future-dated (`asOf` is a parameter,
 * never the wall clock).
 *
 * @example
 * const obs = await loadObservations('datasets/retention/observations.csv', { asOf: '2015-12-31' });
 * const claim = await loadClaim('datasets/retention/claim.json');
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { EvidenceError, IssueCollector, type EvidenceIssue } from '../io/errors';
import type { ProvenanceEntry } from '../io/provenance';
import { sha256Bytes } from '../io/provenance';
import { readTable, type ReadTableOptions } from '../io/readTable';
import type { TableSchema } from '../io/schema';
import { DATE_PATTERN } from '../capacity/time';
import { validateClaim, type DeletionClaim, type RetentionObservation } from './claim';

export const OBSERVATIONS_SCHEMA = {
  name: 'retention-observations',
  description: 'Dated captures: records inspected and how many still showed source-platform data.',
  columns: [
    { name: 'date', type: 'string', pattern: DATE_PATTERN, description: 'YYYY-MM-DD (CST) of the capture' },
    { name: 'capture', type: 'string', unique: true, description: 'Label of the capture (e.g. notarial certificate)' },
    { name: 'inspected', type: 'integer', min: 1, description: 'Records inspected' },
    { name: 'source_origin', type: 'integer', min: 0, description: 'Records still showing source-platform data' },
    { name: 'note', type: 'string', required: false, nullable: true },
  ],
} as const satisfies TableSchema;

export interface LoadedObservations {
  observations: RetentionObservation[];
  provenance: ProvenanceEntry;
}

function rowNumber(format: string, i: number): { row: number; rowKind: EvidenceIssue['rowKind'] } {
  if (format === 'json') return { row: i + 1, rowKind: 'item' };
  if (format === 'jsonl') return { row: i + 1, rowKind: 'line' };
  if (format === 'xlsx') return { row: i + 2, rowKind: 'row' };
  return { row: i + 2, rowKind: 'line' };
}

/** Load and validate the observations; sorted by date. */
export async function loadObservations(path: string, options: ReadTableOptions & { asOf: string }): Promise<LoadedObservations> {
  if (!options.asOf || !DATE_PATTERN.test(options.asOf)) throw new RangeError('asOf (YYYY-MM-DD) is required: reports must not depend on the wall clock');
  const { rows, provenance } = await readTable<{ date: string; capture: string; inspected: number; source_origin: number; note: string | null }>(path, OBSERVATIONS_SCHEMA, options);
  const file = provenance.fileName;
  const issues = new IssueCollector();
  const out: RetentionObservation[] = [];
  rows.forEach((r, i) => {
    const where = rowNumber(provenance.format, i);
    if (r.source_origin > r.inspected) issues.add({ file, ...where, column: 'source_origin', value: r.source_origin, message: `more records of source-platform origin than inspected (${r.inspected})` });
    if (r.date > options.asOf) issues.add({ file, ...where, column: 'date', value: r.date, message: `future-dated: after the "as of" date ${options.asOf}` });
    out.push({ date: r.date, label: r.capture, inspected: r.inspected, sourceOrigin: r.source_origin, ...(r.note ? { note: r.note } : {}) });
  });
  issues.throwIfAny();
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { observations: out, provenance };
}

/**
 * Load a claimed deletion schedule from JSON:
 * `{ "contractEnd": "2014-08-31", "claimedBy": "...", "stages": [{ "date": "2014-11-30", "shareDeleted": 0.3, "note": "..." }] }`.
 */
export async function loadClaim(path: string): Promise<{ claim: DeletionClaim; sha256: string; fileName: string; bytes: number }> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new EvidenceError({ file: path, message: `cannot open: ${(err as Error).message}` });
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new EvidenceError({ file, message: `not valid JSON: ${(err as Error).message}` });
  }
  const o = json as Partial<DeletionClaim> & { stages?: unknown };
  if (typeof o !== 'object' || o === null || typeof o.contractEnd !== 'string' || !Array.isArray(o.stages)) {
    throw new EvidenceError({ file, message: 'expected an object with "contractEnd" (YYYY-MM-DD) and "stages" (an array)' });
  }
  const stages = (o.stages as unknown[]).map((s, i) => {
    const st = s as Record<string, unknown>;
    if (typeof st !== 'object' || st === null || typeof st.date !== 'string' || typeof st.shareDeleted !== 'number') {
      throw new EvidenceError({ file, row: i + 1, rowKind: 'item', column: 'stages', value: s, message: 'a stage needs "date" (YYYY-MM-DD) and "shareDeleted" (a number 0-1)' });
    }
    return { date: st.date, shareDeleted: st.shareDeleted, ...(typeof st.note === 'string' ? { note: st.note } : {}) };
  });
  const claim: DeletionClaim = { contractEnd: o.contractEnd, stages, ...(typeof o.claimedBy === 'string' ? { claimedBy: o.claimedBy } : {}) };
  try {
    validateClaim(claim);
  } catch (err) {
    throw new EvidenceError({ file, column: 'stages', message: (err as Error).message });
  }
  return { claim, sha256: sha256Bytes(bytes), fileName: file, bytes: bytes.length };
}
