/**
 * Default match thresholds (Hamming distance <= threshold means "the same picture"), chosen
 * by `chooseThreshold` (largest Youden J subject to an observed false-match rate <= 0.1%,
 * middle of the tied run) from the robustness measurement on the committed synthetic set:
 * see `datasets/avatars/thresholds.json` for the measurement, the ROC AUC and the
 * false-match / false-non-match rates with Clopper-Pearson intervals, and notebook 03 for the
 * table. Re-measure on the expert's own images before relying on them.
 */
import type { HashKind } from './hash';

export const DEFAULT_MAX_FALSE_MATCH_RATE = 0.001;

export const DEFAULT_THRESHOLDS: Readonly<Record<HashKind, number>> = { aHash: 0, dHash: 9, pHash: 12 };

/** The default attribution rule: the DCT hash alone (best AUC and lowest false-non-match rate measured). */
export const DEFAULT_RULE = 'pHash' as const;
