/**
 * The retention findings in one call: each observation against the claim, the decay fit, the
 * dates, and plain statements for the report.
 *
 * "When could deletion have been complete?" is answered twice, and the two answers are kept
 * apart because they rest on different things:
 * - From the observations alone (no model): deletion was NOT complete on the date of the
 *   last capture that still showed source-platform records beyond misattribution (exact
 *   binomial test against ε, or any record when ε = 0). So the EARLIEST it could have been
 *   complete is the day after that capture; nothing in the observations says when it ended.
 * - From the exponential decay model: the date the fitted share falls below a threshold,
 *   with the interval implied by the λ interval (the LATEST date by which deletion would be
 *   practically complete if deletion continued at the fitted rate).
 *
 * @example
 * const f = retentionFindings(claim, observations, { asOf: '2015-12-31', completeBelowShare: 0.01 });
 * f.statements.join('\n')
 */
import { binomialUpperTail } from '../stats/binomialUpperTail';
import { addDays, claimCompletionDate, type DeletionClaim, type RetentionObservation } from './claim';
import { compareWithClaim, contradictionSummary, type CompareOptions, type ObservationVsClaim } from './compare';
import { projectedCompletion, type DecayOptions } from './decay';
import { fitRetentionDecay, type RetentionDecayFit } from './models';

export interface RetentionOptions extends CompareOptions, DecayOptions {
  /** Share regarded as "deletion complete" for the model projection (default 0.01). */
  completeBelowShare?: number;
}

export interface RetentionFindings {
  claim: DeletionClaim;
  claimCompletion: string | null;
  comparison: ObservationVsClaim[];
  contradictions: string;
  fit: RetentionDecayFit;
  /** Last capture with source-platform records beyond misattribution (deletion not complete then), or null. */
  lastPresence: { date: string; label: string; pValue: number } | null;
  /** Earliest date deletion could have been complete given the observations (day after lastPresence). */
  earliestPossibleCompletion: string | null;
  projected: ReturnType<typeof projectedCompletion>;
  statements: string[];
}

/** Run the whole retention analysis (see the module comment). */
export function retentionFindings(claim: DeletionClaim, observations: readonly RetentionObservation[], options: RetentionOptions = {}): RetentionFindings {
  const alpha = options.alpha ?? 0.05;
  const eps = options.misattributionRate ?? 0;
  const comparison = compareWithClaim(claim, observations, options);
  const fit = fitRetentionDecay(claim.contractEnd, observations, options);
  let lastPresence: RetentionFindings['lastPresence'] = null;
  for (const r of comparison) {
    const p = eps === 0 ? (r.sourceOrigin > 0 ? 0 : 1) : binomialUpperTail(r.sourceOrigin, r.inspected, eps);
    if (p < alpha) lastPresence = { date: r.date, label: r.label, pValue: p };
  }
  const earliestPossibleCompletion = lastPresence ? addDays(lastPresence.date, 1) : null;
  const threshold = options.completeBelowShare ?? 0.01;
  const projected = projectedCompletion(fit, threshold);
  const claimCompletion = claimCompletionDate(claim);
  const pctT = `${(threshold * 100).toPrecision(2)}%`;
  const statements: string[] = [];
  statements.push(claimCompletion
    ? `The claim: deletion in ${claim.stages.length} stage(s) after the contract end on ${claim.contractEnd}, complete by ${claimCompletion}.`
    : `The claim: deletion in ${claim.stages.length} stage(s) after the contract end on ${claim.contractEnd}, never stated as complete.`);
  statements.push(contradictionSummary(comparison));
  if (lastPresence) {
    statements.push(`Deletion was not complete on ${lastPresence.date} (${lastPresence.label} still showed source-platform records${eps > 0 ? ` beyond ${(eps * 100).toFixed(1)}% misattribution` : ''}), so the earliest it could have been complete is ${earliestPossibleCompletion}` +
      (claimCompletion && earliestPossibleCompletion! > claimCompletion ? `, after the claimed completion (${claimCompletion}).` : '.'));
  } else {
    statements.push('No capture shows source-platform records beyond misattribution: the observations do not show that deletion was incomplete at any date.');
  }
  const hl = fit.halfLifeDays;
  const sel = fit.models.find((m) => m.shape === fit.selected)!;
  statements.push(`Assuming a constant-rate decay from a free starting share (p(t) = a·e^(−λt), fitted a = ${fit.remaining0.toFixed(3)}) and extra-binomial variation with dispersion φ = ${fit.dispersion.phi.toFixed(2)} (Pearson X²/df = ${Number.isFinite(fit.dispersion.phiHat) ? fit.dispersion.phiHat.toFixed(2) : 'n/a'}), the half-life is ${Number.isFinite(hl) ? hl.toFixed(0) : '∞'} days ` +
    `(${Math.round(fit.level * 100)}% ${fit.method === 'profile' ? 'quasi-likelihood profile' : 'bootstrap, scaled by √φ,'} interval ${fit.halfLifeInterval[0].toFixed(0)}-${Number.isFinite(fit.halfLifeInterval[1]) ? fit.halfLifeInterval[1].toFixed(0) : '∞'} days). At that rate the share would fall below ${pctT} on ${projected.estimate ?? 'never'} ` +
    `(interval ${projected.earliest ?? 'never'} to ${projected.latest ?? 'never (no decay cannot be excluded)'}).`);
  statements.push(`Of the decay shapes compared by QAIC, ${sel.shape} (${sel.formula}) has the lowest value${fit.models.filter((m) => m.shape !== sel.shape && m.deltaQaic < 2).length ? `, but ${fit.models.filter((m) => m.shape !== sel.shape && m.deltaQaic < 2).map((m) => m.shape).join(' and ')} ${fit.models.filter((m) => m.shape !== sel.shape && m.deltaQaic < 2).length > 1 ? 'are' : 'is'} within 2 (no preference)` : ''}; a shape with a floor at ${fit.models.find((m) => m.shape === 'exponential with floor')!.floor.toFixed(3)} would mean deletion stopped short of complete.`);
  return { claim, claimCompletion, comparison, contradictions: contradictionSummary(comparison), fit, lastPresence, earliestPossibleCompletion, projected, statements };
}
