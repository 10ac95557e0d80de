/**
 * Writes the `similarity` entry of datasets/avatars/thresholds.json: the one avatar similarity
 * rule's threshold as notebook 03 measures it on the committed set (chosen on the tuning half,
 * error rates on the test half). Run: npx tsx scripts/datasets/avatars-similarity.ts
 * (then node scripts/dataset-metadata.mjs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AVATARS_DEFAULTS, analyseAvatars, loadAvatarsEvidence } from '../../src/avatars';

async function main(): Promise<void> {
  const dir = join(__dirname, '..', '..', 'datasets', 'avatars');
  const evidence = await loadAvatarsEvidence({ manifest: join(dir, 'manifest.csv') });
  const r = await analyseAvatars(evidence, AVATARS_DEFAULTS);
  const path = join(dir, 'thresholds.json');
  const json = JSON.parse(readFileSync(path, 'utf8'));
  json.similarity = {
    description: 'The one avatar similarity rule (src/avatars/similarity.ts AVATAR_SIMILARITY): crop-tolerant pHash; threshold chosen on the tuning half of the reference avatars, error rates on the test half (notebook 03); regenerate with npx tsx scripts/datasets/avatars-similarity.ts',
    seed: AVATARS_DEFAULTS.seed,
    maxFalseMatchRate: AVATARS_DEFAULTS.maxFalseMatchRate,
    threshold: r.chosen.tolerant.threshold,
    choice: r.chosen.tolerant,
    plainChoice: r.chosen.plain,
    measurement: r.measurement,
    cropTable: r.cropTable,
    falseMatch: r.falseMatch,
  };
  writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
  console.log(`threshold ${r.chosen.tolerant.threshold}`);
}
void main();
