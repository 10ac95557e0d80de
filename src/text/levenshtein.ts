/**
 * Levenshtein edit distance on Unicode code points: the least number of single-character
 * insertions, deletions and substitutions turning `a` into `b`.
 *
 * Reference: V. I. Levenshtein, "Binary codes capable of correcting deletions, insertions,
 * and reversals", Soviet Physics Doklady 10(8), 1966; dynamic programme of Wagner & Fischer,
 * "The string-to-string correction problem", JACM 21(1), 1974 (two rows, O(|a||b|) time,
 * O(min) memory).
 *
 * Written here rather than taken from `fastest-levenshtein`/`leven`: those count UTF-16 code
 * units, so a name with a CJK Extension B character (𠮷) would count two edits for one.
 *
 * @example
 * levenshtein('张伟', '张玮')       // => 1
 * levenshtein('北京大学', '北大')   // => 2
 * levenshtein('𠮷野家', '吉野家')   // => 1 (one code point, though two UTF-16 units)
 */
import { codePoints } from './codepoints';

export function levenshtein(a: string, b: string): number {
  return levenshteinCodePoints(codePoints(a), codePoints(b));
}

/** Levenshtein distance over two code-point (or any integer token) arrays. */
export function levenshteinCodePoints(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length < b.length) [a, b] = [b, a];
  const m = a.length;
  const n = b.length;
  if (n === 0) return m;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

/**
 * Normalised Levenshtein similarity 1 - d / max(|a|, |b|) in [0, 1] (code points);
 * 1 for two empty strings.
 *
 * @example
 * levenshteinSimilarity('张伟', '张玮') // => 0.5
 */
export function levenshteinSimilarity(a: string, b: string): number {
  const ca = codePoints(a);
  const cb = codePoints(b);
  const len = Math.max(ca.length, cb.length);
  if (len === 0) return 1;
  return 1 - levenshteinCodePoints(ca, cb) / len;
}
