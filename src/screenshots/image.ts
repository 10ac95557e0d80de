/**
 * Screenshot images as evidence: the refusals (empty, not an image, corrupt, too large) and the
 * geometry that maps a screenshot of any resolution, slightly rotated, onto a layout template.
 *
 * Library: sharp (libvips), as for avatars (src/avatars/decode.ts): format sniffed from the
 * content, header read before any pixel is decoded, decompression-bomb guard
 * (`limitInputPixels`), strictest corrupt-data setting (`failOn: 'warning'`).
 */
import sharp from 'sharp';
import { basename } from 'node:path';
import { EvidenceError } from '../io/errors';
import { sniffFormat } from '../avatars/decode';
import type { LayoutTemplate, ScreenBox } from './template';
import type { PixelBox } from './ocr';

export interface ImageLimits {
  /** Largest accepted width x height (default 40 Mpx: a 4000 x 10000 long screenshot). */
  maxPixels?: number;
  /** Largest accepted file (default 50 MiB). */
  maxBytes?: number;
}

export const SCREENSHOT_MAX_PIXELS = 40_000_000;
export const SCREENSHOT_MAX_BYTES = 50 * 1024 * 1024;

function refuse(file: string, message: string, value?: unknown): never {
  throw new EvidenceError(value !== undefined ? { file, message, value } : { file, message });
}

/** A decoded screenshot: sRGB, 3 channels, EXIF orientation applied, alpha on white. */
export interface DecodedScreenshot {
  file: string;
  width: number;
  height: number;
  /** The pixels, ready for further sharp operations. */
  raw: Buffer;
}

/**
 * Decode a screenshot, refusing: an empty file, a file above `maxBytes`, content that is not
 * PNG/JPEG/WebP/GIF (SVG/HTML included), a header above `maxPixels` (before decoding), corrupt or
 * truncated data. Each refusal is an EvidenceError naming the file.
 */
export async function decodeScreenshot(file: string, bytes: Uint8Array, limits: ImageLimits = {}): Promise<DecodedScreenshot> {
  const maxBytes = limits.maxBytes ?? SCREENSHOT_MAX_BYTES;
  const maxPixels = limits.maxPixels ?? SCREENSHOT_MAX_PIXELS;
  if (bytes.length === 0) refuse(file, 'the image file is empty (0 bytes): nothing to read');
  if (bytes.length > maxBytes) refuse(file, `the image file is ${bytes.length} bytes, above the ${maxBytes}-byte limit for a screenshot`, bytes.length);
  const format = sniffFormat(bytes);
  if (format === 'svg') refuse(file, 'SVG/XML/HTML content refused: a screenshot is a raster image (PNG, JPEG, WebP, GIF)');
  if (format === 'unknown') {
    refuse(file, `not a PNG, JPEG, WebP or GIF image (first bytes ${Buffer.from(bytes.subarray(0, 8)).toString('hex')}); ${basename(file)} cannot be read as a screenshot`);
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false, failOn: 'none' }).metadata();
  } catch (err) {
    refuse(file, `corrupt or unreadable ${format.toUpperCase()} header: ${(err as Error).message.split('\n')[0]}`);
  }
  const w = meta.width ?? 0;
  const h = meta.pageHeight ?? meta.height ?? 0;
  if (!(w > 0 && h > 0)) refuse(file, `the ${format.toUpperCase()} header gives no usable size (${w} x ${h})`);
  if (w * h > maxPixels) {
    refuse(file, `the header claims ${w} x ${h} = ${w * h} pixels, above the ${maxPixels}-pixel limit (decompression-bomb guard); refused before decoding`, { width: w, height: h });
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'warning', pages: 1 })
      .autoOrient()
      .flatten({ background: { r: 255, g: 255, b: 255 } })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) refuse(file, `decoded to ${info.channels} channels, expected 3`);
    return { file, width: info.width, height: info.height, raw: data };
  } catch (err) {
    if (err instanceof EvidenceError) throw err;
    refuse(file, `corrupt, truncated or undecodable ${format.toUpperCase()} data: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * How an image maps onto the template's screen. A screenshot printed and re-scanned (or
 * photographed) is slightly rotated; rotation by a small angle inside a larger white canvas
 * changes the aspect ratio, from which |angle| and the scale follow (the screen's centre stays
 * at the image centre). Without rotation the screen is anchored at the top left and scaled by
 * width (phones of other heights show more below).
 */
export interface ScreenMapping {
  /** Image pixels per screen unit. */
  scale: number;
  /** Estimated |rotation| in degrees (0 = anchored top left). */
  rotation: number;
  imageWidth: number;
  imageHeight: number;
  screen: { width: number; height: number };
}

/** Mapping for an image of `w` x `h` pixels (rotation estimated up to `maxRotation` degrees). */
export function screenMapping(w: number, h: number, screen: { width: number; height: number }, maxRotation = 3): ScreenMapping {
  const a = screen.width;
  const b = screen.height;
  const r = w / h;
  const t = (a - b * r) / (a * r - b);
  const deg = (Math.atan(t) * 180) / Math.PI;
  if (Number.isFinite(deg) && deg > 0.05 && deg <= maxRotation) {
    const th = Math.atan(t);
    const scale = w / (a * Math.cos(th) + b * Math.sin(th));
    return { scale, rotation: Math.round(deg * 100) / 100, imageWidth: w, imageHeight: h, screen };
  }
  return { scale: w / a, rotation: 0, imageWidth: w, imageHeight: h, screen };
}

/** Screen point -> image point. */
export function toImage(m: ScreenMapping, x: number, y: number): [number, number] {
  if (m.rotation === 0) return [x * m.scale, y * m.scale];
  return [(x - m.screen.width / 2) * m.scale + m.imageWidth / 2, (y - m.screen.height / 2) * m.scale + m.imageHeight / 2];
}

/** Image point -> screen point. */
export function toScreen(m: ScreenMapping, px: number, py: number): [number, number] {
  if (m.rotation === 0) return [px / m.scale, py / m.scale];
  return [(px - m.imageWidth / 2) / m.scale + m.screen.width / 2, (py - m.imageHeight / 2) / m.scale + m.screen.height / 2];
}

/** A screen box as a pixel box clipped to the image, grown by `margin` screen units. */
export function boxToImage(m: ScreenMapping, b: ScreenBox, margin = 0): PixelBox {
  const [x0, y0] = toImage(m, b[0] - margin, b[1] - margin);
  const [x1, y1] = toImage(m, b[2] + margin, b[3] + margin);
  return [
    Math.max(0, Math.floor(x0)),
    Math.max(0, Math.floor(y0)),
    Math.min(m.imageWidth, Math.ceil(x1)),
    Math.min(m.imageHeight, Math.ceil(y1)),
  ];
}

/**
 * The OCR input: the template's region (grown by the rotation slack), ink channel with levels,
 * scaled so the screen is `template.ocr.width` pixels wide; PNG bytes plus the factors that
 * map its pixels back to the original image.
 */
export async function ocrInput(img: DecodedScreenshot, m: ScreenMapping, t: LayoutTemplate): Promise<{ png: Buffer; left: number; top: number; factor: number }> {
  const slack = Math.ceil(Math.sin((m.rotation * Math.PI) / 180) * t.screen.width) + 4;
  const [l, tp, r, b] = boxToImage(m, t.ocr.region, slack);
  const factor = t.ocr.width / t.screen.width / m.scale;
  const ink = t.ocr.ink;
  const gain = 255 / (ink.white - ink.black);
  let s = sharp(img.raw, { raw: { width: img.width, height: img.height, channels: 3 } }).extract({ left: l, top: tp, width: r - l, height: b - tp });
  s = ink.channel === 'luma' ? s.greyscale() : s.extractChannel(ink.channel);
  const png = await s
    .linear(gain, -ink.black * gain)
    .resize({ width: Math.max(32, Math.round((r - l) * factor)), kernel: 'lanczos3' })
    .toColourspace('srgb')
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, left: l, top: tp, factor };
}

/** Crop a pixel box of a decoded screenshot as PNG (for avatar files and the review page). */
export async function cropPng(img: DecodedScreenshot, box: PixelBox, maxWidth?: number): Promise<Buffer> {
  const w = Math.max(1, box[2] - box[0]);
  const h = Math.max(1, box[3] - box[1]);
  let s = sharp(img.raw, { raw: { width: img.width, height: img.height, channels: 3 } }).extract({ left: box[0], top: box[1], width: w, height: h });
  if (maxWidth && w > maxWidth) s = s.resize({ width: maxWidth });
  return s.png({ compressionLevel: 9 }).toBuffer();
}
