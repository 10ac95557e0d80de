/**
 * What a screenshots run hands the expert besides the report: the evidence table as CSV, the
 * review sheet (flagged cells, to fill in and merge back), the avatar crops (PNG, for notebook
 * 03) and an HTML review page showing each cell's crop beside its text, low-confidence cells
 * highlighted. Evidence text is HTML-escaped; names are masked (and name crops pixelated) unless
 * `unmask`. Files are written atomically; nothing is written when a step fails before.
 */
import sharp from 'sharp';
import { escapeHtml } from '../display/mime';
import { decodeScreenshot, cropPng } from './image';
import { reviewCsv } from './review';
import { extractedRows, screenshotMasker, type ViewOptions } from './tables';
import { toCsvText } from './dataset';
import type { ScreenshotsResult } from './analyse';
import type { ScreenshotFile } from './load';
import type { PixelBox } from './ocr';

function grow(b: PixelBox, w: number, h: number, px: number): PixelBox {
  return [Math.max(0, b[0] - px), Math.max(0, b[1] - px), Math.min(w, b[2] + px), Math.min(h, b[3] + px)];
}

/** A coarse mosaic (about 2 blocks per character height) so a masked name cannot be read from its crop. */
async function mosaic(png: Buffer): Promise<Buffer> {
  const { width = 1, height = 1 } = await sharp(png).metadata();
  const small = await sharp(png).resize({ width: Math.max(1, Math.round(width / Math.max(4, height / 2))), height: 2, fit: 'fill' }).toBuffer();
  return sharp(small).resize({ width, height, fit: 'fill', kernel: 'nearest' }).png().toBuffer();
}

/**
 * The review section as an HTML fragment (styles scoped to `.pp-shots-review`, crops inlined as
 * PNG data URIs), for a notebook output; `screenshotsReviewPage` wraps it as a page.
 */
export async function screenshotsReviewHtml(r: ScreenshotsResult, images: readonly ScreenshotFile[], o: ViewOptions = {}): Promise<string> {
  const m = screenshotMasker(o);
  const byFile = new Map(images.map((i) => [i.file, i]));
  const parts: string[] = [];
  for (const card of r.cards) {
    const src = byFile.get(card.file);
    if (!src) continue;
    const img = await decodeScreenshot(card.file, src.bytes, r.params.limits);
    const rows: string[] = [];
    for (const cell of card.cells) {
      const box = grow(cell.box, img.width, img.height, Math.round(img.width / 90));
      let png = await cropPng(img, box, 520);
      if (cell.field === 'name' && !o.unmask) png = await mosaic(png);
      const text = cell.field === 'name' ? m.name(cell.text) : m.text(cell.text);
      const cls = cell.flagged ? 'flag' : cell.confidence == null ? 'empty' : '';
      rows.push(
        `<tr class="${cls}"><td>${escapeHtml(cell.field)}</td><td><img alt="${escapeHtml(cell.field)}" src="data:image/png;base64,${png.toString('base64')}"></td>` +
          `<td class="t">${text === '' ? '<i>(nothing read)</i>' : escapeHtml(text)}</td><td>${cell.confidence == null ? '–' : cell.confidence.toFixed(3)}</td></tr>`,
      );
    }
    parts.push(`<h3>${escapeHtml(card.file)} <small>${card.width} × ${card.height} px${card.rotation ? `, rotated ≈${card.rotation}°` : ''}</small></h3><table><tr><th>field</th><th>crop</th><th>text read</th><th>confidence</th></tr>${rows.join('')}</table>`);
  }
  const flagged = r.cards.reduce((s, c) => s + c.cells.filter((x) => x.flagged).length, 0);
  return `<div class="pp-shots-review"><style>
.pp-shots-review table{border-collapse:collapse;margin-bottom:18px}.pp-shots-review td,.pp-shots-review th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:middle}
.pp-shots-review tr.flag{background:#fff3cd}.pp-shots-review tr.flag td.t{font-weight:bold;color:#8a4b00}.pp-shots-review tr.empty td.t{color:#999}
.pp-shots-review img{max-height:80px;max-width:520px}.pp-shots-review small{color:#777;font-weight:normal}
</style><p>${r.cards.length} screenshots, template <code>${escapeHtml(r.template.name)}</code>, engine ${escapeHtml(r.engine.version)}. Highlighted: ${flagged} cells read with confidence below ${r.template.reviewBelow}; check each against its crop and enter corrections in the review sheet (screenshots-review.csv, column <code>corrected</code>).${o.unmask ? '' : ' Names are masked and name crops pixelated (rerun with --unmask to review names).'}</p>
${parts.join('\n')}</div>`;
}

/** The review page (self-contained HTML). */
export async function screenshotsReviewPage(r: ScreenshotsResult, images: readonly ScreenshotFile[], o: ViewOptions = {}): Promise<string> {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Screenshot review</title><style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:24px;color:#222}</style></head><body>
<h1>Screenshot review · 截图人工复核</h1>
${await screenshotsReviewHtml(r, images, o)}
</body></html>\n`;
}

/**
 * The further files of the output set: the table CSV, the review sheet, the review page and the
 * avatar crops (for notebook 03), as contents; the command line writes them with its JSON and
 * report as one set (all or none).
 */
export async function screenshotOutputFiles(r: ScreenshotsResult, images: readonly ScreenshotFile[], o: ViewOptions = {}): Promise<Array<{ name: string; data: string | Uint8Array }>> {
  const rows = extractedRows(r, o);
  const out: Array<{ name: string; data: string | Uint8Array }> = [];
  out.push({ name: 'screenshots.csv', data: toCsvText(rows, rows.length ? Object.keys(rows[0]!) : ['file']) });
  // Masked: a name cell lists the masked reading (the merge accepts either form).
  const m = screenshotMasker(o);
  out.push({ name: 'screenshots-review.csv', data: reviewCsv(r.cards.map((c) => ({ ...c, cells: c.cells.map((x) => (x.field === 'name' ? { ...x, text: m.name(x.text) } : x)) }))) });
  out.push({ name: 'screenshots-review.html', data: await screenshotsReviewPage(r, images, o) });
  const byFile = new Map(images.map((i) => [i.file, i]));
  for (const c of r.cards) {
    const src = byFile.get(c.file);
    if (!c.avatarBox || !src) continue;
    const img = await decodeScreenshot(c.file, src.bytes, r.params.limits);
    out.push({ name: `avatars/${c.file.replace(/[#/\\]/g, '_').replace(/\.[^.]+$/, '')}.png`, data: await cropPng(img, c.avatarBox) });
  }
  return out;
}
