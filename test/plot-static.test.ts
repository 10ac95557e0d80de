import { describe, expect, it } from 'vitest';
import { barChart, chromiumPath, figuresToImages, normalizeSvgIds } from '../src/plot';

describe('normalizeSvgIds', () => {
  it('renumbers ids and their references in order of appearance', () => {
    const svg = '<svg><defs id="defs-a1b2"><clipPath id="clipa1b2x"></clipPath></defs><g clip-path="url(#clipa1b2x)"></g><use href="#defs-a1b2"/></svg>';
    expect(normalizeSvgIds(svg)).toBe('<svg><defs id="pp0"><clipPath id="pp1"></clipPath></defs><g clip-path="url(#pp1)"></g><use href="#pp0"/></svg>');
  });
});

describe.runIf(!!chromiumPath())('figure to static image through headless Chromium', () => {
  it('gives the same SVG bytes twice, and a PNG', async () => {
    const fig = barChart(['相同', '不同'], [0.92, 0.08], { title: 'rates' });
    const [svg1, svg2, png] = [...(await figuresToImages([fig, fig], { format: 'svg' })), ...(await figuresToImages([fig], { format: 'png' }))];
    expect(typeof svg1).toBe('string');
    expect(svg1).toBe(svg2);
    expect(svg1 as string).toContain('<svg');
    expect((png as Buffer).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);
});
