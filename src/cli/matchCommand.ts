/**
 * `profile-provenance match`: were the displayed non-user profiles copied from the source
 * platform (notarial certificate No. 704, Weibo v. Maimai)? The same steps as notebook
 * 01-matching, through `src/matching` and `src/text`: each displayed profile
 * compared with its paired source profile on declared levels (same / basically the same /
 * different / missing), match rates with intervals, the coincidence baseline (permutation and
 * analytic), likelihood ratios with the ENFSI verbal scale, sensitivity to the thresholds, and
 * what alternative sources would produce.
 */
import type { Command } from 'commander';
import { weiboMaimai as wm } from '../case';
import { readTable } from '../io';
import * as matching from '../matching';
import * as text from '../text';
import { HEADINGS, type Block, type ReportDocument, type Section } from '../report/document';
import {
  cleanProvenance, commandProgress, commandRunInfo, datasetPath, displayPath, execute, fileOption, listOption, parseIntegerIn,
  parseNumber, requireFile, usesDefaults, withCommonOptions, type CommonOptions,
} from './common';

interface MatchOptions extends CommonOptions {
  displayed: string;
  source: string;
  schoolAliases: string;
  employerAliases: string;
  titleSynonyms: string;
  defaultAvatars: string;
  strictness: number;
  permutations: number;
  sensitivity: number[];
  alternatives: boolean;
  truth?: string | boolean;
}

const DEFAULT_DISPLAYED = datasetPath('matching', 'displayed.csv');
const DEFAULT_SOURCE = datasetPath('matching', 'source.csv');
const DEFAULT_TRUTH = datasetPath('matching', 'truth.csv');

export function registerMatch(program: Command, setCode: (c: number) => void): void {
  const cmd = program
    .command('match')
    .summary('were the displayed profiles copied from the source platform? (match rates, coincidence baseline, LR)')
    .description(
      'Profile comparison (notarial certificate No. 704, Weibo v. Maimai; notebook 01-matching). ' +
        'Reads the displayed profiles and the source profiles they are paired with (by id), compares avatar hash, ' +
        'name, employer, title, school and tags on declared levels (same / basically the same / different / missing; ' +
        'traditional-simplified, pinyin, aliases and synonyms handled by src/text), reports match rates with Wilson ' +
        'and Clopper-Pearson intervals overall and per uploader, the agreement expected between unrelated profiles ' +
        '(seeded permutation null and an analytic estimate), per-profile and combined likelihood ratios with the ENFSI ' +
        'verbal scale, the sensitivity to the thresholds, and the agreement alternative sources would produce.',
    )
    .addOption(fileOption('--displayed <file>', 'displayed profiles: id, uploader, name, avatar_hash, employer, title, school, tags', DEFAULT_DISPLAYED))
    .addOption(fileOption('--source <file>', 'source profiles (paired by id; extra rows widen the baseline): id, name, avatar_hash, employer, title, school, tags', DEFAULT_SOURCE))
    .addOption(fileOption('--school-aliases <file>', 'school alias table (alias, canonical), merged with the built-in one', datasetPath('matching', 'school-aliases.csv')))
    .addOption(fileOption('--employer-aliases <file>', 'employer alias table (alias, canonical)', datasetPath('matching', 'employer-aliases.csv')))
    .addOption(fileOption('--title-synonyms <file>', 'job-title synonym table (alias, canonical), merged with the built-in one', datasetPath('matching', 'job-title-synonyms.csv')))
    .option('--default-avatars <hashes>', "the platform's default pictures (avatar hashes, comma-separated; '' for none), treated as missing", 'c3c3c3c3e7e7ffff')
    .option('--strictness <s>', '1 = identical only; sets every "basically the same" threshold', parseNumber('--strictness', 0, 1), 0.8)
    .option('--permutations <n>', 'random re-pairings for the coincidence baseline', parseIntegerIn('--permutations', 99, 10_000_000), 10_000)
    .addOption(listOption('--sensitivity <list>', 'strictness values for the sensitivity table', 0, 1, [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1]))
    .option('--no-alternatives', 'skip the simulated alternative sources')
    .option('--truth <file>', "the generator's ground truth id,copied (simulations only; default with the synthetic data set: datasets/matching/truth.csv)")
    .option('--no-truth', 'do not use a ground truth');
  withCommonOptions(cmd, 704);
  cmd.addHelpText(
    'after',
    '\nOutput: <out>/match.json (inputs with SHA-256, parameters, comparison levels, per-profile levels and likelihood\n' +
      'ratios, match rates per field, overall and per uploader with intervals, the coincidence baseline, m and u,\n' +
      'combined LR with verbal scale, sensitivity, alternative sources) and <out>/match.html (the expert report).\n' +
      'Names never appear: the outputs carry ids and comparison levels only.\n\n' +
      'Example:\n  npx profile-provenance match --displayed shown.csv --source weibo.xlsx --no-truth --permutations 20000 -o out\n',
  );
  cmd.action(async (o: MatchOptions) => setCode(await execute(o, () => runMatch(o))));
}

async function runMatch(o: MatchOptions) {
  const displayedPath = requireFile('--displayed', o.displayed);
  const sourcePath = requireFile('--source', o.source);
  const schoolPath = requireFile('--school-aliases', o.schoolAliases);
  const employerPath = requireFile('--employer-aliases', o.employerAliases);
  const titlePath = requireFile('--title-synonyms', o.titleSynonyms);
  const synthetic = usesDefaults([[o.displayed, DEFAULT_DISPLAYED], [o.source, DEFAULT_SOURCE]]);
  const truthPath = typeof o.truth === 'string' ? requireFile('--truth', o.truth) : o.truth !== false && synthetic ? requireFile('--truth', DEFAULT_TRUTH) : null;

  const bar = commandProgress(o, o.permutations + 4, 'match');
  const evidence = await matching.loadProfileTables(displayedPath, sourcePath);
  const aliasTables = [text.loadAliasTable(schoolPath), text.loadAliasTable(employerPath), text.loadAliasTable(titlePath)] as const;
  const prepareOptions = {
    schoolAliases: text.mergeAliasTables(text.defaultSchoolAliases(), aliasTables[0]),
    employerAliases: aliasTables[1],
    jobTitleSynonyms: text.mergeAliasTables(text.defaultJobTitleSynonyms(), aliasTables[2]),
    defaultAvatarHashes: o.defaultAvatars.split(',').map((s) => s.trim()).filter((s) => s !== ''),
  };
  const paired = matching.pairProfiles(evidence.displayed, evidence.source, { ...prepareOptions, displayedFile: evidence.displayedFile, sourceFile: evidence.sourceFile });
  bar.tick();

  const thresholds = matching.thresholdsForStrictness(o.strictness);
  const comparisons = matching.defaultComparisons(thresholds);
  const matrix = matching.compareTables(paired, comparisons);
  const rates = matching.matchRates(matrix);
  let lastDone = 0;
  const nullDist = matching.permutationNull(paired, comparisons, matrix, {
    permutations: o.permutations, seed: o.seed, onProgress: (done) => { bar.tick(done - lastDone); lastDone = done; },
  });
  const analytic = matching.analyticNull(paired, matrix.fields, rates.overall.k, thresholds);
  const lr = matching.likelihoodRatios(matrix, matching.uFromCounts(nullDist.levelCounts, matrix.grades));
  bar.tick();
  const sweep = matching.strictnessSensitivity(paired, o.sensitivity, { seed: o.seed });
  bar.tick();

  const alternatives: Array<{ source: string; rates: matching.FieldRate[]; overall: matching.OverallRate }> = [{ source: 'observed display', rates: rates.fields, overall: rates.overall }];
  const assumptions: Array<Record<string, unknown>> = [];
  if (o.alternatives) {
    for (const [name, alt] of Object.entries(matching.ALTERNATIVE_SOURCES)) {
      const shown = matching.simulateAlternativeDisplay(evidence.displayed, evidence.source, alt.reproduce, o.seed);
      const r = matching.matchRates(matching.compareTables(matching.pairProfiles(shown, evidence.source, prepareOptions), comparisons));
      alternatives.push({ source: name, rates: r.fields, overall: r.overall });
      assumptions.push({ 'alternative source': name, assumption: alt.description, ...Object.fromEntries(Object.entries(alt.reproduce).map(([f, p]) => [`P(reproduce ${f})`, p])) });
    }
  }
  bar.tick();

  // Ground truth (simulations only): per-profile LR above 100 against the generator's truth.
  let truthResult: Record<string, unknown> | null = null;
  let truthProvenance: object[] = [];
  const truthBlocks: Block[] = [];
  if (truthPath) {
    const truth = await readTable<{ id: string; copied: boolean }>(truthPath, {
      name: 'matching-truth', columns: [{ name: 'id', type: 'string', unique: true }, { name: 'copied', type: 'boolean' }],
    });
    truthProvenance = [truth.provenance];
    const copied = new Map(truth.rows.map((t) => [t.id, t.copied]));
    const cells = { tp: 0, fp: 0, fn: 0, tn: 0, unknown: 0 };
    for (const p of lr.profiles) {
      const c = copied.get(p.id);
      const call = p.log10Lr > 2;
      if (c === undefined) cells.unknown++;
      else if (c && call) cells.tp++;
      else if (!c && call) cells.fp++;
      else if (c && !call) cells.fn++;
      else cells.tn++;
    }
    truthResult = { rule: 'per-profile LR > 100', ...cells };
    truthBlocks.push({
      kind: 'table',
      rows: [
        { '': 'truly copied', 'LR > 100': cells.tp, 'LR ≤ 100': cells.fn },
        { '': 'not copied', 'LR > 100': cells.fp, 'LR ≤ 100': cells.tn },
      ],
      options: { caption: "Per-profile likelihood ratio above 100 vs the generator's truth (synthetic)" },
    });
  }
  bar.tick();
  bar.done();

  const levelRows = matching.levelRows(matrix, comparisons);
  const lrById = new Map(lr.profiles.map((p) => [p.id, p]));
  const perProfile = levelRows.map((r) => {
    const p = lrById.get(String(r.id));
    return { ...r, log10LR: p?.log10Lr ?? null, posterior: p?.posterior ?? null, ENFSI: p ? `${p.verbal.supports === 'first' ? 'copied' : p.verbal.supports === 'second' ? 'independent' : 'neither'}: ${p.verbal.band}` : null };
  });
  const all = nullDist.statistics[0]!;

  const provenance = [...evidence.provenance, ...aliasTables.map((t) => t.provenance), ...truthProvenance].map(cleanProvenance);
  const parameters = {
    displayed: displayPath(displayedPath), source: displayPath(sourcePath), schoolAliases: displayPath(schoolPath), employerAliases: displayPath(employerPath),
    titleSynonyms: displayPath(titlePath), defaultAvatars: prepareOptions.defaultAvatarHashes, strictness: o.strictness, thresholds,
    permutations: o.permutations, sensitivity: o.sensitivity, alternatives: o.alternatives, truth: truthPath ? displayPath(truthPath) : null,
  };
  const run = commandRunInfo('match', o, { synthetic });
  const results = {
    run, inputs: provenance, parameters,
    comparisons: matching.definitionRows(comparisons),
    profiles: perProfile,
    rates: { fields: rates.fields, overall: rates.overall, byUploader: rates.byUploader },
    baseline: { permutation: matching.nullStatisticRows(nullDist), expectedFieldRate: nullDist.expectedFieldRate, statistics: nullDist.statistics.map(({ name, observed, expected, pValue }) => ({ name, observed, expected, pValue })), analytic: matching.analyticRows(analytic) },
    likelihood: { lambda: lr.lambda, iterations: lr.iterations, converged: lr.converged, log10LrMixture: lr.log10LrMixture, log10LrAllCopied: lr.log10LrAllCopied, verbalMixture: lr.verbalMixture, verbalAllCopied: lr.verbalAllCopied, mu: matching.mProbabilityRows(lr), bands: matching.enfsiBandRows(lr) },
    sensitivity: sweep,
    alternatives: alternatives.map((a) => ({ source: a.source, fields: Object.fromEntries(a.rates.map((f) => [f.field, f.rate])), overall: a.overall.rate })),
    alternativeAssumptions: assumptions,
    truth: truthResult,
  };

  const sections: Section[] = [
    {
      heading: HEADINGS.method,
      blocks: [
        { kind: 'paragraph', text: `Each displayed profile is paired by id with the source profile and compared field by field on the declared levels below (strictness ${o.strictness}: 1 = identical only). Names are compared after traditional→simplified conversion and in pinyin; employers, schools and titles after alias and synonym tables; avatars by the Hamming distance of their perceptual hashes (default pictures treated as missing). A profile "matches" when every field it shows is the same or basically the same — the court's standard (${wm.matchStandardCourt.inQuote}). The coincidence baseline re-pairs displayed and source profiles at random (${o.permutations.toLocaleString('en-US')} permutations, seed ${o.seed}); u-probabilities come from those re-pairings, m-probabilities from EM over the observed levels.` },
        { kind: 'table', rows: matching.definitionRows(comparisons), options: { caption: `Comparison levels at strictness ${o.strictness}`, maxRows: 100 } },
      ],
    },
    {
      heading: HEADINGS.results,
      blocks: [
        { kind: 'table', rows: matching.fieldRateRows(rates.fields, nullDist.expectedFieldRate), options: { caption: 'Per field: the same or basically the same (95% intervals), beside the rate expected between unrelated profiles' } },
        { kind: 'table', rows: matching.overallRateRows([rates.overall, ...rates.byUploader]), options: { caption: 'Overall and per uploader: all shown fields the same or basically the same' } },
        { kind: 'figure', figure: matching.fieldRatesChart(rates.fields, { expected: nullDist.expectedFieldRate }) },
        { kind: 'table', rows: matching.nullStatisticRows(nullDist), options: { caption: `Observed vs expected between unrelated profiles (${o.permutations.toLocaleString('en-US')} permutations, seed ${o.seed})` } },
        { kind: 'figure', figure: matching.nullDistributionChart(nullDist, 'allShownAgree', { xTitle: 'profiles agreeing on all shown fields' }) },
        { kind: 'table', rows: matching.analyticRows(analytic), options: { caption: 'Analytic estimate from value frequencies (exact-value agreement only: a lower estimate of coincidence for text fields)' } },
        { kind: 'paragraph', text: `${rates.overall.k} of ${rates.overall.n} displayed profiles (${(rates.overall.rate * 100).toFixed(1)}%, Wilson 95% ${(rates.overall.wilsonLow * 100).toFixed(1)}–${(rates.overall.wilsonHigh * 100).toFixed(1)}%) showed every field the same or basically the same as the source profile; between unrelated profiles the expected count is ${all.expected.toPrecision(2)} (permutation p ≤ ${all.pValue.toPrecision(2)}).` },
        { kind: 'table', rows: perProfile, options: { caption: 'Every displayed profile: level per field and likelihood ratio (ids only, no names)', maxRows: 100_000, digits: 3 } },
        ...truthBlocks,
      ],
    },
    {
      heading: HEADINGS.strength,
      blocks: [
        { kind: 'table', rows: matching.combinedLrRows(lr), options: { caption: 'Combined likelihood ratio, copied vs independent, with the ENFSI (2015) verbal equivalent' } },
        { kind: 'table', rows: matching.enfsiBandRows(lr), options: { caption: 'Per-profile likelihood ratios on the ENFSI scale' } },
        { kind: 'table', rows: matching.mProbabilityRows(lr), options: { caption: `m and u per level (EM ${lr.converged ? 'converged' : 'did not converge'} after ${lr.iterations} iterations)`, maxRows: 100 } },
      ],
    },
    {
      heading: HEADINGS.sensitivity,
      blocks: [
        {
          kind: 'table',
          rows: sweep.map((r) => ({ strictness: r.value, thresholds: r.thresholds, 'overall rate': r.overallRate, 'expected if unrelated': r.expectedOverallRate, 'log10 p': r.log10PValue, 'log10 LR': r.log10LrMixture, ENFSI: r.enfsiBand })),
          options: { caption: 'Sensitivity to the thresholds', digits: 3 },
        },
        { kind: 'figure', figure: matching.sensitivityChart(sweep) },
        ...(o.alternatives
          ? [
              { kind: 'table' as const, rows: assumptions, options: { caption: 'Alternative sources simulated (illustrative assumptions)' } },
              { kind: 'table' as const, rows: alternatives.map((a) => ({ source: a.source, ...Object.fromEntries(a.rates.map((f) => [f.field, f.rate])), 'all shown fields': a.overall.rate })), options: { caption: 'Agreement rates: observed vs alternative sources', digits: 3 } },
              { kind: 'figure' as const, figure: matching.alternativeSourcesChart(alternatives) },
            ]
          : []),
      ],
    },
  ];
  const document: ReportDocument = {
    title: { en: 'Source of the displayed non-user profiles', zh: '展示的非用户档案的来源' },
    question: `Are the ${rates.overall.profiles} displayed profiles "the same or basically the same" as the source-platform profiles they are paired with, more than unrelated profiles would be by coincidence, and how strongly does the agreement support copying over an independent source?`,
    ...(synthetic
      ? {
          synthetic: {
            dataset: 'datasets/matching', generator: 'src/matching/generator.ts generateSyntheticEvidence', seed: 704,
            imitates: `certificate 704: ${wm.uploadersInCertificate704.value} uploaders, ${wm.nonUsersInCertificate704.inQuote} non-users`,
            files: ['displayed.csv', 'source.csv', ...(truthPath ? ['truth.csv'] : [])],
          },
        }
      : {}),
    provenance,
    sections,
    limitations: [
      'The likelihood ratio weighs copying against independent profiles of the same population; another source holding the same profiles (a third platform copied from the same place) is not excluded by it, which is why alternative sources are simulated.',
      'Levels depend on the thresholds ("basically the same"); the sensitivity table shows how the findings move with them.',
      'Per-profile likelihood ratios assume fields independent given copied/independent; correlated fields (employer and title) overstate them, the combined LR most of all.',
    ],
    runInfo: { ...run, parameters: JSON.stringify(parameters) },
    lang: o.lang,
  };
  return { command: 'match', results, document };
}
