/**
 * `profile-provenance link`: find the source account, if any, of each displayed profile, with an
 * error rate that can be stated (certificate 704 in Weibo v. Maimai, when the pairing is not
 * given). A declaration: the analysis is `linkage.analyseLinkage` (the answer-key check
 * included), the layout `linkage.linkageReport`, both shared with notebook 02-linkage.
 */
import * as linkage from '../linkage';
import { Option } from 'commander';
import { defineCommand } from './define';
import { parseIntegerIn, parseNumber, UsageError } from './common';

interface LinkOptions {
  uPairs: number;
  maxPairs: number;
  linkThreshold: number;
  confidentThreshold: number;
  termFrequency: boolean;
  mEstimate: 'em' | 'per-rule';
}

const D = linkage.LINKAGE_DEFAULTS;

export const linkCommand = defineCommand<LinkOptions>({
  name: 'link', notebook: '02-linkage', dataset: 'linkage', defaultSeed: D.seed,
  summary: 'find the source account of each displayed profile, with stated error rates (record linkage)',
  description:
    'Record linkage (certificate 704, Weibo v. Maimai). Reads the displayed profiles and an extract of the source platform, ' +
    'blocks candidate pairs, compares name, avatar hash, employer, title, school and tags on declared levels, estimates m by EM ' +
    '(and, side by side, per blocking rule leaving out the fields each rule blocks on) and u from random pairs (Fellegi-Sunter 1969; fastLink, Enamorado et al. 2019; Splink), adjusts for common names, links ' +
    'one-to-one, and states the model-estimated false discovery and miss rates. With an answer key it also measures the real ' +
    'precision and recall.',
  output: 'The JSON holds the inputs with SHA-256, the parameters, blocking counts, m/u per comparison level, m by both estimates side by side (mCheck), every displayed profile with its linked account, probability and status, estimated error rates, the strongest link explained, and answer-key precision/recall when used.',
  example: 'npx profile-provenance link --displayed shown.xlsx --source weibo-extract.csv --no-truth -o out',
  inputs: {
    displayed: { flag: '--displayed <file>', description: 'displayed profiles: display_id, uploader, name, avatar_hash, employer, title, school, tags', default: 'displayed.csv' },
    source: { flag: '--source <file>', description: 'source extract: id, name, avatar_hash, employer, title, school, tags', default: 'source.csv' },
  },
  answerKey: { description: 'answer key display_id,source_id (an empty source_id = no source account)' },
  options: (cmd) =>
    cmd
      .option('--u-pairs <n>', 'random pairs drawn to estimate u', parseIntegerIn('--u-pairs', 1000, 100_000_000), D.uPairs)
      .option('--max-pairs <n>', 'refuse blocking above this many candidate pairs', parseIntegerIn('--max-pairs', 1, 1_000_000_000), D.maxPairs)
      .option('--link-threshold <p>', 'posterior probability from which a pair may be linked (one-to-one)', parseNumber('--link-threshold', 0.000001, 0.999999), D.linkThreshold)
      .option('--confident-threshold <p>', 'posterior probability called "confident"', parseNumber('--confident-threshold', 0.000001, 0.999999), D.confidentThreshold)
      .option('--no-term-frequency', 'no term-frequency adjustment of the name (a common name then weighs like a rare one)')
      .addOption(new Option('--m-estimate <method>', "how m is estimated for the scores: 'em' over all candidates (u divided by the candidate share) or 'per-rule' (per blocking rule, leaving out the fields it blocks on); both are always shown side by side").choices(['em', 'per-rule']).default(D.mEstimate)),
  async run({ options: o, paths, answerKey, progress, display, columns }) {
    if (o.confidentThreshold < o.linkThreshold) throw new UsageError(`--confident-threshold ${o.confidentThreshold} is below --link-threshold ${o.linkThreshold}`);
    const bar = progress(2, 'link');
    const evidence = await linkage.loadLinkageEvidence({ displayed: paths.displayed!, source: paths.source! }, { answerKey, ...(columns ? { columns } : {}) });
    bar.tick();
    const result = linkage.analyseLinkage(evidence, {
      seed: o.seed, uPairs: o.uPairs, maxPairs: o.maxPairs, linkThreshold: o.linkThreshold, confidentThreshold: o.confidentThreshold,
      termFrequency: o.termFrequency, unmasked: !display.mask, mEstimate: o.mEstimate,
    });
    bar.tick();
    bar.done();
    return { result: { ...result }, report: linkage.linkageReport(result, display) };
  },
});
