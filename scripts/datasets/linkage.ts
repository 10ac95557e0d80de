/**
 * Writes datasets/linkage/ (SYNTHETIC): displayed.csv, source.csv, truth.csv and README.md with
 * the SHA-256 of each file. Deterministic: `npx tsx scripts/datasets/linkage.ts` rewrites the
 * same bytes; test/linkage-dataset.test.ts checks the committed files against a regeneration.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Bytes, writeFileAtomic } from '../../src/io';
import { LINKAGE_DATASET_PARAMS, linkageDatasetFiles } from '../../src/linkage';

const out = process.argv[2] ?? join(__dirname, '..', '..', 'datasets', 'linkage');
mkdirSync(out, { recursive: true });

async function main(): Promise<void> {
  const files = linkageDatasetFiles();
  const rows = (s: string) => s.split('\n').length - 2;
  for (const [name, text] of Object.entries(files)) await writeFileAtomic(join(out, name), text);
  const p = LINKAGE_DATASET_PARAMS;
  const table = Object.entries(files)
    .map(([name, text]) => `| \`${name}\` | ${rows(text)} | ${Buffer.byteLength(text)} | \`${sha256Bytes(text)}\` |`)
    .join('\n');
  const readme = `# datasets/linkage — SYNTHETIC linkage evidence

**SYNTHETIC. No real person is described.** Names are drawn from surname shares and given-name
characters (see \`src/linkage/vocabulary.ts\`); employers, schools, avatars and tags are made up.

## What it imitates
Notarial certificate No. 704 in Weibo v. Maimai (../../../shared/case/FACTS.md, \`pp.caseFacts\`):
**3** app users uploaded their address books, and their first-degree networks showed **300+**
non-users whose avatar, name, occupation and tags were "the same or basically the same" as their
Weibo profiles. Here the pairing is NOT given: an expert holds the displayed profiles and an
extract of the source platform, and must find which account (if any) each profile came from.

| file | rows | bytes | SHA-256 |
|---|---|---|---|
${table}

- \`displayed.csv\` — ${p.displayed} profiles the app displayed (\`display_id\`, \`uploader\` U1-U3,
  name, avatar_hash (64-bit perceptual hash, hex), employer, title, school, tags). About
  ${Math.round(p.matchedShare * 100)}% were copied from an account in the extract, with the differences a copy shows:
  homophone re-typing (张伟 -> 张玮), the employer in another written form (registered name vs
  trade name), a re-encoded avatar (a few hash bits flipped), fields not shown, a nickname.
  The rest have no account in the extract.
- \`source.csv\` — ${p.source} accounts of the source platform (matching's \`SOURCE_SCHEMA\`), including
  look-alike decoys (same or same-sounding name, same city, sometimes the same employer, another
  avatar) for ${Math.round(p.decoyShare * 100)}% of the copied accounts, and ${p.commonNameAccounts} extra accounts named with the most
  common names (王/李/张 + 伟/芳/娜 ...).
- \`truth.csv\` — the answer key (display_id -> source_id), which a real case does not have; used
  only to check the linkage's stated error rates.

## Generator
\`src/linkage/synthetic.ts\` \`generateLinkageData\` with \`${JSON.stringify(p)}\`, turned into text
by \`src/linkage/profileDataset.ts\` \`syntheticProfileTables\` / \`linkageDatasetFiles\`; written by
\`npx tsx scripts/datasets/linkage.ts\`. Seed ${p.seed}. Regeneration test:
\`test/linkage-dataset.test.ts\`.
`;
  await writeFileAtomic(join(out, 'README.md'), readme);
  console.log(`wrote ${Object.keys(files).join(', ')}, README.md to ${out}`);
}
void main();
