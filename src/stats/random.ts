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
 * Sampler for a discrete distribution by Walker's alias method (Walker 1977; Vose 1991):
 * O(n) set-up, O(1) per draw. Weights need not sum to 1.
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
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = (weights[i]! * n) / total;
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) (scaled[i]! < 1 ? small : large).push(i);
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return (rng: Rng) => {
    const i = Math.floor(rng() * n);
    return rng() < prob[i]! ? i : alias[i]!;
  };
}
