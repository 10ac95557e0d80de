/**
 * Entropy in bits of a probability vector (a model's distribution, not a sample: for counts
 * use `entropy`, which states its estimator). Zero probabilities contribute nothing.
 *
 * Reference: C. E. Shannon, "A mathematical theory of communication", Bell System Technical
 * Journal 27 (1948); Cover & Thomas, *Elements of Information Theory*, 2nd ed. (2006), §2.1.
 *
 * @example
 * entropyOfDistribution([0.5, 0.5]);        // => 1
 * entropyOfDistribution([0.25, 0.25, 0.5]); // => 1.5
 */
export function entropyOfDistribution(p: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(p[i]! >= 0)) throw new RangeError(`entropyOfDistribution: p[${i}] = ${p[i]} is not a probability`);
    total += p[i]!;
  }
  if (Math.abs(total - 1) > 1e-6) throw new RangeError(`entropyOfDistribution: probabilities sum to ${total}, not 1`);
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) h -= p[i]! * Math.log2(p[i]!);
  return h;
}
