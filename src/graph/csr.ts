/**
 * Compressed sparse row (CSR) graphs on typed arrays: the one representation every routine
 * that walks contacts reads (collaborative filtering, shadow profiles). Node ids are 0..n-1; `offsets` has n + 1 entries and the
 * neighbours of node u are `targets[offsets[u] .. offsets[u + 1])`. An undirected edge is stored
 * twice (u -> v and v -> u). Repeated edges (a multigraph) are allowed and kept: the generator
 * draws each contact independently, and a repeated draw is a repeated contact.
 *
 * Built by counting sort (two passes over the edge list, no per-edge objects): pass 1 counts
 * degrees, a prefix sum turns counts into offsets, pass 2 scatters targets (Knuth, TAOCP
 * vol. 3, §5.2, "distribution counting").
 *
 * @example
 * const g = csrFromEdges(3, Int32Array.from([0, 1]), Int32Array.from([1, 2]));
 * Array.from(neighbours(g, 1)); // => [0, 2]
 */
export interface CsrGraph<W extends Float32Array | Float64Array = Float32Array> {
  /** Number of nodes. */
  n: number;
  /** n + 1 offsets into `targets` (Uint32: up to 4,294,967,295 arcs). */
  offsets: Uint32Array;
  /** Arc heads; each undirected edge appears twice. */
  targets: Int32Array;
  /** Optional closeness weight per arc (same order as `targets`). */
  weights?: W;
}

/** A CSR graph whose arcs all carry a double-precision weight. */
export interface WeightedCsr extends CsrGraph<Float64Array> {
  weights: Float64Array;
}

export interface CsrOptions {
  /**
   * Per-edge weights (closeness), copied onto both arcs of each edge. Stored as Float32 (half
   * the memory of a 100 M-arc graph) unless `precision: 'float64'`.
   */
  weights?: Float32Array | Float64Array;
  /** Storage of the arc weights (default 'float32'). */
  precision?: 'float32' | 'float64';
  /** Store each edge in both directions (default true). */
  undirected?: boolean;
  /** Drop self-loops u == v (default true). */
  dropSelfLoops?: boolean;
}

/**
 * Build a CSR graph from parallel edge arrays `src[i] -- dst[i]` by counting sort.
 * Throws RangeError for an endpoint outside 0..n-1.
 */
export function csrFromEdges(
  n: number,
  src: Int32Array | Uint32Array,
  dst: Int32Array | Uint32Array,
  options?: CsrOptions & { precision?: 'float32' },
): CsrGraph;
export function csrFromEdges(
  n: number,
  src: Int32Array | Uint32Array,
  dst: Int32Array | Uint32Array,
  options: CsrOptions & { precision: 'float64' },
): CsrGraph<Float64Array>;
export function csrFromEdges(
  n: number,
  src: Int32Array | Uint32Array,
  dst: Int32Array | Uint32Array,
  options: CsrOptions = {},
): CsrGraph<Float32Array> | CsrGraph<Float64Array> {
  const m = src.length;
  if (dst.length !== m) throw new RangeError(`csrFromEdges: src has ${m} entries, dst has ${dst.length}`);
  const undirected = options.undirected ?? true;
  const dropSelf = options.dropSelfLoops ?? true;
  const w = options.weights;
  if (w && w.length !== m) throw new RangeError(`csrFromEdges: weights has ${w.length} entries for ${m} edges`);
  const counts = new Uint32Array(n + 1);
  // Pass 1: degrees.
  for (let i = 0; i < m; i++) {
    const u = src[i]!;
    const v = dst[i]!;
    if (u < 0 || u >= n || v < 0 || v >= n) throw new RangeError(`csrFromEdges: edge ${i} (${u}, ${v}) outside 0..${n - 1}`);
    if (dropSelf && u === v) continue;
    counts[u + 1]++;
    if (undirected) counts[v + 1]++;
  }
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i]!;
  const arcs = counts[n]!;
  const targets = new Int32Array(arcs);
  const weights = w ? (options.precision === 'float64' ? new Float64Array(arcs) : new Float32Array(arcs)) : undefined;
  const cursor = counts.slice(0, n);
  // Pass 2: scatter.
  for (let i = 0; i < m; i++) {
    const u = src[i]!;
    const v = dst[i]!;
    if (dropSelf && u === v) continue;
    const a = cursor[u]++;
    targets[a] = v;
    if (weights) weights[a] = w![i]!;
    if (undirected) {
      const b = cursor[v]++;
      targets[b] = u;
      if (weights) weights[b] = w![i]!;
    }
  }
  return weights ? ({ n, offsets: counts, targets, weights } as CsrGraph<Float32Array> | CsrGraph<Float64Array>) : { n, offsets: counts, targets };
}

/**
 * An undirected weighted graph from `[u, v, weight]` triples, in double precision, with
 * repeated edges merged by `repeats` (default 'max': the closest tie counts once) and each
 * adjacency list sorted by node id (reproducible iteration). Self-loops are dropped.
 *
 * @example
 * const g = weightedGraph(3, [[0, 1, 0.5], [1, 0, 1], [1, 2, 0.5]]);
 * Array.from(g.weights.subarray(g.offsets[1], g.offsets[2])); // => [1, 0.5]
 */
export function weightedGraph(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
  options: { repeats?: 'max' | 'sum' } = {},
): WeightedCsr {
  const m = edges.length;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const e = edges[i]!;
    src[i] = e[0]; dst[i] = e[1]; w[i] = e[2];
  }
  return simplifyGraph(csrFromEdges(n, src, dst, { weights: w, precision: 'float64' }), { repeats: options.repeats ?? 'max' }) as WeightedCsr;
}

/** The neighbour ids of u (a view, not a copy). */
export function neighbours(g: Pick<CsrGraph, 'offsets' | 'targets'>, u: number): Int32Array {
  return g.targets.subarray(g.offsets[u]!, g.offsets[u + 1]!);
}

/** Degree (number of arcs, repeats counted) of u. */
export function degree(g: Pick<CsrGraph, 'offsets'>, u: number): number {
  return g.offsets[u + 1]! - g.offsets[u]!;
}

/** Number of undirected edges (arcs / 2) of a graph built with `undirected: true`. */
export function edgeCount(g: Pick<CsrGraph, 'targets'>): number {
  return g.targets.length / 2;
}

/**
 * A copy without repeated edges: each adjacency list sorted and de-duplicated; weights of
 * repeats are summed by default (repeated contact = closer) or their maximum kept
 * (`repeats: 'max'`). Weights keep their precision. Meant for small and medium graphs.
 */
export function simplifyGraph<W extends Float32Array | Float64Array>(g: CsrGraph<W>, options: { repeats?: 'sum' | 'max' } = {}): CsrGraph<W> {
  const max = options.repeats === 'max';
  const offsets = new Uint32Array(g.n + 1);
  const tmpT: number[] = [];
  const outT = new Int32Array(g.targets.length);
  const outW = g.weights ? (g.weights instanceof Float64Array ? new Float64Array(g.targets.length) : new Float32Array(g.targets.length)) : undefined;
  let pos = 0;
  for (let u = 0; u < g.n; u++) {
    const a = g.offsets[u]!;
    const b = g.offsets[u + 1]!;
    tmpT.length = 0;
    for (let i = a; i < b; i++) tmpT.push(i);
    tmpT.sort((x, y) => g.targets[x]! - g.targets[y]!);
    let last = -1;
    for (const i of tmpT) {
      const v = g.targets[i]!;
      if (v === last) {
        if (outW) outW[pos - 1] = max ? Math.max(outW[pos - 1]!, g.weights![i]!) : outW[pos - 1]! + g.weights![i]!;
        continue;
      }
      outT[pos] = v;
      if (outW) outW[pos] = g.weights![i]!;
      pos++;
      last = v;
    }
    offsets[u + 1] = pos;
  }
  const targets = outT.slice(0, pos);
  return (outW ? { n: g.n, offsets, targets, weights: outW.slice(0, pos) } : { n: g.n, offsets, targets }) as CsrGraph<W>;
}
