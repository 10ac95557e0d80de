/**
 * In-place sort of parallel typed arrays by a 64-bit key held as two uint32 (`hi`, `lo`),
 * carrying one or two int32/uint32 payload arrays along.
 *
 * Method: most-significant-digit radix sort with byte digits, permuting in place
 * ("American flag sort": McIlroy, Bostic & McIlroy, "Engineering radix sort", Computing
 * Systems 6(1), 1993), finishing ranges of at most 32 elements by insertion sort. No scratch
 * array proportional to the input is allocated, so 200 million entries (four arrays of
 * 800 MB) sort in the memory they already occupy. Keys here are keyed hashes, so digits are
 * uniform and three byte levels leave ranges of a dozen elements.
 *
 * Not stable: entries with equal keys come out in an unspecified order.
 *
 * @example
 * const hi = Uint32Array.of(2, 1, 2), lo = Uint32Array.of(5, 9, 1), p = Int32Array.of(0, 1, 2);
 * sortByKey64InPlace(hi, lo, p);
 * // hi = [1, 2, 2], lo = [9, 1, 5], p = [1, 2, 0]
 */
export type Payload = Int32Array | Uint32Array;

const SMALL = 32;

export function sortByKey64InPlace(hi: Uint32Array, lo: Uint32Array, a: Payload, b?: Payload): void {
  const n = hi.length;
  if (lo.length !== n || a.length !== n || (b && b.length !== n)) {
    throw new RangeError('sortByKey64InPlace: all arrays must have the same length');
  }
  const counts = new Int32Array(256 * 8);
  const heads = new Int32Array(256 * 8);
  // Without a second payload a scratch one is carried, so the hot loop has no branch on it.
  sortRange(hi, lo, a, b ?? new Int32Array(n), 0, n, 0, counts, heads);
}

function sortRange(
  hi: Uint32Array, lo: Uint32Array, a: Payload, b: Payload,
  start: number, end: number, level: number, counts: Int32Array, heads: Int32Array,
): void {
  for (;;) {
    if (end - start <= SMALL) {
      insertionSort(hi, lo, a, b, start, end);
      return;
    }
    const shift = 24 - 8 * (level & 3);
    const keys = level < 4 ? hi : lo;
    const base = level * 256;
    for (let d = 0; d < 256; d++) counts[base + d] = 0;
    for (let i = start; i < end; i++) counts[base + ((keys[i]! >>> shift) & 255)]++;
    // A single occupied bucket: nothing to permute at this digit.
    let single = false;
    for (let d = 0; d < 256; d++) {
      const c = counts[base + d]!;
      if (c === end - start) { single = true; break; }
      if (c > 0) break;
    }
    if (single) {
      if (level === 7) return; // all keys equal
      level++;
      continue;
    }
    let pos = start;
    for (let d = 0; d < 256; d++) {
      heads[base + d] = pos;
      pos += counts[base + d]!;
    }
    if (level < 4) permute(hi, hi, lo, a, b, start, shift, base, counts, heads);
    else permute(lo, hi, lo, a, b, start, shift, base, counts, heads);
    if (level === 7) return;
    // Recurse into each bucket (children use the next level's slice of counts/heads).
    let s = start;
    for (let d = 0; d < 256; d++) {
      const c = counts[base + d]!;
      if (c > 1) sortRange(hi, lo, a, b, s, s + c, level + 1, counts, heads);
      s += c;
    }
    return;
  }
}

/**
 * Cycle-leader permutation of one level: every element is moved straight to the next free
 * slot of its bucket. `keys` is hi or lo (the array holding this level's digit).
 */
function permute(
  keys: Uint32Array, hi: Uint32Array, lo: Uint32Array, a: Payload, b: Payload,
  start: number, shift: number, base: number, counts: Int32Array, heads: Int32Array,
): void {
  const useHi = keys === hi;
  let bucketEnd = start;
  for (let d = 0; d < 256; d++) {
    bucketEnd += counts[base + d]!;
    let i = heads[base + d]!;
    while (i < bucketEnd) {
      let v = (keys[i]! >>> shift) & 255;
      if (v === d) { i++; continue; }
      let h = hi[i]!, l = lo[i]!, pa = a[i]!, pb = b[i]!;
      do {
        const j = heads[base + v]!;
        heads[base + v] = j + 1;
        const th = hi[j]!; hi[j] = h; h = th;
        const tl = lo[j]!; lo[j] = l; l = tl;
        const ta = a[j]!; a[j] = pa; pa = ta;
        const tb = b[j]!; b[j] = pb; pb = tb;
        v = ((useHi ? h : l) >>> shift) & 255;
      } while (v !== d);
      hi[i] = h; lo[i] = l; a[i] = pa; b[i] = pb;
      i++;
    }
    heads[base + d] = i;
  }
}

function insertionSort(hi: Uint32Array, lo: Uint32Array, a: Payload, b: Payload, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const h = hi[i]!, l = lo[i]!;
    let j = i - 1;
    if (hi[j]! < h || (hi[j] === h && lo[j]! <= l)) continue;
    const pa = a[i]!, pb = b[i]!;
    while (j >= start && (hi[j]! > h || (hi[j] === h && lo[j]! > l))) {
      hi[j + 1] = hi[j]!; lo[j + 1] = lo[j]!; a[j + 1] = a[j]!; b[j + 1] = b[j]!;
      j--;
    }
    hi[j + 1] = h; lo[j + 1] = l; a[j + 1] = pa; b[j + 1] = pb;
  }
}

/** Compare two 64-bit keys: negative, zero or positive. */
export function compareKey64(h1: number, l1: number, h2: number, l2: number): number {
  return h1 !== h2 ? (h1 < h2 ? -1 : 1) : l1 === l2 ? 0 : l1 < l2 ? -1 : 1;
}
