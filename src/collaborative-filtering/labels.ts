/**
 * Label containers shared by the inference algorithms.
 * - single-valued: `Int32Array` with one value id per node, -1 = unknown;
 * - multi-valued (real profiles: several schools or employers): `MultiLabels`, a CSR of value
 *   ids per node (empty = unknown). A prediction is right when it is one of the node's values.
 *
 * @example
 * const m = multiFromSingle(Int32Array.from([3, -1, 3]));
 * valuesOf(m, 0); // => Int32Array [3]
 */
export interface MultiLabels {
  offsets: Uint32Array;
  values: Int32Array;
}

export type Labels = Int32Array | MultiLabels;

export function isMulti(l: Labels): l is MultiLabels {
  return !(l instanceof Int32Array);
}

export function labelCount(l: Labels): number {
  return isMulti(l) ? l.offsets.length - 1 : l.length;
}

/** Values of node u (empty when unknown). */
export function valuesOf(l: MultiLabels, u: number): Int32Array {
  return l.values.subarray(l.offsets[u]!, l.offsets[u + 1]!);
}

export function multiFromSingle(l: Int32Array): MultiLabels {
  const offsets = new Uint32Array(l.length + 1);
  let c = 0;
  for (let i = 0; i < l.length; i++) {
    if (l[i]! >= 0) c++;
    offsets[i + 1] = c;
  }
  const values = new Int32Array(c);
  c = 0;
  for (let i = 0; i < l.length; i++) if (l[i]! >= 0) values[c++] = l[i]!;
  return { offsets, values };
}

/** Multi-labels from per-node value lists (duplicates removed, order kept). */
export function multiFromLists(lists: ReadonlyArray<ReadonlyArray<number> | undefined>): MultiLabels {
  const offsets = new Uint32Array(lists.length + 1);
  const out: number[] = [];
  for (let i = 0; i < lists.length; i++) {
    const seen = new Set<number>();
    for (const v of lists[i] ?? []) {
      if (v < 0 || seen.has(v)) continue;
      seen.add(v);
      out.push(v);
    }
    offsets[i + 1] = out.length;
  }
  return { offsets, values: Int32Array.from(out) };
}

/** Whether node u is labelled. */
export function hasLabel(l: Labels, u: number): boolean {
  return isMulti(l) ? l.offsets[u + 1]! > l.offsets[u]! : l[u]! >= 0;
}

/** Whether `value` is (one of) node u's value(s). */
export function labelMatches(l: Labels, u: number, value: number): boolean {
  if (value < 0) return false;
  if (!isMulti(l)) return l[u] === value;
  for (let i = l.offsets[u]!; i < l.offsets[u + 1]!; i++) if (l.values[i] === value) return true;
  return false;
}

/** Largest value id + 1 (0 when nothing is labelled). */
export function valueSpace(l: Labels): number {
  const arr = isMulti(l) ? l.values : l;
  let m = -1;
  for (let i = 0; i < arr.length; i++) if (arr[i]! > m) m = arr[i]!;
  return m + 1;
}

/** Copy of `l` keeping only the nodes where keep[u] is 1 (others unknown). */
export function maskLabels(l: Labels, keep: Uint8Array): Labels {
  if (!isMulti(l)) {
    const out = l.slice();
    for (let i = 0; i < out.length; i++) if (!keep[i]) out[i] = -1;
    return out;
  }
  const n = l.offsets.length - 1;
  const lists: number[][] = [];
  for (let u = 0; u < n; u++) lists.push(keep[u] ? Array.from(valuesOf(l, u)) : []);
  return multiFromLists(lists);
}

/**
 * Tie-break ranks: rank[value] = position of the value when sorted by descending frequency
 * among labelled nodes, then by ascending id. The most common value has rank 0.
 */
export function frequencyRanks(l: Labels, space = valueSpace(l)): Int32Array {
  const counts = new Float64Array(space);
  const arr = isMulti(l) ? l.values : l;
  for (let i = 0; i < arr.length; i++) if (arr[i]! >= 0) counts[arr[i]!]++;
  const order = new Int32Array(space);
  for (let i = 0; i < space; i++) order[i] = i;
  order.sort((a, b) => counts[b]! - counts[a]! || a - b);
  const rank = new Int32Array(space);
  for (let i = 0; i < space; i++) rank[order[i]!] = i;
  return rank;
}

/** Nodes without a label (the default prediction targets). */
export function unlabelledNodes(l: Labels): Int32Array {
  const n = labelCount(l);
  let c = 0;
  for (let u = 0; u < n; u++) if (!hasLabel(l, u)) c++;
  const out = new Int32Array(c);
  c = 0;
  for (let u = 0; u < n; u++) if (!hasLabel(l, u)) out[c++] = u;
  return out;
}
