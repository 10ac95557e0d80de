/**
 * The text form of the synthetic linkage data (`syntheticProfileTables`), committed under
 * datasets/linkage/ and read by notebook 02 (SYNTHETIC: generator `generateLinkageData`).
 */
import Papa from 'papaparse';
import { PROFILE_FIELD_COLUMN_NAMES } from '../matching/profile';
import type { ProfileRow } from '../matching/profile';
import { deriveSeed, seededRandom } from '../stats/random';
import type { DisplayedRow } from './profileTables';
import type { LinkageData } from './synthetic';
import { generateLinkageData } from './synthetic';
import { TITLES, employerName, nameText, schoolName, tagsText } from './vocabulary';

function hex64(hi: number, lo: number): string {
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * Text tables of generated linkage data: displayed rows (three uploaders, as in notarial
 * certificate No. 704), source rows (matching's SOURCE_SCHEMA) and the answer key.
 */
export function syntheticProfileTables(data: LinkageData): { displayed: DisplayedRow[]; source: ProfileRow[]; truth: Array<{ display_id: string; source_id: string }> } {
  const ns = data.names;
  const rng = seededRandom(deriveSeed(data.params.seed, 'linkage-uploaders'));
  const width = (n: number) => String(Math.max(n - 1, 1)).length;
  const dId = (i: number) => `D${String(i + 1).padStart(width(data.displayed.size + 1), '0')}`;
  const sId = (j: number) => `S${String(j + 1).padStart(width(data.source.size + 1), '0')}`;
  const text = (t: LinkageData['displayed'], i: number) => {
    const c = t.columns;
    const av = c.avatar![i]!;
    const or = (s: string) => (s === '' ? null : s);
    return {
      name: or(nameText(c.name![i]!, ns)),
      avatar_hash: av < 0 ? null : hex64(data.avatarHi[av]!, data.avatarLo[av]!),
      employer: or(employerName(c.employer![i]!)),
      title: c.title![i]! < 0 ? null : TITLES[c.title![i]!]!,
      school: or(schoolName(c.school![i]!)),
      tags: or(tagsText(c.tags![i]!)),
    };
  };
  const displayed: DisplayedRow[] = [];
  for (let i = 0; i < data.displayed.size; i++) {
    displayed.push({ display_id: dId(i), uploader: `U${1 + Math.floor(rng() * 3)}`, ...text(data.displayed, i) });
  }
  const source: ProfileRow[] = [];
  for (let j = 0; j < data.source.size; j++) source.push({ id: sId(j), ...text(data.source, j) });
  const truth: Array<{ display_id: string; source_id: string }> = [];
  data.truth.forEach((j, i) => {
    if (j >= 0) truth.push({ display_id: dId(i), source_id: sId(j) });
  });
  return { displayed, source, truth };
}

/** Parameters of the committed dataset under datasets/linkage/. */
export const LINKAGE_DATASET_PARAMS = {
  displayed: 320,
  source: 3000,
  seed: 20140801,
  matchedShare: 0.8,
  decoyShare: 0.25,
  employers: 400,
  commonNameAccounts: 60,
} as const;

function csv(rows: ReadonlyArray<Record<string, unknown>>, columns: string[]): string {
  return Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
}

/**
 * The committed synthetic linkage dataset as file contents (deterministic): displayed.csv,
 * source.csv, truth.csv. `scripts/datasets/linkage.ts` writes them with a README.
 */
export function linkageDatasetFiles(params: typeof LINKAGE_DATASET_PARAMS = LINKAGE_DATASET_PARAMS): Record<string, string> {
  const data = generateLinkageData({ ...params });
  const t = syntheticProfileTables(data);
  const fields = PROFILE_FIELD_COLUMN_NAMES;
  return {
    'displayed.csv': csv(t.displayed as unknown as Record<string, unknown>[], ['display_id', 'uploader', ...fields]),
    'source.csv': csv(t.source as unknown as Record<string, unknown>[], ['id', ...fields]),
    'truth.csv': csv(t.truth, ['display_id', 'source_id']),
  };
}
