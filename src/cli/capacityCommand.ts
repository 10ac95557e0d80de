/**
 * `profile-provenance capacity`: could the logged visits of the accounts have gathered the
 * volume of profiles the evidence implies (Weibo v. Maimai, inference 4)? A declaration: the
 * analysis is `capacity.analyseCapacity`, the layout `capacity.capacityReport`, both shared with
 * notebook 05-capacity.
 */
import * as capacity from '../capacity';
import { defineCommand } from './define';
import { parseIntegerIn, parseMonth, parseDate, rangeOption, UsageError } from './common';

type Range = number | { min: number; max: number };

interface CapacityOptions {
  asOf: string;
  from: string;
  to: string;
  pagesPerVisit: Range;
  profilesPerPage: Range;
  revisitShare: Range;
  users: Range;
  nonUsersPerUser: Range;
  distinctShare: Range;
  shareWithData: Range;
  draws: number;
  ksReplicates: number;
  classifierSeed: number;
  classifierTuningSeed: number;
  accountsPerScenario: number;
}

const D = capacity.CAPACITY_DEFAULTS;

export const capacityCommand = defineCommand<CapacityOptions>({
  name: 'capacity', notebook: '05-capacity', dataset: 'capacity', defaultSeed: D.seed,
  summary: 'could the logged visits have gathered the data? (crawl capacity, request rates, pace of each account)',
  description:
    'Crawl capacity (Weibo v. Maimai, inference 4). Reads per-account monthly visit counts (and optionally a request-level log), ' +
    'bounds the distinct profiles the logged visits could have retrieved, draws the capacity under ranged assumptions (seeded Monte ' +
    'Carlo), sets it against the platform-scale volume the evidence implies, compares the request rate a crawler would need with the ' +
    'logged rate, and classifies the pace of each account in the request log (human-paced / automated) with measured error rates. ' +
    'Ranges are written lo..hi (drawn uniformly) or as one fixed value.',
  output: 'The JSON holds the inputs with SHA-256, the parameters, the capacity bound and quantiles, implied volume, coverage, rates, per-account rate analysis and label, classifier error rates and break-even figures.',
  example: 'npx profile-provenance capacity --monthly visits.csv --no-requests --as-of 2015-06-30 --from 2014-07 --to 2014-08 -o out',
  inputs: {
    monthly: { flag: '--monthly <file>', description: 'monthly counts: CSV/XLSX/JSON with columns account, month (YYYY-MM, CST), visits', default: 'monthly-visits.csv' },
    requests: {
      flag: '--requests <file>', description: 'request-level log: columns timestamp (ISO, offset or CST), account', default: 'requests-2014-07.csv',
      negatable: 'no request-level log: skip the per-account pace analysis',
    },
  },
  options: (cmd) =>
    cmd
      .option('--as-of <date>', 'rows after this date are refused as future-dated (never the wall clock)', parseDate('--as-of'), '2015-12-31')
      .option('--from <month>', 'first month of the period examined (YYYY-MM)', parseMonth('--from'), D.from)
      .option('--to <month>', 'last month of the period examined (YYYY-MM)', parseMonth('--to'), D.to)
      .addOption(rangeOption('--pages-per-visit <range>', 'pages retrieved per logged visit', 0, Infinity, D.pagesPerVisit))
      .addOption(rangeOption('--profiles-per-page <range>', 'profiles with the data shown per page', 0, Infinity, D.profilesPerPage))
      .addOption(rangeOption('--revisit-share <range>', 'share of retrieved profiles already seen (0-1)', 0, 1, D.revisitShare))
      .addOption(rangeOption('--users <range>', 'users whose networks showed non-users (default: the ~20% of the 800,000 August-2014 users who logged in with Weibo)', 0, Infinity, D.users))
      .addOption(rangeOption('--non-users-per-user <range>', 'non-users shown per user (certificate 704: 300+ for 3 uploaders)', 0, Infinity, D.nonUsersPerUser))
      .addOption(rangeOption('--distinct-share <range>', 'share of shown non-users distinct across users (0-1)', 0, 1, D.distinctShare))
      .addOption(rangeOption('--share-with-data <range>', 'share of those profiles carrying occupation/education (0-1)', 0, 1, D.shareWithData))
      .option('--draws <n>', 'Monte Carlo draws', parseIntegerIn('--draws', 100, 10_000_000), D.draws)
      .option('--ks-replicates <n>', 'Monte Carlo replicates of the KS test per account (0 skips the p-value)', parseIntegerIn('--ks-replicates', 0, 100_000), D.ksReplicates)
      .option('--classifier-seed <n>', 'seed of the held-out evaluation of the classifier', parseIntegerIn('--classifier-seed', 0), D.classifierSeed)
      .option('--classifier-tuning-seed <n>', 'seed of the accounts the thresholds are tuned on (must differ from --classifier-seed)', parseIntegerIn('--classifier-tuning-seed', 0), D.classifierTuningSeed)
      .option('--accounts-per-scenario <n>', 'simulated accounts per behaviour family to tune and evaluate the classifier (0 skips it)', parseIntegerIn('--accounts-per-scenario', 0, 100_000), D.accountsPerScenario),
  async run({ options: o, paths, display, columns }) {
    if (o.from > o.to) throw new UsageError(`--from ${o.from} is after --to ${o.to}`);
    const evidence = await capacity.loadCapacityEvidence({ monthly: paths.monthly!, requests: paths.requests ?? null }, { asOf: o.asOf, columns });
    const result = capacity.analyseCapacity(evidence, {
      from: o.from, to: o.to, pagesPerVisit: o.pagesPerVisit, profilesPerPage: o.profilesPerPage, revisitShare: o.revisitShare,
      users: o.users, nonUsersPerUser: o.nonUsersPerUser, distinctShare: o.distinctShare, shareWithData: o.shareWithData,
      draws: o.draws, seed: o.seed, ksReplicates: o.ksReplicates, classifierSeed: o.classifierSeed, classifierTuningSeed: o.classifierTuningSeed, accountsPerScenario: o.accountsPerScenario,
      frontierPagesPerVisit: D.frontierPagesPerVisit, frontierRevisitShare: D.frontierRevisitShare,
    });
    return { result: { ...result }, report: capacity.capacityReport(result, display) };
  },
});
