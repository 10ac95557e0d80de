/**
 * The layout of an avatars result: every table, figure and sentence that notebook 03-avatars
 * and `profile-provenance avatars` show, built once from the result (block ids for the notebook).
 */
import { caseFiguresBlock, weiboMaimai as wm } from '../case';
import { HEADINGS } from '../report/document';
import type { InferenceReport } from '../report/inference';
import { maskName, maskPhonesInText } from '../report/mask';
import { attributionSummaryRows } from './attribution';
import { attributionFigure } from './charts';
import type { AvatarsResult } from './analysis';

const HAN = /\p{Script=Han}/u;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const lr = (x: number) => (Math.abs(x) < 0.005 ? '1' : `10^${x.toFixed(2)}`);

export function avatarsReport(result: AvatarsResult, options: { mask?: boolean } = {}): InferenceReport {
  const mask = options.mask ?? true;
  const person = (s: string) => (!mask ? s : HAN.test(s) ? maskName(s) : maskPhonesInText(s));
  const p = result.parameters;
  const { reference, claimed } = p;
  const cl = claimed.join('/');
  const s = result.summary;
  const m = result.measurement;
  const lvl = Math.round(p.level * 100);
  const fm = result.falseMatch;
  const worst = (rows: typeof result.cropTable, key: 'plainFalseNonMatch' | 'tolerantFalseNonMatch') => rows.filter((r) => r[key] > 0.5).map((r) => r.crop);
  const prop = result.propositions;
  const sim = (id: 'H_p' | 'H_d') => result.simulation.find((x) => x.proposition === id)!;
  const best = prop.mixture.reduce((a, b) => (b.log10Lr < a.log10Lr ? b : a), prop.mixture[0]!);
  const bandRows = prop.bands.map((b) => ({ 'likelihood ratio H_p vs H_d': b.band, people: b.people }));
  return {
    title: { en: 'Avatar sources: the avatar-app defence', zh: '头像来源：关于头像应用的抗辩' },
    question: `The defence says some displayed avatars came from its avatar app, imported from ${claimed.join(' / ')} rather than ${reference}. Which displayed avatars can be attributed to ${cl} and not to ${reference}, whose ${cl} avatar differs from their ${reference} avatar, and how strongly do the images support one proposition over the other?`,
    sections: [
      {
        heading: HEADINGS.method,
        blocks: [
          caseFiguresBlock([
            ['avatar app login sources', wm.avatarAppLoginSources],
            ['non-users shown in certificate 704', wm.nonUsersInCertificate704],
          ]),
          { id: 'evidence', kind: 'table', rows: result.evidence.byPlatform, options: { caption: `${result.evidence.images} images of ${result.evidence.people} people, all decoded and hashed` } },
          {
            id: 'method', kind: 'paragraph',
            text: `The similarity rule: ${result.rule.description}. Each image is reduced to a 64-bit DCT hash (pHash; Zauner 2010) of its full frame and of 36 aligned crop windows (scales 95-80%, nine positions each), so a copy cropped and rescaled by a platform is compared with the window that covers the same part of the picture. The error rates are measured out of sample on ${m.images} distinct ${reference} avatars: ${m.tuningImages} chosen at random (seed ${p.seed}) to tune the threshold, the other ${m.testImages} to count errors; each image against ${Math.round(m.distortions)} distortions of itself (resizing, re-encoding, format and colour changes, and platform pipelines: crops of 0-20% at a corner, the centre or an offset, resized to 100-180 px and re-encoded as JPEG) and against every other image of its half. Intervals (${lvl}%) resample images, not pairs (Bolle, Ratha & Pankanti 2004, the subsets bootstrap; ${p.replicates} replicates); with no error observed the upper bound is Clopper-Pearson for 0 errors in one trial per test image.`,
          },
        ],
      },
      {
        heading: HEADINGS.results,
        blocks: [
          {
            id: 'thresholds', kind: 'table',
            rows: (['plain', 'tolerant'] as const).map((k) => ({
              distance: k === 'plain' ? 'pHash, full frame only' : 'pHash, crop-tolerant', 'threshold chosen on the tuning half': result.chosen[k].threshold,
              'tuning: false-match rate': result.chosen[k].falseMatchRate, 'tuning: false-non-match rate': result.chosen[k].falseNonMatchRate, rule: result.chosen[k].rule,
            })),
            options: { caption: `Thresholds chosen on the ${m.tuningImages} tuning images (false-match limit ${p.maxFalseMatchRate}); the rule uses ${p.threshold}`, digits: 4 },
          },
          {
            id: 'cropTable', kind: 'table',
            rows: [
              ...result.cropTable.map((r) => ({
                crop: r.crop, 'same-picture pairs': r.pairs,
                [`false non-match, plain (≤ ${r.plainThreshold})`]: r.plainFalseNonMatch, [`plain ${lvl}% interval`]: `${pct(r.plainLower)} – ${pct(r.plainUpper)}`,
                [`false non-match, crop-tolerant (≤ ${r.tolerantThreshold})`]: r.tolerantFalseNonMatch, [`crop-tolerant ${lvl}% interval`]: `${pct(r.tolerantLower)} – ${pct(r.tolerantUpper)}`,
              })),
              {
                crop: 'false match (different pictures)', 'same-picture pairs': fm.plain.n,
                [`false non-match, plain (≤ ${fm.plain.threshold})`]: fm.plain.rate, [`plain ${lvl}% interval`]: `${pct(fm.plain.lower)} – ${pct(fm.plain.upper)}`,
                [`false non-match, crop-tolerant (≤ ${fm.tolerant.threshold})`]: fm.tolerant.rate, [`crop-tolerant ${lvl}% interval`]: `${pct(fm.tolerant.lower)} – ${pct(fm.tolerant.upper)}`,
              },
            ],
            options: { caption: `Crop table, test half (${m.testImages} images, out of sample): crop share → false-non-match rate; last row: false-match rate over ordered pairs of different pictures`, digits: 4 },
          },
          {
            id: 'cropFinding', kind: 'paragraph',
            text: `On the test half, the full-frame pHash misses ${worst(result.cropTable, 'plainFalseNonMatch').length ? `more than half of the copies cropped by ${worst(result.cropTable, 'plainFalseNonMatch').join(', ')}` : 'no crop level for more than half of the copies'}; the crop-tolerant distance ${worst(result.cropTable, 'tolerantFalseNonMatch').length ? `still misses more than half at ${worst(result.cropTable, 'tolerantFalseNonMatch').join(', ')}` : `misses at most ${pct(Math.max(...result.cropTable.map((r) => r.tolerantFalseNonMatch)))} at any crop level up to ${result.cropTable.at(-1)!.crop}`}, with a false-match rate of ${pct(fm.tolerant.rate)} (${fm.tolerant.errors} of ${fm.tolerant.n} ordered pairs; upper bound ${pct(fm.tolerant.upper)}) against ${pct(fm.plain.rate)} for the full frame.`,
          },
          {
            id: 'errorRates', kind: 'table',
            rows: result.rates.map((r) => ({ distance: r.distance, threshold: r.threshold, pairs: r.pairs, error: r.error, images: r.images, n: r.n, errors: r.errors, rate: r.rate, lower: r.lower, upper: r.upper })),
            options: { caption: `All error rates on the test half, by distortion group (${lvl}% image-bootstrap intervals)`, digits: 4, maxRows: 50 },
          },
          { id: 'attributionSummary', kind: 'table', rows: attributionSummaryRows(s), options: { caption: `Attribution of ${s.displayed} displayed avatars (${s.rule})`, digits: 3 } },
          { id: 'attributionFigure', kind: 'figure', figure: attributionFigure(s) },
          {
            id: 'questions', kind: 'table',
            rows: [
              { question: `displayed avatars matching ${reference} only (uniquely ${reference}-like)`, count: s.onlyReference, of: s.displayed },
              { question: `displayed avatars matching ${reference} and ${cl} (indistinguishable from the image)`, count: s.severalWithReference, of: s.displayed },
              { question: `(a) displayed avatars attributable to ${cl} and NOT to ${reference}`, count: s.attributableToClaimedNotReference, of: s.displayed },
              { question: `(b) people whose ${cl} avatar differs from their ${reference} avatar`, count: s.peopleWithDifferingClaimedAvatar, of: s.peopleWithClaimedCandidate },
              { question: 'displayed avatars matching no platform', count: s.none, of: s.displayed },
            ],
            options: { caption: "The court's two questions, answered from the images" },
          },
          {
            id: 'attribution', kind: 'table',
            rows: result.attribution.map((r) => ({ person: person(r.person), verdict: r.verdict, matching: r.matching.join(' + ') || '-', ...Object.fromEntries(Object.entries(r.distance).map(([k, v]) => [`distance to ${k}`, v])) })),
            options: { caption: 'Every displayed avatar: verdict and crop-tolerant pHash distance to each platform avatar', maxRows: 10_000 },
          },
          ...(result.groundTruth ? [{ id: 'groundTruth', kind: 'table' as const, rows: result.groundTruth, options: { caption: 'Synthetic ground truth (where each displayed avatar was really fetched from) against the verdict' } }] : []),
        ],
      },
      {
        heading: HEADINGS.strength,
        blocks: [
          {
            id: 'propositions', kind: 'table',
            rows: [
              { id: prop.hp.id, proposition: prop.hp.description, assumptions: 'the app fetched the avatar from the reference platform and re-encoded it' },
              { id: prop.hd.id, proposition: prop.hd.description, assumptions: prop.hd.assumptions.join('; ') },
            ],
            options: { caption: 'The two propositions, as the court weighed them' },
          },
          { id: 'lrBands', kind: 'table', rows: bandRows, options: { caption: `Per person: LR = P(images | ${prop.hp.id}) / P(images | ${prop.hd.id}) (${prop.assessed} people with a ${cl} avatar in evidence)` } },
          {
            id: 'mixture', kind: 'table',
            rows: prop.mixture.map((x) => ({ 'share π of avatars from the app (H_d)': x.share, 'log10 LR, H_p vs H_d(π)': x.log10Lr, LR: lr(x.log10Lr) })),
            options: { caption: 'Over the set: H_p against the defence with an unstated share π (people independent given π)', digits: 4 },
          },
          {
            id: 'lrStatement', kind: 'paragraph',
            text: `For ${prop.bands.find((b) => b.band.startsWith('LR = 1'))!.people} of ${prop.assessed} people the ${cl} avatar is the same picture as the ${reference} one, so the images are as probable under either proposition (LR = 1): for them only import records could decide. Over the set, the images are ${best.log10Lr < 0 ? `10^${(-best.log10Lr).toFixed(1)} times more probable if a share π = ${best.share} of avatars came from the app than if all came from ${reference}` : `at least 10^${Math.min(...prop.mixture.map((x) => x.log10Lr)).toFixed(1)} times more probable if all came from ${reference} than under any share π shown`}.`,
          },
          {
            id: 'simulation', kind: 'table',
            rows: result.simulation.map((x) => ({ 'simulated under': x.proposition, people: x.people, 'median log10 LR': x.medianLog10Lr, 'share LR ≥ 100': x.atLeast100, 'share LR ≤ 1/100': x.atMostHundredth, 'share LR = 1': x.indistinguishable })),
            options: { caption: `Simulation for the same people: displayed avatars made from the ${reference} avatar (H_p) or from a ${cl} avatar (H_d) through a random platform pipeline (crop ≤ ${pct(p.simulationMaxCrop)}, 100-180 px, JPEG), seed ${p.seed}`, digits: 3 },
          },
          {
            id: 'simulationStatement', kind: 'paragraph',
            text: `Simulated under H_p, ${pct(sim('H_p').atMostHundredth)} of people get LR ≤ 1/100 (misleading towards the defence) and ${pct(sim('H_p').atLeast100)} get LR ≥ 100; simulated under H_d, ${pct(sim('H_d').atLeast100)} get LR ≥ 100 (misleading towards the plaintiff) and ${pct(sim('H_d').atMostHundredth)} get LR ≤ 1/100. Under both, ${pct(sim('H_p').indistinguishable)} and ${pct(sim('H_d').indistinguishable)} get LR = 1: the people whose pictures are the same on the platforms.`,
          },
        ],
      },
      {
        heading: HEADINGS.sensitivity,
        blocks: [
          { id: 'sensitivity', kind: 'paragraph', text: `The LR uses the upper ${lvl}% bounds of the measured error rates (false non-match ${prop.rates.fnmr.toPrecision(2)}, false match ${prop.rates.fmr.toPrecision(2)}); smaller rates would make every LR other than 1 larger in size. The mixture table shows how the set-level figure moves with the share π the defence never stated.` },
          {
            id: 'mixtureDependence', kind: 'table',
            rows: prop.dependence.map((d) => ({ 'ρ (within an uploader group)': d.rho, 'effective people': d.effectivePeople, ...Object.fromEntries(d.byShare.map((x) => [`log10 LR, π = ${x.share}`, x.log10Lr])) })),
            options: { caption: `The set-level figure under dependence: ${prop.assessed} people in ${p.clusters} uploader groups with correlation ρ inside a group; log10 LR scaled by the effective number of people n / (1 + (m − 1) ρ) (Kish 1965; Varin, Reid & Firth 2011). ρ = 1: each group counts as one person.`, digits: 4 },
          },
          { id: 'dependenceStatement', kind: 'paragraph', text: dependenceStatement(prop, p.clusters) },
        ],
      },
    ],
    limitations: [
      'The mixture table multiplies per-person likelihood ratios as if people were independent given π. Avatars imported by the app arrive per uploader, so they are dependent; the dependence table shows the set-level figure with the people counted as fewer effective units (a stated model, not an estimate of the correlation, which the evidence does not give). The per-person figures are the ones to rely on.',
      'The false-match rate in the likelihood ratio is measured between pictures of different synthetic people; the error that matters for the defence is a copy of one of the person\'s own photos matching another photo of the same person, which can be closer. Re-measure on the person\'s own photos where they exist.',
      'Perceptual hashes compare pictures, not files: when the same picture sits on several platforms the image alone cannot say which copy was fetched (LR = 1).',
      `Error rates are measured on ${m.images} synthetic drawings under synthetic distortions; round masks, overlays and crops above ${result.cropTable.at(-1)!.crop} are not measured. Re-measure on the expert's own images.`,
      'The set-level figure treats people as independent given the share π; if the app imported whole address books at once, people of one uploader share a source and the figure overstates.',
    ],
  };
}

/** What the dependence table shows, worded from its figures. */
function dependenceStatement(prop: AvatarsResult['propositions'], clusters: number): string {
  const full = prop.dependence.find((d) => d.rho === 1) ?? prop.dependence.at(-1);
  if (!full || !prop.assessed) return 'No person was assessed: there is no set-level figure to adjust.';
  const range = (d: typeof full) => {
    const v = d.byShare.map((x) => x.log10Lr);
    return `${Math.min(...v).toFixed(2)} to ${Math.max(...v).toFixed(2)}`;
  };
  return `If each of the ${clusters} uploader groups counts as one person (ρ = ${full.rho}, ${full.effectivePeople.toFixed(1)} effective people), the set-level log10 LR over the shares π shown is ${range(full)}, against ${range(prop.dependence[0]!)} at ρ = ${prop.dependence[0]!.rho}.`;
}
