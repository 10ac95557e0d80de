import { entropy, type EntropyEstimator } from './entropy';

/**
 * Conditional entropy H(X | Y), in bits, from a joint count table.
 *
 * Layout: `joint[y][x]` is the number of observations with Y = y and X = x — one ROW per
 * value of the conditioning variable Y (what is known, e.g. the friends' values), one
 * COLUMN per value of the target X. Computed as H(X, Y) − H(Y) (Cover & Thomas,
 * *Elements of Information Theory*, 2nd ed., eq. 2.14), each term with the chosen
 * estimator; for 'miller-madow' the bias corrections therefore combine to
 * (m_XY − m_Y)/(2N ln 2) with m the non-empty cell counts. Result clamped at ≥ 0.
 *
 * @param joint rectangular or ragged table of non-negative counts (missing cells = 0)
 * @param estimator 'plugin' (default) or 'miller-madow' (see {@link entropy})
 * @example
 * conditionalEntropy([[5, 5], [5, 5]]);   // => 1  (X independent of Y, fair bit)
 * conditionalEntropy([[10, 0], [0, 10]]); // => 0  (Y determines X)
 */
export function conditionalEntropy(joint: ReadonlyArray<ArrayLike<number>>, estimator: EntropyEstimator = 'plugin'): number {
  if (joint.length === 0) throw new RangeError('conditionalEntropy: empty table');
  const cells: number[] = [];
  const rowTotals: number[] = [];
  for (const row of joint) {
    let s = 0;
    for (let j = 0; j < row.length; j++) { cells.push(row[j]); s += row[j]; }
    rowTotals.push(s);
  }
  return Math.max(0, entropy(cells, estimator) - entropy(rowTotals, estimator));
}
