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
import { basename } from 'node:path';
import { decodeText } from '../io/encoding';
import { EvidenceError, IssueCollector } from '../io/errors';
import { readEvidenceBytes } from '../io/evidenceFile';
import type { ProvenanceEntry } from '../io/provenance';
import { sha256Bytes } from '../io/provenance';
import { readTable, type ReadTableOptions } from '../io/readTable';
import type { TableSchema } from '../io/schema';
import { dateBounds, EVIDENCE_YEARS, parseCalendarDate, TimeError } from '../io/time';
import { validateClaim, type DeletionClaim, type RetentionObservation } from './claim';

export const OBSERVATIONS_SCHEMA = {
  name: 'retention-observations',
  description: 'Dated captures: records inspected and how many still showed source-platform data.',
  columns: [
    { name: 'date', type: 'date', ...dateBounds(EVIDENCE_YEARS), description: 'YYYY-MM-DD (CST) of the capture, a real calendar day' },
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

/** Load and validate the observations; sorted by date. */
export async function loadObservations(path: string, options: ReadTableOptions & { asOf: string }): Promise<LoadedObservations> {
  if (!options.asOf) throw new TimeError('asOf (YYYY-MM-DD) is required: reports must not depend on the wall clock');
  const asOf = parseCalendarDate(options.asOf, EVIDENCE_YEARS);
  const table = await readTable<{ date: string; capture: string; inspected: number; source_origin: number; note: string | null }>(path, OBSERVATIONS_SCHEMA, options);
  const { rows, provenance } = table;
  const file = provenance.fileName;
  const issues = new IssueCollector();
  const out: RetentionObservation[] = [];
  rows.forEach((r, i) => {
    const where = { row: table.rowNumbers[i]!, rowKind: table.rowKind };
    if (r.source_origin > r.inspected) issues.add({ file, ...where, column: 'source_origin', value: r.source_origin, message: `more records of source-platform origin than inspected (${r.inspected})` });
    if (r.date > asOf) issues.add({ file, ...where, column: 'date', value: r.date, message: `future-dated: after the "as of" date ${asOf}` });
    out.push({ date: r.date, label: r.capture, inspected: r.inspected, sourceOrigin: r.source_origin, ...(r.note ? { note: r.note } : {}) });
  });
  issues.throwIfAny();
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { observations: out, provenance };
}

/**
 * Load a claimed deletion schedule from JSON, through the evidence reader (regular file, size
 * limit, encoding detected as for tables, SHA-256 of the exact bytes):
 * `{ "contractEnd": "2014-08-31", "claimedBy": "...", "stages": [{ "date": "2014-11-30", "shareDeleted": 0.3, "note": "..." }] }`.
 * Dates are strict calendar days in plausible years (src/io/time); problems name the stage.
 */
export async function loadClaim(path: string): Promise<{ claim: DeletionClaim; sha256: string; fileName: string; provenance: ProvenanceEntry }> {
  const file = basename(path);
  const bytes = readEvidenceBytes(path);
  if (bytes.length === 0) throw new EvidenceError({ file, message: 'file is empty (0 bytes)' });
  const decoded = decodeText(bytes, { fileName: file });
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (err) {
    throw new EvidenceError({ file, message: `not valid JSON: ${(err as Error).message}` });
  }
  const o = json as Partial<DeletionClaim> & { stages?: unknown };
  if (typeof o !== 'object' || o === null || Array.isArray(o) || typeof o.contractEnd !== 'string' || !Array.isArray(o.stages)) {
    throw new EvidenceError({ file, message: 'expected an object with "contractEnd" (YYYY-MM-DD) and "stages" (an array)' });
  }
  const day = (text: string, where: { row?: number; column: string }): string => {
    try {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new TimeError(`not a date YYYY-MM-DD: '${text}'`);
      return parseCalendarDate(text, EVIDENCE_YEARS);
    } catch (err) {
      throw new EvidenceError({ file, ...(where.row !== undefined ? { row: where.row, rowKind: 'item' as const } : {}), column: where.column, value: text, message: (err as Error).message });
    }
  };
  const contractEnd = day(o.contractEnd, { column: 'contractEnd' });
  const stages = (o.stages as unknown[]).map((s, i) => {
    const st = s as Record<string, unknown>;
    if (typeof st !== 'object' || st === null || typeof st.date !== 'string' || typeof st.shareDeleted !== 'number') {
      throw new EvidenceError({ file, row: i + 1, rowKind: 'item', column: 'stages', value: s, message: 'a stage needs "date" (YYYY-MM-DD) and "shareDeleted" (a number 0-1)' });
    }
    return { date: day(st.date, { row: i + 1, column: 'stages.date' }), shareDeleted: st.shareDeleted, ...(typeof st.note === 'string' ? { note: st.note } : {}) };
  });
  const claim: DeletionClaim = { contractEnd, stages, ...(typeof o.claimedBy === 'string' ? { claimedBy: o.claimedBy } : {}) };
  try {
    validateClaim(claim);
  } catch (err) {
    throw new EvidenceError({ file, column: 'stages', message: (err as Error).message });
  }
  const sha256 = sha256Bytes(bytes);
  const provenance: ProvenanceEntry = {
    path, fileName: file, bytes: bytes.byteLength, sha256, rows: stages.length, columns: ['contractEnd', 'claimedBy', 'stages'],
    extraColumns: Object.keys(o).filter((k) => !['contractEnd', 'claimedBy', 'stages'].includes(k)), encoding: decoded.encoding,
    format: 'json', schema: 'deletion-claim', loadedAt: new Date().toISOString(),
  };
  return { claim, sha256, fileName: file, provenance };
}
