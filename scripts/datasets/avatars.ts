/**
 * Writes datasets/avatars/ deterministically: images, manifest.csv, robustness fixtures and
 * their manifest, thresholds.json (the robustness measurement behind DEFAULT_THRESHOLDS) and
 * README.md with SHA-256 figures.
 *
 *   npx tsx scripts/datasets/avatars.ts [outDir] [--no-measure]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AVATAR_DATASET_SEED, writeAvatarDataset } from '../../src/avatars/dataset';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = resolve(args.find((a) => !a.startsWith('--')) ?? join(__dirname, '..', '..', 'datasets', 'avatars'));
  const measure = !args.includes('--no-measure');
  rmSync(join(out, 'images'), { recursive: true, force: true });
  rmSync(join(out, 'robustness'), { recursive: true, force: true });
  const t0 = Date.now();
  const summary = await writeAvatarDataset(out, {
    seed: AVATAR_DATASET_SEED,
    measure,
    write: (path, bytes) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
    },
    log: (m) => console.log(m),
  });
  console.log(`wrote ${summary.files} files (${(summary.bytes / 1024).toFixed(0)} KiB) to ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`manifest.csv sha256 ${summary.manifestSha256}; images combined ${summary.combinedSha256}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
