/**
 * `profile-provenance retention`: was the data deleted as claimed after the cooperation ended
 * (Weibo v. Maimai, inference 5)? A declaration: the analysis is `retention.analyseRetention`,
 * the layout `retention.retentionReport`, both shared with notebook 06-retention.
 */
import { Option } from 'commander';
import * as retention from '../retention';
import { defineCommand } from './define';
import { listOption, parseDate, parseIntegerIn, parseNumber } from './common';

interface RetentionOptions {
  asOf: string;
  level: number;
  alpha: number;
  misattribution: number;
  completeBelow: number;
  decay: 'profile' | 'bootstrap';
  replicates: number;
  sensitivity: number[];
}

const D = retention.RETENTION_DEFAULTS;

export const retentionCommand = defineCommand<RetentionOptions>({
  name: 'retention', notebook: '06-retention', dataset: 'retention', defaultSeed: D.seed,
  summary: 'was the data deleted as claimed? (captures vs a claimed deletion schedule)',
  description:
    'Use after termination (Weibo v. Maimai, inference 5). Sets a claimed deletion schedule against dated captures (records ' +
    'inspected, records still showing source-platform data): share still present with Wilson and Clopper-Pearson intervals, an exact ' +
    'one-sided binomial test of each capture against the claim, a decay fit with an interval, the earliest date deletion could have ' +
    'been complete, and the sensitivity to misattribution.',
  output: 'The JSON holds the inputs with SHA-256, the parameters, the claim, every capture against it, the decay fit, completion dates, statements and sensitivity.',
  example: 'npx profile-provenance retention --claim claim.json --observations captures.xlsx --as-of 2016-01-31 -o out',
  inputs: {
    claim: { flag: '--claim <file>', description: 'claimed schedule, JSON: { contractEnd, claimedBy?, stages: [{ date, shareDeleted, note? }] }', default: 'claim.json' },
    observations: { flag: '--observations <file>', description: 'captures: CSV/XLSX/JSON with columns date (YYYY-MM-DD), capture, inspected, source_origin, note?', default: 'observations.csv' },
  },
  options: (cmd) =>
    cmd
      .option('--as-of <date>', 'captures after this date are refused as future-dated (never the wall clock)', parseDate('--as-of'), '2015-12-31')
      .option('--level <p>', 'confidence level of the intervals', parseNumber('--level', 0.5, 0.9999), D.level)
      .option('--alpha <p>', 'significance level of the tests', parseNumber('--alpha', 1e-12, 0.5), D.alpha)
      .option('--misattribution <rate>', 'share of records wrongly counted as source-platform data (0-1)', parseNumber('--misattribution', 0, 0.99), D.misattributionRate)
      .option('--complete-below <share>', '"deletion complete" threshold for the model projection', parseNumber('--complete-below', 1e-9, 0.5), D.completeBelowShare)
      .addOption(new Option('--decay <method>', 'interval of the decay rate: profile likelihood or parametric bootstrap').choices(['profile', 'bootstrap']).default(D.decay))
      .option('--replicates <n>', 'bootstrap replicates (with --decay bootstrap)', parseIntegerIn('--replicates', 100, 1_000_000), D.replicates)
      .addOption(listOption('--sensitivity <rates>', 'misattribution rates for the sensitivity table (comma-separated)', 0, 0.99, D.sensitivity)),
  async run({ options: o, paths, display, columns }) {
    const evidence = await retention.loadRetentionEvidence({ claim: paths.claim!, observations: paths.observations! }, { asOf: o.asOf, columns });
    const result = retention.analyseRetention(evidence, {
      level: o.level, alpha: o.alpha, misattributionRate: o.misattribution, completeBelowShare: o.completeBelow,
      decay: o.decay, replicates: o.replicates, seed: o.seed, sensitivity: o.sensitivity,
    });
    return { result: { ...result }, report: retention.retentionReport(result, display) };
  },
});
