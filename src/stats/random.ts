/**
 * Seeded pseudo-random numbers: every random step in the toolkit takes one of these, so the
 * same seed gives the same data, the same simulation and the same report.
 *
 * Generator: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021), seeded through splitmix32 so that small integer seeds
 * (0, 1, 2, ...) give well-mixed, independent-looking streams.
 *
 * @example
 * const rng = seededRandom(7);
 * rng();            // a float in [0, 1), the same on every machine for seed 7
 * randomInt(rng, 6) // an integer in [0, 6)
 */
export type Rng = () => number;

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator of floats in [0, 1). `seed` must be a finite integer. */
export function seededRandom(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const sm = splitmix32(seed >>> 0 ^ Math.floor(seed / 2 ** 32));
  let a = sm(), b = sm(), c = sm(), d = sm();
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Derive an independent child seed from a seed and a label (e.g. one stream per module). */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return splitmix32(h)();
}

/** Uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Standard normal deviate (Box-Muller transform). */
export function randomNormal(rng: Rng): number {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Fisher-Yates shuffle in place (Knuth, TAOCP vol. 2, Algorithm P); returns the array. */
export function shuffleInPlace<T>(rng: Rng, xs: T[] | Int32Array | Uint32Array | Float64Array): typeof xs {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t as never;
  }
  return xs;
}

/**
 * Build a Walker/Vose alias table (Walker, "An efficient method for generating discrete random
 * variables with general distributions", ACM TOMS 3(3), 1977; Vose, "A linear algorithm for
 * generating random numbers with a given distribution", IEEE TSE 17(9), 1991) for the `size`
 * weights `weights[offset .. offset + size)`, written into `prob[offset ..]` and
 * `alias[offset ..]` of caller-supplied typed arrays, so many tables can share one array.
 * A draw picks i uniformly in [0, size) and keeps it with probability `prob[offset + i]`,
 * otherwise takes `alias[offset + i]` (a local index, 0..size-1); the draw rule is the
 * caller's.
 *
 * Steps: scale each weight to w·size/sum; split indices (in index order) into "small" (< 1)
 * and "large" stacks; repeatedly pop one of each, let the small one alias the large one and
 * give the large one the small one's deficit; entries left over (rounding) get probability 1
 * and alias themselves. Weights that do not sum to a positive number give a uniform table
 * (every probability 1). No validation: weights are taken as finite and >= 0 (callers that
 * must reject bad weights check first, as `aliasSampler` does). `weights` may be `prob`
 * itself (scaled in place). `work` is scratch of at least `size` entries (allocated if absent).
 *
 * @example
 * const prob = new Float64Array(3), alias = new Int32Array(3);
 * buildAliasTable([1, 3, 6], prob, alias);
 * // prob => [0.3, 0.9, 1], alias => [2, 2, 2]: column 0 keeps 0 with 0.3 else gives 2, ...
 */
export function buildAliasTable(
  weights: ArrayLike<number>,
  prob: Float64Array,
  alias: Int32Array,
  offset = 0,
  size = weights.length - offset,
  work: Int32Array = new Int32Array(size),
): void {
  const end = offset + size;
  let sum = 0;
  for (let j = offset; j < end; j++) sum += weights[j]!;
  // One scratch array holds both stacks: small grows up from 0, large down from size - 1.
  const top = size - 1;
  let ns = 0;
  let nl = 0;
  for (let j = offset; j < end; j++) {
    const s = sum > 0 ? (weights[j]! * size) / sum : 1;
    prob[j] = s;
    alias[j] = j - offset;
    if (s < 1) work[ns++] = j - offset;
    else work[top - nl++] = j - offset;
  }
  while (ns > 0 && nl > 0) {
    const s = work[--ns]!;
    const l = work[top - --nl]!;
    alias[offset + s] = l;
    prob[offset + l] = prob[offset + l]! + prob[offset + s]! - 1;
    if (prob[offset + l]! < 1) work[ns++] = l;
    else work[top - nl++] = l;
  }
  while (nl > 0) prob[offset + work[top - --nl]!] = 1;
  while (ns > 0) prob[offset + work[--ns]!] = 1;
}

/**
 * Sampler for a discrete distribution by Walker's alias method (Walker 1977; Vose 1991):
 * O(n) set-up (`buildAliasTable`), O(1) per draw. Weights need not sum to 1.
 */
export function aliasSampler(weights: ArrayLike<number>): (rng: Rng) => number {
  const n = weights.length;
  if (n === 0) throw new RangeError('aliasSampler needs at least one weight');
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${i} is not a finite non-negative number: ${w}`);
    total += w;
  }
  if (total <= 0) throw new RangeError('aliasSampler needs a positive total weight');
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  buildAliasTable(weights, prob, alias, 0, n);
  return (rng: Rng) => {
    const i = Math.floor(rng() * n);
    return rng() < prob[i]! ? i : alias[i]!;
  };
}
