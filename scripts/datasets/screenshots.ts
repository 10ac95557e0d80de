/**
 * Writes datasets/screenshots/ deterministically: images/card-NNN.jpg, manifest.csv, truth.csv,
 * calibration.json (OCR of a separate calibration set; skip with --no-calibration) and README.md
 * with SHA-256 figures. Needs Chromium and Debian's fonts-noto-cjk.
 *
 *   npx tsx scripts/datasets/screenshots.ts [outDir] [--no-calibration]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildScreenshotCards, calibrationCards, calibrationJson, CALIBRATION_CARDS, EVIDENCE_CARDS, sha256Of } from '../../src/screenshots/writeDataset';
import { SCREENSHOTS_DATASET_SEED, CARD_SCALES } from '../../src/screenshots/dataset';
import { parseLayoutTemplate } from '../../src/screenshots/template';
import { createOcrEngine } from '../../src/screenshots/ocr';
import { screenshotsReadme } from '../../src/screenshots/readme';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const root = join(__dirname, '..', '..');
  const out = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'datasets', 'screenshots'));
  const t0 = Date.now();
  const { files, cards } = await buildScreenshotCards(root);
  const templateText = readFileSync(join(root, 'datasets', 'screenshots', 'maimai-card.yaml'), 'utf8');
  if (!args.includes('--no-calibration')) {
    const cal = await calibrationCards(root, new Set(cards.map((c) => c.truth.id)));
    const engine = await createOcrEngine('paddle');
    files.set('calibration.json', Buffer.from(await calibrationJson(cal, parseLayoutTemplate(templateText, 'maimai-card.yaml'), engine, SCREENSHOTS_DATASET_SEED + 1)));
  } else {
    try {
      files.set('calibration.json', readFileSync(join(out, 'calibration.json')));
    } catch {
      /* none yet */
    }
  }
  files.set('maimai-card.yaml', Buffer.from(templateText));
  // Everything is generated (and read) before the old images are replaced.
  rmSync(join(out, 'images'), { recursive: true, force: true });
  let bytes = 0;
  for (const [rel, b] of files) {
    mkdirSync(dirname(join(out, rel)), { recursive: true });
    writeFileSync(join(out, rel), b);
    bytes += b.length;
  }
  const readme = screenshotsReadme({
    seed: SCREENSHOTS_DATASET_SEED, cards: EVIDENCE_CARDS, calibrationCards: CALIBRATION_CARDS, scales: [...CARD_SCALES],
    hashes: [...files.entries()].filter(([k]) => !k.startsWith('images/')).map(([k, b]) => [k, sha256Of(b)] as [string, string]),
    imagesSha256: sha256Of([...files.entries()].filter(([k]) => k.startsWith('images/')).map(([k, b]) => `${k} ${sha256Of(b)}`).join('\n')),
  });
  writeFileSync(join(out, 'README.md'), readme);
  console.log(`wrote ${files.size + 1} files (${(bytes / 1024).toFixed(0)} KiB) to ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
