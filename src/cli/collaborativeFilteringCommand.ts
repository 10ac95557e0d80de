/**
 * `profile-provenance collaborative-filtering` (aliases `plausibility`, `cf`): the
 * collaborative-filtering defence (Weibo v. Maimai, inference 3). A declaration: the analysis is
 * `collaborativeFiltering.analyseCollaborativeFiltering`, the layout
 * `collaborativeFiltering.collaborativeFilteringReport`, both shared with notebook
 * 04-collaborative-filtering.
 */
import * as cf from '../collaborative-filtering';
import { defineCommand } from './define';
import { listOption, parseIntegerIn, parseNumber, rangeOption, UsageError } from './common';

interface CfOptions {
  fields: string;
  k: number;
  n: number;
  targets: number;
  holders: number | { min: number; max: number };
  uploaderShares: number[];
  contactsMean: number;
  contactsDispersion: number;
  population: number;
  pSource: number;
  alpha: number;
  rho: number;
  expertRatio: number;
  directCoverage: number;
  type1P: number;
  type1Replicates: number;
  grid: boolean;
  gridHomophily: number[];
  gridShares: number[];
  gridCardinality: number[];
  world: boolean;
}

const D = cf.COLLABORATIVE_FILTERING_DEFAULTS;

export const collaborativeFilteringCommand = defineCommand<CfOptions>({
  name: 'collaborative-filtering', aliases: ['plausibility', 'cf'], notebook: '04-collaborative-filtering', dataset: 'collaborative-filtering', defaultSeed: D.seed,
  summary: 'could collaborative filtering have inferred the matching non-user profiles? (holders, selective display, cluster test, LR)',
  description:
    "Collaborative-filtering defence (Weibo v. Maimai, inference 3). Reads a contact graph and each person's displayed fields with what the " +
    'platform knew, runs the CF methods (neighbour vote, weighted vote, user-kNN, label propagation) for non-users seen through their holders ' +
    '(registered users holding their number), and reports: accuracy per field over targets with a known value; results per holder count under an ' +
    'address-book model; coverage-precision curves (selective display); direct information (copying from the source) beside CF; the test of k of n ' +
    'with the notarised uploaders as the unit and its p-value for rho from 0 to 1; the (k, n, clustering) frontier; the court\'s comparison with the ' +
    "experts' stated ratio; the likelihood ratio with its ENFSI verbal equivalent; and, with --snap and/or --lastfm, accuracy of every method and a split-half validation on the real graphs SNAP ego-Facebook and LastFM Asia, side by side.",
  output: 'The JSON holds the inputs with SHA-256, the parameters, simulation.perField (with targetsWithKnownValue), selective, holders, direct, test (units, pValueByRho), countsFrontier, expertRatio, testSize and, when run, validation, calibration, sensitivityGrid and world.',
  example: 'npx profile-provenance collaborative-filtering --graph contacts.edges --attributes people.csv --k 300 --n 300 --holders 1..36 -o out',
  inputs: {
    graph: { flag: '--graph <file>', description: 'contact graph: one edge per line "u v [closeness]" (closeness defaults to 1; # comments allowed)', default: 'graph-5k.edges' },
    attributes: { flag: '--attributes <file>', description: 'per node: node, registered (0/1), weibo_login? (0/1), then per field <field> (value; empty = unknown) and <field>_known (0/1)', default: 'attributes-5k.csv' },
    snap: { flag: '--snap <dir>', description: 'SNAP ego-Facebook folder (holding facebook/): accuracy of every method on a real graph and the split-half validation', kind: 'dir', optional: true },
    lastfm: { flag: '--lastfm <dir>', description: 'LastFM Asia folder (lastfm_asia_edges.csv, lastfm_asia_target.csv; datasets/reference/lastfm-asia): the second real graph, same checks', kind: 'dir', optional: true },
  },
  options: (cmd) =>
    cmd
      .option('--fields <list>', 'displayed fields compared jointly (comma-separated columns of --attributes)', D.fields.join(','))
      .option('--k <n>', 'ASSUMPTION: profiles that matched the source (certificate 704: "300+")', parseIntegerIn('--k', 0), D.k)
      .option('--n <n>', 'ASSUMPTION: profiles compared (the record gives no denominator)', parseIntegerIn('--n', 1), D.n)
      .option('--targets <n>', 'non-users simulated on the graph', parseIntegerIn('--targets', 10, 1_000_000), D.targets)
      .addOption(rangeOption('--holders <range>', 'registered users holding a non-user\'s number, lo..hi (results per holder count in this range)', 1, 100_000, D.holders))
      .addOption(listOption('--uploader-shares <list>', 'relative shares of the notarised uploaders in the n profiles (the units of the cluster test)', 1e-9, 1e9, D.uploaderShares))
      .option('--contacts-mean <n>', 'ASSUMPTION: mean number of address books holding a number (holder model)', parseNumber('--contacts-mean', 1, 1e6), D.holderModel.contactsMean)
      .option('--contacts-dispersion <r>', 'ASSUMPTION: negative-binomial size of that number', parseNumber('--contacts-dispersion', 1e-3, 1e6), D.holderModel.contactsDispersion)
      .option('--population <n>', 'ASSUMPTION: population reachable through address books', parseNumber('--population', 1, 1e10), D.holderModel.population)
      .option('--p-source <p>', 'ASSUMPTION: agreement rate if the profiles were copied from the source', parseNumber('--p-source', 0, 1), D.pSource)
      .option('--alpha <p>', 'significance level of the tests', parseNumber('--alpha', 1e-12, 0.5), D.alpha)
      .option('--rho <rho>', 'ASSUMPTION: intra-uploader correlation of successes, 0-1', parseNumber('--rho', 0, 1), D.rho)
      .option('--expert-ratio <p>', 'ASSUMPTION: the accuracy both experts stated (not given in the write-up)', parseNumber('--expert-ratio', 0, 1), D.expertRatio)
      .option('--direct-coverage <p>', 'share of targets a direct source covers for a field it supplies', parseNumber('--direct-coverage', 0, 1), D.directCoverage)
      .option('--type1-p <p>', 'null accuracy at which the size of the test is simulated', parseNumber('--type1-p', 0.001, 0.999), D.testSize.pNull)
      .option('--type1-replicates <n>', 'replicates of the test-size simulation', parseIntegerIn('--type1-replicates', 100, 1_000_000), D.testSize.replicates)
      .option('--no-grid', 'skip the simulated sensitivity grid')
      .addOption(listOption('--grid-homophily <list>', 'homophily values of the sensitivity grid', 0, 1, D.grid!.homophily))
      .addOption(listOption('--grid-shares <list>', 'registered shares of the sensitivity grid', 0.0001, 1, D.grid!.shares))
      .addOption(listOption('--grid-cardinality <list>', 'values per field in the sensitivity grid', 2, 1e7, D.grid!.cardinality))
      .option('--world', "also run the simulated-world experiments of notebook 04's sections on data-source size and Fano"),
  async run({ options: o, paths, progress, display, columns }) {
    const fields = o.fields.split(',').map((s) => s.trim()).filter(Boolean);
    if (fields.length === 0) throw new UsageError('option --fields needs at least one field');
    if (o.k > o.n) throw new UsageError(`--k ${o.k} is larger than --n ${o.n}`);
    const holders = typeof o.holders === 'number' ? { min: o.holders, max: o.holders } : o.holders;
    if (!Number.isInteger(holders.min) || !Number.isInteger(holders.max)) throw new UsageError('option --holders must be whole numbers');
    const evidence = await cf.loadCollaborativeFilteringEvidence({ graph: paths.graph!, attributes: paths.attributes!, snap: paths.snap, lastfm: paths.lastfm }, { fields, ...(columns ? { columns } : {}) });
    const steps = ['simulation', 'selective', 'holders', 'tests', ...(paths.snap || paths.lastfm ? ['real graphs'] : []), ...(o.grid ? ['grid'] : []), ...(o.world ? ['world'] : [])];
    const bar = progress(steps.length, 'collaborative-filtering');
    const result = cf.analyseCollaborativeFiltering(evidence, {
      ...D, fields, k: o.k, n: o.n, targets: o.targets, holders, uploaderShares: o.uploaderShares,
      holderModel: { ...D.holderModel, contactsMean: o.contactsMean, contactsDispersion: o.contactsDispersion, population: o.population },
      pSource: o.pSource, alpha: o.alpha, rho: o.rho, expertRatio: o.expertRatio, directCoverage: o.directCoverage,
      testSize: { pNull: o.type1P, replicates: o.type1Replicates },
      grid: o.grid ? { ...D.grid!, homophily: o.gridHomophily, shares: o.gridShares, cardinality: o.gridCardinality } : null,
      world: o.world ? D.world : null,
      seed: o.seed,
    }, () => bar.tick());
    bar.done();
    return { result: { ...result }, report: cf.collaborativeFilteringReport(result, display) };
  },
});
