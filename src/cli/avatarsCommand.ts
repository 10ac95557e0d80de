/**
 * `profile-provenance avatars`: the avatar-app defence (Weibo v. Maimai, case 1 inference 2).
 * The same steps as notebook 03-avatars, through `src/avatars`: every image of a
 * manifest decoded safely, checked against its SHA-256 and hashed (aHash, dHash, pHash); the
 * hashes' robustness measured on this set's own reference avatars (distortions, all pairs of
 * different pictures) with false-match / false-non-match rates; each displayed avatar attributed
 * to the platforms whose avatar it matches; and the court's two questions answered.
 */
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import * as avatars from '../avatars';
import { maskName, maskPhonesInText } from '../report/mask';
import { HEADINGS, type ReportDocument, type Section } from '../report/document';
import {
  cleanProvenance, commandProgress, commandRunInfo, datasetPath, displayPath, execute, fileOption, parseIntegerIn, parseNumber,
  requireFile, usesDefaults, withCommonOptions, UsageError, type CommonOptions,
} from './common';

interface AvatarsOptions extends CommonOptions {
  manifest: string;
  imagesDir?: string;
  reference: string;
  claimed: string;
  rule: avatars.MatchRule;
  ahash: number;
  dhash: number;
  phash: number;
  maxFalseMatchRate: number;
  measureImages: number;
}

const DEFAULT_MANIFEST = datasetPath('avatars', 'manifest.csv');
const HAN = /\p{Script=Han}/u;

export function registerAvatars(program: Command, setCode: (c: number) => void): void {
  const t = avatars.DEFAULT_THRESHOLDS;
  const cmd = program
    .command('avatars')
    .summary('did the displayed avatars come from the platform or from the apps the defence names? (perceptual hashes)')
    .description(
      'Avatar-source defence (Weibo v. Maimai, inference 2; notebook 03-avatars). Reads a manifest of ' +
        'avatar images (per person: the displayed avatar and the avatar on each platform), decodes and hashes every ' +
        'image (aHash, dHash, pHash; SHA-256 checked when listed), measures the hashes on this set\'s own reference ' +
        'avatars under 21 distortions (false-match and false-non-match rates with Clopper-Pearson intervals), ' +
        'attributes each displayed avatar to the platforms whose avatar it matches, and answers the court\'s two ' +
        'questions: which displayed avatars are attributable to the claimed platforms and not to the reference, and ' +
        "whose claimed-platform avatar differs from their reference one.",
    )
    .addOption(fileOption('--manifest <file>', "manifest: columns person_id, platform ('displayed' or weibo/qq/renren/...), file (relative to the manifest), sha256?", DEFAULT_MANIFEST))
    .option('--images-dir <dir>', "folder the manifest's file paths are relative to (default: the manifest's folder)")
    .option('--reference <platform>', 'the platform the plaintiff says is the source', 'weibo')
    .option('--claimed <platforms>', 'the platforms the defence names (comma-separated)', 'qq,renren')
    .addOption(new Option('--rule <rule>', 'match rule: one hash, all three, or 2 of 3').choices([...avatars.MATCH_RULES]).default(avatars.DEFAULT_RULE))
    .option('--ahash <d>', 'aHash Hamming threshold (distance <= d means the same picture)', parseIntegerIn('--ahash', 0, 64), t.aHash)
    .option('--dhash <d>', 'dHash Hamming threshold', parseIntegerIn('--dhash', 0, 64), t.dHash)
    .option('--phash <d>', 'pHash Hamming threshold', parseIntegerIn('--phash', 0, 64), t.pHash)
    .option('--max-false-match-rate <p>', "limit used to re-choose thresholds from this set's own measurement", parseNumber('--max-false-match-rate', 0, 1), avatars.DEFAULT_MAX_FALSE_MATCH_RATE)
    .option('--measure-images <n>', 'people whose reference avatar is distorted to measure robustness (0 = all)', parseIntegerIn('--measure-images', 0), 40);
  withCommonOptions(cmd, avatars.AVATAR_DATASET_SEED);
  cmd.addHelpText(
    'after',
    '\nOutput: <out>/avatars.json (manifest SHA-256, hashes of every image, robustness: AUC, thresholds this set\n' +
      'would choose, error rates, per-distortion table; attribution of each displayed avatar; the summary answering\n' +
      "the court's questions; ground truth when the manifest carries derived_from) and <out>/avatars.html.\n" +
      'Person ids written in Chinese characters and phone numbers are masked unless --unmask.\n\n' +
      'Example:\n  npx profile-provenance avatars --manifest evidence/manifest.csv --reference weibo --claimed qq,renren -o out\n',
  );
  cmd.action(async (o: AvatarsOptions) => setCode(await execute(o, () => runAvatars(o))));
}

async function runAvatars(o: AvatarsOptions) {
  const manifestPath = requireFile('--manifest', o.manifest);
  const imagesDir = o.imagesDir !== undefined ? requireFile('--images-dir', o.imagesDir, 'dir') : undefined;
  const synthetic = usesDefaults([[o.manifest, DEFAULT_MANIFEST]]) && imagesDir === undefined;
  const claimed = o.claimed.split(',').map((s) => s.trim()).filter(Boolean);
  if (claimed.length === 0) throw new UsageError('option --claimed needs at least one platform');
  if (claimed.includes(o.reference)) throw new UsageError(`--reference ${o.reference} is also in --claimed`);
  const person = (s: string) => (o.unmask ? s : HAN.test(s) ? maskName(s) : maskPhonesInText(s));
  const file = (s: string) => (o.unmask ? s : maskPhonesInText(s));
  const thresholds: avatars.Thresholds = { aHash: o.ahash, dHash: o.dhash, pHash: o.phash };

  let bar: ReturnType<typeof commandProgress> | undefined;
  const evidence = await avatars.loadAvatarEvidence(manifestPath, {
    ...(imagesDir !== undefined ? { imagesDir } : {}),
    onProgress: (_done, total) => {
      bar ??= commandProgress(o, total, 'hashing avatars');
      bar.tick();
    },
  });
  bar?.done();
  const platformsSeen = [...new Set(evidence.images.map((i) => i.platform))].sort();
  if (!platformsSeen.includes(o.reference)) throw new UsageError(`--reference ${o.reference}: no '${o.reference}' avatar in ${displayPath(manifestPath)} (platforms: ${platformsSeen.join(', ')})`);

  const base = imagesDir ?? dirname(manifestPath);
  const byPerson = evidence.people.map((p) => p.candidates.find((c) => c.platform === o.reference)).filter((c) => c !== undefined);
  const measured = o.measureImages > 0 ? byPerson.slice(0, o.measureImages) : byPerson;
  if (measured.length < 2) throw new UsageError(`robustness needs at least 2 reference avatars; found ${measured.length}`);
  const mbar = commandProgress(o, measured.length, 'distorting and re-hashing');
  const m = await avatars.measureRobustness(measured.map((c) => resolve(base, c.file!)), { onProgress: () => mbar.tick() });
  mbar.done();
  const chosen = avatars.chooseThresholds(m, o.maxFalseMatchRate);
  const roc = avatars.rocByHash(m);
  const robustness = avatars.HASH_KINDS.map((k) => ({ hash: k, AUC: roc[k].auc, 'threshold used': thresholds[k], 'threshold this set would choose': chosen[k].threshold, rule: chosen[k].rule }));
  const rules = [...new Set<avatars.MatchRule>([o.rule, 'majority'])];
  const errorRows = avatars.errorRateTable(m, thresholds, rules);
  const distortions = avatars.distortionTable(m, thresholds, o.rule);

  const results0 = avatars.attributeEvidence(evidence.people, { thresholds, rule: o.rule, reference: o.reference, claimed });
  const summary = avatars.summariseAttribution(results0, { rule: o.rule, reference: o.reference, claimed });
  const attribution = results0.map((r) => ({ ...r, person: person(r.person) }));
  const hasTruth = results0.some((r) => r.truth !== undefined);
  const vsTruth = hasTruth ? avatars.attributionVsTruth(results0) : null;
  const questions = [
    { question: `displayed avatars matching ${o.reference} only (uniquely ${o.reference}-like)`, count: summary.onlyReference, of: summary.displayed },
    { question: `displayed avatars matching ${o.reference} and ${claimed.join('/')} (indistinguishable from the image)`, count: summary.severalWithReference, of: summary.displayed },
    { question: `(a) displayed avatars attributable to ${claimed.join('/')} and NOT to ${o.reference}`, count: summary.attributableToClaimedNotReference, of: summary.displayed },
    { question: `(b) people whose ${claimed.join('/')} avatar differs from their ${o.reference} avatar`, count: summary.peopleWithDifferingClaimedAvatar, of: summary.peopleWithClaimedCandidate },
    { question: 'displayed avatars matching no platform', count: summary.none, of: summary.displayed },
  ];
  const images = evidence.images.map((i) => ({
    person: person(i.person), platform: i.platform, file: file(i.listed), format: i.format, width: i.width, height: i.height,
    bytes: i.bytes, sha256: i.sha256, aHash: i.aHash, dHash: i.dHash, pHash: i.pHash,
  }));

  const provenance = [cleanProvenance(evidence.manifest)];
  const parameters = {
    manifest: displayPath(manifestPath), imagesDir: imagesDir !== undefined ? displayPath(imagesDir) : null, reference: o.reference, claimed,
    rule: o.rule, thresholds, maxFalseMatchRate: o.maxFalseMatchRate, measureImages: o.measureImages,
  };
  const run = commandRunInfo('avatars', o, { synthetic });
  const results = {
    run, inputs: provenance, parameters, images,
    robustness: { images: m.images.length, distortions: m.distortions, samePairs: m.same.length, differentPairs: m.different.pairA.length, byHash: robustness, chosen, errorRates: errorRows, byDistortion: distortions },
    attribution, summary, questions, groundTruth: vsTruth,
  };

  const byPlatform = platformsSeen.map((p) => ({
    platform: p, images: evidence.images.filter((i) => i.platform === p).length,
    formats: [...new Set(evidence.images.filter((i) => i.platform === p).map((i) => i.format))].join(', '),
  }));
  const sections: Section[] = [
    {
      heading: HEADINGS.method,
      blocks: [
        { kind: 'paragraph', text: `Every image is decoded with size and format checks, its SHA-256 compared with the manifest where listed, and reduced to three 64-bit perceptual hashes: aHash (average), dHash (gradient) and pHash (DCT; Zauner 2010). Two images are "the same picture" when the Hamming distance of their hashes is within the threshold (rule ${avatars.describeThresholds(o.rule, thresholds)}). The thresholds' error rates are measured on ${measured.length} reference avatars of this set: each distorted ${m.distortions.length} ways (re-encoding, resizing, cropping, colour) for same-picture pairs, and all pairs of different pictures for the false-match rate, with Clopper–Pearson 95% intervals.` },
        { kind: 'table', rows: byPlatform, options: { caption: `${evidence.images.length} images of ${evidence.people.length} people, all decoded and hashed` } },
      ],
    },
    {
      heading: HEADINGS.results,
      blocks: [
        { kind: 'table', rows: questions, options: { caption: "The court's two questions, answered from the images" } },
        { kind: 'table', rows: avatars.attributionSummaryRows(summary), options: { caption: `Attribution of ${summary.displayed} displayed avatars (rule ${avatars.describeThresholds(o.rule, thresholds)})`, digits: 3 } },
        { kind: 'figure', figure: avatars.attributionFigure(summary) },
        {
          kind: 'table',
          rows: attribution.map((r) => ({ person: r.person, verdict: r.verdict, matching: r.matching.join(' + ') || '-', ...Object.fromEntries(r.candidates.map((c) => [`pHash to ${c}`, r.distances[c]!.pHash])) })),
          options: { caption: 'Every displayed avatar: verdict and pHash distance to each platform avatar', maxRows: 10_000 },
        },
        ...(vsTruth ? [{ kind: 'table' as const, rows: vsTruth, options: { caption: 'Synthetic ground truth (where each displayed avatar was really fetched from) against the verdict' } }] : []),
      ],
    },
    {
      heading: HEADINGS.strength,
      blocks: [
        { kind: 'table', rows: robustness, options: { caption: `Same-image pairs: ${m.same.length}; different-image pairs: ${m.different.pairA.length}`, digits: 4 } },
        { kind: 'table', rows: errorRows.map((r) => ({ rule: r.thresholds, pairs: r.pairs, error: r.error, n: r.n, errors: r.errors, rate: r.rate, 'lower 95%': r.lower95, 'upper 95%': r.upper95 })), options: { caption: 'False-match and false-non-match rates at the thresholds used (Clopper–Pearson 95%)', maxRows: 50 } },
        { kind: 'figure', figure: avatars.distanceDistributionFigure(m, 'pHash', thresholds.pHash) },
        { kind: 'figure', figure: avatars.rocFigure(m, thresholds) },
        { kind: 'paragraph', text: 'A match says two images show the same picture within the measured error rates; it does not say which copy was fetched from where when the platforms hold the same picture (the "indistinguishable" verdict).' },
      ],
    },
    {
      heading: HEADINGS.sensitivity,
      blocks: [
        { kind: 'table', rows: distortions.map((r) => ({ distortion: r.distortion, parameter: r.parameter, 'max pHash': r.maxP, 'max dHash': r.maxD, 'max aHash': r.maxA, 'share matched': r.matched })), options: { caption: `Worst-case distance per distortion, and share of pictures still matched under rule ${o.rule}`, maxRows: 50 } },
      ],
    },
  ];
  const document: ReportDocument = {
    title: { en: 'Avatar sources: the avatar-app defence', zh: '头像来源：关于头像应用的抗辩' },
    question: `The defence says the displayed avatars came from ${claimed.join(' / ')}, not ${o.reference}. Which displayed avatars can be attributed to ${claimed.join(' / ')} and not to ${o.reference}, and whose ${claimed.join(' / ')} avatar differs from their ${o.reference} avatar?`,
    ...(synthetic
      ? {
          synthetic: {
            dataset: 'datasets/avatars', generator: 'src/avatars/generate.ts generateAvatarDataset', seed: avatars.AVATAR_DATASET_SEED,
            imitates: 'the avatar-app defence: avatars of the same people on Weibo, QQ and Renren, identical, re-encoded or different per platform (FACTS case 1, inference 2)',
            files: ['manifest.csv', 'images/*.jpg|png'],
          },
        }
      : {}),
    provenance,
    sections,
    limitations: [
      'Perceptual hashes compare pictures, not files: when the same picture sits on several platforms the image alone cannot say which copy was fetched.',
      'Error rates are measured on this set\'s own reference avatars under 21 synthetic distortions; a platform pipeline outside these (heavy crops, overlays) may exceed the thresholds.',
      'The measured pictures must be distinct pictures; duplicates among them inflate the false-match rate.',
    ],
    runInfo: { ...run, parameters: JSON.stringify(parameters) },
    lang: o.lang,
  };
  return { command: 'avatars', results, document };
}
