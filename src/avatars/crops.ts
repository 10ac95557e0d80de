/**
 * Crop-tolerant comparison: pHash over a set of aligned crops and scales of each image.
 *
 * Platforms crop and resize avatars differently (a square thumbnail, a round one cut from the
 * centre, 100-180 px). A crop moves every low-frequency DCT coefficient, so one full-frame
 * pHash per image fails once a few per cent are cut from one side. Here each image also gets
 * the pHash of `CROP_WINDOWS` sub-windows of itself: scales 95%, 90%, 85% and 80% of the side,
 * each at nine aligned positions (the four corners, the four edge middles, the centre). A copy
 * that was cropped by c% and rescaled is then close to the window of the other image that
 * covers the same part of the picture. The distance from a shown image to a candidate is the
 * smallest Hamming distance between the shown image's full-frame hash and any hash of the
 * candidate: `cropTolerantDistance`. Taking a minimum over 37 comparisons raises the chance that
 * two different pictures come close, so its threshold must be chosen, and its false-match rate
 * measured, with this same minimum (notebook 03 does both, on separate images).
 *
 * The idea of matching an image against a pyramid of aligned crops is the standard remedy for
 * the crop sensitivity of global perceptual hashes (Zauner 2010, ch. 5 "cropping" results; the
 * "multi-resolution / block" variants surveyed by Du, Ho & Cong, "Perceptual hashing for image
 * authentication: a survey", Signal Processing: Image Communication 81, 2020).
 */
import { lumaBT601 } from './grey';
import { pHashFromLuma } from './hash';
import { hammingDistanceHex } from '../compare/hamming';

/** A sub-window of the image in fractions of its width and height. */
export interface CropWindow { scale: number; x: number; y: number }

/** Scales of the windows (share of the side kept). */
export const CROP_SCALES: readonly number[] = [0.95, 0.9, 0.85, 0.8];

/** The 36 windows: each scale at the 3 x 3 aligned positions (offset 0, half, all of the margin). */
export const CROP_WINDOWS: readonly CropWindow[] = CROP_SCALES.flatMap((scale) =>
  [0, 0.5, 1].flatMap((fy) => [0, 0.5, 1].map((fx) => ({ scale, x: fx * (1 - scale), y: fy * (1 - scale) }))),
);

/** Full-frame pHash plus the pHash of every window, in `CROP_WINDOWS` order. */
export interface CropHashes { pHash: string; windows: string[] }

/**
 * pHash of the full frame and of each crop window of decoded RGB pixels.
 * @example
 * const h = cropHashesFromPixels(img.pixels, img.width, img.height);
 * h.windows.length; // 36
 */
export function cropHashesFromPixels(pixels: Uint8Array, width: number, height: number, windows: readonly CropWindow[] = CROP_WINDOWS): CropHashes {
  const luma = lumaBT601(pixels, width, height);
  return { pHash: pHashFromLuma(luma, width, height), windows: windows.map((w) => pHashFromLuma(...cut(luma, width, height, w))) };
}

function cut(luma: Float32Array, width: number, height: number, w: CropWindow): [Float32Array, number, number] {
  const cw = Math.max(1, Math.round(width * w.scale));
  const ch = Math.max(1, Math.round(height * w.scale));
  const x0 = Math.min(width - cw, Math.round(width * w.x));
  const y0 = Math.min(height - ch, Math.round(height * w.y));
  const out = new Float32Array(cw * ch);
  for (let r = 0; r < ch; r++) out.set(luma.subarray((y0 + r) * width + x0, (y0 + r) * width + x0 + cw), r * cw);
  return [out, cw, ch];
}

/**
 * Crop-tolerant distance from a shown image to a candidate: the smallest Hamming distance between
 * the shown image's full-frame pHash and the candidate's full-frame pHash or any of its window
 * hashes (the shown copy is taken to be the candidate, cropped and rescaled). With no windows
 * (a hash column holds only the full frame) it is the plain pHash distance.
 * @example
 * cropTolerantDistance('ffffffffffffffff', { pHash: '0000000000000000', windows: ['fffffffffffffff0'] }); // 4
 */
export function cropTolerantDistance(shownPHash: string, candidate: CropHashes): number {
  let d = hammingDistanceHex(shownPHash, candidate.pHash);
  for (const w of candidate.windows) if (d > 0) d = Math.min(d, hammingDistanceHex(shownPHash, w));
  return d;
}
