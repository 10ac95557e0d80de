/**
 * Perceptual hashes of an avatar, 64 bits each, written as 16 lower-case hex digits. Bit 0
 * (the most significant bit of the first hex digit) is the top-left cell; bits run row by row.
 * All three start from the BT.601 luma of the decoded image (`lumaBT601`) and shrink it by area
 * averaging (`areaResize`), never by a library kernel, so the hash of given pixels is fixed.
 *
 * - aHash, average hash (Krawetz, "Looks like it", 2011): shrink to 8 x 8; bit = 1 where the
 *   cell is brighter than the mean of the 64 cells.
 * - dHash, difference hash (Krawetz, "Kind of like that", 2013 follow-up to the 2011 post):
 *   shrink to 9 x 8; bit = 1 where a cell is brighter than its right-hand neighbour
 *   (the opposite convention gives the complement hash and identical Hamming distances).
 * - pHash, DCT hash (Zauner, "Implementation and benchmarking of perceptual image hash
 *   functions", Master's thesis, Hagenberg 2010; the pHash library's ph_dct_imagehash):
 *   shrink to 32 x 32; 2-D DCT-II; keep the 8 x 8 block of lowest frequencies excluding the
 *   DC row and column (coefficients 1..8 x 1..8); bit = 1 where the coefficient exceeds the
 *   median of the 64. The pHash library also applies a 7 x 7 mean filter before shrinking;
 *   here area averaging from the full-size image is the low-pass step.
 *
 * Two images are compared by the Hamming distance of their hashes (`hammingDistanceHex`).
 */
import { type AvatarSource, type DecodeOptions, type DecodedAvatar, decodeAvatar } from './decode';
import { areaResize, lumaBT601 } from './grey';

export type HashKind = 'aHash' | 'dHash' | 'pHash';
export const HASH_KINDS: readonly HashKind[] = ['aHash', 'dHash', 'pHash'];

/** The three hashes of one image, each 16 hex digits. */
export interface AvatarHashes { aHash: string; dHash: string; pHash: string }

/** Hashes plus what was hashed (for provenance). */
export interface HashedAvatar extends AvatarHashes {
  file: string;
  format: string;
  width: number;
  height: number;
}

/** 64 bits (as 0/1 flags, row-major) to 16 hex digits. */
export function bitsToHex(bits: ArrayLike<number>): string {
  if (bits.length !== 64) throw new RangeError(`expected 64 bits, got ${bits.length}`);
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 32; i++) hi = ((hi << 1) | (bits[i] ? 1 : 0)) >>> 0;
  for (let i = 32; i < 64; i++) lo = ((lo << 1) | (bits[i] ? 1 : 0)) >>> 0;
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** The aHash rule on an 8 x 8 grid (row-major): bit i is 1 when cell i is above the grid's mean. */
function aboveMeanHex(g: ArrayLike<number>): string {
  let mean = 0;
  for (let i = 0; i < 64; i++) mean += g[i]!;
  mean /= 64;
  const bits = new Uint8Array(64);
  for (let i = 0; i < 64; i++) bits[i] = g[i]! > mean ? 1 : 0;
  return bitsToHex(bits);
}

/**
 * Average hash of a grey image.
 * @example
 * // left half black, right half white: each row reads 00001111
 * aHashFromLuma(new Float32Array(64).map((_, i) => (i % 8 < 4 ? 0 : 255)), 8, 8); // '0f0f0f0f0f0f0f0f'
 */
export function aHashFromLuma(luma: ArrayLike<number>, width: number, height: number): string {
  const g = areaResize(luma, width, height, 8, 8);
  return aboveMeanHex(g);
}

/**
 * Difference hash of a grey image.
 * @example
 * // brightness falling left to right: every cell brighter than its right neighbour
 * dHashFromLuma(new Float32Array(72).map((_, i) => 255 - (i % 9) * 20), 9, 8); // 'ffffffffffffffff'
 */
export function dHashFromLuma(luma: ArrayLike<number>, width: number, height: number): string {
  const g = areaResize(luma, width, height, 9, 8);
  const bits = new Uint8Array(64);
  for (let r = 0; r < 8; r++) {
    for (let c = 0; c < 8; c++) bits[r * 8 + c] = g[r * 9 + c]! > g[r * 9 + c + 1]! ? 1 : 0;
  }
  return bitsToHex(bits);
}

/** cos((2x + 1) u pi / 64) for u = 1..8, x = 0..31 (DCT-II basis rows, unnormalised). */
const DCT_ROWS: Float64Array = (() => {
  const m = new Float64Array(8 * 32);
  for (let u = 1; u <= 8; u++) {
    for (let x = 0; x < 32; x++) m[(u - 1) * 32 + x] = Math.cos(((2 * x + 1) * u * Math.PI) / 64);
  }
  return m;
})();

/**
 * The 64 DCT-II coefficients (u, v in 1..8) of a 32 x 32 grey image, row-major by v then u
 * (vertical frequency, horizontal frequency). Normalisation constants are omitted: for u, v >= 1
 * they are one common factor, which does not change the comparison with the median.
 */
export function dctLowFrequencies(g32: ArrayLike<number>): Float64Array {
  // T = D * G   (8 x 32): vertical frequencies v for each column x.
  const t = new Float64Array(8 * 32);
  for (let v = 0; v < 8; v++) {
    for (let x = 0; x < 32; x++) {
      let s = 0;
      for (let y = 0; y < 32; y++) s += DCT_ROWS[v * 32 + y]! * g32[y * 32 + x]!;
      t[v * 32 + x] = s;
    }
  }
  // C = T * D^T (8 x 8).
  const c = new Float64Array(64);
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let x = 0; x < 32; x++) s += t[v * 32 + x]! * DCT_ROWS[u * 32 + x]!;
      c[v * 8 + u] = s;
    }
  }
  return c;
}

/**
 * DCT (pHash-style) hash of a grey image.
 * @example
 * // Adding a constant or scaling the grey levels only changes the DC term, which is excluded:
 * pHashFromLuma(luma.map((v) => 0.8 * v + 20), 96, 96) === pHashFromLuma(luma, 96, 96); // true
 */
export function pHashFromLuma(luma: ArrayLike<number>, width: number, height: number): string {
  return pHashFrom32(areaResize(luma, width, height, 32, 32));
}

/** aHash bits from a 32 x 32 area-averaged grid: 4 x 4 block means give the 8 x 8 grid exactly. */
function aHashFrom32(g32: Float64Array): string {
  const g = new Float64Array(64);
  for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) g[(y >> 2) * 8 + (x >> 2)] += g32[y * 32 + x]!;
  return aboveMeanHex(g);
}

function pHashFrom32(g32: Float64Array): string {
  const c = dctLowFrequencies(g32);
  const sorted = Float64Array.from(c).sort();
  const median = (sorted[31]! + sorted[32]!) / 2;
  const bits = new Uint8Array(64);
  for (let i = 0; i < 64; i++) bits[i] = c[i]! > median ? 1 : 0;
  return bitsToHex(bits);
}

/**
 * All three hashes of decoded pixels. The 32 x 32 grid is computed once and serves pHash and,
 * by exact 4 x 4 block averaging (area cells nest), aHash; `aHashFromLuma`, `pHashFromLuma`
 * give the same hashes one at a time.
 */
export function hashPixels(img: Pick<DecodedAvatar, 'pixels' | 'width' | 'height'>): AvatarHashes {
  const luma = lumaBT601(img.pixels, img.width, img.height);
  const g32 = areaResize(luma, img.width, img.height, 32, 32);
  return {
    aHash: aHashFrom32(g32),
    dHash: dHashFromLuma(luma, img.width, img.height),
    pHash: pHashFrom32(g32),
  };
}

/**
 * Decode (with all evidence checks) and hash one avatar.
 * @example
 * const h = await hashAvatar('datasets/avatars/images/p001-weibo.jpg');
 * h.pHash; // 16 hex digits, e.g. 'c3a1...'
 */
export async function hashAvatar(source: AvatarSource, options: DecodeOptions = {}): Promise<HashedAvatar> {
  const img = await decodeAvatar(source, options);
  return { file: img.file, format: img.format, width: img.width, height: img.height, ...hashPixels(img) };
}

export interface HashManyOptions extends DecodeOptions {
  /** Images decoded at once (libvips works in its own threads; default 4). */
  concurrency?: number;
  /** Called after each image with the number done so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Hash many avatars, results in input order. The first refused file stops the run with its
 * evidence error (no partial result).
 */
export async function hashAvatars(sources: readonly AvatarSource[], options: HashManyOptions = {}): Promise<HashedAvatar[]> {
  const out = new Array<HashedAvatar>(sources.length);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < sources.length) {
      const i = next++;
      out[i] = await hashAvatar(sources[i]!, options);
      done++;
      options.onProgress?.(done, sources.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sources.length) }, worker));
  return out;
}
