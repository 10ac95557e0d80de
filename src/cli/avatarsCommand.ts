/**
 * `profile-provenance avatars`: the avatar-app defence (Weibo v. Maimai, inference 2). A
 * declaration: the analysis is `avatars.analyseAvatars`, the layout `avatars.avatarsReport`,
 * both shared with notebook 03-avatars.
 */
import * as avatars from '../avatars';
import { defineCommand } from './define';
import { listOption, parseIntegerIn, parseNumber, UsageError } from './common';

interface AvatarsOptions {
  manifest: string;
  imagesDir?: string;
  reference: string;
  claimed: string;
  threshold: number;
  maxFalseMatchRate: number;
  tuningShare: number;
  measureImages: number;
  replicates: number;
  appShares: number[];
  clusters: number;
  dependenceRhos: number[];
}

const D = avatars.AVATARS_DEFAULTS;

export const avatarsCommand = defineCommand<AvatarsOptions>({
  name: 'avatars', notebook: '03-avatars', dataset: 'avatars', defaultSeed: D.seed,
  summary: 'did the displayed avatars come from the platform or from the apps the defence names? (perceptual hashes)',
  description:
    'Avatar-source defence (Weibo v. Maimai, inference 2). Reads a manifest of avatar images (per person: the displayed ' +
    'avatar and the avatar on each platform), decodes and hashes every image (pHash of the full frame and of 36 aligned ' +
    'crops), measures the similarity rule out of sample (threshold chosen on a tuning half of the reference avatars, ' +
    'error rates with image-bootstrap intervals on the other half, crop table 0-20%), attributes each displayed avatar, ' +
    "answers the court's two questions, and weighs the two propositions (fetched from the reference platform vs imported " +
    'by the avatar app from a claimed platform) per person and over the set, with a simulation under each.',
  output: 'The JSON holds the manifest SHA-256, the parameters, thresholds, crop table and test-half error rates, the attribution of every displayed avatar, the propositions with their likelihood ratios and the simulation.',
  example: 'npx profile-provenance avatars --manifest evidence/manifest.csv --reference weibo --claimed qq,renren -o out',
  inputs: {
    manifest: { flag: '--manifest <file>', description: "manifest: columns person_id, platform ('displayed' or weibo/qq/renren/...), file (relative to the manifest), sha256?", default: 'manifest.csv' },
    imagesDir: { flag: '--images-dir <dir>', description: "folder the manifest's file paths are relative to (default: the manifest's folder)", kind: 'dir', optional: true },
  },
  options: (cmd) =>
    cmd
      .option('--reference <platform>', 'the platform the plaintiff says is the source', D.reference)
      .option('--claimed <platforms>', 'the platforms the defence names (comma-separated)', D.claimed.join(','))
      .option('--threshold <d>', 'similarity rule: crop-tolerant pHash distance <= d means the same picture', parseIntegerIn('--threshold', 0, 64), D.threshold)
      .option('--max-false-match-rate <p>', 'limit for the threshold chosen on the tuning half', parseNumber('--max-false-match-rate', 0, 1), D.maxFalseMatchRate)
      .option('--tuning-share <p>', 'share of the reference avatars used to choose the threshold', parseNumber('--tuning-share', 0.1, 0.9), D.tuningShare)
      .option('--measure-images <n>', 'reference avatars measured (0 = all)', parseIntegerIn('--measure-images', 0), D.measureImages)
      .option('--replicates <n>', 'image-bootstrap replicates', parseIntegerIn('--replicates', 100, 100_000), D.replicates)
      .addOption(listOption('--app-shares <shares>', "the defence's unstated share of avatars from the app (comma-separated)", 0.0001, 0.9999, D.appShares))
      .option('--clusters <n>', 'uploader groups the displayed people fall in (dependence table; certificate 704: 3)', parseIntegerIn('--clusters', 1), D.clusters)
      .addOption(listOption('--dependence-rhos <rhos>', 'correlations within an uploader group for the dependence table (comma-separated)', 0, 1, D.dependenceRhos)),
  async run({ options: o, paths, progress, display, columns }) {
    const claimed = o.claimed.split(',').map((s) => s.trim()).filter(Boolean);
    if (claimed.length === 0) throw new UsageError('option --claimed needs at least one platform');
    if (claimed.includes(o.reference)) throw new UsageError(`--reference ${o.reference} is also in --claimed`);
    let bar: ReturnType<typeof progress> | undefined;
    const evidence = await avatars.loadAvatarsEvidence(
      { manifest: paths.manifest!, ...(paths.imagesDir ? { imagesDir: paths.imagesDir } : {}) },
      { onProgress: (_d, total) => { bar ??= progress(total, 'hashing avatars'); bar.tick(); }, ...(columns ? { columns } : {}) },
    );
    bar?.done();
    if (!evidence.set.images.some((i) => i.platform === o.reference)) throw new UsageError(`--reference ${o.reference}: no '${o.reference}' avatar in the manifest`);
    let mbar: ReturnType<typeof progress> | undefined;
    const result = await avatars.analyseAvatars(evidence, {
      ...D, reference: o.reference, claimed, threshold: o.threshold, maxFalseMatchRate: o.maxFalseMatchRate, tuningShare: o.tuningShare,
      measureImages: o.measureImages, replicates: o.replicates, appShares: o.appShares, clusters: o.clusters, dependenceRhos: o.dependenceRhos, seed: o.seed,
    }, { onProgress: (_d, total) => { mbar ??= progress(total, 'distorting and re-hashing'); mbar.tick(); } });
    mbar?.done();
    return { result: { ...result }, report: avatars.avatarsReport(result, display) };
  },
});
