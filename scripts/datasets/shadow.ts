/**
 * Writes datasets/shadow/ (SYNTHETIC address books for the non-user shadow-profile case)
 * deterministically: the same seed gives byte-identical files.
 * Run: npx tsx scripts/datasets/shadow.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTACTS_DATASET_SEED, contactsDatasetFiles } from '../../src/shadow/dataset';
import { generateContactsWorld } from '../../src/shadow/synthetic';

const out = process.argv[2] ?? join(__dirname, '..', '..', 'datasets', 'shadow');
mkdirSync(out, { recursive: true });
const world = generateContactsWorld({ seed: CONTACTS_DATASET_SEED });
const files = contactsDatasetFiles(world);
for (const [name, content] of Object.entries(files)) writeFileSync(join(out, name), content, 'utf8');
console.log(`wrote ${Object.keys(files).length} files to ${out} (target circle drawn ${world.target?.attempts} time(s))`);
