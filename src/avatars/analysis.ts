/**
 * The avatar inference (Weibo v. Maimai, inference 2: the avatar-app defence) in one call,
 * shared by notebook 03-avatars and `profile-provenance avatars`:
 * `loadAvatarsEvidence` (io and image decoding only) → `analyseAvatars` (seeded, typed,
 * JSON-serialisable) → `avatarsReport` (tables, figures, sentences from the result).
 *
 * Steps: (1) the similarity rule's error rates, measured out of sample (threshold chosen on a
 * tuning half of the reference avatars, rates counted on the other half, image-bootstrap
 * intervals) for the plain and the crop-tolerant pHash distance, with the crop table; (2) each
 * displayed avatar attributed to the platforms whose avatar it matches; (3) the court's two
 * questions; (4) the two propositions (H_p: fetched from the reference platform; H_d: imported
 * by the avatar app from a claimed platform) as a likelihood ratio per person and over the set
 * for a range of the defence's unstated share π; (5) a simulation under each proposition for
 * the same people.
 *
 * @example
 * const evidence = await loadAvatarsEvidence({ manifest: 'datasets/avatars/manifest.csv' });
 * const result = await analyseAvatars(evidence, AVATARS_DEFAULTS);
 * result.cropTable; // crop % -> false non-match (plain, crop-tolerant), false match
 */
import { weiboMaimai } from '../case/weiboMaimai';
import { effectiveSampleSize } from '../stats/effectiveSampleSize';
import type { ColumnMap } from '../io/columns';
import { dirname } from 'node:path';
import type { ProvenanceEntry } from '../io';
import { deriveSeed, randomInt, seededRandom } from '../stats/random';
import { type AttributionSummary, type PersonAttribution, attributionVsTruth, hashDistances, summariseAttribution } from './attribution';
import { type CropHashes, cropTolerantDistance } from './crops';
import { decodeAvatar } from './decode';
import { type AvatarEvidenceSet, loadAvatarEvidence } from './evidence';
import { hashPixels } from './hash';
import { type OutOfSampleRate, type SplitMeasurement, chooseOnTuning, cropGroup, measureSplit, testRates } from './outOfSample';
import { CROP_LEVELS, platformPipeline } from './pipelines';
import { type PersonLr, type PlatformAvatar, mixtureLog10Lr, personLr } from './propositions';
import type { ThresholdChoice } from './roc';
import { AVATAR_SIMILARITY } from './similarity';

export interface AvatarsEvidence {
  set: AvatarEvidenceSet;
  /** Folder the manifest's files are relative to. */
  imagesDir: string;
  inputs: ProvenanceEntry[];
}

/** Read the manifest, check and hash every image (with the crop windows of platform avatars). */
export async function loadAvatarsEvidence(paths: { manifest: string; imagesDir?: string }, options: { onProgress?: (done: number, total: number) => void; columns?: ColumnMap } = {}): Promise<AvatarsEvidence> {
  const set = await loadAvatarEvidence(paths.manifest, { ...(paths.imagesDir !== undefined ? { imagesDir: paths.imagesDir } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.columns ? { columns: options.columns } : {}) });
  return { set, imagesDir: paths.imagesDir ?? dirname(paths.manifest), inputs: [set.manifest] };
}

export interface AvatarsParams {
  /** The platform the plaintiff says is the source. */
  reference: string;
  /** The platforms the defence names. */
  claimed: string[];
  /** The similarity rule's threshold (default: the one rule, `AVATAR_SIMILARITY`). */
  threshold: number;
  /** False-match limit for the threshold this set would choose on its tuning half. */
  maxFalseMatchRate: number;
  /** Share of the measured images used for tuning. */
  tuningShare: number;
  /** Reference avatars measured (0 = all). */
  measureImages: number;
  /** Platform pipelines per image and crop level. */
  pipelinesPerLevel: number;
  /** Image-bootstrap replicates. */
  replicates: number;
  level: number;
  /** The defence's unstated share π of avatars imported from the claimed platforms. */
  appShares: number[];
  /** Largest crop in the simulated platform pipelines. */
  simulationMaxCrop: number;
  /**
   * Dependence sensitivity of the set-level figure: the people fall in `clusters` groups (the
   * uploaders whose address books the app used; certificate 704 had three) with intra-group
   * correlation rho; the summed log10 LR is scaled by the effective number of people (Kish).
   */
  clusters: number;
  dependenceRhos: number[];
  seed: number;
}

export const AVATARS_DEFAULTS: AvatarsParams = {
  reference: 'weibo', claimed: ['qq', 'renren'], threshold: AVATAR_SIMILARITY.threshold, maxFalseMatchRate: AVATAR_SIMILARITY.maxFalseMatchRate,
  tuningShare: 0.5, measureImages: 0, pipelinesPerLevel: 2, replicates: 1000, level: 0.95, appShares: [0.01, 0.05, 0.1, 0.25, 0.5],
  simulationMaxCrop: 0.1, clusters: weiboMaimai.uploadersInCertificate704.value, dependenceRhos: [0, 0.05, 0.2, 1], seed: 2014,
};

export interface CropTableRow {
  crop: string;
  pairs: number;
  plainThreshold: number;
  plainFalseNonMatch: number;
  plainLower: number;
  plainUpper: number;
  tolerantThreshold: number;
  tolerantFalseNonMatch: number;
  tolerantLower: number;
  tolerantUpper: number;
}

export interface AttributionRow {
  person: string;
  verdict: string;
  matching: string[];
  /** Crop-tolerant pHash distance from the displayed avatar to each platform avatar. */
  distance: Record<string, number>;
  truth?: string;
}

export interface SimulationSummary {
  proposition: 'H_p' | 'H_d';
  people: number;
  medianLog10Lr: number;
  /** Share of people with LR >= 100 for H_p, LR <= 1/100, and LR within a factor 1.01 of 1. */
  atLeast100: number;
  atMostHundredth: number;
  indistinguishable: number;
}

export interface AvatarsResult {
  inputs: ProvenanceEntry[];
  parameters: AvatarsParams;
  rule: { description: string; threshold: number };
  evidence: { people: number; images: number; byPlatform: Array<{ platform: string; images: number; formats: string }> };
  /** Every image read, with its SHA-256 and hashes. */
  images: Array<{ person: string; platform: string; file: string; format: string; width: number; height: number; bytes: number; sha256: string; aHash: string; dHash: string; pHash: string }>;
  measurement: { images: number; tuningImages: number; testImages: number; samePairs: number; distortions: number };
  /** Thresholds chosen on the tuning half. */
  chosen: { plain: ThresholdChoice; tolerant: ThresholdChoice };
  /** Test-half rates: plain pHash at its tuned threshold, crop-tolerant at the rule's threshold. */
  rates: OutOfSampleRate[];
  cropTable: CropTableRow[];
  falseMatch: { plain: OutOfSampleRate; tolerant: OutOfSampleRate };
  attribution: AttributionRow[];
  summary: AttributionSummary;
  groundTruth: Array<{ truth: string; verdict: string; matching: string; count: number }> | null;
  propositions: {
    hp: { id: 'H_p'; description: string };
    hd: { id: 'H_d'; description: string; assumptions: string[] };
    rates: { fnmr: number; fmr: number };
    perPerson: PersonLr[];
    assessed: number;
    bands: Array<{ band: string; people: number }>;
    mixture: Array<{ share: number; log10Lr: number }>;
    /** The mixture figure under dependence: log10 LR x n_eff / n, n_eff = n / (1 + (m - 1) rho), m = people per cluster. */
    dependence: Array<{ rho: number; effectivePeople: number; byShare: Array<{ share: number; log10Lr: number }> }>;
  };
  simulation: SimulationSummary[];
}

/** Run the avatar analysis. */
export async function analyseAvatars(evidence: AvatarsEvidence, params: AvatarsParams = AVATARS_DEFAULTS, options: { onProgress?: (done: number, total: number) => void } = {}): Promise<AvatarsResult> {
  const { set } = evidence;
  const { reference, claimed } = params;
  if (claimed.length === 0) throw new RangeError('claimed: name at least one platform the defence says the avatars came from');
  if (claimed.includes(reference)) throw new RangeError(`the reference platform ${reference} is also among the claimed ones`);
  const platforms = [...new Set(set.images.map((i) => i.platform))].filter((p) => p !== 'displayed').sort();
  if (!platforms.includes(reference)) throw new RangeError(`no '${reference}' avatar in the manifest (platforms: ${platforms.join(', ')})`);
  const crops = (person: string, platform: string): { hashes: CropHashes; data: Uint8Array; sha256: string } | undefined => {
    const im = set.images.find((i) => i.person === person && i.platform === platform);
    return im && { hashes: { pHash: im.pHash, windows: im.windows }, data: im.data, sha256: im.sha256 };
  };

  // 1. Out-of-sample error rates on distinct reference avatars.
  const seen = new Set<string>();
  const refs = set.people.map((p) => ({ p, c: crops(p.person, reference) })).filter((x) => x.c && !seen.has(x.c.sha256) && (seen.add(x.c.sha256), true));
  const measured = (params.measureImages > 0 ? refs.slice(0, params.measureImages) : refs).map((x) => ({ name: x.p.person, bytes: x.c!.data, hashes: x.c!.hashes }));
  const m: SplitMeasurement = await measureSplit(measured, { seed: params.seed, tuningShare: params.tuningShare, pipelinesPerLevel: params.pipelinesPerLevel, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const chosen = { plain: chooseOnTuning(m, 'plain', params.maxFalseMatchRate), tolerant: chooseOnTuning(m, 'tolerant', params.maxFalseMatchRate) };
  const boot = { replicates: params.replicates, level: params.level, seed: params.seed };
  const plainRates = testRates(m, 'plain', chosen.plain.threshold, boot);
  const tolerantRates = testRates(m, 'tolerant', params.threshold, boot);
  const cropTable: CropTableRow[] = CROP_LEVELS.map((c) => {
    const p = plainRates.find((r) => r.pairs === cropGroup(c))!, t = tolerantRates.find((r) => r.pairs === cropGroup(c))!;
    return {
      crop: cropGroup(c).replace('crop ', ''), pairs: p.n,
      plainThreshold: p.threshold, plainFalseNonMatch: p.rate, plainLower: p.lower, plainUpper: p.upper,
      tolerantThreshold: t.threshold, tolerantFalseNonMatch: t.rate, tolerantLower: t.lower, tolerantUpper: t.upper,
    };
  });
  const falseMatch = { plain: plainRates.at(-1)!, tolerant: tolerantRates.at(-1)! };

  // 2-3. Attribution under the rule.
  const attributions: PersonAttribution[] = set.people.map((p) => {
    const distance: Record<string, number> = {};
    const matching: string[] = [];
    for (const c of p.candidates) {
      const d = cropTolerantDistance(p.displayed.pHash, crops(p.person, c.platform)!.hashes);
      distance[c.platform] = d;
      if (d <= params.threshold) matching.push(c.platform);
    }
    const ref = crops(p.person, reference);
    const differsFromReference: Record<string, boolean> = {};
    for (const c of p.candidates) {
      if (!claimed.includes(c.platform)) continue;
      const own = crops(p.person, c.platform)!.hashes;
      differsFromReference[c.platform] = ref ? Math.min(cropTolerantDistance(own.pHash, ref.hashes), cropTolerantDistance(ref.hashes.pHash, own)) > params.threshold : true;
    }
    return {
      person: p.person, ...(p.truth !== undefined ? { truth: p.truth } : {}),
      verdict: matching.length === 0 ? 'none' : matching.length === 1 ? 'one platform' : 'several (indistinguishable)',
      matching, candidates: p.candidates.map((c) => c.platform),
      distances: Object.fromEntries(p.candidates.map((c) => [c.platform, hashDistances(p.displayed, c.hashes)])),
      differsFromReference,
      tolerant: distance,
    } as PersonAttribution & { tolerant: Record<string, number> };
  });
  const summary = summariseAttribution(attributions, { reference, claimed, rule: 'pHash' });
  summary.rule = `crop-tolerant pHash <= ${params.threshold}`;
  const attribution: AttributionRow[] = attributions.map((a) => ({
    person: a.person, verdict: a.verdict, matching: a.matching, distance: (a as PersonAttribution & { tolerant: Record<string, number> }).tolerant,
    ...(a.truth !== undefined ? { truth: a.truth } : {}),
  }));
  const hasTruth = attributions.some((a) => a.truth !== undefined);

  // 4. Propositions.
  const tolAll = tolerantRates.find((r) => r.pairs === 'all distortions')!;
  const rates = { fnmr: Math.min(0.5, tolAll.upper), fmr: Math.min(0.5, falseMatch.tolerant.upper) };
  const candidatesOf = (person: string): PlatformAvatar[] => set.people.find((p) => p.person === person)!.candidates.map((c) => ({ platform: c.platform, hashes: crops(person, c.platform)!.hashes }));
  const lrOf = (person: string, shown: string) => personLr(person, shown, candidatesOf(person), rates, params.threshold, reference, claimed);
  const perPerson = set.people.map((p) => lrOf(p.person, p.displayed.pHash));
  const assessed = perPerson.filter((p) => p.log10Lr !== null);
  const mixture = params.appShares.map((share) => ({ share, log10Lr: mixtureLog10Lr(assessed, share) }));
  const perCluster = Math.max(1, assessed.length / Math.max(1, params.clusters));
  const dependence = params.dependenceRhos.map((rho) => {
    const effectivePeople = assessed.length ? effectiveSampleSize(assessed.length, perCluster, rho) : 0;
    const scale = assessed.length ? effectivePeople / assessed.length : 0;
    return { rho, effectivePeople, byShare: mixture.map((x) => ({ share: x.share, log10Lr: x.log10Lr * scale })) };
  });

  // 5. Simulation under each proposition, for the same people.
  const simulation: SimulationSummary[] = [];
  for (const prop of ['H_p', 'H_d'] as const) {
    const rng = seededRandom(deriveSeed(params.seed, `avatars/simulation/${prop}`));
    const lrs: number[] = [];
    for (const p of set.people) {
      const has = p.candidates.map((c) => c.platform);
      const sources = claimed.filter((c) => has.includes(c));
      if (!has.includes(reference) || sources.length === 0) continue;
      const src = prop === 'H_p' ? reference : sources[randomInt(rng, sources.length)]!;
      const levels = CROP_LEVELS.filter((c) => c <= params.simulationMaxCrop);
      const pipe = platformPipeline(levels[randomInt(rng, levels.length)]!, rng);
      const img = await decodeAvatar({ file: `${p.person} simulated under ${prop}`, bytes: await pipe.apply(crops(p.person, src)!.data) });
      lrs.push(lrOf(p.person, hashPixels(img).pHash).log10Lr!);
    }
    simulation.push(summariseLrs(prop, lrs));
  }

  const bandOf = (x: number) => (x >= 4 ? 'LR ≥ 10^4 for H_p' : x >= 2 ? '10^2 ≤ LR < 10^4' : x > 0.0043 ? '1 < LR < 10^2' : x >= -0.0043 ? 'LR = 1 (the image cannot tell)' : x > -2 ? '10^-2 < LR < 1' : 'LR ≤ 10^-2 (supports H_d)');
  const bandNames = ['LR ≥ 10^4 for H_p', '10^2 ≤ LR < 10^4', '1 < LR < 10^2', 'LR = 1 (the image cannot tell)', '10^-2 < LR < 1', 'LR ≤ 10^-2 (supports H_d)'];
  const bands = bandNames.map((band) => ({ band, people: assessed.filter((p) => bandOf(p.log10Lr!) === band).length }));

  return {
    inputs: evidence.inputs, parameters: params,
    rule: { description: AVATAR_SIMILARITY.description.replace(/<= \d+/, `<= ${params.threshold}`), threshold: params.threshold },
    evidence: {
      people: set.people.length, images: set.images.length,
      byPlatform: [...platforms, 'displayed'].map((pl) => ({
        platform: pl, images: set.images.filter((i) => i.platform === pl).length,
        formats: [...new Set(set.images.filter((i) => i.platform === pl).map((i) => i.format))].join(', '),
      })),
    },
    images: set.images.map((i) => ({ person: i.person, platform: i.platform, file: i.listed, format: i.format, width: i.width, height: i.height, bytes: i.bytes, sha256: i.sha256, aHash: i.aHash, dHash: i.dHash, pHash: i.pHash })),
    measurement: {
      images: m.images.length, tuningImages: m.half.filter((h) => h === 'tuning').length, testImages: m.half.filter((h) => h === 'test').length,
      samePairs: m.same.image.length, distortions: m.same.image.length / Math.max(1, m.images.length),
    },
    chosen, rates: [...plainRates, ...tolerantRates], cropTable, falseMatch,
    attribution, summary, groundTruth: hasTruth ? attributionVsTruth(attributions) : null,
    propositions: {
      hp: { id: 'H_p', description: `the displayed avatar was fetched from the person's ${reference} avatar` },
      hd: {
        id: 'H_d',
        description: `the displayed avatar came from the defendant's avatar app, which imported it from the person's ${claimed.join(' or ')} avatar`,
        assumptions: [
          `the defendant did not say which avatars: each of the person's ${claimed.join('/')} avatars in evidence is equally likely to be the source`,
          'over the set, a share π of avatars came that way (π unstated by the defence: a range is shown)',
          `error rates of the rule: the upper ${Math.round(params.level * 100)}% bounds measured on the test half (false non-match ${fmt(rates.fnmr)}, false match ${fmt(rates.fmr)}), which pulls every LR towards 1`,
          `people are independent given π (distinct people with their own pictures); the dependence table scales the set-level figure by the effective number of people for ${params.clusters} uploader groups and intra-group correlation ρ`,
        ],
      },
      rates, perPerson, assessed: assessed.length, bands, mixture, dependence,
    },
    simulation,
  };
}

function fmt(x: number): string {
  return x.toPrecision(2);
}

function summariseLrs(proposition: 'H_p' | 'H_d', lrs: number[]): SimulationSummary {
  const s = [...lrs].sort((a, b) => a - b);
  const n = s.length || 1;
  const median = s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return {
    proposition, people: s.length, medianLog10Lr: median,
    atLeast100: s.filter((x) => x >= 2).length / n,
    atMostHundredth: s.filter((x) => x <= -2).length / n,
    indistinguishable: s.filter((x) => Math.abs(x) < 0.0043).length / n,
  };
}
