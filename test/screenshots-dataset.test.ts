/**
 * The committed synthetic screenshot set is what its generator writes: the first cards are
 * re-rendered (Chromium, fonts-noto-cjk, sharp) and compared byte for byte, the tables are
 * recomputed from the committed displayed profiles, and the README's hashes are those of the files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_SCALES, MANIFEST_COLUMNS, SCREENSHOTS_DATASET_SEED, TRUTH_COLUMNS, generateCards, parseDisplayedCsv, sha256Of, toCsvText } from '../src/screenshots/dataset';
import { EVIDENCE_CARDS } from '../src/screenshots/writeDataset';

const ROOT = join(__dirname, '..');
const D = (f: string) => join(ROOT, 'datasets', 'screenshots', f);

describe('datasets/screenshots', () => {
  it('the first two cards regenerate byte for byte; truth rows agree with the committed tables', async () => {
    const profiles = parseDisplayedCsv(readFileSync(join(ROOT, 'datasets/matching/displayed.csv'), 'utf8'));
    const cards = await generateCards(profiles, { seed: SCREENSHOTS_DATASET_SEED, count: 2, scales: CARD_SCALES, prefix: 'card' });
    for (const c of cards) expect(sha256Of(c.bytes)).toBe(sha256Of(readFileSync(D(`images/${c.file}`))));
    const truth = readFileSync(D('truth.csv'), 'utf8').split('\n');
    const mine = toCsvText(cards.map((c) => c.truth as unknown as Record<string, unknown>), TRUTH_COLUMNS).split('\n');
    expect(mine.slice(0, 3)).toEqual(truth.slice(0, 3));
    expect(toCsvText(cards.map((c) => c.truth as unknown as Record<string, unknown>), MANIFEST_COLUMNS).split('\n').slice(0, 3)).toEqual(readFileSync(D('manifest.csv'), 'utf8').split('\n').slice(0, 3));
  }, 60_000);

  it('README hashes match the files; every truth row is a displayed profile; the set is labelled synthetic', () => {
    const readme = readFileSync(D('README.md'), 'utf8');
    expect(readme).toMatch(/\*\*SYNTHETIC/);
    for (const f of ['manifest.csv', 'truth.csv', 'calibration.json', 'maimai-card.yaml']) expect(readme).toContain(`| \`${f}\` | \`${sha256Of(readFileSync(D(f)))}\` |`);
    const files = readdirSync(D('images')).sort();
    expect(files).toHaveLength(EVIDENCE_CARDS);
    const list = files.map((f) => `images/${f} ${sha256Of(readFileSync(D(`images/${f}`)))}`).join('\n');
    expect(readme).toContain(sha256Of(list));
    const shown = new Set(parseDisplayedCsv(readFileSync(join(ROOT, 'datasets/matching/displayed.csv'), 'utf8')).map((p) => `${p.id}/${p.name}`));
    const rows = readFileSync(D('truth.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    for (const r of rows) expect(shown.has(`${r[1]}/${r[3]}`)).toBe(true);
    const cal = JSON.parse(readFileSync(D('calibration.json'), 'utf8'));
    expect(cal.synthetic).toBe(true);
    const evidenceFiles = new Set(rows.map((r) => r[0]));
    expect(cal.cells.every((c: { file: string }) => !evidenceFiles.has(c.file))).toBe(true);
  });
});
