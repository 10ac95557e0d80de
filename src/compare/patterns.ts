/**
 * Agreement-pattern counting. Pairs with the same comparison vector gamma have the same
 * likelihoods under the Fellegi-Sunter model, so EM runs over the distinct patterns weighted
 * by their counts instead of over pairs: with F fields of L levels there are at most L^F
 * patterns, usually a few hundred, whatever the number of pairs (Enamorado, Fifield & Imai,
 * "Using a probabilistic model to assist merging of large-scale administrative records",
 * APSR 113(2), 2019: the fastLink implementation).
 *
 * @example
 * // 3 pairs, 2 fields: (1,2), (1,2), (0,2); patterns in ascending code order
 * const t = countPatterns(Uint8Array.of(1, 2, 1, 2, 0, 2), [3, 3]);
 * t.counts;          // Float64Array [1, 2]  (pattern (0,2) once, (1,2) twice)
 * t.patternOfPair;   // Int32Array [1, 1, 0]
 */
export interface PatternTable {
  /** Number of fields. */
  fields: number;
  /** Level codes of each distinct pattern, pattern-major: `levels[k * fields + f]`. */
  levels: Uint8Array;
  /** Pairs with each pattern. */
  counts: Float64Array;
  /** Pattern index of each pair. */
  patternOfPair: Int32Array;
}

/** Distinct agreement patterns in `gamma` (pair-major level codes) with their counts. */
export function countPatterns(gamma: Uint8Array, levelsPerField: ArrayLike<number>): PatternTable {
  const F = levelsPerField.length;
  if (F === 0) throw new RangeError('countPatterns needs at least one field');
  if (gamma.length % F !== 0) throw new RangeError(`gamma has ${gamma.length} codes, not a multiple of ${F} fields`);
  const n = gamma.length / F;
  const radix: number[] = [];
  let space = 1;
  for (let f = 0; f < F; f++) {
    const L = levelsPerField[f]!;
    if (!Number.isInteger(L) || L < 1) throw new RangeError(`field ${f} has ${L} levels`);
    radix.push(L);
    space *= L;
  }
  const patternOfPair = new Int32Array(n);
  const firstPair: number[] = [];
  const countsList: number[] = [];
  const direct = space <= 1 << 22;
  const table = direct ? new Int32Array(space).fill(-1) : null;
  const map = direct ? null : new Map<number, number>();
  for (let p = 0; p < n; p++) {
    let code = 0;
    const base = p * F;
    for (let f = 0; f < F; f++) {
      const g = gamma[base + f]!;
      if (g >= radix[f]!) throw new RangeError(`pair ${p}, field ${f}: level code ${g} but the field has ${radix[f]} levels`);
      code = code * radix[f]! + g;
    }
    let k = table ? table[code]! : (map!.get(code) ?? -1);
    if (k < 0) {
      k = countsList.length;
      countsList.push(0);
      firstPair.push(p);
      if (table) table[code] = k;
      else map!.set(code, k);
    }
    countsList[k]++;
    patternOfPair[p] = k;
  }
  // Canonical order: ascending pattern code (first field most significant), so the table (and
  // EM's floating-point sums over it) does not depend on the order of the pairs.
  const K = countsList.length;
  const codeOf = (k: number): number => {
    let c = 0;
    for (let f = 0; f < F; f++) c = c * radix[f]! + gamma[firstPair[k]! * F + f]!;
    return c;
  };
  const codes = Float64Array.from({ length: K }, (_, k) => codeOf(k));
  const order = Array.from({ length: K }, (_, k) => k).sort((a, b) => codes[a]! - codes[b]!);
  const rank = new Int32Array(K);
  order.forEach((k, r) => (rank[k] = r));
  for (let p = 0; p < n; p++) patternOfPair[p] = rank[patternOfPair[p]!]!;
  const levels = new Uint8Array(K * F);
  const counts = new Float64Array(K);
  order.forEach((k, r) => {
    levels.set(gamma.subarray(firstPair[k]! * F, firstPair[k]! * F + F), r * F);
    counts[r] = countsList[k]!;
  });
  return { fields: F, levels, counts, patternOfPair };
}

/** Build a pattern table from explicit patterns and counts (e.g. published tables, tests). */
export function patternTableFrom(levels: Uint8Array, counts: ArrayLike<number>, fields: number): PatternTable {
  if (levels.length !== counts.length * fields) {
    throw new RangeError(`${levels.length} level codes for ${counts.length} patterns x ${fields} fields`);
  }
  const c = Float64Array.from(counts as ArrayLike<number>);
  for (let k = 0; k < c.length; k++) if (!(c[k]! >= 0)) throw new RangeError(`pattern ${k} has count ${c[k]}`);
  return { fields, levels, counts: c, patternOfPair: new Int32Array(0) };
}
