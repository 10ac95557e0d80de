/**
 * Reports fit the page, measured in headless Chromium (npm run test:notebooks): a report with
 * the widest tables we print (SHA-256 manifest, long text cells, many columns) and a long code
 * line, laid out in print media at the A4 text width, has nothing wider than the page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { withChromium } from '../../src/plot/browser';
import { renderReport } from '../../src/report';

const dir = mkdtempSync(join(tmpdir(), 'pp-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A4 minus 12 mm side margins = 186 mm at 96 px/in.
const A4_TEXT_WIDTH_PX = Math.floor((186 / 25.4) * 96);

describe('report layout on A4', () => {
  it('no element is wider than the printable width; hashes print in full', async () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const wide = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`column number ${i}`, `value-${'x'.repeat(20)}-${i}`]));
    const html = renderReport({
      title: { en: 'Fit', zh: '版面' },
      question: 'Does it fit?',
      provenance: Array.from({ length: 3 }, (_, i) => ({ path: `/very/long/path/to/the/evidence/folder/of/the/case/file-${i}.csv`, fileName: `file-${i}.csv`, bytes: 123456, sha256: sha, rows: 320, encoding: 'utf-8', format: 'csv' })),
      sections: [{ heading: { en: 'Results', zh: '结果' }, blocks: [
        { kind: 'table', rows: [wide, wide] },
        { kind: 'html', html: `<pre>${'const aVeryLongIdentifierName = someFunction(argumentNumberOne, argumentNumberTwo); '.repeat(4)}</pre>` },
        { kind: 'paragraph', text: 'x'.repeat(400) },
      ] }],
      limitations: [],
      runInfo: { commit: sha },
    });
    const file = join(dir, 'fit.html');
    writeFileSync(file, html);
    const { width, hashVisible } = await withChromium(async (browser) => {
      const page = await browser.newPage({ viewport: { width: A4_TEXT_WIDTH_PX, height: 1000 } });
      await page.emulateMedia({ media: 'print' });
      await page.goto(pathToFileURL(file).href);
      return page.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelector(s: string): { getBoundingClientRect(): { width: number } } | null } }).document;
        return { width: d.documentElement.scrollWidth, hashVisible: (d.querySelector('.pp-hash-full')?.getBoundingClientRect().width ?? 0) > 0 };
      });
    });
    expect(width).toBeLessThanOrEqual(A4_TEXT_WIDTH_PX);
    expect(hashVisible).toBe(true);
  }, 90_000);
});
