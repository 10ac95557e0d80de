/**
 * Loading an avatar evidence set: a manifest (CSV, XLSX, JSON; read by `src/io` `readTable`)
 * naming, per person, the displayed avatar and the candidate avatars on each platform; every
 * image is checked (`decodeAvatar`), hashed, and its SHA-256 recorded (and compared with the
 * manifest's `sha256` column when present: a mismatch means the file is not the one listed).
 *
 * Manifest columns: `person_id`, `platform` ('displayed' for the app's avatar, any other name
 * for a platform, e.g. weibo, qq, renren), `file` (relative to the manifest's folder); optional
 * `sha256` (64 hex digits) and, for synthetic sets, `derived_from` (ground truth) and
 * `variant_kind`. Other columns are allowed and ignored.
 */
import type { ColumnMap } from '../io/columns';
import { dirname, resolve } from 'node:path';
import { EvidenceError, type EvidenceIssue, type ProvenanceEntry, type TableSchema, readEvidenceBytes, readTable, sha256Bytes } from '../io';
import type { PersonEvidence } from './attribution';
import type { DecodeOptions } from './decode';
import { cropHashesFromPixels } from './crops';
import { decodeAvatar } from './decode';
import { type HashedAvatar, hashPixels } from './hash';

export const AVATAR_MANIFEST_SCHEMA: TableSchema = {
  name: 'avatar-manifest',
  description: 'One row per avatar image: the person, the platform (or "displayed"), the file',
  columns: [
    { name: 'person_id', type: 'string', description: 'person the avatar belongs to' },
    { name: 'platform', type: 'string', pattern: /^[A-Za-z0-9_-]+$/, description: "'displayed' or a platform name such as weibo, qq, renren" },
    { name: 'file', type: 'string', description: "image path relative to the manifest's folder" },
    { name: 'sha256', type: 'string', required: false, nullable: true, pattern: /^[0-9a-fA-F]{64}$/, description: 'expected SHA-256 of the image file' },
    { name: 'derived_from', type: 'string', required: false, nullable: true, description: 'synthetic ground truth: source of the displayed avatar' },
    { name: 'variant_kind', type: 'string', required: false, nullable: true, description: 'synthetic: identical / reencoded / platform-specific / displayed' },
  ],
};

interface ManifestRow {
  person_id: string;
  platform: string;
  file: string;
  sha256: string | null;
  derived_from: string | null;
  variant_kind: string | null;
}

/** One image of the set, hashed, with its integrity figures. */
export interface AvatarImageRecord extends HashedAvatar {
  person: string;
  platform: string;
  /** Path as listed in the manifest. */
  listed: string;
  sha256: string;
  bytes: number;
  variantKind: string | null;
  /** pHash of each crop window (`CROP_WINDOWS`) for a platform's avatar; empty for the displayed one. */
  windows: string[];
  /** The file's bytes (robustness is measured on them). */
  data: Uint8Array;
}

export interface AvatarEvidenceSet {
  people: PersonEvidence[];
  images: AvatarImageRecord[];
  manifest: ProvenanceEntry;
}

export interface LoadEvidenceOptions extends DecodeOptions {
  /** Folder the manifest's paths are relative to (default: the manifest's folder). */
  imagesDir?: string;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Column map `{ ours: theirs }` for the manifest (see src/io/columns.ts). */
  columns?: ColumnMap;
}

/**
 * Read, check and hash a whole evidence set. Throws one `EvidenceError` listing every manifest
 * problem (duplicate person/platform, missing displayed avatar, SHA-256 mismatch), or the first
 * refused image; never returns a partial set.
 *
 * @example
 * const set = await loadAvatarEvidence('datasets/avatars/manifest.csv');
 * set.people.length;   // 80 synthetic people
 * set.images[0].pHash; // 16 hex digits
 */
export async function loadAvatarEvidence(manifestPath: string, options: LoadEvidenceOptions = {}): Promise<AvatarEvidenceSet> {
  const table = await readTable<ManifestRow>(manifestPath, AVATAR_MANIFEST_SCHEMA, options.columns ? { columns: options.columns } : {});
  const base = options.imagesDir ?? dirname(manifestPath);
  const rows = table.rows;
  const issues: EvidenceIssue[] = [];
  const line = (i: number): number => table.rowNumbers[i]!;
  const rowKind = table.rowKind;
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = `${r.person_id}\u0000${r.platform}`;
    if (seen.has(key)) {
      issues.push({ file: manifestPath, row: line(i), rowKind, column: 'platform', value: r.platform,
        message: `person ${r.person_id} already has a '${r.platform}' avatar on line ${line(seen.get(key)!)}; list one per platform` });
    } else seen.set(key, i);
  });
  const persons = [...new Set(rows.map((r) => r.person_id))];
  for (const p of persons) {
    if (!seen.has(`${p}\u0000displayed`)) {
      const i = rows.findIndex((r) => r.person_id === p);
      issues.push({ file: manifestPath, row: line(i), rowKind, column: 'person_id', value: p, message: `person ${p} has no 'displayed' avatar row` });
    }
  }
  if (issues.length) throw new EvidenceError(issues);

  const images = new Array<AvatarImageRecord>(rows.length);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < rows.length) {
      const i = next++;
      const r = rows[i]!;
      const path = resolve(base, r.file);
      let bytes: Uint8Array;
      try {
        // Regular files only, checked before opening: a FIFO listed here would block forever.
        bytes = readEvidenceBytes(path);
      } catch (err) {
        const why = err instanceof EvidenceError ? err.issues.map((x) => x.message).join('; ') : (err as Error).message;
        throw new EvidenceError({ file: manifestPath, row: line(i), rowKind, column: 'file', value: r.file,
          message: `cannot read the image: ${why}` });
      }
      const sha = sha256Bytes(bytes);
      if (r.sha256 && r.sha256.toLowerCase() !== sha) {
        throw new EvidenceError({ file: manifestPath, row: line(i), rowKind, column: 'sha256', value: r.sha256,
          message: `${r.file} has SHA-256 ${sha}, not the one listed: the file is not the one the manifest describes` });
      }
      const img = await decodeAvatar({ file: path, bytes }, options);
      const h = { file: img.file, format: img.format, width: img.width, height: img.height, ...hashPixels(img) };
      const windows = r.platform === 'displayed' ? [] : cropHashesFromPixels(img.pixels, img.width, img.height).windows;
      images[i] = { ...h, person: r.person_id, platform: r.platform, listed: r.file, sha256: sha, bytes: bytes.length, variantKind: r.variant_kind ?? null, windows, data: bytes };
      done++;
      options.onProgress?.(done, rows.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));

  const people: PersonEvidence[] = persons.map((p) => {
    const mine = rows.map((r, i) => ({ r, img: images[i]! })).filter((x) => x.r.person_id === p);
    const shown = mine.find((x) => x.r.platform === 'displayed')!;
    const truth = shown.r.derived_from;
    return {
      person: p,
      displayed: { aHash: shown.img.aHash, dHash: shown.img.dHash, pHash: shown.img.pHash },
      candidates: mine.filter((x) => x.r.platform !== 'displayed').map((x) => ({
        platform: x.r.platform, file: x.r.file, hashes: { aHash: x.img.aHash, dHash: x.img.dHash, pHash: x.img.pHash },
      })),
      ...(truth ? { truth } : {}),
    };
  });
  return { people, images, manifest: table.provenance };
}
