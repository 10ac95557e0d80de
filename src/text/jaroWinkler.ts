/**
 * Jaro and Jaro-Winkler string similarity on Unicode code points.
 *
 * References: M. A. Jaro, "Advances in record-linkage methodology as applied to matching the
 * 1985 census of Tampa, Florida", JASA 84(406), 1989; W. E. Winkler, "String comparator
 * metrics and enhanced decision rules in the Fellegi-Sunter model of record linkage",
 * Proceedings of the Section on Survey Research Methods, ASA, 1990, pp. 354-359 (the prefix
 * boost, prefix length at most 4, scale p = 0.1, applied only when the Jaro similarity
 * exceeds the boost threshold 0.7, as in Winkler's `strcmp95`).
 *
 * Jaro: characters match when equal and no farther apart than floor(max(|a|,|b|)/2) - 1;
 * t = half the number of matched characters out of order;
 * jaro = (m/|a| + m/|b| + (m - t)/m) / 3 (0 when m = 0).
 *
 * Written here rather than taken from npm: `jaro-winkler` (0.2.8) counts UTF-16 units, and
 * `@skyra/jaro-winkler` (1.1.1) widens the match window by one and boosts without the 0.7
 * threshold, so neither reproduces the published values below for two-character names.
 *
 * Why it matters for Chinese names (see REFERENCES, "Short Chinese names break
 * Latin-tuned thresholds"): a two-character name has a match window of 0, so a swapped
 * order scores 0, and one different character scores 0.667 with no prefix boost.
 *
 * @example
 * jaroWinkler('MARTHA', 'MARHTA') // => 0.9611 (Winkler 1990; jaro 0.9444)
 * jaroWinkler('DWAYNE', 'DUANE')  // => 0.84
 * jaroWinkler('张伟', '张玮')     // => 0.6667 (jaro 0.667 < 0.7: no boost)
 * jaroWinkler('李娜', '娜李')     // => 0
 */
import { codePoints } from './codepoints';

export interface JaroWinklerOptions {
  /** Prefix scale p (default 0.1; must be at most 0.25 to keep the result <= 1). */
  prefixScale?: number;
  /** Longest common prefix counted (default 4). */
  maxPrefix?: number;
  /** Boost only when jaro > this (default 0.7, Winkler's strcmp95). */
  boostThreshold?: number;
}

/** Jaro similarity of two strings, on code points; 1 for two empty strings. */
export function jaro(a: string, b: string): number {
  return jaroCodePoints(codePoints(a), codePoints(b));
}

/** How transpositions t are counted: half the out-of-order matches, kept as a fraction (Jaro
 * 1989, the default) or rounded down as Winkler's `strcmp95` does (`N_trans / 2` in integer
 * arithmetic; what DuckDB's `jaro_winkler_similarity` and Apache commons-text compute). */
export type JaroTranspositions = 'fraction' | 'strcmp95';

// Match flags reused between calls (grown when needed): nothing is allocated per comparison.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/**
 * Jaro similarity of two code-point arrays (see the module comment); 1 for two empty arrays.
 *
 * @example
 * jaroCodePoints(codePoints('erin'), codePoints('kieren'));             // => 0.7639 (t = 1.5)
 * jaroCodePoints(codePoints('erin'), codePoints('kieren'), 'strcmp95'); // => 0.8056 (t = 1)
 */
export function jaroCodePoints(a: ArrayLike<number>, b: ArrayLike<number>, transpositions: JaroTranspositions = 'fraction'): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (la <= BIT_PARALLEL_MAX && lb <= BIT_PARALLEL_MAX) {
    const j = jaroBitParallel(a, b, transpositions);
    if (j >= 0) return j;
  }
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  const ma = flagsA;
  const mb = flagsB;
  ma.fill(0, 0, la);
  mb.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] === 0 && a[i] === b[j]) {
        ma[i] = 1;
        mb[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let k = 0;
  let outOfOrder = 0;
  for (let i = 0; i < la; i++) {
    if (ma[i] === 0) continue;
    while (mb[k] === 0) k++;
    if (a[i] !== b[k]) outOfOrder++;
    k++;
  }
  const t = transpositions === 'strcmp95' ? Math.floor(outOfOrder / 2) : outOfOrder / 2;
  return (m / la + m / lb + (m - t) / m) / 3;
}

/** Longest strings (code points) the bit-parallel path takes: positions fit one 32-bit mask. */
const BIT_PARALLEL_MAX = 30;
// Per-character position masks of b, in a table indexed by the code point's low 12 bits (the
// code point kept beside its mask; two characters of b sharing a slot send the pair to the loop).
const PM_SLOTS = 4096;
const pmKey = new Int32Array(PM_SLOTS).fill(-1);
const pmMask = new Int32Array(PM_SLOTS);

/**
 * The same Jaro as the loop in `jaroCodePoints`, with b's positions as bits (as rapidfuzz
 * does, Hyyrö-style pattern masks): a character of a takes the lowest unmatched position of
 * the same character of b inside the window, which is the loop's first j; transpositions pair
 * the k-th matched positions of a and b in order. O(|a| + |b| + m) word operations instead of
 * O(|a| x window). Returns -1 when two characters of b share a table slot (the caller loops).
 */
function jaroBitParallel(a: ArrayLike<number>, b: ArrayLike<number>, transpositions: JaroTranspositions): number {
  const la = a.length, lb = b.length;
  let built = 0;
  let ok = true;
  for (; built < lb; built++) {
    const c = b[built]!, h = c & (PM_SLOTS - 1);
    const k = pmKey[h]!;
    if (k === c) pmMask[h] |= 1 << built;
    else if (k === -1) {
      pmKey[h] = c;
      pmMask[h] = 1 << built;
    } else {
      ok = false;
      break;
    }
  }
  let m = 0, flagsA = 0, flagsB = 0;
  if (ok) {
    const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
    for (let i = 0; i < la; i++) {
      const c = a[i]!, h = c & (PM_SLOTS - 1);
      if (pmKey[h] !== c) continue;
      const lo = i > window ? i - window : 0;
      const hi = Math.min(lb - 1, i + window);
      if (hi < lo) continue;
      const bits = pmMask[h]! & ~flagsB & (((1 << (hi + 1)) - 1) & ~((1 << lo) - 1));
      if (bits !== 0) {
        flagsB |= bits & -bits;
        flagsA |= 1 << i;
        m++;
      }
    }
  }
  for (let j = 0; j < built; j++) pmKey[b[j]! & (PM_SLOTS - 1)] = -1;
  if (!ok) return -1;
  if (m === 0) return 0;
  let outOfOrder = 0;
  while (flagsA !== 0) {
    const i = 31 - Math.clz32(flagsA & -flagsA), j = 31 - Math.clz32(flagsB & -flagsB);
    if (a[i] !== b[j]) outOfOrder++;
    flagsA &= flagsA - 1;
    flagsB &= flagsB - 1;
  }
  const t = transpositions === 'strcmp95' ? Math.floor(outOfOrder / 2) : outOfOrder / 2;
  return (m / la + m / lb + (m - t) / m) / 3;
}

/** Jaro-Winkler similarity in [0, 1], on code points (Winkler 1990). */
export function jaroWinkler(a: string, b: string, options: JaroWinklerOptions = {}): number {
  const ca = codePoints(a);
  const cb = codePoints(b);
  const p = options.prefixScale ?? 0.1;
  const maxPrefix = options.maxPrefix ?? 4;
  const threshold = options.boostThreshold ?? 0.7;
  if (p < 0 || p > 0.25) throw new RangeError(`prefixScale must be in [0, 0.25], got ${p}`);
  const j = jaroCodePoints(ca, cb);
  if (!(j > threshold)) return j;
  let l = 0;
  const lim = Math.min(maxPrefix, ca.length, cb.length);
  while (l < lim && ca[l] === cb[l]) l++;
  return j + l * p * (1 - j);
}
