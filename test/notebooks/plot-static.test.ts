/**
 * Figures to static images through headless Chromium (the PDF and report path). Needs Debian's
 * chromium: runs in `npm run test:notebooks`, which installs it first; never skipped.
 */
import { describe, expect, it } from 'vitest';
import { barChart, chromiumPath, figuresToImages } from '../../src/plot';

describe('figure to static image through headless Chromium', () => {
  it('Chromium is installed', () => {
    expect(chromiumPath(), 'Chromium missing: `sudo apt-get install -y chromium` (or `npm run doctor`)').toBeTruthy();
  });

  it('gives the same SVG bytes twice, and a PNG', async () => {
    const fig = barChart(['相同', '不同'], [0.92, 0.08], { title: 'rates' });
    const [svg1, svg2, png] = [...(await figuresToImages([fig, fig], { format: 'svg' })), ...(await figuresToImages([fig], { format: 'png' }))];
    expect(typeof svg1).toBe('string');
    expect(svg1).toBe(svg2);
    expect(svg1 as string).toContain('<svg');
    expect((png as Buffer).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);
});
