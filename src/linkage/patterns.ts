/**
 * Agreement-pattern counting. Pairs with the same comparison vector gamma have the same
 * likelihoods under the Fellegi-Sunter model, so EM runs over the distinct patterns weighted
 * by their counts instead of over pairs: with F fields of L levels there are at most L^F
 * patterns, usually a few hundred, whatever the number of pairs (Enamorado, Fifield & Imai,
 * "Using a probabilistic model to assist merging of large-scale administrative records",
 * APSR 113(2), 2019: the fastLink implementation).
 *
 * @example
 * // 3 pairs, 2 fields: (1,2), (1,2), (0,2)
 * const t = countPatterns(Uint8Array.of(1, 2, 1, 2, 0, 2), [3, 3]);
 * t.counts;          // Float64Array [2, 1]  (pattern (1,2) twice, (0,2) once)
 * t.patternOfPair;   // Int32Array [0, 0, 1]
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
  const K = countsList.length;
  const levels = new Uint8Array(K * F);
  for (let k = 0; k < K; k++) levels.set(gamma.subarray(firstPair[k]! * F, firstPair[k]! * F + F), k * F);
  return { fields: F, levels, counts: Float64Array.from(countsList), patternOfPair };
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
