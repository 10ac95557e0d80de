/**
 * Linkage of profile TABLES (the expert's own files): the displayed profiles (no known
 * pairing) and the source-platform extract, read through `io.readTable` and prepared once with
 * the matching area's `prepareProfiles`; and the synthetic answer key.
 */
import type { ColumnMap } from '../io/columns';
import { readTable } from '../io';
import type { ProvenanceEntry, TableSchema } from '../io';
import { PROFILE_FIELD_COLUMNS, SOURCE_SCHEMA, UPLOADER_COLUMN, prepareProfiles } from '../matching/profile';
import type { PreparedProfile, ProfileFields, ProfileRow } from '../matching/profile';

/** Schema of the displayed table for linkage: like matching's, but with no source id (the pairing is unknown). */
export const LINKAGE_DISPLAYED_SCHEMA = {
  name: 'displayed profiles (pairing unknown)',
  description: 'Profiles as displayed by the accused app, one per row; which source account each came from is what linkage finds',
  columns: [
    { name: 'display_id', type: 'string', unique: true, description: 'id of the displayed profile (e.g. screenshot / capture number)' },
    UPLOADER_COLUMN,
    ...PROFILE_FIELD_COLUMNS,
  ],
} as const satisfies TableSchema;

/** Answer key of the synthetic data: which source account each displayed profile was copied from. */
export const LINKAGE_TRUTH_SCHEMA = {
  name: 'true links (synthetic answer key)',
  description: 'For synthetic data only: the source account each displayed profile was generated from',
  columns: [
    { name: 'display_id', type: 'string', unique: true },
    { name: 'source_id', type: 'string', nullable: true, description: 'empty = no source account (the profile was not copied from the extract)' },
  ],
} as const satisfies TableSchema;

/** A row of the displayed table: matching's profile fields under a display id. */
export interface DisplayedRow extends ProfileFields {
  display_id: string;
  uploader: string;
}

/** Displayed rows -> the matching area's ProfileRow (display_id as id). */
export function displayedAsProfiles(rows: readonly DisplayedRow[]): ProfileRow[] {
  return rows.map((r) => ({ id: r.display_id, uploader: r.uploader, name: r.name, avatar_hash: r.avatar_hash, employer: r.employer, title: r.title, school: r.school, tags: r.tags }));
}

export interface LinkageTables {
  displayed: PreparedProfile[];
  source: PreparedProfile[];
  displayedRows: DisplayedRow[];
  sourceRows: ProfileRow[];
  provenance: ProvenanceEntry[];
}

/** Read and prepare the displayed table and the source extract (CSV / XLSX / JSON, any supported encoding). */
export async function loadLinkageTables(displayedPath: string, sourcePath: string, options: { columns?: ColumnMap } = {}): Promise<LinkageTables> {
  const map = options.columns ? { columns: options.columns } : {};
  const d = await readTable(displayedPath, LINKAGE_DISPLAYED_SCHEMA, map);
  const s = await readTable(sourcePath, SOURCE_SCHEMA, map);
  const displayedRows = d.rows as unknown as DisplayedRow[];
  const sourceRows = s.rows as unknown as ProfileRow[];
  return {
    displayed: prepareProfiles(displayedAsProfiles(displayedRows), { file: d.provenance.fileName }),
    source: prepareProfiles(sourceRows, { file: s.provenance.fileName }),
    displayedRows,
    sourceRows,
    provenance: [d.provenance, s.provenance],
  };
}

/** Read the synthetic answer key: display_id -> source_id (rows with an empty source_id have no source and give no pair). */
export async function loadLinkageTruth(path: string): Promise<{ pairs: Map<string, string>; provenance: ProvenanceEntry }> {
  const t = await readTable(path, LINKAGE_TRUTH_SCHEMA);
  return { pairs: new Map(t.rows.filter((r) => r.source_id !== null).map((r) => [String(r.display_id), String(r.source_id)])), provenance: t.provenance };
}
