/**
 * Selective display: a system that shows a value only when it is confident has a precision on
 * what it shows far above its average accuracy. The coverage-precision curve (the complement of
 * the risk-coverage curve of El-Yaniv & Wiener, JMLR 11 1605-1641, 2010; Geifman & El-Yaniv,
 * NeurIPS 2017) gives, for each coverage c (share of targets shown), the precision of the c most
 * confident predictions. Ties in confidence at the cut count at their group's mean precision
 * (the expected precision under a random tie-break), so the curve does not depend on target
 * order. Targets whose true value is unknown are left out; a target without a prediction
 * (confidence 0) can never be shown.
 *
 * @example
 * // 4 targets: confidences 3, 2, 2, 0; correct 1, 1, 0, 0
 * coveragePrecision(Float64Array.from([3, 2, 2, 0]), Uint8Array.from([1, 1, 0, 0]), null, [0.25, 0.5, 1]).precision;
 * // => [1, 0.75, 0.6667]  (at 50%: the sure one plus half of the tied pair; at 100%: the 3 predicted, 2 right)
 */
export interface CoveragePrecision {
  /** Requested coverages (share of targets with a known value that are shown). */
  coverage: number[];
  /** Precision among the shown targets at each coverage (same length as `coverage`). */
  precision: number[];
  /** Targets shown at each coverage (rounded up). */
  shown: number[];
  /** Targets with a known true value (the denominator of coverage). */
  targetsWithKnownValue: number;
  /** Largest coverage the method can reach (share with a prediction). */
  maxCoverage: number;
}

export function coveragePrecision(confidence: Float64Array, correct: Uint8Array, knownTruth: Uint8Array | null, coverages: number[]): CoveragePrecision {
  if (confidence.length !== correct.length) throw new RangeError(`coveragePrecision: ${confidence.length} confidences for ${correct.length} outcomes`);
  const idx: number[] = [];
  for (let i = 0; i < confidence.length; i++) if (!knownTruth || knownTruth[i]) idx.push(i);
  const T = idx.length;
  const ranked = idx.filter((i) => confidence[i]! > 0).sort((a, b) => confidence[b]! - confidence[a]!);
  // Groups of equal confidence: [start, end) in `ranked`, with their correct counts.
  const starts: number[] = [];
  const cum: number[] = [0];
  for (let j = 0; j < ranked.length; j++) {
    if (j === 0 || confidence[ranked[j]!] !== confidence[ranked[j - 1]!]) starts.push(j);
    cum.push(cum[j]! + correct[ranked[j]!]!);
  }
  starts.push(ranked.length);
  const precision: number[] = [];
  const shown: number[] = [];
  for (const c of coverages) {
    if (!(c > 0 && c <= 1)) throw new RangeError(`coverage must be in (0, 1], got ${c}`);
    const want = Math.min(ranked.length, Math.ceil(c * T - 1e-9));
    shown.push(want);
    if (want === 0) {
      precision.push(NaN);
      continue;
    }
    let g = 0;
    while (starts[g + 1]! < want) g++;
    const s = starts[g]!;
    const e = starts[g + 1]!;
    const tieRate = (cum[e]! - cum[s]!) / (e - s);
    precision.push((cum[s]! + (want - s) * tieRate) / want);
  }
  return { coverage: coverages.slice(), precision, shown, targetsWithKnownValue: T, maxCoverage: T ? ranked.length / T : 0 };
}
