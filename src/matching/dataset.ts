/**
 * Write the committed synthetic evidence set `datasets/matching/` deterministically:
 * displayed.csv, source.csv, truth.csv (the generator's ground truth: NOT evidence),
 * school-aliases.csv, employer-aliases.csv, job-title-synonyms.csv and a README stating
 * SYNTHETIC, what it imitates, the generator, the seed and the SHA-256 of each file.
 * Same options => byte-identical files (tested).
 */
import { sha256Bytes } from '../io/provenance';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DEFAULT_JOB_TITLE_SYNONYM_PAIRS } from '../text/jobTitle';
import { DEFAULT_SCHOOL_ALIAS_PAIRS } from '../text/school';
import { generateSyntheticEvidence, type SyntheticOptions } from './generator';
import { PROFILE_FIELD_COLUMN_NAMES } from './profile';
import { EMPLOYER_ALIAS_PAIRS } from './vocab';

export const MATCHING_DATASET_FILES = [
  'displayed.csv', 'source.csv', 'truth.csv', 'school-aliases.csv', 'employer-aliases.csv', 'job-title-synonyms.csv',
] as const;

function csv(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  const data = rows.map((r) => columns.map((c) => (r[c] == null ? '' : String(r[c]))));
  return Papa.unparse({ fields: [...columns], data }, { newline: '\n' }) + '\n';
}

const sha256 = sha256Bytes;

/** The files' contents (name -> text), README last. */
export function buildMatchingDataset(options: SyntheticOptions = {}): Map<string, string> {
  const ev = generateSyntheticEvidence(options);
  const files = new Map<string, string>();
  const profileCols = PROFILE_FIELD_COLUMN_NAMES;
  files.set('displayed.csv', csv(ev.displayed as unknown as Record<string, unknown>[], ['id', 'uploader', ...profileCols]));
  files.set('source.csv', csv(ev.source as unknown as Record<string, unknown>[], ['id', ...profileCols]));
  files.set('truth.csv', csv(ev.truth as unknown as Record<string, unknown>[], ['id', 'uploader', 'copied', 'noise']));
  const pairs = (ps: ReadonlyArray<readonly [string, string]>) => ps.map(([alias, canonical]) => ({ alias, canonical }));
  files.set('school-aliases.csv', csv(pairs(DEFAULT_SCHOOL_ALIAS_PAIRS), ['alias', 'canonical']));
  files.set('employer-aliases.csv', csv(pairs(EMPLOYER_ALIAS_PAIRS), ['alias', 'canonical']));
  files.set('job-title-synonyms.csv', csv(pairs(DEFAULT_JOB_TITLE_SYNONYM_PAIRS), ['alias', 'canonical']));
  const o = ev.options;
  const copied = ev.truth.filter((t) => t.copied).length;
  const byUploader = new Map<string, number>();
  for (const t of ev.truth) byUploader.set(t.uploader, (byUploader.get(t.uploader) ?? 0) + 1);
  const hashes = [...files].map(([name, text]) => `| \`${name}\` | ${text.split('\n').length - 2} | \`${sha256(text)}\` |`).join('\n');
  const readme = `# datasets/matching: SYNTHETIC evidence set for notarial certificate No. 704

**SYNTHETIC. Every profile here is generated; no row describes a real person.**

## What it imitates
Notarial certificate No. 704 in Weibo v. Maimai (Beijing IP Court (2016) Jing 73 Min Zhong
No. 588; see \`../shared/case/FACTS.md\`): **3** Maimai users uploaded their address books; their
first-degree networks showed **300+** non-Maimai users whose avatar, name, occupation and tags
were "the same or basically the same" (相同或基本相同) as their Weibo profiles.

- \`displayed.csv\`: what the accused app displayed: ${ev.displayed.length} non-users in the networks of
  ${o.uploaders} uploaders (${[...byUploader].map(([u, k]) => `${u}: ${k}`).join(', ')}), each paired by \`id\` with a
  source-platform profile. Columns: id, uploader, name, avatar_hash (64-bit perceptual hash,
  16 hex digits), employer, title, school, tags.
- \`source.csv\`: the source platform's profiles as captured at trial: the ${ev.displayed.length} paired
  profiles plus ${o.extraSource} others from the same population (they widen the coincidence
  baseline). Users on the platform's default avatar carry its hash \`${ev.defaultAvatarHash}\`:
  declare it as a default avatar (treated as missing).
- \`truth.csv\`: the generator's ground truth (copied or not, noise applied). NOT evidence:
  for checking the method only. ${copied} of ${ev.truth.length} displayed profiles were copied.
- \`school-aliases.csv\`, \`employer-aliases.csv\`, \`job-title-synonyms.csv\`: editable alias tables
  (columns alias, canonical) used by the normalisers; an expert replaces or extends them.

Copy noise in the display: avatars re-encoded (0-12 hash bits flipped), names converted from
traditional to simplified or (rarely) re-typed with a homophone, registered company names
shown in everyday form, title synonyms, school abbreviations, tag lists cut to
${o.noise.tagsShownMax}, fields missing; the source changed after the copy (stale employer/title, tags
added or dropped). Non-copied profiles keep the person's name (from an address book) and
take every other field from the population.

## Generator
\`src/matching/generator.ts\` \`generateSyntheticEvidence(options)\`, written by
\`src/matching/dataset.ts\` \`buildMatchingDataset\` through \`npx tsx scripts/datasets/matching.ts\`.
Seed **${o.seed}**; options: uploaders ${o.uploaders}, displayed ${o.displayed}, extraSource ${o.extraSource},
copiedShare ${o.copiedShare}, traditionalShare ${o.traditionalShare}, defaultAvatarShare ${o.defaultAvatarShare}.
Surname frequencies after the Ministry of Public Security's 2019 national name report (top 10;
smooth continuation below); vocabularies in \`src/matching/vocab.ts\`.
\`test/matching-dataset.test.ts\` regenerates the set and checks the bytes are identical.

## Files and SHA-256
| file | rows | SHA-256 |
|---|---|---|
${hashes}
`;
  files.set('README.md', readme);
  return files;
}

/** Write the set into `dir` (created if needed); returns the file names written. */
export function writeMatchingDataset(dir: string, options: SyntheticOptions = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const files = buildMatchingDataset(options);
  for (const [name, text] of files) writeFileSync(join(dir, name), text, 'utf8');
  return [...files.keys()];
}
