import type { ColumnMap } from '../io/columns';
/**
 * Load the two evidence tables with their provenance (`io.readTable` against
 * `DISPLAYED_SCHEMA` / `SOURCE_SCHEMA`), and the alias tables.
 */
import { basename } from 'node:path';
import { readTable } from '../io/readTable';
import type { ProvenanceEntry } from '../io/provenance';
import { DISPLAYED_SCHEMA, SOURCE_SCHEMA, type ProfileRow } from './profile';

export interface LoadedEvidence {
  displayed: ProfileRow[];
  source: ProfileRow[];
  provenance: ProvenanceEntry[];
  displayedFile: string;
  sourceFile: string;
}

/**
 * Read the displayed and source tables (CSV in UTF-8/GBK, XLSX, JSON, JSONL). Throws an
 * EvidenceError naming file, row and column for a missing column, a duplicate id, a bad
 * hash; never returns a partial table.
 */
export async function loadProfileTables(displayedPath: string, sourcePath: string, options: { columns?: ColumnMap } = {}): Promise<LoadedEvidence> {
  const map = options.columns ? { columns: options.columns } : {};
  const d = await readTable<ProfileRow>(displayedPath, DISPLAYED_SCHEMA, map);
  const s = await readTable<ProfileRow>(sourcePath, SOURCE_SCHEMA, map);
  return {
    displayed: d.rows, source: s.rows, provenance: [d.provenance, s.provenance],
    displayedFile: basename(displayedPath), sourceFile: basename(sourcePath),
  };
}
