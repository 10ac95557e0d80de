import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io/errors';
import { decodeScreenshot, screenMapping, toImage, toScreen } from '../src/screenshots/image';
import { assignLines } from '../src/screenshots/extract';
import { parseLayoutTemplate } from '../src/screenshots/template';
import { loadScreenshotEvidence } from '../src/screenshots/load';
import { joinCjk, parseTesseractTsv } from '../src/screenshots/ocr';

const ROOT = join(__dirname, '..');
const TEMPLATE = join(ROOT, 'datasets/screenshots/maimai-card.yaml');
const t = parseLayoutTemplate(readFileSync(TEMPLATE, 'utf8'), 'maimai-card.yaml');
const dir = mkdtempSync(join(tmpdir(), 'pp-shots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(bytes: Uint8Array, limits = {}): Promise<string> {
  try {
    await decodeScreenshot('evidence/p7.png', bytes, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(EvidenceError);
    expect((e as EvidenceError).issues[0]!.file).toBe('evidence/p7.png');
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('bad screenshots are refused, naming the file', () => {
  it('empty, not an image, SVG', async () => {
    expect(await refusal(new Uint8Array())).toMatch(/empty \(0 bytes\)/);
    expect(await refusal(Buffer.from('hello, this is text'))).toMatch(/not a PNG, JPEG, WebP or GIF/);
    expect(await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toMatch(/SVG/);
  });

  it('corrupt and truncated data', async () => {
    const jpg = readFileSync(join(ROOT, 'datasets/screenshots/images/card-001.jpg'));
    expect(await refusal(jpg.subarray(0, Math.floor(jpg.length / 2)))).toMatch(/corrupt|truncated/);
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#fff' } }).png().toBuffer();
    const broken = Buffer.from(png);
    broken.fill(0x41, 40, 80);
    expect(await refusal(broken)).toMatch(/corrupt|truncated|undecodable/);
  });

  it('huge: a header above the pixel limit is refused before decoding; a file above the byte limit too', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(await refusal(png, { maxPixels: 100_000 })).toMatch(/400 x 300 = 120000 pixels, above the 100000-pixel limit/);
    expect(await refusal(png, { maxBytes: 100 })).toMatch(/above the 100-byte limit/);
  });

  it('the loader names a missing file and a file that is not a PDF', async () => {
    await expect(loadScreenshotEvidence({ images: [join(dir, 'nothere.png')], template: TEMPLATE })).rejects.toThrow(/nothere.png: no such file/);
    await expect(loadScreenshotEvidence({ images: [join(dir, 'x.pdf')], template: TEMPLATE })).rejects.toThrow(EvidenceError);
    writeFileSync(join(dir, 'x.pdf'), 'not a pdf');
    await expect(loadScreenshotEvidence({ images: [join(dir, 'x.pdf')], template: TEMPLATE })).rejects.toThrow(/x.pdf: not a PDF file/);
  });
});

describe('mapping a screenshot onto the template', () => {
  it('upright: scaled by width from the top left', () => {
    const m = screenMapping(1080, 2400, t.screen);
    expect(m.rotation).toBe(0);
    expect(toImage(m, 100, 200)).toEqual([300, 600]);
  });

  it('rotated inside a larger canvas: angle and scale recovered from the size', () => {
    const th = (1.2 * Math.PI) / 180;
    const w = 1080 * Math.cos(th) + 2340 * Math.sin(th);
    const h = 1080 * Math.sin(th) + 2340 * Math.cos(th);
    const m = screenMapping(w, h, t.screen);
    expect(m.rotation).toBeCloseTo(1.2, 2);
    expect(m.scale).toBeCloseTo(3, 3);
    const [x, y] = toScreen(m, ...toImage(m, 120, 300));
    expect(x).toBeCloseTo(120, 6);
    expect(y).toBeCloseTo(300, 6);
  });

  it('lines go to the field whose box holds their centre; labels stripped; tags end at the anchor line', () => {
    const m = screenMapping(360, 780, t.screen);
    const line = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 0.99) => ({ text, confidence, box: [x0, y0, x1, y1] as [number, number, number, number] });
    const { cells, otherLines } = assignLines(
      [
        line('9:41 4G 80%', 10, 5, 350, 20),
        line('赵浩敏', 104, 104, 179, 139),
        line('公司 滴滴出行', 16, 184, 200, 208),
        line('北京十年咖啡师、历史、心', 68, 307, 344, 333, 0.9),
        line('理学', 68, 334, 120, 358),
        line('共同好友 · 通讯录好友', 68, 360, 300, 380),
      ],
      m,
      t,
    );
    const by = Object.fromEntries(cells.map((c) => [c.field, c]));
    expect(by.name!.text).toBe('赵浩敏');
    expect(by.employer!.text).toBe('滴滴出行');
    expect(by.title!).toMatchObject({ text: '', confidence: null, flagged: false });
    expect(by.tags!).toMatchObject({ text: '北京十年咖啡师、历史、心理学', confidence: 0.9, flagged: true, box: [68, 307, 344, 358] });
    expect(otherLines).toBe(2);
  });
});

describe('engine output parsing', () => {
  it('tesseract TSV: words grouped by line, CJK spaces dropped, lowest word confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '5\t1\t1\t1\t1\t1\t10\t10\t20\t20\t96.5\t滴滴',
      '5\t1\t1\t1\t1\t2\t32\t10\t20\t22\t88\t出行',
      '5\t1\t1\t1\t2\t1\t10\t40\t20\t20\t-1\t',
      '5\t1\t1\t1\t3\t1\t10\t70\t30\t20\t91\tABC',
      '5\t1\t1\t1\t3\t2\t45\t70\t30\t20\t93\tLtd',
    ].join('\n');
    expect(parseTesseractTsv(tsv)).toEqual([
      { text: '滴滴出行', confidence: 0.88, box: [10, 10, 52, 32] },
      { text: 'ABC Ltd', confidence: 0.91, box: [10, 70, 75, 90] },
    ]);
    expect(joinCjk('中 国  人民 大学 ABC  x')).toBe('中国人民大学 ABC x');
  });
});
