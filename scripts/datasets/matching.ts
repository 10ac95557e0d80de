/**
 * Regenerate the committed synthetic evidence set datasets/matching/ (deterministic).
 * Usage: npx tsx scripts/datasets/matching.ts [outDir]
 */
import { join } from 'node:path';
import { writeMatchingDataset } from '../../src/matching/dataset';

const out = process.argv[2] ?? join(__dirname, '..', '..', 'datasets', 'matching');
const files = writeMatchingDataset(out);
console.log(`wrote ${files.length} files to ${out}: ${files.join(', ')}`);
