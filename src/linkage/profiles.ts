/**
 * Linkage of profile TABLES (the expert's own files): displayed profiles with no known pairing,
 * and a source-platform extract. Records are the matching area's `PreparedProfile`s (every
 * field normalised once by `prepareProfiles`), compared with the matching area's declared
 * comparisons (`defaultComparisons`: avatar, name, employer, title, school, tags, each with
 * levels same / basically the same / different / missing), blocked by the rules below.
 *
 * Also: the text form of the synthetic data (`syntheticProfileTables`) that is committed under
 * datasets/linkage/ and read by notebook 02.
 */
import type { ColumnMap } from '../io/columns';
import Papa from 'papaparse';
import { readTable } from '../io';
import type { ProvenanceEntry, TableSchema } from '../io';
import { defaultComparisons } from '../matching/levels';
import { PROFILE_FIELD_COLUMNS, PROFILE_FIELD_COLUMN_NAMES, SOURCE_SCHEMA, UPLOADER_COLUMN, prepareProfiles } from '../matching/profile';
import type { PreparedProfile, ProfileFields, ProfileRow } from '../matching/profile';
import type { Comparison } from '../compare/comparison';
import { deriveSeed, seededRandom } from '../stats/random';
import { maskName } from '../report/mask';
import { oneToOneGreedy } from './assign';
import type { BlockingRule } from './blocking';
import { levelWeight } from './estimate';
import { linkRecords } from './pipeline';
import { matchWeightFromProbability, tfAdjustment } from './score';
import type { LinkageData } from './synthetic';
import { generateLinkageData } from './synthetic';
import { TITLES, employerName, nameText, schoolName, tagsText } from './vocabulary';

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

/** Blocking rules on prepared profiles: name, pinyin initials + employer, school + surname, avatar-hash prefix. */
export function profileBlockingRules(options: { avatarPrefixHex?: number; schoolOnly?: boolean } = {}): BlockingRule<PreparedProfile>[] {
  const hex = options.avatarPrefixHex ?? 5;
  const rules: BlockingRule<PreparedProfile>[] = [
    { name: 'name', description: 'same normalised name (NFKC, simplified, no spaces)', key: (p) => p.name.text || null },
    {
      name: 'initials+employer',
      description: 'same pinyin initials of the name and the same normalised employer (region, industry, legal form stripped)',
      key: (p) => (p.name.syllables.length && p.employer.key ? `${p.name.syllables.map((s) => s[0]).join('')}|${p.employer.key}` : null),
    },
    {
      name: 'school+surname',
      description: 'same normalised school and same first character of the name',
      key: (p) => (p.school.key && p.name.text ? `${p.school.key}|${[...p.name.text][0]}` : null),
    },
    {
      name: 'avatar-prefix',
      description: `same first ${hex * 4} bits (${hex} hex digits) of the avatar perceptual hash`,
      key: (p) => (p.avatar ? p.avatar.slice(0, hex) : null),
    },
  ];
  if (options.schoolOnly) {
    rules.push({ name: 'school', description: 'same normalised school alone (explodes: one university pairs everyone from it)', key: (p) => p.school.key || null });
  }
  return rules;
}

/** The matching area's default comparisons (avatar, name, employer, title, school, tags). */
export function profileComparisons(): Comparison<PreparedProfile>[] {
  return defaultComparisons();
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

export interface ProfileLinkOptions {
  seed: number;
  /** Random pairs for u (default 50,000: enough for u, quick on text comparisons). */
  uPairs?: number;
  /** Blocking cap (default 5,000,000 pairs for text comparisons). */
  maxPairs?: number;
  /** TF adjustment on the name (default true). */
  termFrequency?: boolean;
  /** Posterior probability from which a pair may be linked (default 0.5). */
  linkThreshold?: number;
  labels?: import('./evaluate').TrueLinks;
}

export interface ProfileLinkRun {
  result: import('./pipeline').LinkageResult;
  assignment: import('./assign').Assignment;
  /** Probability of the accepted pair of each displayed profile, NaN when none. */
  probabilityOfLeft: Float64Array;
  /** Candidate-pair index of the accepted pair of each displayed profile, -1 when none. */
  pairOfLeft: Int32Array;
  linkThreshold: number;
}

/**
 * Link prepared displayed profiles to a prepared source extract (matching's comparisons,
 * `profileBlockingRules`, u from random pairs, EM, TF on the name), then greedy one-to-one
 * at `linkThreshold`.
 */
export function linkProfileTables(
  tables: { displayed: PreparedProfile[]; source: PreparedProfile[] },
  options: ProfileLinkOptions,
): ProfileLinkRun {
  const linkThreshold = options.linkThreshold ?? 0.5;
  const result = linkRecords(tables.displayed, tables.source, profileComparisons(), profileBlockingRules(), {
    seed: options.seed,
    // The notebook's and the CLI's stated method (their captions say "u from N random pairs").
    u: 'random-pairs',
    uPairs: options.uPairs ?? 50_000,
    maxPairs: options.maxPairs ?? 5_000_000,
    termFrequency: options.termFrequency === false ? [] : ['name'],
    labels: options.labels,
  });
  const assignment = oneToOneGreedy(
    result.pairs, result.scores.matchWeight,
    { left: tables.displayed.length, right: tables.source.length }, matchWeightFromProbability(linkThreshold),
  );
  const pairOfLeft = new Int32Array(tables.displayed.length).fill(-1);
  const probabilityOfLeft = new Float64Array(tables.displayed.length).fill(NaN);
  for (const p of assignment.accepted) {
    pairOfLeft[result.pairs.left[p]!] = p;
    probabilityOfLeft[result.pairs.left[p]!] = result.scores.probability[p]!;
  }
  return { result, assignment, probabilityOfLeft, pairOfLeft, linkThreshold };
}

/**
 * One row per displayed profile: its linked source account (if any), the posterior probability
 * and a status: 'confident' (>= confidentThreshold), 'probable' (>= the link threshold) or
 * 'no source account found'. Names are masked (`maskName`) unless `unmasked`.
 */
export function linkedProfileRows(
  tables: { displayed: PreparedProfile[]; source: PreparedProfile[]; displayedRows: DisplayedRow[]; sourceRows: ProfileRow[] },
  run: ProfileLinkRun,
  options: { confidentThreshold: number; unmasked?: boolean },
): Array<Record<string, unknown>> {
  const show = (s: string | null | undefined) => (options.unmasked ? (s ?? '') : maskName(s ?? ''));
  return tables.displayedRows.map((d, i) => {
    const p = run.pairOfLeft[i]!;
    const j = p >= 0 ? run.result.pairs.right[p]! : -1;
    const prob = run.probabilityOfLeft[i]!;
    return {
      display_id: d.display_id,
      uploader: d.uploader,
      'displayed name': show(d.name),
      'source account': j >= 0 ? tables.sourceRows[j]!.id : '',
      'source name': j >= 0 ? show(tables.sourceRows[j]!.name) : '',
      probability: Number.isNaN(prob) ? null : prob,
      'match weight': p >= 0 ? run.result.scores.matchWeight[p]! : null,
      status: j < 0 ? 'no source account found' : prob >= options.confidentThreshold ? 'confident' : 'probable',
    };
  });
}

/**
 * How the name term-frequency adjustment moved linked pairs: for accepted pairs whose names
 * agree, the name, how many source accounts carry it, and log2(u / tf(name)). Most common first.
 */
export function nameFrequencyRows(
  tables: { displayed: PreparedProfile[]; source: PreparedProfile[] },
  run: ProfileLinkRun,
  options: { limit?: number; unmasked?: boolean } = {},
): Array<Record<string, unknown>> {
  const r = run.result;
  const f = r.model.fields.findIndex((x) => x.name === 'name');
  if (f < 0 || !r.tf.fields[f]) return [];
  const inSource = new Map<string, number>();
  for (const p of tables.source) if (p.name.text) inSource.set(p.name.text, (inSource.get(p.name.text) ?? 0) + 1);
  const seen = new Set<string>();
  const rows: Array<Record<string, unknown>> = [];
  const F = r.model.fields.length;
  for (const p of run.assignment.accepted) {
    const level = r.gamma[p * F + f]!;
    const name = tables.displayed[r.pairs.left[p]!]!.name.text;
    if (seen.has(name) || level !== r.tf.fields[f]!.level) continue;
    seen.add(name);
    rows.push({
      name: options.unmasked ? name : maskName(name),
      'source accounts with this name': inSource.get(name) ?? 0,
      'name weight without TF': levelWeight(r.model, f, level),
      'TF adjustment log2(u / tf)': tfAdjustment(r.model, r.tf, f, level, r.pairs.left[p]!, r.pairs.right[p]!),
    });
  }
  rows.sort((a, b) => (b['source accounts with this name'] as number) - (a['source accounts with this name'] as number));
  const limit = options.limit ?? 5;
  return rows.length <= 2 * limit ? rows : [...rows.slice(0, limit), ...rows.slice(-limit)];
}
