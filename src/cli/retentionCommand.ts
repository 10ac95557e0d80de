/**
 * `profile-provenance retention`: was the data deleted as claimed after the cooperation ended
 * (Weibo v. Maimai, inference 5)? The same steps as notebook 06-post-termination-use, through
 * `src/retention`: each dated capture against the claimed deletion schedule (binomial intervals,
 * exact one-sided tests), the exponential decay fit with its interval, when deletion could have
 * been complete, and the sensitivity to misattribution.
 */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import * as retention from '../retention';
import { maskPhonesInText } from '../report/mask';
import { HEADINGS, type ReportDocument, type Section } from '../report/document';
import {
  cleanProvenance, commandProgress, commandRunInfo, datasetPath, displayPath, execute, fileOption, parseDate, parseIntegerIn,
  parseNumber, listOption, requireFile, usesDefaults, withCommonOptions, type CommonOptions,
} from './common';

interface RetentionCliOptions extends CommonOptions {
  claim: string;
  observations: string;
  asOf: string;
  level: number;
  alpha: number;
  misattribution: number;
  completeBelow: number;
  decay: 'profile' | 'bootstrap';
  replicates: number;
  sensitivity: number[];
}

const DEFAULT_CLAIM = datasetPath('retention', 'claim.json');
const DEFAULT_OBSERVATIONS = datasetPath('retention', 'observations.csv');

export function registerRetention(program: Command, setCode: (c: number) => void): void {
  const cmd = program
    .command('retention')
    .summary('was the data deleted as claimed? (captures vs a claimed deletion schedule)')
    .description(
      'Use after termination (Weibo v. Maimai, inference 5; notebook 06-post-termination-use). Sets a claimed ' +
        'deletion schedule against dated captures (records inspected, records still showing source-platform data): ' +
        'share still present with Wilson and Clopper-Pearson intervals, an exact one-sided binomial test of each ' +
        'capture against the claim, an exponential decay fit with a profile-likelihood or bootstrap interval, the ' +
        'earliest date deletion could have been complete, and the sensitivity to misattribution.',
    )
    .addOption(fileOption('--claim <file>', 'claimed schedule, JSON: { contractEnd, claimedBy?, stages: [{ date, shareDeleted, note? }] }', DEFAULT_CLAIM))
    .addOption(fileOption('--observations <file>', 'captures: CSV/XLSX/JSON with columns date (YYYY-MM-DD), capture, inspected, source_origin, note?', DEFAULT_OBSERVATIONS))
    .option('--as-of <date>', 'captures after this date are refused as future-dated (never the wall clock)', parseDate('--as-of'), '2015-12-31')
    .option('--level <p>', 'confidence level of the intervals', parseNumber('--level', 0.5, 0.9999), 0.95)
    .option('--alpha <p>', 'significance level of the tests', parseNumber('--alpha', 1e-12, 0.5), 0.05)
    .option('--misattribution <rate>', 'share of records wrongly counted as source-platform data (0-1)', parseNumber('--misattribution', 0, 0.99), 0)
    .option('--complete-below <share>', '"deletion complete" threshold for the model projection', parseNumber('--complete-below', 1e-9, 0.5), 0.01)
    .addOption(new Option('--decay <method>', 'interval of the decay rate: profile likelihood or parametric bootstrap').choices(['profile', 'bootstrap']).default('profile'))
    .option('--replicates <n>', 'bootstrap replicates (with --decay bootstrap)', parseIntegerIn('--replicates', 100, 1_000_000), 2000)
    .addOption(listOption('--sensitivity <rates>', 'misattribution rates for the sensitivity table (comma-separated)', 0, 0.99, [0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5]));
  withCommonOptions(cmd, 7);
  cmd.addHelpText(
    'after',
    '\nOutput: <out>/retention.json (inputs with SHA-256, parameters, the claim, every capture against it with\n' +
      'intervals and p-values, the decay fit, completion dates, statements, sensitivity) and <out>/retention.html\n' +
      '(the expert report). Phone numbers in capture labels and notes are masked unless --unmask.\n\n' +
      'Example:\n  npx profile-provenance retention --claim claim.json --observations captures.xlsx --as-of 2016-01-31 -o out\n',
  );
  cmd.action(async (o: RetentionCliOptions) => setCode(await execute(o, () => runRetention(o))));
}

async function runRetention(o: RetentionCliOptions) {
  const claimPath = requireFile('--claim', o.claim);
  const obsPath = requireFile('--observations', o.observations);
  const synthetic = usesDefaults([[o.claim, DEFAULT_CLAIM], [o.observations, DEFAULT_OBSERVATIONS]]);
  const text = (s: string) => (o.unmask ? s : maskPhonesInText(s));

  const claimFile = await retention.loadClaim(claimPath);
  const claim = claimFile.claim;
  const loaded = await retention.loadObservations(obsPath, { asOf: o.asOf });
  const observations = loaded.observations.map((ob) => ({ ...ob, label: text(ob.label), ...(ob.note !== undefined ? { note: text(ob.note) } : {}) }));
  const bar = commandProgress(o, 1 + o.sensitivity.length, 'retention');

  const options = { level: o.level, alpha: o.alpha, misattributionRate: o.misattribution, completeBelowShare: o.completeBelow, method: o.decay, replicates: o.replicates, seed: o.seed };
  const findings = retention.analyseRetention(claim, observations, options);
  bar.tick();
  const sensitivity = o.sensitivity.map((e) => {
    const f = retention.analyseRetention(claim, observations, { level: o.level, alpha: o.alpha, misattributionRate: e, completeBelowShare: o.completeBelow });
    bar.tick();
    return {
      misattributionRate: e,
      contradicting: f.comparison.filter((r) => r.contradicts).map((r) => r.label),
      lastCaptureShowingPresence: f.lastPresence,
      earliestPossibleCompletion: f.earliestPossibleCompletion,
    };
  });
  bar.done();
  const late = findings.comparison.filter((r) => r.claimedRemaining === 0).map((r) => ({
    capture: r.label, date: r.date, inspected: r.inspected, observed: r.sourceOrigin,
    minimumToContradict_eps0: retention.minimumContradictingCount(r.inspected, 0, 0, o.alpha),
    minimumToContradict_eps5pc: retention.minimumContradictingCount(r.inspected, 0, 0.05, o.alpha),
    minimumToContradict_eps10pc: retention.minimumContradictingCount(r.inspected, 0, 0.1, o.alpha),
  }));

  const provenance = [
    cleanProvenance({ path: claimPath, fileName: claimFile.fileName, bytes: statSync(claimPath).size, sha256: claimFile.sha256, rows: claim.stages.length, format: 'json' }),
    cleanProvenance(loaded.provenance),
  ];
  const parameters = {
    claim: displayPath(claimPath), observations: displayPath(obsPath), asOf: o.asOf, level: o.level, alpha: o.alpha,
    misattributionRate: o.misattribution, completeBelowShare: o.completeBelow, decay: o.decay, replicates: o.decay === 'bootstrap' ? o.replicates : null,
    sensitivity: o.sensitivity,
  };
  const run = commandRunInfo('retention', o, { synthetic });
  const { points: _points, ...fit } = findings.fit;
  const results = {
    run, inputs: provenance, parameters, claim, claimCompletion: findings.claimCompletion,
    comparison: findings.comparison, fit: findings.fit, lastPresence: findings.lastPresence,
    earliestPossibleCompletion: findings.earliestPossibleCompletion, projected: findings.projected,
    statements: findings.statements, sensitivity, minimumContradictingCounts: late,
  };

  const contradicting = findings.comparison.filter((r) => r.contradicts);
  const sections: Section[] = [
    {
      heading: HEADINGS.method,
      blocks: [
        { kind: 'table', rows: claim.stages.map((s) => ({ stage: s.date, shareDeleted: s.shareDeleted, remainingAfter: retention.claimedRemaining(claim, s.date), note: s.note ?? '' })), options: { caption: `Claimed deletion schedule (contract end ${claim.contractEnd}${claim.claimedBy ? `; claimed by: ${claim.claimedBy}` : ''})` } },
        { kind: 'paragraph', text: `Share still present = records still showing source-platform data ÷ records inspected, with Wilson (1927) and Clopper–Pearson (1934) ${Math.round(o.level * 100)}% intervals. The exact one-sided binomial test asks how likely a count this high is if no more than the claimed share remained (plus a misattribution rate ε = ${o.misattribution}); α = ${o.alpha}. The decay model is share = exp(−λ · days after the contract end), fitted by maximum likelihood to the binomial counts, interval by ${o.decay === 'profile' ? 'profile likelihood (Venzon & Moolgavkar 1988)' : `parametric bootstrap (Efron & Tibshirani 1993; ${o.replicates} replicates, seed ${o.seed})`}.` },
      ],
    },
    {
      heading: HEADINGS.results,
      blocks: [
        {
          kind: 'table',
          rows: findings.comparison.map((r) => ({
            capture: r.label, date: r.date, daysAfterEnd: r.daysAfterContractEnd, inspected: r.inspected, stillPresent: r.sourceOrigin,
            share: r.share, low: r.wilson[0], high: r.wilson[1], cpLow: r.clopperPearson[0], cpHigh: r.clopperPearson[1],
            claimAllows: r.claimedRemaining, pValue: r.pValue, contradicts: r.contradicts,
          })),
          options: { caption: `Observed vs claimed share remaining (Wilson low/high and Clopper–Pearson cpLow/cpHigh, ${Math.round(o.level * 100)}% intervals)`, digits: 3 },
        },
        { kind: 'figure', figure: retention.retentionTimelineChart(findings) },
        {
          kind: 'table',
          rows: [{ method: fit.method, lambdaPerDay: fit.lambda, lambdaLow: fit.interval[0], lambdaHigh: fit.interval[1], halfLifeDays: fit.halfLifeDays, halfLifeLow: fit.halfLifeInterval[0], halfLifeHigh: fit.halfLifeInterval[1], deviance: fit.deviance, df: fit.degreesOfFreedom, goodnessOfFitP: fit.goodnessOfFitP }],
          options: { caption: `Exponential decay fit (${Math.round(fit.level * 100)}% interval)`, digits: 4 },
        },
        {
          kind: 'table',
          rows: [
            { question: 'claimed complete by', answer: findings.claimCompletion ?? 'never' },
            { question: 'last capture still showing source-platform data', answer: findings.lastPresence ? `${findings.lastPresence.label}, ${findings.lastPresence.date}` : 'none' },
            { question: 'earliest date deletion could have been complete (observations only)', answer: findings.earliestPossibleCompletion ?? 'any date' },
            { question: `model: share below ${o.completeBelow} (estimate)`, answer: findings.projected.estimate ?? 'never' },
            { question: `model: share below ${o.completeBelow} (interval)`, answer: `${findings.projected.earliest ?? 'never'} to ${findings.projected.latest ?? 'never'}` },
          ],
          options: { caption: 'When could deletion have been complete?' },
        },
      ],
    },
    {
      heading: HEADINGS.strength,
      blocks: [
        ...findings.statements.map((s) => ({ kind: 'paragraph' as const, text: s })),
        ...(contradicting.length ? contradicting.map((r) => ({ kind: 'paragraph' as const, text: r.statement })) : [{ kind: 'paragraph' as const, text: 'No capture contradicts the claim.' }]),
        { kind: 'paragraph', text: 'These are exact p-values under the claim, not likelihood ratios: the claim is a point hypothesis about the share remaining, and no alternative schedule is put forward to weigh it against.' },
      ],
    },
    {
      heading: HEADINGS.sensitivity,
      blocks: [
        { kind: 'table', rows: sensitivity.map((s) => ({ misattributionRate: s.misattributionRate, contradicting: s.contradicting.join(', ') || 'none', lastCaptureShowingPresence: s.lastCaptureShowingPresence ? `${s.lastCaptureShowingPresence.label} (${s.lastCaptureShowingPresence.date})` : 'none', earliestPossibleCompletion: s.earliestPossibleCompletion ?? 'any date' })), options: { caption: 'Sensitivity to the misattribution rate' } },
        ...(late.length ? [{ kind: 'table' as const, rows: late, options: { caption: 'Captures after the claimed completion: the smallest count that contradicts the claim (ε = 0, 5%, 10%)' } }] : []),
      ],
    },
  ];
  const document: ReportDocument = {
    title: { en: 'Use after termination: was the data deleted as claimed?', zh: '合作终止后的使用：数据是否如所称被删除？' },
    question: `The defendant claims the source-platform data held at the contract end (${claim.contractEnd}) was deleted in ${claim.stages.length} stage(s)${findings.claimCompletion ? `, complete by ${findings.claimCompletion}` : ''}. Do the dated captures contradict that claim, and when could deletion have been complete?`,
    ...(synthetic
      ? {
          synthetic: {
            dataset: 'datasets/retention', generator: 'src/retention/datasets.ts generateRetentionDataset', seed: retention.RETENTION_DATASET_SEED,
            imitates: 'termination Aug 2014; deletion claimed finished Feb-Mar 2015; captures months later still showing Weibo data (FACTS inference 5)',
            files: ['claim.json', 'observations.csv'],
          },
        }
      : {}),
    provenance,
    sections,
    limitations: [
      'The captures say deletion was not complete on the last date they show source-platform data; they cannot say when it ended.',
      'The model date is an extrapolation at a constant rate and is only as good as the fit (see the goodness-of-fit p-value); a deletion that stopped, or was done in one late batch, would not follow it.',
      'The comparison rests on how the inspected records were chosen: they must come from records that carried source-platform data at the termination (a panel or a random sample), otherwise the share is not comparable with the claim.',
    ],
    runInfo: { ...run, parameters: JSON.stringify(parameters) },
    lang: o.lang,
  };
  return { command: 'retention', results, document };
}
