/**
 * The retention inference in one call, shared by notebook 06-retention and `profile-provenance
 * retention`: `loadRetentionEvidence` (io only) → `analyseRetention` (pure, seeded, typed,
 * JSON-serialisable) → `retentionReport` (tables, figures and sentences built from the result).
 *
 * @example
 * const evidence = await loadRetentionEvidence({ claim: 'claim.json', observations: 'captures.csv' }, { asOf: '2015-12-31' });
 * const result = analyseRetention(evidence, { ...RETENTION_DEFAULTS, seed: 7 });
 * result.statements; // sentences computed from the figures
 */
import type { FileProvenance } from '../io/provenance';
import type { ColumnMap } from '../io/columns';
import type { DeletionClaim, RetentionObservation } from './claim';
import { minimumContradictingCount } from './compare';
import { retentionFindings, type RetentionFindings } from './findings';
import { loadClaim, loadObservations } from './load';

export interface RetentionEvidence {
  claim: DeletionClaim;
  observations: RetentionObservation[];
  /** Provenance of each file read (path, bytes, SHA-256, rows, format). */
  inputs: FileProvenance[];
}

/** Read the claimed schedule (JSON) and the dated captures (CSV/XLSX/JSON). */
export async function loadRetentionEvidence(paths: { claim: string; observations: string }, options: { asOf: string; columns?: ColumnMap }): Promise<RetentionEvidence> {
  const claimFile = await loadClaim(paths.claim);
  const loaded = await loadObservations(paths.observations, { asOf: options.asOf, ...(options.columns ? { columns: options.columns } : {}) });
  return {
    claim: claimFile.claim,
    observations: loaded.observations,
    inputs: [
      claimFile.provenance,
      { ...loaded.provenance },
    ],
  };
}

export interface RetentionParams {
  /** Confidence level of the intervals. */
  level: number;
  /** Significance level of the tests. */
  alpha: number;
  /** Share of records wrongly counted as source-platform data. */
  misattributionRate: number;
  /** "Deletion complete" threshold for the model projection. */
  completeBelowShare: number;
  /** Interval of the decay rate. */
  decay: 'profile' | 'bootstrap';
  /** Bootstrap replicates (with decay 'bootstrap'). */
  replicates: number;
  seed: number;
  /** Misattribution rates for the sensitivity table. */
  sensitivity: number[];
}

export const RETENTION_DEFAULTS: RetentionParams = {
  level: 0.95, alpha: 0.05, misattributionRate: 0, completeBelowShare: 0.01, decay: 'profile', replicates: 2000, seed: 7,
  sensitivity: [0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5],
};

export interface RetentionSensitivityRow {
  misattributionRate: number;
  contradicting: string[];
  lastCaptureShowingPresence: RetentionFindings['lastPresence'];
  earliestPossibleCompletion: string | null;
}

export interface MinimumContradictingRow {
  capture: string;
  date: string;
  inspected: number;
  observed: number;
  /** Smallest count contradicting the claim at misattribution 0, 5% and 10%. */
  eps0: number | null;
  eps5pc: number | null;
  eps10pc: number | null;
}

/** The findings (comparison, fit, dates, statements) at the top level, plus what surrounds them. */
export interface RetentionResult extends RetentionFindings {
  inputs: FileProvenance[];
  parameters: RetentionParams;
  sensitivity: RetentionSensitivityRow[];
  minimumContradictingCounts: MinimumContradictingRow[];
}

/** Run the whole retention analysis (see `retentionFindings` for the steps). */
export function analyseRetention(evidence: RetentionEvidence, params: RetentionParams = RETENTION_DEFAULTS): RetentionResult {
  const { claim, observations } = evidence;
  const findings = retentionFindings(claim, observations, {
    level: params.level, alpha: params.alpha, misattributionRate: params.misattributionRate, completeBelowShare: params.completeBelowShare,
    method: params.decay, replicates: params.replicates, seed: params.seed,
  });
  const sensitivity = params.sensitivity.map((e) => {
    const f = retentionFindings(claim, observations, { level: params.level, alpha: params.alpha, misattributionRate: e, completeBelowShare: params.completeBelowShare });
    return {
      misattributionRate: e,
      contradicting: f.comparison.filter((r) => r.contradicts).map((r) => r.label),
      lastCaptureShowingPresence: f.lastPresence,
      earliestPossibleCompletion: f.earliestPossibleCompletion,
    };
  });
  const minimumContradictingCounts = findings.comparison
    .filter((r) => r.claimedRemaining === 0)
    .map((r) => ({
      capture: r.label, date: r.date, inspected: r.inspected, observed: r.sourceOrigin,
      eps0: minimumContradictingCount(r.inspected, 0, 0, params.alpha),
      eps5pc: minimumContradictingCount(r.inspected, 0, 0.05, params.alpha),
      eps10pc: minimumContradictingCount(r.inspected, 0, 0.1, params.alpha),
    }));
  return { inputs: evidence.inputs, parameters: params, ...findings, sensitivity, minimumContradictingCounts };
}
