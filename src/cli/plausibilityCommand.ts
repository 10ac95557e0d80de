/**
 * `profile-provenance plausibility`: the collaborative-filtering defence (Weibo v. Maimai,
 * inference 3). Could the defendant's algorithms have inferred, from its users' contacts, the k
 * of n non-user profiles that matched the source platform? The same steps as the claim-test part
 * of notebook 04-collaborative-filtering, through `src/collaborative-filtering`: the CF methods run on
 * the evidence graph (only registered users' fields known), the best joint accuracy p* (upper
 * Clopper-Pearson bound, generous to the defence), the exact binomial and beta-binomial tests of
 * k of n against p*, the likelihood ratio with the ENFSI verbal scale, the test's simulated
 * type-I error, and the sensitivity grid over homophily, registered share and cardinality.
 *
 * Glue here (not in src/inference): reading the attribute table (`attributes-5k.csv` format)
 * into the `SocialGraph` values and the `Observation` the area's functions take.
 */
import type { Command } from 'commander';
import { weiboMaimai as wm } from '../case';
import * as inference from '../collaborative-filtering';
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { logBinomialPmf } from '../stats/logBinomialPmf';
import { HEADINGS, type Block, type ReportDocument, type Section } from '../report/document';
import {
  cleanProvenance, commandProgress, commandRunInfo, datasetPath, displayPath, execute, fileOption, parseIntegerIn, parseNumber,
  listOption, rangeOption, requireFile, usesDefaults, withCommonOptions, UsageError, type CommonOptions,
} from './common';

interface PlausibilityOptions extends CommonOptions {
  graph: string;
  attributes: string;
  fields: string;
  k: number;
  n: number;
  targets: number;
  uploaders: number | { min: number; max: number };
  pSource: number;
  alpha: number;
  overdispersion: number;
  type1P: number;
  type1Replicates: number;
  grid: boolean;
  gridHomophily: number[];
  gridShares: number[];
  gridCardinality: number[];
}

const DEFAULT_GRAPH = datasetPath('collaborative-filtering', 'graph-5k.edges');
const DEFAULT_ATTRIBUTES = datasetPath('collaborative-filtering', 'attributes-5k.csv');

export function registerPlausibility(program: Command, setCode: (c: number) => void): void {
  const cert = wm.nonUsersInCertificate704.value;
  const cmd = program
    .command('plausibility')
    .summary('could collaborative filtering have inferred the matching non-user profiles? (claim test, LR)')
    .description(
      'Collaborative-filtering defence (Weibo v. Maimai, inference 3; notebook 04-collaborative-filtering). ' +
        "Reads a contact graph and a table of each person's displayed fields with what the platform knew, runs the " +
        'CF methods (neighbour vote, weighted vote, user-kNN, label propagation) and the copy ceiling for non-users ' +
        'seen through 1-3 uploaders, takes the best joint accuracy p* (upper 95% Clopper-Pearson bound: generous to the ' +
        'defence), and tests the observed k of n matching profiles against it (exact binomial and beta-binomial), ' +
        'with the likelihood ratio "copied from the source" vs "inferred by CF" and its ENFSI verbal equivalent.',
    )
    .addOption(fileOption('--graph <file>', 'contact graph: one edge per line "u v [closeness]" (# comments allowed)', DEFAULT_GRAPH))
    .addOption(fileOption('--attributes <file>', 'per node: node, registered (0/1), weibo_login? (0/1), then per field <field> (value) and <field>_known (0/1)', DEFAULT_ATTRIBUTES))
    .option('--fields <list>', 'displayed fields compared jointly (comma-separated columns of --attributes)', 'employer,title,tags')
    .option('--k <n>', `profiles that matched the source platform (certificate 704: ${cert}+)`, parseIntegerIn('--k', 0), cert)
    .option('--n <n>', 'profiles compared', parseIntegerIn('--n', 1), cert)
    .option('--targets <n>', 'non-users simulated on the graph', parseIntegerIn('--targets', 10, 1_000_000), 300)
    .addOption(rangeOption('--uploaders <range>', 'uploaders per non-user, lo..hi (certificate 704: 3 uploaders)', 1, 1000, { min: 1, max: 3 }))
    .option('--p-source <p>', 'ASSUMPTION: agreement rate if the profiles were copied from the source (profiles change)', parseNumber('--p-source', 0, 1), 0.95)
    .option('--alpha <p>', 'significance level of the tests', parseNumber('--alpha', 1e-12, 0.5), 0.05)
    .option('--overdispersion <rho>', 'ASSUMPTION: intra-class correlation of successes (beta-binomial), in (0, 1)', parseNumber('--overdispersion', 1e-6, 0.999), 0.1)
    .option('--type1-p <p>', 'null accuracy at which the type-I error of the test is simulated', parseNumber('--type1-p', 0.001, 0.999), 0.3)
    .option('--type1-replicates <n>', 'replicates of the type-I error simulation', parseIntegerIn('--type1-replicates', 100, 1_000_000), 2000)
    .option('--no-grid', 'skip the simulated sensitivity grid')
    .addOption(listOption('--grid-homophily <list>', 'homophily values of the sensitivity grid', 0, 1, [0.3, 0.6, 0.9]))
    .addOption(listOption('--grid-shares <list>', 'registered shares of the sensitivity grid', 0.0001, 1, [0.01, 0.1, 0.5]))
    .addOption(listOption('--grid-cardinality <list>', 'values per field in the sensitivity grid', 2, 1e7, [10, 100, 1000, 10000]));
  withCommonOptions(cmd, 704);
  cmd.addHelpText(
    'after',
    '\nOutput: <out>/plausibility.json (inputs with SHA-256, parameters, accuracy per field and method, joint\n' +
      'accuracy, p*, the tests, likelihood ratios with verbal scale, accuracy needed, type-I error, sensitivity grid)\n' +
      'and <out>/plausibility.html (the expert report).\n\n' +
      'Example:\n  npx profile-provenance plausibility --graph contacts.edges --attributes people.csv --k 300 --n 300 -o out\n',
  );
  cmd.action(async (o: PlausibilityOptions) => setCode(await execute(o, () => runPlausibility(o))));
}

async function runPlausibility(o: PlausibilityOptions) {
  const graphPath = requireFile('--graph', o.graph);
  const attrPath = requireFile('--attributes', o.attributes);
  const synthetic = usesDefaults([[o.graph, DEFAULT_GRAPH], [o.attributes, DEFAULT_ATTRIBUTES]]);
  const fields = o.fields.split(',').map((s) => s.trim()).filter(Boolean);
  if (fields.length === 0) throw new UsageError('option --fields needs at least one field');
  if (o.k > o.n) throw new UsageError(`--k ${o.k} is larger than --n ${o.n}`);
  const uploaders = typeof o.uploaders === 'number' ? { min: o.uploaders, max: o.uploaders } : o.uploaders;
  if (!Number.isInteger(uploaders.min) || !Number.isInteger(uploaders.max)) throw new UsageError('option --uploaders must be whole numbers');

  const bar = commandProgress(o, 4 + (o.grid ? o.gridHomophily.length * o.gridShares.length * o.gridCardinality.length : 0), 'plausibility');
  const { graph: edges, attributes: attrs } = await inference.loadGraphEvidence(graphPath, attrPath, fields);
  bar.tick();
  // The evidence as the area's SocialGraph: no generator model, so the Bayes-optimal predictor (which needs one) is not run.
  const sim = { graph: edges.graph, values: attrs.values, groups: {}, models: {}, activity: new Float32Array(0), params: {} } as unknown as inference.SocialGraph;
  const run0 = inference.simulateNonUsers(sim, attrs.obs, { fields, targets: o.targets, uploaders, seed: o.seed });
  bar.tick();
  const T = run0.targets.length;
  if (T === 0) throw new UsageError(`no eligible non-user in ${displayPath(attrPath)}: none has ${uploaders.min} or more registered contacts`);
  const pStarUpper = clopperPearsonInterval(Math.round(run0.best.accuracy * T), T, 0.95)[1];
  const test = inference.claimTest({ k: o.k, n: o.n, pStar: pStarUpper, pSource: o.pSource, alpha: o.alpha, overdispersion: o.overdispersion });
  const typeI = inference.simulateTypeIError({ n: o.n, pStar: o.type1P, alpha: o.alpha, replicates: o.type1Replicates, seed: o.seed });
  bar.tick();
  const grid = o.grid
    ? inference.sensitivityGrid({
        homophily: o.gridHomophily, knownShare: o.gridShares, cardinality: o.gridCardinality, nodes: 5000, edges: 50000, targets: 300,
        k: o.k, n: o.n, alpha: o.alpha, pSource: o.pSource, overdispersion: o.overdispersion, seed: o.seed, onProgress: () => bar.tick(),
      })
    : null;
  const frontier = inference.plausibilityFrontier({ required: test.requiredAccuracy, fields: Math.min(2, fields.length), uploaders: [1, 2, 3], cardinalities: [10, 1000, 20000], selfReport: 0.9 });
  bar.tick();
  bar.done();

  const methods = [...inference.ALL_METHODS, 'copyCeiling'] as const;
  const perField = run0.perField.map((f) => ({
    field: f.field, ...Object.fromEntries(inference.ALL_METHODS.filter((m) => f.accuracy[m] !== undefined).map((m) => [inference.METHOD_LABELS[m], f.accuracy[m]])),
    [inference.METHOD_LABELS.copyCeiling]: f.copyCeiling, coverage: f.coverage,
  }));
  const joint = Object.fromEntries(methods.filter((m) => run0.joint[m] !== undefined).map((m) => [inference.METHOD_LABELS[m], run0.joint[m]]));
  const lrRows = [
    { model: 'binomial', log10LR: test.lr.log10, verbal: test.lr.verbal.verbal, verbalZh: test.lr.verbal.verbalZh, supports: test.lr.verbal.supports === 'first' ? 'copied from the source' : test.lr.verbal.supports === 'second' ? 'inferred by CF' : 'neither' },
    { model: `beta-binomial (ρ = ${o.overdispersion})`, log10LR: test.lrBetaBinomial.log10, verbal: test.lrBetaBinomial.verbal.verbal, verbalZh: test.lrBetaBinomial.verbal.verbalZh, supports: test.lrBetaBinomial.verbal.supports === 'first' ? 'copied from the source' : test.lrBetaBinomial.verbal.supports === 'second' ? 'inferred by CF' : 'neither' },
  ];

  const provenance = [cleanProvenance(edges.provenance), cleanProvenance(attrs.provenance)];
  const parameters = {
    graph: displayPath(graphPath), attributes: displayPath(attrPath), fields, k: o.k, n: o.n, targets: o.targets, uploaders,
    pSource: o.pSource, alpha: o.alpha, overdispersion: o.overdispersion, type1P: o.type1P, type1Replicates: o.type1Replicates,
    grid: o.grid ? { homophily: o.gridHomophily, shares: o.gridShares, cardinality: o.gridCardinality, nodes: 5000, edges: 50000, targets: 300 } : null,
  };
  const run = commandRunInfo('plausibility', o, { synthetic });
  const results = {
    run, inputs: provenance, parameters,
    evidenceGraph: { nodes: edges.graph.n, edges: edges.edges, registered: attrs.obs.registeredCount, registeredShare: attrs.obs.registeredShare },
    simulation: { eligibleNonUsers: run0.eligible, targets: T, perField: run0.perField, joint: run0.joint, best: run0.best },
    pStarUpper, test, typeIError: { pStar: o.type1P, ...typeI }, sensitivityGrid: grid && { cells: grid.cells, minimalPlausible: grid.minimalPlausible, requiredAccuracy: grid.requiredAccuracy }, frontier,
  };

  const gridBlocks: Block[] = grid
    ? [
        { kind: 'figure', figure: inference.sensitivityHeatmap(grid) },
        {
          kind: 'paragraph',
          text: grid.minimalPlausible.length
            ? `Least generous assumption sets under which the claim is plausible: ${grid.minimalPlausible.map((c) => `h = ${c.homophily}, share = ${c.knownShare}, |X| = ${c.cardinality}`).join('; ')}.`
            : `No cell of the grid makes the claim plausible: the best joint accuracy anywhere is ${Math.max(...grid.cells.map((c) => c.pStar)).toFixed(3)}, against the ${grid.requiredAccuracy.toFixed(4)} needed.`,
        },
        { kind: 'table', rows: grid.cells.map((c) => ({ homophily: c.homophily, registeredShare: c.knownShare, cardinality: c.cardinality, pStar: c.pStar, bestMethod: c.bestMethod, pStarUpper: c.pStarUpper, pValue: c.pValue, log10LR: c.log10Lr, plausible: c.plausible })), options: { caption: `Sensitivity grid (simulated worlds of 5,000 people, seed ${o.seed})`, digits: 3, maxRows: 500 } },
      ]
    : [{ kind: 'paragraph', text: 'The simulated sensitivity grid was skipped (--no-grid).' }];
  const sections: Section[] = [
    {
      heading: HEADINGS.method,
      blocks: [
        { kind: 'paragraph', text: `On the evidence graph (${edges.graph.n.toLocaleString('en-US')} people, ${edges.edges.toLocaleString('en-US')} contacts, ${attrs.obs.registeredCount.toLocaleString('en-US')} registered), ${T} non-users with ${uploaders.min}–${uploaders.max} registered contacts are seen only through those uploaders, as in certificate 704. Each CF method predicts their ${fields.join(', ')} from what the platform knows of registered users; the copy ceiling counts a field right when any uploader holds the true value. p* is the best joint accuracy (all fields right at once) over the methods and the ceiling, raised to its upper 95% Clopper–Pearson bound (generous to the defence). The observed ${o.k} of ${o.n} is tested against p* by the exact one-sided binomial test and a beta-binomial test allowing profiles to succeed or fail together (ρ = ${o.overdispersion}); the likelihood ratio compares "copied from the source" (agreement ${o.pSource}, an assumption) with "inferred by CF" (p*).` },
      ],
    },
    {
      heading: HEADINGS.results,
      blocks: [
        { kind: 'table', rows: perField, options: { caption: `Accuracy per field on ${T} simulated non-users (seed ${o.seed})`, digits: 3 } },
        { kind: 'keyValues', values: { ...joint, 'best (p*)': `${run0.best.accuracy} (${inference.METHOD_LABELS[run0.best.method]})`, 'p* used (upper 95% bound)': pStarUpper }, caption: `Joint accuracy: ${fields.join(', ')} all right at once` },
        {
          kind: 'table',
          rows: [
            { quantity: `exact binomial P(X ≥ ${o.k} | p*)`, value: test.binomial.pValue, note: test.binomial.reject ? 'reject "inferred by CF"' : 'do not reject' },
            { quantity: `beta-binomial P(X ≥ ${o.k}), ρ = ${o.overdispersion}`, value: test.betaBinomial.pValue, note: test.betaBinomial.reject ? 'reject "inferred by CF"' : 'do not reject' },
            { quantity: 'per-profile accuracy CF would need (binomial)', value: test.requiredAccuracy, note: `α = ${o.alpha}: the claim becomes plausible only above this` },
            { quantity: 'per-profile accuracy CF would need (beta-binomial)', value: test.requiredAccuracyBetaBinomial, note: 'allowing profiles to succeed or fail together' },
          ],
          options: { caption: `${o.k} of ${o.n} against the best achievable CF accuracy`, digits: 4 },
        },
        { kind: 'figure', figure: inference.likelihoodChart(o.k, o.n, [{ label: 'p* (CF, generous)', p: pStarUpper }, { label: 'pSource', p: o.pSource }], (p) => logBinomialPmf(o.k, o.n, p)) },
      ],
    },
    {
      heading: HEADINGS.strength,
      blocks: [
        { kind: 'table', rows: lrRows, options: { caption: 'Likelihood ratio, H_source (copied, agreement pSource) vs H_cf (inferred, accuracy p*), with the ENFSI (2015) verbal equivalent', digits: 4 } },
        { kind: 'paragraph', text: `Known error rate: simulated under the null (p = ${o.type1P}, ${typeI.replicates} replicates, seed ${o.seed}) the binomial test rejects ${(typeI.rate * 100).toFixed(1)}% of the time at α = ${o.alpha}.` },
      ],
    },
    {
      heading: HEADINGS.sensitivity,
      blocks: [
        ...gridBlocks,
        { kind: 'table', rows: frontier.map((r) => ({ uploaders: r.uploaders, 'values per field': r.cardinality, 'per-uploader agreement needed per field': r.requiredAgreement, 'homophily α needed per field': r.requiredAlpha ?? 'unreachable (> 1)' })), options: { caption: 'Smallest assumptions (analytic, copying oracle): what every field would need for the claim to be plausible', digits: 3 } },
      ],
    },
  ];
  const document: ReportDocument = {
    title: { en: 'Collaborative-filtering defence: could the profiles have been inferred?', zh: '协同过滤抗辩：这些档案能否由算法推断得出？' },
    question: `The defendant says the non-users' ${fields.join(', ')} it displayed were inferred by collaborative filtering from its users' contacts, not copied from the source platform. ${o.k} of ${o.n} displayed profiles matched the source. How plausible is that under the best accuracy CF achieves on the evidence graph, and how strongly does it support copying over inference?`,
    ...(synthetic
      ? {
          synthetic: {
            dataset: 'datasets/collaborative-filtering', generator: 'src/collaborative-filtering/dataset.ts buildInferenceDataset (generateSocialGraph + observe)', seed: inference.DATASET_SEED,
            imitates: 'the CF defence in Weibo v. Maimai: a contact graph where the platform knows registered users only; certificate 704: 300+ non-users seen through 3 uploaders (FACTS inference 3)',
            files: ['graph-5k.edges', 'attributes-5k.csv'],
          },
        }
      : {}),
    provenance,
    sections,
    limitations: [
      'p* is the best accuracy of the methods implemented here (and the copy ceiling) on this graph; a better algorithm could do better, which is why the upper confidence bound and the copy ceiling are used.',
      `The likelihood ratio depends on the assumed agreement under copying (pSource = ${o.pSource}) and, for the beta-binomial, on the assumed overdispersion; both are parameters.`,
      'The sensitivity grid uses simulated worlds (focus-theory communities, Zipf attributes), not the platform\'s real graph.',
    ],
    runInfo: { ...run, parameters: JSON.stringify(parameters) },
    lang: o.lang,
  };
  return { command: 'plausibility', results, document };
}
