/**
 * The committed synthetic screenshot set: the README's hashes are those of the files and every
 * truth row is a displayed profile. Re-rendering the cards byte for byte needs Chromium:
 * test/notebooks/screenshots-dataset-render.test.ts (npm run test:notebooks).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDisplayedCsv } from '../src/screenshots/dataset';
import { sha256Bytes as sha256Of } from '../src/io/provenance';
import { EVIDENCE_CARDS } from '../src/screenshots/writeDataset';

const ROOT = join(__dirname, '..');
const D = (f: string) => join(ROOT, 'datasets', 'screenshots', f);

describe('datasets/screenshots', () => {
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
