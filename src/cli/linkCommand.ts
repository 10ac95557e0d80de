/**
 * `profile-provenance link`: find the source account, if any, of each displayed profile, with an
 * error rate that can be stated (certificate 704 in Weibo v. Maimai, when the pairing is not
 * given). The same steps as notebook 02-linkage, through `src/linkage`:
 * blocking, declared comparison levels, m from EM and u from random pairs (Fellegi-Sunter,
 * fastLink, Splink), term-frequency adjustment of the name, one-to-one assignment, model-estimated
 * error rates, the strongest link explained field by field, and, with an answer key, the real
 * precision and recall.
 */
import type { Command } from 'commander';
import { weiboMaimai as wm } from '../case';
import * as linkage from '../linkage';
import { describeComparison } from '../compare/comparison';
import { maskName } from '../report/mask';
import { enfsiVerbalScale } from '../stats/enfsiVerbalScale';
import { HEADINGS, type Block, type ReportDocument, type Section } from '../report/document';
import {
  cleanProvenance, commandProgress, commandRunInfo, datasetPath, displayPath, execute, fileOption, parseIntegerIn, parseNumber,
  requireFile, usesDefaults, withCommonOptions, UsageError, type CommonOptions,
} from './common';

interface LinkOptions extends CommonOptions {
  displayed: string;
  source: string;
  truth?: string | boolean;
  uPairs: number;
  maxPairs: number;
  linkThreshold: number;
  confidentThreshold: number;
  termFrequency: boolean;
}

const DEFAULT_DISPLAYED = datasetPath('linkage', 'displayed.csv');
const DEFAULT_SOURCE = datasetPath('linkage', 'source.csv');
const DEFAULT_TRUTH = datasetPath('linkage', 'truth.csv');

export function registerLink(program: Command, setCode: (c: number) => void): void {
  const cmd = program
    .command('link')
    .summary('find the source account of each displayed profile, with stated error rates (record linkage)')
    .description(
      'Record linkage (certificate 704, Weibo v. Maimai; notebook 02-linkage). Reads the displayed ' +
        'profiles and an extract of the source platform, blocks candidate pairs, compares name, avatar hash, ' +
        'employer, title, school and tags on declared levels, estimates m by EM and u from random pairs ' +
        '(Fellegi-Sunter 1969; fastLink, Enamorado et al. 2019; Splink), adjusts for common names, links one-to-one, ' +
        'and states the model-estimated false discovery and miss rates. With an answer key (--truth) it also ' +
        'measures the real precision and recall.',
    )
    .addOption(fileOption('--displayed <file>', 'displayed profiles: display_id, uploader, name, avatar_hash, employer, title, school, tags', DEFAULT_DISPLAYED))
    .addOption(fileOption('--source <file>', 'source extract: id, name, avatar_hash, employer, title, school, tags', DEFAULT_SOURCE))
    .option('--truth <file>', 'answer key display_id,source_id (only simulations have one; default with the synthetic data set: datasets/linkage/truth.csv)')
    .option('--no-truth', 'do not use an answer key')
    .option('--u-pairs <n>', 'random pairs drawn to estimate u', parseIntegerIn('--u-pairs', 1000, 100_000_000), 50_000)
    .option('--max-pairs <n>', 'refuse blocking above this many candidate pairs', parseIntegerIn('--max-pairs', 1, 1_000_000_000), 5_000_000)
    .option('--link-threshold <p>', 'posterior probability from which a pair may be linked (one-to-one)', parseNumber('--link-threshold', 0.000001, 0.999999), 0.5)
    .option('--confident-threshold <p>', 'posterior probability called "confident"', parseNumber('--confident-threshold', 0.000001, 0.999999), 0.99)
    .option('--no-term-frequency', 'no term-frequency adjustment of the name (a common name then weighs like a rare one)');
  withCommonOptions(cmd, 7);
  cmd.addHelpText(
    'after',
    '\nOutput: <out>/link.json (inputs with SHA-256, parameters, blocking counts, m/u per comparison level, every\n' +
      'displayed profile with its linked account, probability and status, estimated error rates, the strongest link\n' +
      'explained, answer-key precision/recall when given) and <out>/link.html (the expert report). Names are masked\n' +
      'unless --unmask.\n\n' +
      'Example:\n  npx profile-provenance link --displayed shown.xlsx --source weibo-extract.csv --no-truth -o out\n',
  );
  cmd.action(async (o: LinkOptions) => setCode(await execute(o, () => runLink(o))));
}

async function runLink(o: LinkOptions) {
  const displayedPath = requireFile('--displayed', o.displayed);
  const sourcePath = requireFile('--source', o.source);
  const synthetic = usesDefaults([[o.displayed, DEFAULT_DISPLAYED], [o.source, DEFAULT_SOURCE]]);
  if (o.confidentThreshold < o.linkThreshold) throw new UsageError(`--confident-threshold ${o.confidentThreshold} is below --link-threshold ${o.linkThreshold}`);
  const truthPath = typeof o.truth === 'string' ? requireFile('--truth', o.truth) : o.truth !== false && synthetic ? requireFile('--truth', DEFAULT_TRUTH) : null;
  const name = (s: string | null | undefined) => (o.unmask ? (s ?? '') : maskName(s ?? ''));

  const bar = commandProgress(o, 4, 'link');
  const tables = await linkage.loadLinkageTables(displayedPath, sourcePath);
  bar.tick();
  const prepared = linkage.prepareRecordBlocking(tables.displayed, tables.source, linkage.profileBlockingRules());
  const blocking = linkage.blockingTable(linkage.countCandidatePairs(prepared)).map((r) => {
    if (o.unmask || r.rule !== 'name' || typeof r['largest block'] !== 'string') return r;
    const m = /^(.*?)( \(\d+ x \d+\))$/.exec(r['largest block']);
    return { ...r, 'largest block': m ? maskName(m[1]!) + m[2]! : maskName(r['largest block']) };
  });
  const comparisons = linkage.profileComparisons().flatMap((c) => describeComparison(c));
  const run = linkage.linkProfileTables(tables, { seed: o.seed, uPairs: o.uPairs, maxPairs: o.maxPairs, termFrequency: o.termFrequency, linkThreshold: o.linkThreshold });
  bar.tick();
  const model = run.result.model;
  const rows = linkage.linkedProfileRows(tables, run, { confidentThreshold: o.confidentThreshold, unmasked: o.unmask });
  const confident = rows.filter((r) => r.status === 'confident').length;
  const probable = rows.filter((r) => r.status === 'probable').length;
  const errAt = (t: number) => linkage.estimatedErrorRates(run.result.scores.probability, t);
  const errorRates = [
    { ...errAt(o.linkThreshold), threshold: `probability ≥ ${o.linkThreshold}` },
    { ...errAt(o.confidentThreshold), threshold: `probability ≥ ${o.confidentThreshold} (confident)` },
  ];
  const names = linkage.nameFrequencyRows(tables, run, { unmasked: o.unmask });
  const cut = linkage.matchWeightFromProbability(o.linkThreshold);

  // The strongest link, and the strength of every link as a likelihood ratio (match weight minus the prior, in log2).
  const accepted = run.assignment.accepted;
  const best = accepted.length ? accepted.reduce((a, b) => (run.result.scores.matchWeight[b]! > run.result.scores.matchWeight[a]! ? b : a)) : -1;
  const e1 = best >= 0 ? linkage.explainPair(model, run.result.gamma, run.result.pairs, best, run.result.tf) : null;
  const priorWeight = e1?.prior.weight ?? 0;
  const bands = new Map<string, number>();
  for (const p of accepted) {
    const v = enfsiVerbalScale(Math.pow(2, run.result.scores.matchWeight[p]! - priorWeight));
    bands.set(v.band, (bands.get(v.band) ?? 0) + 1);
  }
  const bandRows = ['extremely-strong', 'very-strong', 'strong', 'moderately-strong', 'moderate', 'weak', 'none'].filter((b) => bands.has(b)).map((b) => ({ 'ENFSI band of the likelihood ratio': b, 'linked profiles': bands.get(b)! }));
  const strongest = e1 && {
    displayed: tables.displayedRows[e1.left]!.display_id, source: tables.sourceRows[e1.right]!.id,
    log2LR: e1.weight, log10LR: e1.weight * Math.log10(2), verbal: enfsiVerbalScale(Math.pow(2, e1.weight)), probability: e1.probability, explanation: linkage.explanationTable(e1),
  };
  bar.tick();

  // Answer key (simulations only).
  let truthResult: Record<string, unknown> | null = null;
  let truthProvenance: object[] = [];
  const truthBlocks: Block[] = [];
  if (truthPath) {
    const truth = await linkage.loadLinkageTruth(truthPath);
    truthProvenance = [truth.provenance];
    const trueRight = new Int32Array(tables.displayed.length).fill(-1);
    const sourceRow = new Map(tables.sourceRows.map((r, j) => [r.id, j]));
    tables.displayedRows.forEach((d, i) => {
      const s = truth.pairs.get(d.display_id);
      if (s !== undefined) trueRight[i] = sourceRow.get(s) ?? -1;
    });
    const at = (t: number) => {
      const decided = Int32Array.from(run.assignment.rightOfLeft, (j, i) => (j >= 0 && run.probabilityOfLeft[i]! >= t ? j : -1));
      const q = linkage.evaluateAssignment(decided, trueRight);
      return { threshold: t, declared: q.declared, 'true pairs': q.trueLinks, precision: q.precision, recall: q.recall, F1: q.f1, 'real FDR': 1 - q.precision, 'estimated FDR': errAt(t).estimatedFdr };
    };
    const quality = [at(o.linkThreshold), at(o.confidentThreshold)];
    const isTrue = linkage.labelPairsByLeft(run.result.pairs, trueRight);
    truthResult = { truePairs: truth.pairs.size, quality };
    truthBlocks.push(
      { kind: 'table', rows: quality, options: { caption: 'Linkage against the answer key (synthetic): real precision and recall beside the model-estimated FDR', digits: 4 } },
      { kind: 'figure', figure: linkage.thresholdSweepChart(linkage.thresholdSweep(run.result.scores.matchWeight, { isTrue, trueLinks: truth.pairs.size }), { threshold: cut, title: 'Threshold sweep against the answer key' }) },
    );
  }
  bar.tick();
  bar.done();

  const provenance = [...tables.provenance, ...truthProvenance].map(cleanProvenance);
  const parameters = {
    displayed: displayPath(displayedPath), source: displayPath(sourcePath), truth: truthPath ? displayPath(truthPath) : null,
    uPairs: o.uPairs, maxPairs: o.maxPairs, linkThreshold: o.linkThreshold, confidentThreshold: o.confidentThreshold, termFrequency: o.termFrequency,
  };
  const runInfo = commandRunInfo('link', o, { synthetic });
  const results = {
    run: runInfo, inputs: provenance, parameters,
    counts: { displayed: tables.displayed.length, source: tables.source.length, candidatePairs: run.result.pairs.left.length, confident, probable, none: rows.length - confident - probable },
    blocking, comparisons, model: { table: linkage.modelTable(model), method: model.method },
    links: rows, errorRates, nameFrequency: names, strongest, strengthBands: bandRows, truth: truthResult,
  };

  const sections: Section[] = [
    {
      heading: HEADINGS.method,
      blocks: [
        { kind: 'paragraph', text: `Candidate pairs come from blocking rules (a pair is compared only if it shares a block under some rule), capped at ${o.maxPairs.toLocaleString('en-US')} pairs. Each pair is compared field by field on the declared levels below. m (probability of a level among true matches) is estimated by EM over the comparison patterns (Winkler 1988; fastLink); u (among non-matches) from ${o.uPairs.toLocaleString('en-US')} random pairs (Splink), seed ${o.seed}. A pair's match weight is the sum of log2(m/u) over fields${o.termFrequency ? ', with the name term-frequency adjusted (a common name weighs less)' : ''}, plus the prior; profiles are linked one-to-one from probability ${o.linkThreshold}.` },
        { kind: 'table', rows: blocking, options: { caption: `Candidate pairs per blocking rule (of ${(tables.displayed.length * tables.source.length).toLocaleString('en-US')} possible pairs)` } },
        { kind: 'table', rows: comparisons, options: { caption: 'Declared comparison levels', maxRows: 100 } },
      ],
    },
    {
      heading: HEADINGS.results,
      blocks: [
        { kind: 'table', rows: linkage.modelTable(model), options: { caption: `Estimated m and u (EM: ${model.method.em?.iterations} iterations, converged: ${model.method.em?.converged}; u from ${model.method.uSamplePairs} random pairs, seed ${o.seed})`, maxRows: 100 } },
        { kind: 'figure', figure: linkage.mUChart(model) },
        { kind: 'figure', figure: linkage.matchWeightHistogram(run.result.scores.matchWeight, { threshold: cut, title: `Match weights of ${run.result.pairs.left.length} candidate pairs (dashed: probability ${o.linkThreshold})` }) },
        { kind: 'paragraph', text: `${confident} of ${rows.length} displayed profiles (${(100 * confident / Math.max(1, rows.length)).toFixed(1)}%) have a source account with probability ≥ ${o.confidentThreshold}; ${probable} more a probable one (≥ ${o.linkThreshold}); ${rows.length - confident - probable} none.` },
        { kind: 'table', rows: errorRates, options: { caption: 'Model-estimated error rates among candidate pairs (fastLink)', digits: 4 } },
        { kind: 'table', rows, options: { caption: `Linked accounts${o.unmask ? '' : ' (names masked)'}`, maxRows: 100_000, digits: 4 } },
        ...(names.length ? [{ kind: 'table' as const, rows: names, options: { caption: 'Name agreement: common names weigh less (term-frequency adjustment)', digits: 3 } }] : []),
        ...truthBlocks,
      ],
    },
    {
      heading: HEADINGS.strength,
      blocks: [
        { kind: 'paragraph', text: 'Each link\'s likelihood ratio is 2^(sum of field weights): P(the comparison pattern | same person) / P(pattern | different people), before the prior. Its ENFSI (2015) verbal equivalent is given below for every linked profile, and the strongest link is explained field by field.' },
        ...(bandRows.length ? [{ kind: 'table' as const, rows: bandRows, options: { caption: 'Linked profiles by strength of evidence (ENFSI verbal scale)' } }] : []),
        ...(e1 && strongest
          ? [
              { kind: 'figure' as const, figure: linkage.waterfallChart(e1, `Strongest link: ${strongest.displayed} → ${strongest.source}`) },
              { kind: 'table' as const, rows: strongest.explanation, options: { caption: `Strongest link ${strongest.displayed} → ${strongest.source}: log10 LR ${strongest.log10LR.toFixed(2)}, ${strongest.verbal.verbal} (${strongest.verbal.verbalZh})`, digits: 4 } },
            ]
          : [{ kind: 'paragraph' as const, text: 'No profile was linked.' }]),
      ],
    },
    {
      heading: HEADINGS.sensitivity,
      blocks: [
        { kind: 'figure', figure: linkage.thresholdSweepChart(linkage.thresholdSweep(run.result.scores.matchWeight), { threshold: cut, title: 'Estimated error rates by threshold (model only)' }) },
        { kind: 'paragraph', text: `The court's standard was "the same or basically the same" (${wm.matchStandardCourt.inQuote}); the sweep shows how the number of links and the estimated false discovery rate move with the threshold.` },
      ],
    },
  ];
  const document: ReportDocument = {
    title: { en: 'Finding the source accounts of displayed profiles', zh: '查找展示档案的来源帐号' },
    question: `For each of the ${tables.displayed.length} displayed profiles, is there an account in the source extract (${tables.source.length} accounts) it was taken from, and with what error rate can the links be stated?`,
    ...(synthetic
      ? {
          synthetic: {
            dataset: 'datasets/linkage', generator: 'src/linkage/synthetic.ts generateLinkageData + src/linkage/profiles.ts linkageDatasetFiles', seed: linkage.LINKAGE_DATASET_PARAMS.seed,
            imitates: `certificate 704: ${wm.uploadersInCertificate704.value} uploaders, ${wm.nonUsersInCertificate704.value}+ displayed non-users; a source extract with decoys and common names`,
            files: ['displayed.csv', 'source.csv', ...(truthPath ? ['truth.csv'] : [])],
          },
        }
      : {}),
    provenance,
    sections,
    limitations: [
      'The model-estimated error rates assume the Fellegi-Sunter model (fields independent given match status); dependent fields (employer and title) make weights too strong, which the answer key, when there is one, shows.',
      'A profile with no account in the extract can still have one on the platform: the extract bounds what can be found.',
      `Blocking can miss a true pair that shares no block; the rules and their pair counts are listed above. Names in this report are ${o.unmask ? 'NOT masked (--unmask)' : 'masked'}.`,
    ],
    runInfo: { ...runInfo, parameters: JSON.stringify(parameters) },
    lang: o.lang,
  };
  return { command: 'link', results, document };
}
