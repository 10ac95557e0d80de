/**
 * Writes datasets/retention/ (SYNTHETIC claimed deletion schedule and observations) deterministically.
 * Run: npx tsx scripts/datasets/retention.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRetentionDataset, RETENTION_DATASET_SEED } from '../../src/retention/datasets';

const out = process.argv[2] ?? join(__dirname, '..', '..', 'datasets', 'retention');
mkdirSync(out, { recursive: true });
const files = generateRetentionDataset(RETENTION_DATASET_SEED);
for (const [name, content] of Object.entries(files)) writeFileSync(join(out, name), content, 'utf8');
console.log(`wrote ${Object.keys(files).length} files to ${out}`);
