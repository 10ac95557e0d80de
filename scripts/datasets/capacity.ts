/**
 * Writes datasets/capacity/ (SYNTHETIC calibrated access logs) deterministically.
 * Run: npx tsx scripts/datasets/capacity.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateLogsDataset, LOGS_DATASET_SEED } from '../../src/capacity/datasets';

const out = process.argv[2] ?? join(__dirname, '..', '..', 'datasets', 'capacity');
mkdirSync(out, { recursive: true });
const files = generateLogsDataset(LOGS_DATASET_SEED);
for (const [name, content] of Object.entries(files)) writeFileSync(join(out, name), content, 'utf8');
console.log(`wrote ${Object.keys(files).length} files to ${out}`);
