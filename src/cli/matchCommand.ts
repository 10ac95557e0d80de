/**
 * `profile-provenance match`: were the displayed non-user profiles copied from the source
 * platform (notarial certificate No. 704, Weibo v. Maimai)? A declaration: the analysis is
 * `matching.analyseMatching`, the layout `matching.matchingReport`, both shared with notebook
 * 01-matching.
 */
import { Option } from 'commander';
import * as matching from '../matching';
import { defineCommand } from './define';
import { listOption, parseIntegerIn, parseNumber } from './common';

interface MatchOptions {
  defaultAvatars: string;
  strictness: number;
  permutations: number;
  sensitivity: number[];
  dependence: matching.DependenceModel;
  simulationProfiles: number;
  pairedBy: string;
}

const D = matching.MATCHING_DEFAULTS;

export const matchCommand = defineCommand<MatchOptions>({
  name: 'match', notebook: '01-matching', dataset: 'matching', defaultSeed: D.seed,
  summary: 'were the displayed profiles copied from the source platform? (rates, coincidence baseline, LR vs each alternative source)',
  description:
    'Profile comparison (notarial certificate No. 704, Weibo v. Maimai). Pairs each displayed profile with the same person\'s source profile, ' +
    'grades avatar, name, employer, title, school and tags (same / basically the same / different / missing), reports rates with Wilson and ' +
    'Clopper-Pearson intervals overall, per uploader and by fields shown, the coincidence baseline re-pairing within each uploader\'s network ' +
    '(P(>= N | unrelated)), and likelihood ratios of "copied from the source profile" against each alternative (unrelated, self-entry, ' +
    'address-book, avatar-app, cf) per profile, per uploader and combined under a stated dependence model, with the sensitivity to every ' +
    'default and a simulation study under each proposition.',
  output: 'The JSON holds the inputs with SHA-256, the parameters (every stated default), the levels, every profile with its levels and log10 LR vs each alternative, rates (by field, uploader, fields shown), the baseline, propositions, sensitivity and the simulation study. Names never appear: ids and levels only.',
  example: 'npx profile-provenance match --displayed shown.csv --source weibo.xlsx --no-truth --permutations 20000 -o out',
  inputs: {
    displayed: { flag: '--displayed <file>', description: 'displayed profiles: id, uploader, name, avatar_hash, employer, title, school, tags', default: 'displayed.csv' },
    source: { flag: '--source <file>', description: 'source profiles (paired by id): id, name, avatar_hash, employer, title, school, tags', default: 'source.csv' },
    schoolAliases: { flag: '--school-aliases <file>', description: 'school alias table (alias, canonical), merged with the built-in one', default: 'school-aliases.csv' },
    employerAliases: { flag: '--employer-aliases <file>', description: 'employer alias table (alias, canonical)', default: 'employer-aliases.csv' },
    titleSynonyms: { flag: '--title-synonyms <file>', description: 'job-title synonym table (alias, canonical), merged with the built-in one', default: 'job-title-synonyms.csv' },
    reference: { flag: '--reference <file>', description: 'optional reference sample: the same people\'s profiles on a third platform (id + fields); replaces the stated self-entry model by measured level frequencies', optional: true },
  },
  answerKey: { description: "the generator's answer key: id, copied (ids missing from it are counted, not assumed)" },
  options: (cmd) =>
    cmd
      .option('--default-avatars <hashes>', "the platform's default pictures (comma-separated avatar hashes; '' for none), treated as not shown", D.defaultAvatarHashes.join(','))
      .option('--strictness <s>', '1 = identical only; sets every "basically the same" threshold', parseNumber('--strictness', 0, 1), D.strictness)
      .option('--permutations <n>', 're-pairings within each uploader network for the coincidence baseline', parseIntegerIn('--permutations', 99, 10_000_000), D.permutations)
      .addOption(listOption('--sensitivity <list>', 'strictness values for the sensitivity table', 0, 1, D.sensitivity))
      .addOption(new Option('--dependence <model>', 'dependence model of the combined LR').choices([...matching.DEPENDENCE_MODELS]).default(D.dependence))
      .option('--simulation-profiles <n>', 'people per data set of the simulation study', parseIntegerIn('--simulation-profiles', 30, 100_000), D.simulationProfiles)
      .option('--paired-by <fields>', "fields used to find each person's source account (e.g. name, if the accounts were found by searching the displayed name): weight 1 in every LR; '' = pairing independent of the fields", D.pairedBy.join(',')),
  async run({ options: o, paths, answerKey, progress, display, columns }) {
    const evidence = await matching.loadMatchingEvidence(paths as unknown as matching.MatchingPaths, { answerKey, ...(columns ? { columns } : {}) });
    const bar = progress(o.permutations, 'match: re-pairings');
    let last = 0;
    const result = matching.analyseMatching(evidence, {
      ...D, defaultAvatarHashes: o.defaultAvatars.split(',').map((s) => s.trim()).filter((s) => s !== ''), strictness: o.strictness,
      permutations: o.permutations, seed: o.seed, sensitivity: o.sensitivity, dependence: o.dependence, simulationProfiles: o.simulationProfiles,
      pairedBy: o.pairedBy.split(',').map((s) => s.trim()).filter((s) => s !== ''),
    }, { onProgress: (done) => { bar.tick(done - last); last = done; } });
    bar.done();
    return { result: { ...result }, report: matching.matchingReport(result, display) };
  },
});
