/**
 * The committed synthetic screenshot set is what its generator writes: the first cards are
 * re-rendered (Chromium, fonts-noto-cjk, sharp) and compared byte for byte, and their truth and
 * manifest rows recomputed from the committed displayed profiles. Needs Chromium: npm run test:notebooks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_SCALES, MANIFEST_COLUMNS, SCREENSHOTS_DATASET_SEED, TRUTH_COLUMNS, generateCards, parseDisplayedCsv, toCsvText } from '../../src/screenshots/dataset';
import { sha256Bytes as sha256Of } from '../../src/io/provenance';

const ROOT = join(__dirname, '..', '..');
const D = (f: string) => join(ROOT, 'datasets', 'screenshots', f);

describe('datasets/screenshots (re-rendered)', () => {
  it('the first two cards regenerate byte for byte; truth rows agree with the committed tables', async () => {
    const profiles = parseDisplayedCsv(readFileSync(join(ROOT, 'datasets/matching/displayed.csv'), 'utf8'));
    const cards = await generateCards(profiles, { seed: SCREENSHOTS_DATASET_SEED, count: 2, scales: CARD_SCALES, prefix: 'card' });
    for (const c of cards) expect(sha256Of(c.bytes)).toBe(sha256Of(readFileSync(D(`images/${c.file}`))));
    const truth = readFileSync(D('truth.csv'), 'utf8').split('\n');
    const mine = toCsvText(cards.map((c) => c.truth as unknown as Record<string, unknown>), TRUTH_COLUMNS).split('\n');
    expect(mine.slice(0, 3)).toEqual(truth.slice(0, 3));
    expect(toCsvText(cards.map((c) => c.truth as unknown as Record<string, unknown>), MANIFEST_COLUMNS).split('\n').slice(0, 3)).toEqual(readFileSync(D('manifest.csv'), 'utf8').split('\n').slice(0, 3));
  }, 60_000);

});
