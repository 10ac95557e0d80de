/**
 * Seeded generator of a synthetic avatar evidence set (no real people): for each synthetic
 * person, the avatar on Weibo, QQ and Renren, and the avatar the defendant's app displayed,
 * with the ground truth of where the displayed one came from. It imitates the avatar-app
 * defence of Weibo v. Maimai (FACTS.md, case 1, inference 2: avatars said to come from QQ and
 * Renren logins).
 *
 * Per person, the platforms' avatars are (variant kinds in the manifest):
 * - 'identical': the same file, byte for byte, on every platform holding it (the upload
 *   served unchanged);
 * - 'reencoded': the same picture, resized and re-encoded by each platform's own pipeline;
 * - 'platform-specific': a picture used on this platform only.
 * The displayed avatar (kind 'displayed') is the source platform's file as the app would have
 * fetched it, resized to 96 px and re-encoded as JPEG quality 75; or, for a share of people,
 * a picture from none of the platforms (derived_from 'none').
 *
 * Every random choice comes from `seededRandom(seed)` streams (`deriveSeed`); images are
 * drawn by `renderScene` and encoded by sharp. Sharp's PNG, JPEG (mozjpeg), WebP and GIF
 * encoders are deterministic for a given sharp/libvips build: the same seed gives the same
 * bytes (checked by test/avatars-dataset.test.ts against the committed files).
 */
import { sha256Bytes } from '../io/provenance';
import sharp from 'sharp';
import { type Rng, deriveSeed, randomInt, seededRandom } from '../stats/random';
import { type Scene, renderScene } from './draw';
import { DEFAULT_DISTORTIONS } from './distort';
import { AVATAR_STYLES, type AvatarStyle, randomAvatarScene } from './scenes';

export const PLATFORMS = ['weibo', 'qq', 'renren'] as const;
export type Platform = (typeof PLATFORMS)[number];
export type VariantKind = 'identical' | 'reencoded' | 'platform-specific' | 'displayed';

/** One row of `manifest.csv`. */
export interface AvatarManifestRow {
  person_id: string;
  /** 'weibo' | 'qq' | 'renren' for a platform's avatar, 'displayed' for the app's. */
  platform: Platform | 'displayed';
  /** Path relative to the manifest's folder. */
  file: string;
  variant_kind: VariantKind;
  /** Ground truth (synthetic): which drawn picture the file shows. */
  picture_id: string;
  /** Ground truth for displayed rows: the platform it was fetched from, or 'none'; '' otherwise. */
  derived_from: Platform | 'none' | '';
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  sha256: string;
}

export const MANIFEST_COLUMNS: ReadonlyArray<keyof AvatarManifestRow> =
  ['person_id', 'platform', 'file', 'variant_kind', 'picture_id', 'derived_from', 'format', 'width', 'height', 'sha256'];

/** One row of `robustness/manifest.csv`: a base picture or one distortion of it. */
export interface RobustnessManifestRow {
  base_id: string;
  distortion: string;
  kind: string;
  parameter: string;
  file: string;
  sha256: string;
}

export interface GenerateOptions {
  seed: number;
  /** Synthetic people (default 80). */
  persons?: number;
  /** Base pictures for the committed distortion fixtures (default 8, one per style first). */
  robustnessBases?: number;
}

export interface GeneratedFile { path: string; bytes: Buffer }

export interface GeneratedAvatarDataset {
  files: GeneratedFile[];
  manifest: AvatarManifestRow[];
  robustness: RobustnessManifestRow[];
}

/** How each platform re-encodes an uploaded avatar (synthetic pipelines, stated in the README). */
export const PLATFORM_PIPELINES: Record<Platform, { size: number; format: 'png' | 'jpeg'; quality?: number }> = {
  weibo: { size: 100, format: 'jpeg', quality: 85 },
  qq: { size: 96, format: 'png' },
  renren: { size: 96, format: 'jpeg', quality: 80 },
};
/** The displayed avatar: the fetched file resized to 96 px, JPEG quality 75. */
export const DISPLAY_PIPELINE = { size: 96, format: 'jpeg' as const, quality: 75 };
/** Upload size of the master pictures. */
export const MASTER_SIZE = 160;

/** Person scenarios and their probabilities. */
const SCENARIOS = [
  { name: 'same-identical', p: 0.3 },
  { name: 'same-reencoded', p: 0.25 },
  { name: 'all-different', p: 0.25 },
  { name: 'partial', p: 0.2 },
] as const;
/** Where the displayed avatar came from. */
const SOURCES: Array<{ from: Platform | 'none'; p: number }> = [
  { from: 'weibo', p: 0.72 }, { from: 'qq', p: 0.12 }, { from: 'renren', p: 0.08 }, { from: 'none', p: 0.08 },
];

function draw<T extends { p: number }>(rng: Rng, xs: readonly T[]): T {
  let r = rng();
  for (const x of xs) {
    r -= x.p;
    if (r < 0) return x;
  }
  return xs[xs.length - 1]!;
}

function raw(pixels: Uint8Array, size: number): sharp.Sharp {
  return sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.length), { raw: { width: size, height: size, channels: 3 } });
}

async function encode(s: sharp.Sharp, p: { size: number; format: 'png' | 'jpeg'; quality?: number }): Promise<Buffer> {
  const r = s.resize(p.size, p.size, { fit: 'fill' });
  return p.format === 'png' ? r.png().toBuffer() : r.jpeg({ quality: p.quality ?? 80 }).toBuffer();
}

export function sha256Hex(bytes: Uint8Array): string {
  return sha256Bytes(bytes);
}

const ext = (f: 'png' | 'jpeg'): string => (f === 'png' ? 'png' : 'jpg');

/**
 * Generate the whole evidence set in memory (files + manifests). Deterministic in `seed`.
 * @example
 * const ds = await generateAvatarDataset({ seed: 2014, persons: 3 });
 * ds.manifest.filter((r) => r.platform === 'displayed').length; // 3
 */
export async function generateAvatarDataset(options: GenerateOptions): Promise<GeneratedAvatarDataset> {
  const seed = options.seed;
  const persons = options.persons ?? 80;
  const files: GeneratedFile[] = [];
  const manifest: AvatarManifestRow[] = [];
  const rng = seededRandom(deriveSeed(seed, 'avatars/persons'));
  let pictureCount = 0;
  const newPicture = (): { id: string; pixels: Uint8Array } => {
    const id = `pic${String(++pictureCount).padStart(4, '0')}`;
    const scene = randomAvatarScene(seededRandom(deriveSeed(seed, `avatars/${id}`)));
    return { id, pixels: renderScene(scene, MASTER_SIZE) };
  };
  const add = (row: Omit<AvatarManifestRow, 'sha256' | 'width' | 'height'> & { size: number }, bytes: Buffer): void => {
    const { size, ...rest } = row;
    files.push({ path: row.file, bytes });
    manifest.push({ ...rest, width: size, height: size, sha256: sha256Hex(bytes) });
  };

  for (let p = 1; p <= persons; p++) {
    const person = `p${String(p).padStart(3, '0')}`;
    const scenario = draw(rng, SCENARIOS).name;
    const has: Record<Platform, boolean> = { weibo: true, qq: rng() >= 0.06, renren: rng() >= 0.15 };
    const platforms = PLATFORMS.filter((pl) => has[pl]);
    // Which picture each platform shows.
    const main = newPicture();
    const pictureOf: Partial<Record<Platform, { id: string; pixels: Uint8Array }>> = {};
    const kindOf: Partial<Record<Platform, VariantKind>> = {};
    if (scenario === 'same-identical' || scenario === 'same-reencoded') {
      for (const pl of platforms) { pictureOf[pl] = main; kindOf[pl] = scenario === 'same-identical' ? 'identical' : 'reencoded'; }
    } else if (scenario === 'all-different') {
      platforms.forEach((pl, i) => { pictureOf[pl] = i === 0 ? main : newPicture(); kindOf[pl] = 'platform-specific'; });
    } else {
      // partial: one platform (chosen at random) has its own picture, the others share one.
      const odd = platforms[randomInt(rng, platforms.length)]!;
      const other = newPicture();
      for (const pl of platforms) {
        pictureOf[pl] = pl === odd ? other : main;
        kindOf[pl] = pl === odd || platforms.length - 1 < 2 ? 'platform-specific' : 'reencoded';
      }
    }
    // Encode per platform.
    const bytesOf: Partial<Record<Platform, Buffer>> = {};
    let identicalBytes: Buffer | null = null;
    for (const pl of platforms) {
      const pic = pictureOf[pl]!;
      const kind = kindOf[pl]!;
      let bytes: Buffer;
      let fmt: 'png' | 'jpeg';
      let size: number;
      if (kind === 'identical') {
        identicalBytes ??= await encode(raw(pic.pixels, MASTER_SIZE), PLATFORM_PIPELINES.weibo);
        bytes = identicalBytes;
        fmt = PLATFORM_PIPELINES.weibo.format;
        size = PLATFORM_PIPELINES.weibo.size;
      } else {
        const pipe = PLATFORM_PIPELINES[pl];
        bytes = await encode(raw(pic.pixels, MASTER_SIZE), pipe);
        fmt = pipe.format;
        size = pipe.size;
      }
      bytesOf[pl] = bytes;
      add({ person_id: person, platform: pl, file: `images/${person}-${pl}.${ext(fmt)}`, variant_kind: kind, picture_id: pic.id, derived_from: '', format: fmt, size }, bytes);
    }
    // The displayed avatar.
    let from = draw(rng, SOURCES).from;
    if (from !== 'none' && !has[from]) from = 'weibo';
    let shown: Buffer;
    let shownPicture: string;
    if (from === 'none') {
      const own = newPicture();
      shown = await encode(raw(own.pixels, MASTER_SIZE), DISPLAY_PIPELINE);
      shownPicture = own.id;
    } else {
      shown = await encode(sharp(bytesOf[from]!), DISPLAY_PIPELINE);
      shownPicture = pictureOf[from]!.id;
    }
    add({ person_id: person, platform: 'displayed', file: `images/${person}-displayed.jpg`, variant_kind: 'displayed', picture_id: shownPicture, derived_from: from, format: 'jpeg', size: DISPLAY_PIPELINE.size }, shown);
  }

  // Robustness fixtures: base pictures (one per style first, then faces), grain-free so the
  // 640-px copies stay small, and each default distortion of each.
  const robustness: RobustnessManifestRow[] = [];
  const nBases = options.robustnessBases ?? 8;
  for (let b = 1; b <= nBases; b++) {
    const id = `r${String(b).padStart(2, '0')}`;
    const style: AvatarStyle = b <= AVATAR_STYLES.length ? AVATAR_STYLES[b - 1]! : 'face';
    const scene: Scene = { shapes: randomAvatarScene(seededRandom(deriveSeed(seed, `avatars/robustness/${id}`)), style).shapes };
    const base = await raw(renderScene(scene, 128), 128).png().toBuffer();
    const basePath = `robustness/${id}-original.png`;
    files.push({ path: basePath, bytes: base });
    robustness.push({ base_id: id, distortion: 'original', kind: 'original', parameter: '', file: basePath, sha256: sha256Hex(base) });
    for (const d of DEFAULT_DISTORTIONS) {
      const out = await d.apply(base);
      const path = `robustness/${id}-${d.name}.${d.format === 'jpeg' ? 'jpg' : d.format}`;
      files.push({ path, bytes: out });
      robustness.push({ base_id: id, distortion: d.name, kind: d.kind, parameter: d.parameter, file: path, sha256: sha256Hex(out) });
    }
  }
  return { files, manifest, robustness };
}

/** CSV text (RFC 4180, LF line ends, header first) of rows with the given columns. */
export function toCsv<T extends object>(rows: readonly T[], columns: ReadonlyArray<keyof T>): string {
  const q = (v: unknown): string => {
    const s = String(v ?? '');
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => q(r[c])).join(','))].join('\n') + '\n';
}

/**
 * One SHA-256 over all images: the hex SHA-256 of the text "path sha256\n" for each file in
 * path order. Stated in the README so a reader can check the whole set with one figure.
 */
export function combinedHash(files: ReadonlyArray<{ path: string; sha256: string }>): string {
  const lines = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((f) => `${f.path} ${f.sha256}\n`);
  return sha256Hex(Buffer.from(lines.join(''), 'utf8'));
}
