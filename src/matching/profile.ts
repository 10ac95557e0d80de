/**
 * Profile records as compared by the matching module, the table schemas of the two evidence
 * files, and the prepared (normalised once) form the comparisons work on.
 *
 * Evidence files (CSV/XLSX/JSON, read with `io.readTable` against these schemas):
 * - displayed: one row per profile as the accused app displayed it (e.g. a screenshot
 *   transcribed from a notarised capture), with the `id` of the person on the source platform
 *   it is paired with and the `uploader` in whose network it appeared;
 * - source: one row per profile on the source platform (e.g. Weibo), keyed by `id`.
 * Every field but `id` may be empty (a field not shown / not filled in).
 */
import { rowNumberAt } from '../io/readTable';
import type { TableSchema } from '../io/schema';
import { EvidenceError, type EvidenceIssue } from '../io/errors';
import { codePoints, normalizeJobTitle, normalizeOrganization, normalizeSchool, normalizeText, pinyinOf, tokenizeTags, type AliasTable } from '../text';

/** The compared fields of a profile row, as in the files (null = empty). */
export interface ProfileFields {
  name: string | null;
  avatar_hash: string | null;
  employer: string | null;
  title: string | null;
  school: string | null;
  tags: string | null;
}

/** One profile row (displayed or source). `uploader` is only meaningful on the displayed side. */
export interface ProfileRow extends ProfileFields {
  id: string;
  uploader?: string | null;
}

/** The profile fields compared by default, in display order. */
export const PROFILE_FIELDS = ['avatar', 'name', 'employer', 'title', 'school', 'tags'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

const HEX_HASH = /^[0-9a-fA-F]+$/;

/** Columns of the compared fields, shared by every profile table schema (matching's and linkage's). */
export const PROFILE_FIELD_COLUMNS = [
  { name: 'name', type: 'string', nullable: true, description: 'name or nickname as shown' },
  { name: 'avatar_hash', type: 'string', nullable: true, pattern: HEX_HASH, description: 'perceptual hash of the avatar image, hexadecimal (e.g. 64-bit pHash/dHash = 16 hex digits)' },
  { name: 'employer', type: 'string', nullable: true, description: 'employer / company (occupation, part 1)' },
  { name: 'title', type: 'string', nullable: true, description: 'job title / position (occupation, part 2)' },
  { name: 'school', type: 'string', nullable: true, description: 'school (education)' },
  { name: 'tags', type: 'string', nullable: true, description: 'user tags, separated by , ， 、 ; | / # or spaces, or a JSON array' },
] as const;

/** Column names of the compared fields, in file order (name, avatar_hash, employer, title, school, tags). */
export const PROFILE_FIELD_COLUMN_NAMES: readonly string[] = PROFILE_FIELD_COLUMNS.map((c) => c.name);

/** The `uploader` column of a displayed table. */
export const UPLOADER_COLUMN = { name: 'uploader', type: 'string', description: 'the app user in whose network the profile was shown' } as const;

/** Schema of the displayed table (the accused app's display). */
export const DISPLAYED_SCHEMA = {
  name: 'displayed profiles',
  description: 'Profiles as displayed by the accused app, one per row, paired with the source profile by id',
  columns: [
    { name: 'id', type: 'string', unique: true, description: 'id of the paired source-platform profile' },
    UPLOADER_COLUMN,
    ...PROFILE_FIELD_COLUMNS,
  ],
} as const satisfies TableSchema;

/** Schema of the source table (the source platform's profiles). */
export const SOURCE_SCHEMA = {
  name: 'source profiles',
  description: 'Profiles on the source platform, one per row',
  columns: [
    { name: 'id', type: 'string', unique: true, description: 'profile id on the source platform' },
    ...PROFILE_FIELD_COLUMNS,
  ],
} as const satisfies TableSchema;

/** Alias / synonym tables used while preparing profiles. */
export interface PrepareOptions {
  schoolAliases?: AliasTable;
  jobTitleSynonyms?: AliasTable;
  employerAliases?: AliasTable;
  /**
   * Hashes of platform default avatars ("no photo" placeholders): treated as a missing
   * avatar, because two users showing the default picture says nothing about copying.
   */
  defaultAvatarHashes?: readonly string[];
}

export interface PreparedText {
  /** the value as written in the file, trimmed ('' when missing): for "exact before normalisation" */
  raw: string;
  /** normalizeText form ('' when missing) */
  text: string;
  /** field-specific canonical form (organisation / school / title normaliser) */
  key: string;
  /** code points of `key` */
  keyCodePoints: Int32Array;
}

export interface PreparedName {
  /** the name as written in the file, trimmed ('' when missing) */
  raw: string;
  text: string;
  /** toneless pinyin syllables, surname readings */
  syllables: string[];
  /** syllables joined by spaces */
  key: string;
  /** code points of `text` */
  codePoints: Int32Array;
}

/** A profile with every field normalised once, ready for many comparisons. */
export interface PreparedProfile {
  id: string;
  uploader: string | null;
  /** lower-case hex hash, or null (missing, or a declared default avatar) */
  avatar: string | null;
  name: PreparedName;
  employer: PreparedText;
  title: PreparedText;
  school: PreparedText;
  /** normalised tags, deduplicated, in file order */
  tags: string[];
  /** row index in the table it came from */
  row: number;
}

/** Normalise one row's fields (see src/text for each normaliser). */
export function prepareProfile(row: ProfileRow, index: number, options: PrepareOptions = {}, defaults?: ReadonlySet<string>): PreparedProfile {
  const defaultSet = defaults ?? new Set((options.defaultAvatarHashes ?? []).map((h) => h.toLowerCase()));
  const rawHash = row.avatar_hash == null ? '' : String(row.avatar_hash).trim().toLowerCase();
  const avatar = rawHash === '' || defaultSet.has(rawHash) ? null : rawHash;
  const nameText = normalizeText(row.name).replace(/\s+/gu, '');
  const syllables = nameText ? pinyinOf(nameText) : [];
  const text = (s: string | null | undefined, key: (s: string) => string): PreparedText => {
    const t = normalizeText(s);
    const k = t ? key(s as string) : '';
    return { raw: s == null ? '' : String(s).trim(), text: t, key: k, keyCodePoints: codePoints(k) };
  };
  return {
    id: String(row.id),
    uploader: row.uploader == null || row.uploader === '' ? null : String(row.uploader),
    avatar,
    name: { raw: row.name == null ? '' : String(row.name).trim(), text: nameText, syllables, key: syllables.join(' '), codePoints: codePoints(nameText) },
    employer: text(row.employer, (s) => normalizeOrganization(s, options.employerAliases)),
    title: text(row.title, (s) => (options.jobTitleSynonyms ? normalizeJobTitle(s, options.jobTitleSynonyms) : normalizeJobTitle(s))),
    school: text(row.school, (s) => (options.schoolAliases ? normalizeSchool(s, options.schoolAliases) : normalizeSchool(s))),
    tags: tokenizeTags(row.tags),
    row: index,
  };
}

/** Prepare a whole table; checks avatar hashes (hex, one length per table). */
export function prepareProfiles(rows: readonly ProfileRow[], options: PrepareOptions & { file?: string } = {}): PreparedProfile[] {
  const defaults = new Set((options.defaultAvatarHashes ?? []).map((h) => h.toLowerCase()));
  const file = options.file ?? 'table';
  const issues: EvidenceIssue[] = [];
  let hashLength = -1;
  const out: PreparedProfile[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const h = r.avatar_hash == null ? '' : String(r.avatar_hash).trim();
    if (h !== '') {
      if (!HEX_HASH.test(h)) issues.push({ file, row: rowNumberAt(rows, i), rowKind: 'line', column: 'avatar_hash', value: r.avatar_hash, message: 'not a hexadecimal hash' });
      else if (hashLength < 0) hashLength = h.length;
      else if (h.length !== hashLength) issues.push({ file, row: rowNumberAt(rows, i), rowKind: 'line', column: 'avatar_hash', value: r.avatar_hash, message: `hash has ${h.length} hex digits, earlier rows have ${hashLength}: hashes from different tools cannot be compared` });
    }
    out[i] = prepareProfile(r, i, options, defaults);
  }
  if (issues.length) throw new EvidenceError(issues);
  return out;
}
