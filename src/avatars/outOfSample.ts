/**
 * Error rates measured out of sample, with the image as the unit.
 *
 * The images are split at random (seeded) into a tuning half and a test half. Each image is
 * compared with distorted copies of itself (same-picture pairs: the default distortions and
 * the seeded platform pipelines of the crop table) and with every other image of its half
 * (different-picture pairs, ordered: the shown image's full frame against the other's crops).
 * The threshold is chosen on the tuning half only (`chooseThreshold`: largest Youden J with
 * an observed false-match rate <= the limit); the false-match and false-non-match rates are
 * then counted on the test half.
 *
 * Pairs share images (one image is in 20-40 same-picture pairs and in every different-picture
 * pair of its half), so pairs are not independent trials. Intervals therefore resample images,
 * not pairs: the "subsets bootstrap" of Bolle, Ratha & Pankanti ("Error analysis of pattern
 * recognition systems: the subsets bootstrap", Computer Vision and Image Understanding 93,
 * 2004), as recommended for biometric error rates in ISO/IEC 19795-1:2021; a cluster bootstrap
 * in the sense of Field & Welsh ("Bootstrapping clustered data", JRSS B 69, 2007). A resample
 * draws test images with replacement; the false-non-match rate is the weighted share of its
 * same-picture pairs in error, the false-match rate that of its ordered pairs of distinct
 * draws. Percentile intervals. When no error is observed, the bootstrap cannot move off 0,
 * so the upper bound is the Clopper-Pearson bound for 0 errors in as many trials as there are
 * test images (one trial per image: the most conservative count of independent units).
 */
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { type Rng, deriveSeed, randomInt, seededRandom } from '../stats/random';
import { type CropHashes, cropHashesFromPixels, cropTolerantDistance } from './crops';
import { decodeAvatar } from './decode';
import { DEFAULT_DISTORTIONS, type Distortion } from './distort';
import { hammingDistanceHex } from '../compare/hamming';
import { CROP_LEVELS, platformPipeline } from './pipelines';
import { type ThresholdChoice, chooseThreshold } from './roc';

/** One image to measure on. */
export interface MeasuredImage { name: string; bytes: Uint8Array; hashes: CropHashes }

export interface SplitMeasureOptions {
  seed: number;
  /** Share of images used to choose the threshold (default 0.5). */
  tuningShare?: number;
  /** Platform pipelines per image and crop level (default 2). */
  pipelinesPerLevel?: number;
  cropLevels?: readonly number[];
  distortions?: readonly Distortion[];
  onProgress?: (done: number, total: number) => void;
}

/** Same-picture pairs and ordered different-picture distances, by image. */
export interface SplitMeasurement {
  images: string[];
  /** 'tuning' or 'test', by image. */
  half: Array<'tuning' | 'test'>;
  same: {
    image: Int32Array;
    /** Distortion group: 'crop 5%' for a platform pipeline, else the distortion kind. */
    group: string[];
    distortion: string[];
    plain: Uint8Array;
    tolerant: Uint8Array;
  };
  /** n x n, row = shown image, column = candidate (diagonal unused). */
  different: { plain: Uint8Array; tolerant: Uint8Array };
}

export const cropGroup = (c: number): string => `crop ${Math.round(c * 1000) / 10}%`;

/**
 * Distort each image, hash, and measure every pair needed for the split.
 * @example
 * const m = await measureSplit(images, { seed: 7 });
 * m.half.filter((h) => h === 'test').length; // half of the images
 */
export async function measureSplit(images: readonly MeasuredImage[], options: SplitMeasureOptions): Promise<SplitMeasurement> {
  const n = images.length;
  if (n < 4) throw new RangeError(`the split measurement needs at least 4 distinct images; got ${n}`);
  const order = shuffle(n, seededRandom(deriveSeed(options.seed, 'avatars/split')));
  const nTune = Math.max(2, Math.min(n - 2, Math.round(n * (options.tuningShare ?? 0.5))));
  const half = new Array<'tuning' | 'test'>(n).fill('test');
  for (let k = 0; k < nTune; k++) half[order[k]!] = 'tuning';
  const distortions = options.distortions ?? DEFAULT_DISTORTIONS;
  const levels = options.cropLevels ?? CROP_LEVELS;
  const per = options.pipelinesPerLevel ?? 2;
  const sImage: number[] = [], sGroup: string[] = [], sName: string[] = [], sPlain: number[] = [], sTol: number[] = [];
  for (let i = 0; i < n; i++) {
    const im = images[i]!;
    const rng = seededRandom(deriveSeed(options.seed, `avatars/pipelines/${i}`));
    const jobs: Array<{ d: Distortion; group: string }> = distortions.map((d) => ({ d, group: d.kind }));
    for (const c of levels) for (let k = 0; k < per; k++) jobs.push({ d: platformPipeline(c, rng), group: cropGroup(c) });
    const hashes = await Promise.all(jobs.map(async ({ d }) => {
      const out = await d.apply(im.bytes);
      const img = await decodeAvatar({ file: `${im.name} [${d.name}]`, bytes: out });
      return cropHashesFromPixels(img.pixels, img.width, img.height, []).pHash;
    }));
    jobs.forEach(({ d, group }, k) => {
      sImage.push(i); sGroup.push(group); sName.push(d.name);
      sPlain.push(hammingDistanceHex(hashes[k]!, im.hashes.pHash));
      sTol.push(cropTolerantDistance(hashes[k]!, im.hashes));
    });
    options.onProgress?.(i + 1, n);
  }
  const plain = new Uint8Array(n * n), tolerant = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || half[i] !== half[j]) continue;
      plain[i * n + j] = hammingDistanceHex(images[i]!.hashes.pHash, images[j]!.hashes.pHash);
      tolerant[i * n + j] = cropTolerantDistance(images[i]!.hashes.pHash, images[j]!.hashes);
    }
  }
  return {
    images: images.map((m) => m.name), half,
    same: { image: Int32Array.from(sImage), group: sGroup, distortion: sName, plain: Uint8Array.from(sPlain), tolerant: Uint8Array.from(sTol) },
    different: { plain, tolerant },
  };
}

function shuffle(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export type DistanceKind = 'plain' | 'tolerant';

function halfPairs(m: SplitMeasurement, half: 'tuning' | 'test', kind: DistanceKind): { same: number[]; different: number[] } {
  const n = m.images.length;
  const same: number[] = [];
  for (let k = 0; k < m.same.image.length; k++) if (m.half[m.same.image[k]!] === half) same.push(m.same[kind][k]!);
  const different: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && m.half[i] === half && m.half[j] === half) different.push(m.different[kind][i * n + j]!);
  return { same, different };
}

/** The threshold chosen on the tuning half. */
export function chooseOnTuning(m: SplitMeasurement, kind: DistanceKind, maxFalseMatchRate: number): ThresholdChoice {
  const p = halfPairs(m, 'tuning', kind);
  return chooseThreshold(p.same, p.different, { maxFalseMatchRate });
}

export interface OutOfSampleRate {
  /** 'crop 5%', 'resize', ..., 'all distortions' or 'different pictures'. */
  pairs: string;
  error: 'false non-match' | 'false match';
  distance: DistanceKind;
  threshold: number;
  /** Test images contributing, pairs, errors. */
  images: number;
  n: number;
  errors: number;
  rate: number;
  /** Image-bootstrap percentile interval (see the module comment for 0 errors). */
  lower: number;
  upper: number;
}

/**
 * False-non-match rates by distortion group and overall, and the false-match rate, on the test
 * half at a threshold, with image-bootstrap intervals.
 */
export function testRates(m: SplitMeasurement, kind: DistanceKind, threshold: number, options: { replicates: number; level: number; seed: number }): OutOfSampleRate[] {
  const n = m.images.length;
  const test = m.half.map((h, i) => (h === 'test' ? i : -1)).filter((i) => i >= 0);
  const nt = test.length;
  const pos = new Int32Array(n).fill(-1);
  test.forEach((i, k) => (pos[i] = k));
  const groups = [...new Set(m.same.group)];
  const all = [...groups, 'all distortions'];
  // Per test image and group: errors and trials.
  const err = all.map(() => new Float64Array(nt));
  const tri = all.map(() => new Float64Array(nt));
  for (let k = 0; k < m.same.image.length; k++) {
    const p = pos[m.same.image[k]!]!;
    if (p < 0) continue;
    const e = m.same[kind][k]! > threshold ? 1 : 0;
    const g = groups.indexOf(m.same.group[k]!);
    err[g]![p] += e; tri[g]![p]++;
    err[all.length - 1]![p] += e; tri[all.length - 1]![p]++;
  }
  const fm = new Uint8Array(nt * nt);
  for (let a = 0; a < nt; a++) for (let b = 0; b < nt; b++) if (a !== b) fm[a * nt + b] = m.different[kind][test[a]! * n + test[b]!]! <= threshold ? 1 : 0;

  const rng = seededRandom(deriveSeed(options.seed, 'avatars/image-bootstrap'));
  const B = options.replicates;
  const boots = all.map(() => new Float64Array(B));
  const bootFm = new Float64Array(B);
  const w = new Float64Array(nt);
  for (let r = 0; r < B; r++) {
    w.fill(0);
    for (let k = 0; k < nt; k++) w[randomInt(rng, nt)]++;
    all.forEach((_, g) => {
      let e = 0, t = 0;
      for (let k = 0; k < nt; k++) if (w[k]) { e += w[k]! * err[g]![k]!; t += w[k]! * tri[g]![k]!; }
      boots[g]![r] = t > 0 ? e / t : 0;
    });
    let s = 0, s2 = 0, e = 0;
    for (let a = 0; a < nt; a++) {
      if (!w[a]) continue;
      s += w[a]!; s2 += w[a]! * w[a]!;
      for (let b = 0; b < nt; b++) if (w[b] && a !== b && fm[a * nt + b]) e += w[a]! * w[b]!;
    }
    // A resample of one image drawn every time has no pair of distinct draws: no figure (NaN, dropped).
    bootFm[r] = s * s - s2 > 0 ? e / (s * s - s2) : NaN;
  }
  const alpha = (1 - options.level) / 2;
  const interval = (xs: Float64Array, errors: number): [number, number] => {
    const sorted = Float64Array.from(xs.filter((x) => !Number.isNaN(x))).sort();
    const k = sorted.length;
    const q = (p: number) => sorted[Math.min(k - 1, Math.max(0, Math.round(p * (k - 1))))]!;
    return errors === 0 ? [0, clopperPearsonInterval(0, nt, options.level)[1]] : [q(alpha), q(1 - alpha)];
  };
  const rows: OutOfSampleRate[] = all.map((g, gi) => {
    const e = err[gi]!.reduce((a, b) => a + b, 0), t = tri[gi]!.reduce((a, b) => a + b, 0);
    const [lower, upper] = interval(boots[gi]!, e);
    return { pairs: g, error: 'false non-match', distance: kind, threshold, images: tri[gi]!.filter((x) => x > 0).length, n: t, errors: e, rate: t ? e / t : NaN, lower, upper };
  });
  let e = 0;
  for (const x of fm) e += x;
  const [lower, upper] = interval(bootFm, e);
  rows.push({ pairs: 'different pictures', error: 'false match', distance: kind, threshold, images: nt, n: nt * (nt - 1), errors: e, rate: e / (nt * (nt - 1)), lower, upper });
  return rows;
}
