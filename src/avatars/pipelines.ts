/**
 * Platform pipelines for the crop table: a crop of a given share of the side, placed at a
 * corner, the centre or a random offset, then a resize to a platform size (100-180 px, the
 * range of avatar thumbnails) and a JPEG re-encode (quality 60-95). The placement, size and
 * quality are drawn from a seeded Rng when the pipeline is made, so `apply` is deterministic.
 */
import sharp from 'sharp';
import { type Rng, randomInt } from '../stats/random';
import type { Distortion } from './distort';

/** Crop shares measured in the crop table (share of width and of height cut). */
export const CROP_LEVELS: readonly number[] = [0, 0.025, 0.05, 0.1, 0.15, 0.2];

export type CropPlacement = 'corner' | 'centre' | 'offset';

/** A platform pipeline with its crop share (for grouping the results). */
export interface PlatformPipeline extends Distortion { crop: number; placement: CropPlacement; size: number; quality: number }

/**
 * One seeded platform pipeline.
 * @example
 * const p = platformPipeline(0.1, seededRandom(1));
 * p.name;                      // e.g. 'crop-10pct-centre-143px-q71'
 * await p.apply(bytes);        // JPEG bytes
 */
export function platformPipeline(crop: number, rng: Rng): PlatformPipeline {
  if (!(crop >= 0 && crop < 0.5)) throw new RangeError(`crop share must be in [0, 0.5), got ${crop}`);
  const placement = (['corner', 'centre', 'offset'] as const)[randomInt(rng, 3)]!;
  const corner = randomInt(rng, 4);
  const fx = placement === 'corner' ? corner % 2 : placement === 'centre' ? 0.5 : rng();
  const fy = placement === 'corner' ? Math.floor(corner / 2) : placement === 'centre' ? 0.5 : rng();
  const size = 100 + randomInt(rng, 81);
  const quality = 60 + randomInt(rng, 36);
  const pct = Math.round(crop * 1000) / 10;
  return {
    name: `crop-${pct}pct-${placement}-${size}px-q${quality}`, kind: 'crop', parameter: `${pct}% ${placement}`, format: 'jpeg',
    description: `${pct}% of width and height cut (${placement}), resized to ${size} x ${size} px, JPEG quality ${quality}`,
    crop, placement, size, quality,
    apply: async (b) => {
      const m = await sharp(b).metadata();
      const w = m.width!, h = m.height!;
      const cw = Math.round(w * crop), ch = Math.round(h * crop);
      const left = Math.min(cw, Math.round(cw * fx)), top = Math.min(ch, Math.round(ch * fy));
      return sharp(b).extract({ left, top, width: w - cw, height: h - ch }).resize(size, size, { fit: 'fill' }).jpeg({ quality }).toBuffer();
    },
  };
}
