/**
 * PDF export of an HTML report through headless Chromium (Debian's `chromium`), after its
 * figures have rendered. The HTML stays the primary format; PDF is a print of it.
 */
import { pathToFileURL } from 'node:url';
import { withChromium } from '../plot/browser';

/** Print `htmlPath` to PDF bytes (A4, backgrounds on). Throws a clear error without Chromium. */
export async function htmlFileToPdf(htmlPath: string): Promise<Buffer> {
  return withChromium(async (browser) => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: 120_000 });
    const figures = await page.locator('.pp-figure').count();
    if (figures > 0) {
      await page.waitForFunction(
        (n: number) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('.pp-figure .main-svg').length >= n,
        figures,
        { timeout: 60_000 },
      );
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
    return Buffer.from(pdf);
  });
}
