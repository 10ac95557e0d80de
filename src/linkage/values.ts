/**
 * The record path compiled to columns. Each compared field is dictionary-encoded once (one
 * dense id per distinct value, one shared code space for both tables), and a field's level is
 * a function of the two value ids only, so it is computed once per distinct value pair and
 * kept in a typed hash table (`PairLevelCache`). Comparing a candidate pair is then two array
 * reads and one probe per field, whatever the predicates cost (a Jaro-Winkler score is computed
 * once per distinct pair of names, not once per candidate pair).
 *
 * The requirement this puts on a `Comparison`: its predicates are pure functions of the two
 * values (no state, no record identity), which the matching area's declarations already are.
 * Values are interned by identity for strings, numbers, booleans, null and undefined, and by
 * their JSON text otherwise (two arrays with the same entries are the same value).
 *
 * @example
 * const enc = encodeValues([['ann', 'bob'], ['ann', null]]);
 * enc.codes;   // [Int32Array [0, 1], Int32Array [0, 2]]
 * enc.values;  // ['ann', 'bob', null]
 */

/** Distinct values of one field across one or more columns, and each row's value id. */
export interface EncodedValues {
  /** Value id per row, one array per input column. */
  codes: Int32Array[];
  /** The distinct values, indexed by id (first appearance order). */
  values: unknown[];
}

/** Intern key of a value: identity for primitives, JSON text for objects and arrays. */
function internKey(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  return `\u0000json:${JSON.stringify(v)}`;
}

/** Dictionary-encode columns of values into one shared id space (see module comment). */
export function encodeValues(columns: ReadonlyArray<ArrayLike<unknown>>): EncodedValues {
  const ids = new Map<unknown, number>();
  const values: unknown[] = [];
  const codes = columns.map((col) => {
    const out = new Int32Array(col.length);
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      const k = internKey(v);
      let id = ids.get(k);
      if (id === undefined) {
        id = values.length;
        ids.set(k, id);
        values.push(v);
      }
      out[i] = id;
    }
    return out;
  });
  return { codes, values };
}

/**
 * Level of a pair of value ids, computed on first use and cached. With few distinct values
 * (values^2 <= `DENSE_MAX`, e.g. a state or a postcode) the cache is a dense values x values
 * byte table; otherwise the diagonal (same id) is a flat array and other pairs sit in an
 * open-addressing hash table keyed by the two ids (linear probing, Knuth TAOCP vol. 3, 6.4,
 * Algorithm L; kept at most half full), each slot's two ids and level side by side in one
 * Int32Array so a probe touches one cache line. Levels are stored plus one (0 = not yet
 * computed), so at most 254 levels.
 */
export class PairLevelCache {
  private same: Int16Array;
  private dense: Uint8Array | null;
  private values: number;
  /** Slots of 4 int32: id a, id b, level + 1 (0 = empty), unused. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  /**
   * @param values number of distinct value ids
   * @param compute level of two ids (called once per distinct ordered pair)
   */
  constructor(values: number, private readonly compute: (a: number, b: number) => number, expected = 1024) {
    this.values = values;
    this.dense = values * values <= DENSE_MAX ? new Uint8Array(values * values) : null;
    this.same = new Int16Array(this.dense ? 0 : values).fill(-1);
    let cap = 1024;
    if (!this.dense) while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(this.dense ? 0 : cap * 4);
    this.mask = cap - 1;
  }

  /** Distinct off-diagonal pairs computed so far (hash mode; dense mode: distinct pairs incl. the diagonal). */
  get size(): number {
    return this.count;
  }

  /** The level of value ids (a, b). */
  get(a: number, b: number): number {
    const dense = this.dense;
    if (dense !== null) {
      const i = a * this.values + b;
      const x = dense[i]!;
      if (x !== 0) return x - 1;
      const k = this.compute(a, b);
      dense[i] = k + 1;
      this.count++;
      return k;
    }
    if (a === b) {
      let k = this.same[a]!;
      if (k < 0) this.same[a] = k = this.compute(a, a);
      return k;
    }
    const sl = this.slots, mask = this.mask;
    let s = hashPair(a, b) & mask;
    for (;;) {
      const o = s << 2;
      const x = sl[o + 2]!;
      if (x === 0) break;
      if (sl[o] === a && sl[o + 1] === b) return x - 1;
      s = (s + 1) & mask;
    }
    const k = this.compute(a, b);
    if ((this.count + 1) * 2 > mask + 1) {
      this.rehash((mask + 1) * 2);
      return this.insert(a, b, k);
    }
    return this.put(s, a, b, k);
  }

  /**
   * Make room for `pairs` more distinct pairs without rehashing on the way (at most 2^23
   * pairs ahead; nothing to do in dense mode).
   */
  reserve(pairs: number): void {
    if (this.dense) return;
    const want = Math.min(this.count + pairs, 1 << 23) * 2;
    if (want <= this.mask + 1) return;
    let cap = this.mask + 1;
    while (cap < want) cap *= 2;
    this.rehash(cap);
  }

  private insert(a: number, b: number, k: number): number {
    const sl = this.slots, mask = this.mask;
    let s = hashPair(a, b) & mask;
    while (sl[(s << 2) + 2] !== 0) s = (s + 1) & mask;
    return this.put(s, a, b, k);
  }

  private put(s: number, a: number, b: number, k: number): number {
    const o = s << 2, sl = this.slots;
    sl[o] = a;
    sl[o + 1] = b;
    sl[o + 2] = k + 1;
    this.count++;
    return k;
  }

  private rehash(cap: number): void {
    const old = this.slots;
    this.slots = new Int32Array(cap * 4);
    this.mask = cap - 1;
    this.count = 0;
    for (let o = 0; o < old.length; o += 4) if (old[o + 2] !== 0) this.insert(old[o]!, old[o + 1]!, old[o + 2]! - 1);
  }
}

/** Largest values x values table kept dense by `PairLevelCache` (4 MB). */
const DENSE_MAX = 1 << 22;

function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}

/** Canonical order of distinct values: null/undefined first, then numbers, then strings, then the rest by JSON text. */
export function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown): number => (v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
  const ra = rank(a), rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 1) return (a as number) - (b as number);
  const sa = ra === 2 ? (a as string) : JSON.stringify(a);
  const sb = rb === 2 ? (b as string) : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Ids of `values` in canonical order (`compareValues`, ties by id), with each value's sort key
 * computed once (a JSON text is built once per value, not once per comparison).
 *
 * @example
 * canonicalOrder(['b', null, 2, 'a']); // => Int32Array [1, 2, 3, 0]
 */
export function canonicalOrder(values: readonly unknown[]): Int32Array {
  const D = values.length;
  const rank = new Uint8Array(D);
  const num = new Float64Array(D);
  const text: string[] = new Array(D).fill('');
  for (let i = 0; i < D; i++) {
    const v = values[i];
    if (v === null || v === undefined) rank[i] = 0;
    else if (typeof v === 'number') {
      rank[i] = 1;
      num[i] = v;
    } else {
      rank[i] = typeof v === 'string' ? 2 : 3;
      text[i] = typeof v === 'string' ? v : JSON.stringify(v);
    }
  }
  const ids = Array.from({ length: D }, (_, i) => i);
  ids.sort((x, y) => {
    const rx = rank[x]!, ry = rank[y]!;
    if (rx !== ry) return rx - ry;
    if (rx === 1) return num[x]! - num[y]! || x - y;
    if (rx >= 2) {
      const a = text[x]!, b = text[y]!;
      return a < b ? -1 : a > b ? 1 : x - y;
    }
    return x - y;
  });
  return Int32Array.from(ids);
}
