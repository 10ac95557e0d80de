/**
 * Static PNG/SVG of a figure, for reports and for viewers that run no JavaScript, rendered by
 * plotly.js's own `Plotly.toImage` in headless Chromium. SVG element ids (plotly draws random
 * uids) are renumbered in order of appearance so the same figure gives the same bytes.
 */
import { withDefaults, figureJson, type Figure } from './figure';
import { plotlySource } from './show';
import { withChromium } from './browser';

export interface ImageOptions {
  format: 'png' | 'svg';
  width?: number;
  height?: number;
  scale?: number;
}

/** Renumber every id="..." in an SVG (and its url(#..)/href="#.." references) as pp0, pp1, ... */
export function normalizeSvgIds(svg: string): string {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) {
    if (!seen.has(m[1]!)) {
      seen.add(m[1]!);
      ids.push(m[1]!);
    }
  }
  // Longest first, so an id that is a prefix of another is not replaced inside it.
  const order = ids.map((id, i) => ({ id, to: `pp${i}` })).sort((a, b) => b.id.length - a.id.length);
  let out = svg;
  for (const { id, to } of order) {
    const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`\\bid="${esc}"`, 'g'), `id="${to}"`)
      .replace(new RegExp(`#${esc}(?=[")'\\s])`, 'g'), `#${to}`);
  }
  return out;
}

/** Render figures to images in one browser session. PNG as bytes, SVG as normalised text. */
export async function figuresToImages(figs: Figure[], options: ImageOptions): Promise<Array<Buffer | string>> {
  return withChromium(async (browser) => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="g"></div></body></html>');
    await page.addScriptTag({ content: plotlySource() });
    const out: Array<Buffer | string> = [];
    for (const fig of figs) {
      const full = withDefaults(fig);
      const url = await page.evaluate(
        async ([json, o]) => {
          const f = JSON.parse(json);
          const P = (globalThis as unknown as { Plotly: any }).Plotly;
          const gd = (globalThis as unknown as { document: { getElementById(id: string): unknown } }).document.getElementById('g');
          await P.newPlot(gd, f.data, f.layout, { staticPlot: true });
          const u = await P.toImage(gd, { format: o.format, width: o.width, height: o.height, scale: o.scale });
          P.purge(gd);
          return u as string;
        },
        [figureJson(full), { format: options.format, width: options.width ?? 800, height: options.height ?? 450, scale: options.scale ?? 1 }] as const,
      );
      if (options.format === 'png') {
        out.push(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
      } else {
        const comma = url.indexOf(',');
        const header = url.slice(0, comma);
        const body = url.slice(comma + 1);
        const svg = header.includes('base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
        out.push(normalizeSvgIds(svg));
      }
    }
    return out;
  });
}

export async function figureToImage(fig: Figure, options: ImageOptions): Promise<Buffer | string> {
  const [img] = await figuresToImages([fig], options);
  return img!;
}
