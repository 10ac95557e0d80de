/**
 * PDF pages (a notarial certificate as PDF) through poppler's pdftoppm: each page becomes one
 * screenshot named `<file>#p<n>`, hashed as a whole file in the provenance. The PDF is written
 * here by hand: one page per card, the card's JPEG embedded as the page image.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeScreenshot, loadScreenshotEvidence, screenMapping } from '../../src/screenshots';

const D = (f: string) => join(__dirname, '..', '..', 'datasets', 'screenshots', f);
const dir = mkdtempSync(join(tmpdir(), 'pp-pdf-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A minimal PDF: one page per JPEG, each page the image's size in points. */
function pdfOfJpegs(images: Array<{ jpeg: Buffer; width: number; height: number }>): Buffer {
  const objs: Buffer[] = [];
  const add = (b: Buffer | string) => objs.push(typeof b === 'string' ? Buffer.from(b, 'latin1') : b) ;
  const n = images.length;
  const kids = images.map((_, i) => `${3 + 3 * i} 0 R`).join(' ');
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${n} >>`);
  images.forEach((im, i) => {
    const page = 3 + 3 * i;
    const w = im.width / 2;
    const h = im.height / 2;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${page + 1} 0 R >> >> /Contents ${page + 2} 0 R >>`);
    add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${im.jpeg.length} >>\nstream\n`, 'latin1'), im.jpeg, Buffer.from('\nendstream', 'latin1')]));
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objs.forEach((o, i) => {
    offsets.push(pos);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    pos += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

describe('screenshots in a PDF certificate', () => {
  it('each page becomes one screenshot named file#pN, mapped onto the template like the image', async () => {
    const imgs = await Promise.all(['card-001.jpg', 'card-002.jpg'].map(async (f) => {
      const jpeg = readFileSync(D(`images/${f}`));
      const m = await sharp(jpeg).metadata();
      return { jpeg, width: m.width!, height: m.height! };
    }));
    const pdf = join(dir, 'certificate.pdf');
    writeFileSync(pdf, pdfOfJpegs(imgs));
    const ev = await loadScreenshotEvidence({ images: [pdf], template: D('maimai-card.yaml'), pdfDpi: 144 });
    expect(ev.images.map((i) => i.file)).toEqual(['certificate.pdf#p1', 'certificate.pdf#p2']);
    expect(ev.files.find((f) => f.kind === 'pdf')).toMatchObject({ pages: 2, bytes: readFileSync(pdf).length });
    for (let i = 0; i < 2; i++) {
      const page = await decodeScreenshot(ev.images[i]!.file, ev.images[i]!.bytes);
      // 144 dpi on a page of (width/2) points = the image's own pixel size (to a pixel of rounding)
      expect(Math.abs(page.width - imgs[i]!.width)).toBeLessThanOrEqual(2);
      const a = screenMapping(page.width, page.height, ev.template.screen);
      const b = screenMapping(imgs[i]!.width, imgs[i]!.height, ev.template.screen);
      expect(a.scale).toBeCloseTo(b.scale, 1);
    }
  });

  it('a broken PDF is an evidence error naming the file', async () => {
    const bad = join(dir, 'broken.pdf');
    writeFileSync(bad, '%PDF-1.4\nthis is not a pdf body\n');
    await expect(loadScreenshotEvidence({ images: [bad], template: D('maimai-card.yaml') })).rejects.toThrow(/broken\.pdf/);
  });
});
