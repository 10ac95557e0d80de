/**
 * One screenshot -> one profile row: OCR lines assigned to the template's fields, each cell
 * with its text, OCR confidence, pixel box and review flag.
 */
import type { LayoutTemplate, CardField, TemplateField } from './template';
import type { OcrEngine, OcrLine, PixelBox } from './ocr';
import { boxToImage, decodeScreenshot, ocrInput, screenMapping, toScreen, type DecodedScreenshot, type ImageLimits, type ScreenMapping } from './image';

export interface CardCell {
  field: CardField;
  /** Text as read (labels stripped, CJK spaces removed); '' when nothing was read. */
  text: string;
  /** Lowest confidence of the lines in the cell; null when the cell is empty. */
  confidence: number | null;
  /** Pixel box in the screenshot: the lines read, or the template's box when empty. */
  box: PixelBox;
  /** Below the template's review threshold (empty cells are not flagged). */
  flagged: boolean;
}

export interface CardRead {
  /** File name (and `#page` for a PDF page). */
  file: string;
  width: number;
  height: number;
  /** Estimated |rotation| in degrees; 0 = upright. */
  rotation: number;
  cells: CardCell[];
  avatarBox: PixelBox | null;
  /** Lines read outside every field (status bar, buttons, stamp text). */
  otherLines: number;
}

const LEADING_PUNCT = /^[\s:：|｜·•\-—]+/;

function inBox(x: number, y: number, b: readonly number[]): boolean {
  return x >= b[0]! && x < b[2]! && y >= b[1]! && y < b[3]!;
}

interface Placed extends OcrLine {
  /** centre in screen units */
  sx: number;
  sy: number;
  /** top in screen units */
  top: number;
}

/** Assign lines (boxes in image pixels) to fields; pure, for tests. */
export function assignLines(lines: readonly OcrLine[], m: ScreenMapping, t: LayoutTemplate): { cells: CardCell[]; otherLines: number } {
  const placed: Placed[] = lines
    .filter((l) => l.text.trim() !== '')
    .map((l) => {
      const [sx, sy] = toScreen(m, (l.box[0] + l.box[2]) / 2, (l.box[1] + l.box[3]) / 2);
      const [, top] = toScreen(m, l.box[0], l.box[1]);
      return { ...l, sx, sy, top };
    });
  const used = new Set<Placed>();
  const cells = t.fields.map((f) => cellOf(f, placed, used, m, t));
  return { cells, otherLines: placed.length - used.size };
}

function cellOf(f: TemplateField, placed: Placed[], used: Set<Placed>, m: ScreenMapping, t: LayoutTemplate): CardCell {
  let mine = placed.filter((p) => inBox(p.sx, p.sy, f.box));
  if (f.until) {
    const stop = placed.filter((p) => p.sy > f.box[1] && p.text.startsWith(f.until!)).sort((a, b) => a.sy - b.sy)[0];
    if (stop) mine = mine.filter((p) => p !== stop && p.sy < stop.top);
  }
  // Reading order: by line (centres within half a line height), then left to right.
  mine.sort((a, b) => (Math.abs(a.sy - b.sy) < 8 ? a.sx - b.sx : a.sy - b.sy));
  for (const p of mine) used.add(p);
  const texts = mine.map((p, i) => {
    let s = p.text;
    if (i === 0 && f.label && s.startsWith(f.label)) s = s.slice(f.label.length);
    return s.replace(LEADING_PUNCT, '').trim();
  });
  const text = texts.filter(Boolean).join(f.joiner);
  if (!text) return { field: f.name, text: '', confidence: null, box: boxToImage(m, f.box), flagged: false };
  const confidence = Math.min(...mine.map((p) => p.confidence));
  const box: PixelBox = [
    Math.min(...mine.map((p) => p.box[0])),
    Math.min(...mine.map((p) => p.box[1])),
    Math.max(...mine.map((p) => p.box[2])),
    Math.max(...mine.map((p) => p.box[3])),
  ];
  return { field: f.name, text, confidence, box, flagged: confidence < t.reviewBelow };
}

/** Read one screenshot (bytes already loaded) with a template and an engine. */
export async function readCard(file: string, bytes: Uint8Array, t: LayoutTemplate, engine: OcrEngine, limits: ImageLimits = {}): Promise<{ read: CardRead; image: DecodedScreenshot }> {
  const image = await decodeScreenshot(file, bytes, limits);
  const m = screenMapping(image.width, image.height, t.screen);
  const input = await ocrInput(image, m, t);
  const raw = await engine.recognise(input.png);
  const lines = raw.map((l) => ({
    ...l,
    box: [
      Math.round(l.box[0] / input.factor + input.left),
      Math.round(l.box[1] / input.factor + input.top),
      Math.round(l.box[2] / input.factor + input.left),
      Math.round(l.box[3] / input.factor + input.top),
    ] as PixelBox,
  }));
  const { cells, otherLines } = assignLines(lines, m, t);
  return {
    read: { file, width: image.width, height: image.height, rotation: m.rotation, cells, avatarBox: t.avatar ? boxToImage(m, t.avatar) : null, otherLines },
    image,
  };
}
