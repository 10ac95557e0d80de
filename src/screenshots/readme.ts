/** The README of datasets/screenshots/ (written by the generator, so its hashes stay true). */
export function screenshotsReadme(o: { seed: number; cards: number; calibrationCards: number; scales: number[]; hashes: Array<[string, string]>; imagesSha256: string }): string {
  return `# datasets/screenshots: SYNTHETIC notarised screenshots of profile pages

**SYNTHETIC. Every card shows a generated profile from \`datasets/matching/displayed.csv\`; no
card shows a real person or a real app screen.**

## What it imitates
In Weibo v. Maimai the displayed profiles reached the expert as screenshots inside a notarial
certificate. Each card here is a phone screenshot of a profile page (个人主页): status bar,
avatar, name, and labelled rows 公司 (employer), 职位 (title), 学校 (school), 标签 (tags), with a
notary's red stamp (公证处 · 证据保全) overlapping the text, then degraded as such evidence is:

- device pixel ratio ${o.scales.join(' / ')} (${o.scales.map((s) => `${Math.round(360 * s)} px`).join(' / ')} wide; ${Math.round(360 * o.scales[0]!)} px = "phone resolution"), in turn;
- a slight rotation (uniform within ±1.5°, white background), as a printed and re-scanned page;
- JPEG re-compression (quality 70, 80 or 90).

## Files
- \`images/card-NNN.jpg\`: ${o.cards} cards (the evidence set of notebook 08 and the CLI's default).
- \`manifest.csv\`: file, id (the paired source profile in \`datasets/matching/source.csv\`), uploader.
- \`truth.csv\`: what each card shows, and how it was degraded. NOT evidence: for measuring the OCR only.
- \`calibration.json\`: the OCR engine's reading (text, confidence) of ${o.calibrationCards} *other* cards
  (profiles not on the evidence cards, seed ${o.seed + 1}), with their truth: the out-of-sample
  measurement of the error rate per confidence band. The calibration images are rendered, read and
  discarded (regenerate them with the same function).
- \`maimai-card.yaml\`: the layout template of this screen (boxes in CSS pixels of the 360 x 780 screen).

## Generator
\`src/screenshots/dataset.ts\` \`generateCards\` (HTML from \`src/screenshots/cards.ts\` \`cardHtml\`,
rendered by Debian's Chromium through playwright-core with Debian's fonts-noto-cjk, degraded by
sharp), written by \`src/screenshots/writeDataset.ts\` through \`npx tsx scripts/datasets/screenshots.ts\`
(\`npm run datasets -- screenshots\`). Seed **${o.seed}**. The same seed, Chromium, fonts and
sharp give the same bytes (\`test/screenshots-dataset.test.ts\` regenerates the tables and a card).

## Files and SHA-256
| file | SHA-256 |
|---|---|
${o.hashes.map(([f, h]) => `| \`${f}\` | \`${h}\` |`).join('\n')}
| \`images/*\` (SHA-256 of the list "path sha256" lines) | \`${o.imagesSha256}\` |
`;
}
