/**
 * From scored pairs to decisions.
 *
 * One-to-one assignment (link mode: each displayed profile has at most one source account and
 * vice versa). Greedy by weight: take candidate pairs above the threshold in decreasing match
 * weight (ties by left row, then right row, so the result is deterministic) and accept a pair
 * when neither side is taken yet. Greedy is the usual choice in linkage practice (Christen,
 * "Data Matching", 2012, sec. 6.8; fastLink's `dedupe.matches` offers greedy or the linear
 * sum assignment): it is not guaranteed to maximise the total weight (it is a 1/2-approximation
 * of the maximum-weight matching), but every decision it makes is explainable: "this pair was
 * the strongest remaining".
 *
 * Clusters: connected components of the graph whose edges are the pairs above the threshold,
 * by union-find with path halving and union by size (Tarjan 1975). In link mode left rows are
 * nodes 0..L-1 and right rows L..L+R-1.
 */
export interface Assignment {
  /** Indices (into the candidate pairs) of the accepted pairs, in acceptance order. */
  accepted: Int32Array;
  /** For each left row, the accepted right row or -1. */
  rightOfLeft: Int32Array;
  /** For each right row, the accepted left row or -1. */
  leftOfRight: Int32Array;
}

/**
 * Greedy one-to-one assignment over pairs with matchWeight >= threshold (posterior log2 odds;
 * use `matchWeightFromProbability(0.5)` = 0 for "more likely than not").
 */
export function oneToOneGreedy(
  pairs: { left: Int32Array; right: Int32Array },
  matchWeight: Float64Array,
  sizes: { left: number; right: number },
  threshold = 0,
): Assignment {
  const n = pairs.left.length;
  if (matchWeight.length !== n) throw new RangeError(`${matchWeight.length} weights for ${n} pairs`);
  let m = 0;
  for (let p = 0; p < n; p++) if (matchWeight[p]! >= threshold) m++;
  const idx = new Int32Array(m);
  m = 0;
  for (let p = 0; p < n; p++) if (matchWeight[p]! >= threshold) idx[m++] = p;
  idx.sort((a, b) => matchWeight[b]! - matchWeight[a]! || pairs.left[a]! - pairs.left[b]! || pairs.right[a]! - pairs.right[b]!);
  const rightOfLeft = new Int32Array(sizes.left).fill(-1);
  const leftOfRight = new Int32Array(sizes.right).fill(-1);
  const accepted: number[] = [];
  for (let q = 0; q < m; q++) {
    const p = idx[q]!;
    const i = pairs.left[p]!, j = pairs.right[p]!;
    if (rightOfLeft[i] !== -1 || leftOfRight[j] !== -1) continue;
    rightOfLeft[i] = j;
    leftOfRight[j] = i;
    accepted.push(p);
  }
  return { accepted: Int32Array.from(accepted), rightOfLeft, leftOfRight };
}

export interface Clusters {
  /** Cluster id of each node (dense, numbered by first node), link mode: left rows then right rows. */
  clusterOf: Int32Array;
  /** Number of clusters, singletons included. */
  count: number;
  /** Size of each cluster. */
  sizes: Int32Array;
}

/** Connected components of the pairs with matchWeight >= threshold. */
export function clusterPairs(
  pairs: { left: Int32Array; right: Int32Array },
  matchWeight: Float64Array,
  sizes: { left: number; right: number; mode: 'link' | 'dedupe' },
  threshold = 0,
): Clusters {
  const offset = sizes.mode === 'link' ? sizes.left : 0;
  const N = sizes.mode === 'link' ? sizes.left + sizes.right : sizes.left;
  const parent = new Int32Array(N);
  const size = new Int32Array(N).fill(1);
  for (let i = 0; i < N; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let p = 0; p < pairs.left.length; p++) {
    if (!(matchWeight[p]! >= threshold)) continue;
    let a = find(pairs.left[p]!), b = find(pairs.right[p]! + offset);
    if (a === b) continue;
    if (size[a]! < size[b]!) [a, b] = [b, a];
    parent[b] = a;
    size[a] += size[b]!;
  }
  const clusterOf = new Int32Array(N).fill(-1);
  const rootId = new Int32Array(N).fill(-1);
  const sz: number[] = [];
  for (let i = 0; i < N; i++) {
    const r = find(i);
    if (rootId[r] === -1) {
      rootId[r] = sz.length;
      sz.push(0);
    }
    clusterOf[i] = rootId[r]!;
    sz[rootId[r]!]++;
  }
  return { clusterOf, count: sz.length, sizes: Int32Array.from(sz) };
}
