/**
 * Writing the committed synthetic avatar set (`datasets/avatars/`) and the robustness
 * measurement behind the default thresholds. Used by `scripts/datasets/avatars.ts` and by the
 * regeneration test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type AvatarManifestRow, DISPLAY_PIPELINE, type GeneratedFile, MANIFEST_COLUMNS, MASTER_SIZE, PLATFORM_PIPELINES,
  type RobustnessManifestRow, combinedHash, generateAvatarDataset, sha256Hex, toCsv,
} from './generate';
import { DEFAULT_DISTORTIONS } from './distort';
import { HASH_KINDS } from './hash';
import { chooseThresholds, errorRateTable, measureRobustness, rocByHash } from './robustness';
import { DEFAULT_MAX_FALSE_MATCH_RATE } from './thresholds';

/** Seed of the committed set (2014: the year the Weibo-Maimai cooperation ended). */
export const AVATAR_DATASET_SEED = 2014;

export const ROBUSTNESS_COLUMNS: ReadonlyArray<keyof RobustnessManifestRow> = ['base_id', 'distortion', 'kind', 'parameter', 'file', 'sha256'];

export interface WriteOptions {
  seed?: number;
  persons?: number;
  /** Also measure robustness and write thresholds.json (slow: ~10 s). Default true. */
  measure?: boolean;
  write?: (path: string, bytes: Buffer | string) => void;
  log?: (message: string) => void;
}

export interface WriteSummary {
  files: number;
  bytes: number;
  manifestSha256: string;
  robustnessManifestSha256: string;
  combinedSha256: string;
}

/** The distinct pictures among the platforms' files: the set the thresholds are measured on. */
export function measurementSet(manifest: readonly AvatarManifestRow[]): AvatarManifestRow[] {
  const seen = new Set<string>();
  const out: AvatarManifestRow[] = [];
  for (const r of manifest) {
    if (r.platform === 'displayed' || seen.has(r.picture_id)) continue;
    seen.add(r.picture_id);
    out.push(r);
  }
  return out;
}

function defaultWrite(path: string, bytes: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/**
 * Generate and write the set into `dir`. Returns the summary figures quoted in the README.
 */
export async function writeAvatarDataset(dir: string, options: WriteOptions = {}): Promise<WriteSummary> {
  const seed = options.seed ?? AVATAR_DATASET_SEED;
  const write = options.write ?? defaultWrite;
  const log = options.log ?? (() => undefined);
  const ds = await generateAvatarDataset({ seed, ...(options.persons !== undefined ? { persons: options.persons } : {}) });
  let bytes = 0;
  for (const f of ds.files) {
    write(join(dir, f.path), f.bytes);
    bytes += f.bytes.length;
  }
  const manifestCsv = toCsv(ds.manifest, MANIFEST_COLUMNS);
  const robustnessCsv = toCsv(ds.robustness, ROBUSTNESS_COLUMNS);
  write(join(dir, 'manifest.csv'), manifestCsv);
  write(join(dir, 'robustness', 'manifest.csv'), robustnessCsv);
  const summary: WriteSummary = {
    files: ds.files.length,
    bytes,
    manifestSha256: sha256Hex(Buffer.from(manifestCsv, 'utf8')),
    robustnessManifestSha256: sha256Hex(Buffer.from(robustnessCsv, 'utf8')),
    combinedSha256: combinedHash(ds.files.map((f) => ({ path: f.path, sha256: sha256Hex(f.bytes) }))),
  };
  write(join(dir, 'README.md'), readme(seed, ds.manifest, ds.robustness, ds.files, summary));
  log(`generated ${ds.files.length} files`);
  if (options.measure !== false) {
    const set = measurementSet(ds.manifest);
    const byPath = new Map(ds.files.map((f) => [f.path, f.bytes]));
    log(`measuring robustness on ${set.length} distinct pictures x ${DEFAULT_DISTORTIONS.length} distortions`);
    const m = await measureRobustness(set.map((r) => ({ file: r.file, bytes: byPath.get(r.file)! })));
    const chosen = chooseThresholds(m, DEFAULT_MAX_FALSE_MATCH_RATE);
    const t = { aHash: chosen.aHash.threshold, dHash: chosen.dHash.threshold, pHash: chosen.pHash.threshold };
    const roc = rocByHash(m);
    const json = {
      description: 'Robustness measurement behind DEFAULT_THRESHOLDS (src/avatars/thresholds.ts); regenerate with npx tsx scripts/datasets/avatars.ts',
      seed,
      images: set.map((r) => r.file),
      distortions: m.distortions.map((d) => d.name),
      maxFalseMatchRate: DEFAULT_MAX_FALSE_MATCH_RATE,
      thresholds: t,
      choice: chosen,
      auc: Object.fromEntries(HASH_KINDS.map((k) => [k, roc[k].auc])),
      errorRates: errorRateTable(m, t),
    };
    write(join(dir, 'thresholds.json'), JSON.stringify(json, null, 2) + '\n');
    log(`thresholds ${JSON.stringify(t)}`);
  }
  return summary;
}

function readme(seed: number, manifest: AvatarManifestRow[], robustness: RobustnessManifestRow[], files: GeneratedFile[], s: WriteSummary): string {
  const displayed = manifest.filter((r) => r.platform === 'displayed');
  const count = (f: (r: AvatarManifestRow) => boolean): number => manifest.filter(f).length;
  const kinds = ['identical', 'reencoded', 'platform-specific'] as const;
  const kindRows = kinds.map((k) => `| ${k} | ${['weibo', 'qq', 'renren'].map((p) => count((r) => r.platform === p && r.variant_kind === k)).join(' | ')} |`).join('\n');
  const sources = ['weibo', 'qq', 'renren', 'none'].map((f) => `${f} ${displayed.filter((r) => r.derived_from === f).length}`).join(', ');
  const bases = new Set(robustness.map((r) => r.base_id)).size;
  return `# datasets/avatars — SYNTHETIC avatar evidence (合成数据)

**SYNTHETIC.** No real person, photograph or platform data: every picture is drawn from
geometric primitives (cartoon faces, landscapes, patterns) by a seeded generator.

What it imitates: the avatar-app defence in Weibo v. Maimai (\`../shared/case/FACTS.md\`, case 1,
inference 2): the defendant said some displayed avatars came from its other app, which imported
friends' avatars from **Weibo, QQ and Renren** logins; the court rejected the defence because the
defendant did not say which avatars came from QQ or Renren, nor show that those users' QQ/Renren
avatars differ from their Weibo ones.

- Generator: \`src/avatars/generate.ts\` \`generateAvatarDataset\` (pictures: \`src/avatars/scenes.ts\`
  \`randomAvatarScene\`, \`src/avatars/draw.ts\` \`renderScene\`), written by \`src/avatars/dataset.ts\`
  \`writeAvatarDataset\`; run \`npx tsx scripts/datasets/avatars.ts\`.
- Seed: **${seed}**. Encoder: sharp (libvips); same sharp build => same bytes (checked by
  \`test/avatars-dataset.test.ts\`).

## Contents

- \`manifest.csv\`: one row per image: \`person_id, platform (weibo|qq|renren|displayed), file,
  variant_kind, picture_id, derived_from, format, width, height, sha256\`. \`picture_id\` and
  \`derived_from\` are the synthetic GROUND TRUTH (which drawn picture; where the displayed avatar
  was fetched from, or \`none\`), which real evidence would not carry.
- \`images/\`: ${manifest.length} images for ${displayed.length} synthetic people (${count((r) => r.platform === 'weibo')} Weibo, ${count((r) => r.platform === 'qq')} QQ,
  ${count((r) => r.platform === 'renren')} Renren avatars; ${displayed.length} displayed avatars).
- \`robustness/\`: ${bases} base pictures (128 px PNG, one per style, no grain) and each of the
  ${DEFAULT_DISTORTIONS.length} default distortions of each (\`src/avatars/distort.ts\`), with \`robustness/manifest.csv\`.
- \`thresholds.json\`: the robustness measurement (distinct platform pictures x default distortions,
  all pairs of distinct pictures) from which \`DEFAULT_THRESHOLDS\` were chosen, with the implied
  false-match and false-non-match rates; its \`similarity\` entry is the measurement behind the one avatar
  similarity rule (\`AVATAR_SIMILARITY\`: crop-tolerant pHash, threshold chosen on a tuning half of the
  reference avatars, error rates on the other half), written by \`scripts/datasets/avatars-similarity.ts\`.

## How the images were made

- Masters: ${MASTER_SIZE} x ${MASTER_SIZE} px drawings (2x supersampled, area-averaged), half with light seeded grain.
- Platform pipelines (synthetic, not the platforms' real ones): Weibo ${PLATFORM_PIPELINES.weibo.size} px JPEG q${PLATFORM_PIPELINES.weibo.quality};
  QQ ${PLATFORM_PIPELINES.qq.size} px PNG; Renren ${PLATFORM_PIPELINES.renren.size} px JPEG q${PLATFORM_PIPELINES.renren.quality}. A file of kind \`identical\` is the same
  bytes on every platform holding it (Weibo's encoding).
- Displayed avatar: the source platform's file resized to ${DISPLAY_PIPELINE.size} px and re-encoded as JPEG
  q${DISPLAY_PIPELINE.quality}, or an unrelated picture (\`derived_from = none\`). Sources: ${sources}.

| variant kind | weibo | qq | renren |
|---|---|---|---|
${kindRows}

## Integrity

- SHA-256 of \`manifest.csv\`: \`${s.manifestSha256}\`
- SHA-256 of \`robustness/manifest.csv\`: \`${s.robustnessManifestSha256}\`
- Combined SHA-256 of all ${files.length} images: \`${s.combinedSha256}\` (SHA-256 of the UTF-8 text made of
  one line \`<path> <sha256>\\n\` per image, paths relative to this folder, sorted;
  \`src/avatars/generate.ts\` \`combinedHash\`). Each image's own SHA-256 is in its manifest row.
- Total image bytes: ${s.bytes}.
`;
}
