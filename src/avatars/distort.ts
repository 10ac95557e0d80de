/**
 * The distortions an avatar suffers between platforms, as data: each has a kind, a parameter,
 * a sentence a reader can check, and an `apply` that produces real encoded bytes with sharp
 * (libvips), the same encoders a platform's image pipeline would use.
 *
 * Kinds (issue 5): resize (40 to 640 px on the long side), JPEG re-encode (quality 30 to 95),
 * format change (to WebP, GIF, JPEG), small crop (at most 5% of width and height) and slight
 * colour shift (brightness, saturation, hue, tint).
 */
import sharp from 'sharp';

export type DistortionKind = 'resize' | 'jpeg' | 'format' | 'crop' | 'colour';
export const DISTORTION_KINDS: readonly DistortionKind[] = ['resize', 'jpeg', 'format', 'crop', 'colour'];

export interface Distortion {
  /** Short unique name, e.g. 'jpeg-q30'. */
  name: string;
  kind: DistortionKind;
  /** The parameter in words, e.g. 'quality 30'. */
  parameter: string;
  /** What is done, in one sentence. */
  description: string;
  /** Output format of `apply`. */
  format: 'png' | 'jpeg' | 'webp' | 'gif';
  apply: (bytes: Uint8Array) => Promise<Buffer>;
}

const lossless = (s: sharp.Sharp): Promise<Buffer> => s.png().toBuffer();

function resize(px: number): Distortion {
  return {
    name: `resize-${px}`, kind: 'resize', parameter: `${px} px`, format: 'png',
    description: `resized to ${px} x ${px} px (Lanczos-3, libvips default), saved losslessly as PNG`,
    apply: (b) => lossless(sharp(b).resize(px, px, { fit: 'fill' })),
  };
}
function jpeg(q: number): Distortion {
  return {
    name: `jpeg-q${q}`, kind: 'jpeg', parameter: `quality ${q}`, format: 'jpeg',
    description: `re-encoded as baseline JPEG at quality ${q} (mozjpeg, 4:2:0 chroma subsampling)`,
    apply: (b) => sharp(b).jpeg({ quality: q }).toBuffer(),
  };
}
function crop(share: number, where: 'corner' | 'centre'): Distortion {
  const pct = Math.round(share * 1000) / 10;
  return {
    name: `crop-${pct}pct-${where}`, kind: 'crop', parameter: `${pct}% ${where}`, format: 'png',
    description: where === 'corner'
      ? `${pct}% of the width cut from the left and ${pct}% of the height from the top`
      : `${pct / 2}% cut from each of the four edges (${pct}% of width and of height)`,
    apply: async (b) => {
      const m = await sharp(b).metadata();
      const w = m.width!, h = m.height!;
      const cw = Math.round(w * share), ch = Math.round(h * share);
      const left = where === 'corner' ? cw : Math.floor(cw / 2);
      const top = where === 'corner' ? ch : Math.floor(ch / 2);
      return lossless(sharp(b).extract({ left, top, width: w - cw, height: h - ch }));
    },
  };
}

/** The default grid of distortions measured for robustness (21 of them). */
export const DEFAULT_DISTORTIONS: readonly Distortion[] = [
  resize(40), resize(64), resize(96), resize(200), resize(320), resize(640),
  jpeg(30), jpeg(50), jpeg(75), jpeg(95),
  {
    name: 'format-webp', kind: 'format', parameter: 'WebP q80', format: 'webp',
    description: 'converted to lossy WebP at quality 80 (libwebp)',
    apply: (b) => sharp(b).webp({ quality: 80 }).toBuffer(),
  },
  {
    name: 'format-gif', kind: 'format', parameter: 'GIF 256 colours', format: 'gif',
    description: 'converted to GIF: palette of at most 256 colours with dithering (libimagequant, cgif)',
    apply: (b) => sharp(b).gif().toBuffer(),
  },
  {
    name: 'format-jpeg', kind: 'format', parameter: 'JPEG q85', format: 'jpeg',
    description: 'converted to JPEG at quality 85 (mozjpeg, 4:2:0)',
    apply: (b) => sharp(b).jpeg({ quality: 85 }).toBuffer(),
  },
  crop(0.02, 'corner'), crop(0.05, 'corner'), crop(0.05, 'centre'),
  {
    name: 'colour-brighter', kind: 'colour', parameter: 'brightness x1.08', format: 'png',
    description: 'brightness multiplied by 1.08 (libvips modulate, in LCh)',
    apply: (b) => lossless(sharp(b).modulate({ brightness: 1.08 })),
  },
  {
    name: 'colour-darker', kind: 'colour', parameter: 'brightness x0.92', format: 'png',
    description: 'brightness multiplied by 0.92 (libvips modulate, in LCh)',
    apply: (b) => lossless(sharp(b).modulate({ brightness: 0.92 })),
  },
  {
    name: 'colour-saturation', kind: 'colour', parameter: 'saturation x1.25', format: 'png',
    description: 'saturation multiplied by 1.25 (a "vivid" filter)',
    apply: (b) => lossless(sharp(b).modulate({ saturation: 1.25 })),
  },
  {
    name: 'colour-hue', kind: 'colour', parameter: 'hue +15 degrees', format: 'png',
    description: 'hue rotated by 15 degrees',
    apply: (b) => lossless(sharp(b).modulate({ hue: 15 })),
  },
  {
    name: 'colour-warm', kind: 'colour', parameter: 'R x1.06 +6, B x0.94', format: 'png',
    description: 'warm tint: red channel x1.06 + 6, blue channel x0.94 (a "warm" filter)',
    apply: (b) => lossless(sharp(b).removeAlpha().linear([1.06, 1, 0.94], [6, 0, 0])),
  },
];

/** Look up a default distortion by name; throws listing the names if unknown. */
export function distortionByName(name: string): Distortion {
  const d = DEFAULT_DISTORTIONS.find((x) => x.name === name);
  if (!d) throw new RangeError(`unknown distortion '${name}'; known: ${DEFAULT_DISTORTIONS.map((x) => x.name).join(', ')}`);
  return d;
}
