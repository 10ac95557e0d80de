/**
 * Binary entropy function h(p) = −p log₂ p − (1 − p) log₂(1 − p), in bits, with h(0) = h(1) = 0.
 *
 * Shannon (1948); Cover & Thomas, *Elements of Information Theory*, 2nd ed., eq. 2.5. Appears
 * in Fano's inequality H(X|Y) ≤ h(Pe) + Pe log₂(|X| − 1).
 *
 * @example
 * binaryEntropy(0.5);  // => 1
 * binaryEntropy(0.11); // => 0.4999 (approximately ½ bit)
 */
export function binaryEntropy(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binaryEntropy: p must be in [0, 1], got ${p}`);
  if (p === 0 || p === 1) return 0;
  return -p * Math.log2(p) - (1 - p) * Math.log2(1 - p);
}
