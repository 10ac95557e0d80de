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
export interface CsrGraph {
  /** Number of nodes. */
  n: number;
  /** n + 1 offsets into `targets` (Uint32: up to 4,294,967,295 arcs). */
  offsets: Uint32Array;
  /** Arc heads; each undirected edge appears twice. */
  targets: Int32Array;
  /** Optional closeness weight per arc (same order as `targets`). */
  weights?: Float32Array;
}

export interface CsrOptions {
  /** Per-edge weights (closeness), copied onto both arcs of each edge. */
  weights?: Float32Array | Float64Array;
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
  options: CsrOptions = {},
): CsrGraph {
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
  const weights = w ? new Float32Array(arcs) : undefined;
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
  return weights ? { n, offsets: counts, targets, weights } : { n, offsets: counts, targets };
}

/** The neighbour ids of u (a view, not a copy). */
export function neighbours(g: CsrGraph, u: number): Int32Array {
  return g.targets.subarray(g.offsets[u]!, g.offsets[u + 1]!);
}

/** Degree (number of arcs, repeats counted) of u. */
export function degree(g: CsrGraph, u: number): number {
  return g.offsets[u + 1]! - g.offsets[u]!;
}

/** Number of undirected edges (arcs / 2) of a graph built with `undirected: true`. */
export function edgeCount(g: CsrGraph): number {
  return g.targets.length / 2;
}

/**
 * A copy without repeated edges: each adjacency list sorted and de-duplicated; weights of
 * repeats are summed (repeated contact = closer). Meant for small and medium graphs.
 */
export function simplifyGraph(g: CsrGraph): CsrGraph {
  const offsets = new Uint32Array(g.n + 1);
  const tmpT: number[] = [];
  const outT = new Int32Array(g.targets.length);
  const outW = g.weights ? new Float32Array(g.targets.length) : undefined;
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
        if (outW) outW[pos - 1] += g.weights![i]!;
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
  return outW ? { n: g.n, offsets, targets, weights: outW.slice(0, pos) } : { n: g.n, offsets, targets };
}
