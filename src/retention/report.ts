/**
 * The layout of a retention result: every table, figure and sentence that notebook 06-retention
 * and `profile-provenance retention` show, built once from the result. Block ids let the
 * notebook show them one at a time (`pp.report.showBlock(report, 'comparison')`).
 */
import { maskPhonesInText } from '../report/mask';
import { caseFiguresBlock, weiboMaimai as wm } from '../case';
import { HEADINGS } from '../report/document';
import type { InferenceReport } from '../report/inference';
import { claimedRemaining } from './claim';
import { retentionTimelineChart } from './charts';
import type { RetentionResult } from './analysis';

export interface RetentionReportOptions {
  /** Mask phone numbers in capture labels and notes (default true). */
  mask?: boolean;
}

export function retentionReport(result: RetentionResult, options: RetentionReportOptions = {}): InferenceReport {
  const mask = options.mask ?? true;
  const text = (s: string) => (mask ? maskPhonesInText(s) : s);
  const { claim, parameters: p } = result;
  const findings = result;
  const fit = findings.fit;
  const pct = Math.round(p.level * 100);
  const contradicting = findings.comparison.filter((r) => r.contradicts);
  return {
    title: { en: 'Use after termination: was the data deleted as claimed?', zh: '合作终止后的使用：数据是否如所称被删除？' },
    question: `The defendant claims the source-platform data held at the contract end (${claim.contractEnd}) was deleted in ${claim.stages.length} stage(s)${findings.claimCompletion ? `, complete by ${findings.claimCompletion}` : ''}. Do the dated captures contradict that claim, and when could deletion have been complete?`,
    sections: [
      {
        heading: HEADINGS.method,
        blocks: [
          caseFiguresBlock([
            ['cooperation ended', wm.cooperationEnded],
            ['deletion claimed finished', wm.deletionClaimedFinished],
          ]),
          { id: 'caseQuotes', kind: 'paragraph', text: `Quoted: “${wm.deletionClaimedFinished.quote}” “${wm.cooperationEnded.quote}”` },
          {
            id: 'claim', kind: 'table',
            rows: claim.stages.map((s) => ({ stage: s.date, shareDeleted: s.shareDeleted, remainingAfter: claimedRemaining(claim, s.date), note: text(s.note ?? '') })),
            options: { caption: `Claimed deletion schedule (contract end ${claim.contractEnd}${claim.claimedBy ? `; claimed by: ${text(claim.claimedBy)}` : ''})` },
          },
          {
            id: 'method', kind: 'paragraph',
            text: `Share still present = records still showing source-platform data ÷ records inspected, with Wilson (1927) and Clopper–Pearson (1934) ${pct}% intervals. The exact one-sided binomial test asks how likely a count this high is if no more than the claimed share remained (plus a misattribution rate ε = ${p.misattributionRate}); α = ${p.alpha}. The decay model is share = a · exp(−λ · days after the contract end) with the starting share a = remaining(0) free, fitted as a quasi-binomial model: the counts of a capture are not independent draws, so the variance is φ · n p (1 − p) with φ estimated by Pearson's X²/df (McCullagh & Nelder 1989, §4.5) and used in the interval of λ, by ${p.decay === 'profile' ? 'quasi-likelihood profile (Venzon & Moolgavkar 1988, scaled by φ)' : `parametric bootstrap (Efron & Tibshirani 1993; ${p.replicates} replicates, seed ${p.seed}) with its spread scaled by √φ`}. Three shapes are compared by QAIC (Burnham & Anderson 2002): exponential with remaining(0) = 1, exponential with remaining(0) free, and exponential with a floor (deletion that stopped short). A capture dated only as an interval ("within months", 数月间) is compared with the claim at its earliest date (most favourable to the claim) and placed at the middle of its interval in the fit.`,
          },
        ],
      },
      {
        heading: HEADINGS.results,
        blocks: [
          {
            id: 'comparison', kind: 'table',
            rows: findings.comparison.map((r) => ({
              capture: text(r.label), date: r.date, daysAfterEnd: r.daysAfterContractEnd, inspected: r.inspected, stillPresent: r.sourceOrigin,
              share: r.share, wilsonLow: r.wilson[0], wilsonHigh: r.wilson[1], cpLow: r.clopperPearson[0], cpHigh: r.clopperPearson[1],
              claimAllows: r.claimedRemaining, pValue: r.pValue, contradicts: r.contradicts,
            })),
            options: { caption: `Observed vs claimed share remaining (${pct}% intervals, α = ${p.alpha}, misattribution ${p.misattributionRate})`, digits: 3 },
          },
          { id: 'timeline', kind: 'figure', figure: retentionTimelineChart({ ...findings, comparison: findings.comparison.map((r) => ({ ...r, label: text(r.label) })) }) },
          {
            id: 'decayFit', kind: 'table',
            rows: [{
              method: fit.method, remaining0: fit.remaining0, lambdaPerDay: fit.lambda, lambdaLow: fit.interval[0], lambdaHigh: fit.interval[1], halfLifeDays: fit.halfLifeDays,
              halfLifeLow: fit.halfLifeInterval[0], halfLifeHigh: fit.halfLifeInterval[1], dispersionPhi: fit.dispersion.phi, deviance: fit.deviance, df: fit.degreesOfFreedom, goodnessOfFitP: fit.goodnessOfFitP,
            }],
            options: { caption: `Quasi-binomial exponential decay, remaining(0) free (${Math.round(fit.level * 100)}% interval using φ = ${fit.dispersion.phi.toFixed(2)})`, digits: 4 },
          },
          {
            id: 'decayModels', kind: 'table',
            rows: fit.models.map((m) => ({ shape: m.shape, formula: m.formula, parameters: m.parameters, remaining0: m.remaining0, lambdaPerDay: m.lambda, floor: m.floor, logLikelihood: m.logLikelihood, deviance: m.deviance, qaic: m.qaic, deltaQaic: m.deltaQaic })),
            options: { caption: `Decay shapes compared by QAIC with φ = ${fit.dispersion.phi.toFixed(3)} (Pearson X² = ${fit.dispersion.pearsonChi2.toFixed(2)} on ${fit.dispersion.df} df from the ${fit.dispersion.fromShape} shape); ${fit.criterion}`, digits: 4 },
          },
          {
            id: 'completion', kind: 'table',
            rows: [
              { question: 'claimed complete by', answer: findings.claimCompletion ?? 'never' },
              { question: 'last capture still showing source-platform data', answer: findings.lastPresence ? `${text(findings.lastPresence.label)}, ${findings.lastPresence.date}` : 'none' },
              { question: 'earliest date deletion could have been complete (observations only)', answer: findings.earliestPossibleCompletion ?? 'any date' },
              { question: `model: share below ${p.completeBelowShare} (estimate)`, answer: findings.projected.estimate ?? 'never' },
              { question: `model: share below ${p.completeBelowShare} (interval)`, answer: `${findings.projected.earliest ?? 'never'} to ${findings.projected.latest ?? 'never'}` },
            ],
            options: { caption: 'When could deletion have been complete?' },
          },
        ],
      },
      {
        heading: HEADINGS.strength,
        blocks: [
          { id: 'statements', kind: 'paragraph', text: findings.statements.map(text).join(' ') },
          {
            id: 'contradictions', kind: 'paragraph',
            text: contradicting.length ? contradicting.map((r) => text(r.statement)).join(' ') : 'No capture contradicts the claim.',
          },
          { id: 'notLr', kind: 'paragraph', text: 'These are exact p-values under the claim, not likelihood ratios: the claim is a point hypothesis about the share remaining, and no alternative schedule is put forward to weigh it against.' },
        ],
      },
      {
        heading: HEADINGS.sensitivity,
        blocks: [
          {
            id: 'sensitivity', kind: 'table',
            rows: result.sensitivity.map((s) => ({
              misattributionRate: s.misattributionRate, contradicting: s.contradicting.map(text).join(', ') || 'none',
              lastCaptureShowingPresence: s.lastCaptureShowingPresence ? `${text(s.lastCaptureShowingPresence.label)} (${s.lastCaptureShowingPresence.date})` : 'none',
              earliestPossibleCompletion: s.earliestPossibleCompletion ?? 'any date',
            })),
            options: { caption: 'Sensitivity to the misattribution rate' },
          },
          {
            id: 'minimumContradicting', kind: 'table',
            rows: result.minimumContradictingCounts.map((r) => ({ ...r, capture: text(r.capture) })),
            options: { caption: 'Captures after the claimed completion: the smallest count that contradicts the claim (ε = 0, 5%, 10%)' },
          },
        ],
      },
    ],
    limitations: [
      'The captures say deletion was not complete on the last date they show source-platform data; they cannot say when it ended.',
      `The model date is an extrapolation at a constant rate and is only as good as the fit (deviance goodness-of-fit p = ${fit.goodnessOfFitP.toPrecision(2)}, dispersion φ = ${fit.dispersion.phi.toFixed(2)}); a deletion that stopped (the floor shape), or was done in one late batch, would not follow it.`,
      'Each contradiction rests on the assumptions worded with it: the inspected records a random sample of those held at the termination, counted independently, the misattribution rate given, and a capture dated only as an interval taken at its earliest date.',
      'The comparison rests on how the inspected records were chosen: they must come from records that carried source-platform data at the termination (a panel or a random sample), otherwise the share is not comparable with the claim.',
    ],
  };
}
