/**
 * Comparison vectors: for each candidate pair and each declared comparison, the index of the
 * first level whose predicate holds (the matching area's `Comparison` declarations, Splink
 * convention). The result is one Uint8Array of level codes, `gamma[p * F + f]`: the agreement
 * pattern gamma of Fellegi & Sunter (1969).
 *
 * Two builders:
 * - `recordComparator(left, right, comparisons)`: records + `Comparison<R>` from
 *   `src/compare/comparison.ts`. Each field's value is extracted once per record, not per pair.
 * - `columnComparator(left, right, comparisons)`: integer-coded columns (Int32Array, -1 =
 *   missing) with levels whose predicates take two codes; the path for millions of rows.
 *   Similarity between codes is expressed through vocabulary-level lookup tables closed over by
 *   the predicate (e.g. `pinyinCode[a] === pinyinCode[b]`), so nothing per pair is allocated.
 *
 * Missing values: a comparison should open with a null level (`isNull: true`) that holds when
 * either side is missing; the engine gives it weight 0 and leaves it out of estimation, which
 * is Fellegi-Sunter's treatment of missing data (and fastLink's missing-at-random), never a
 * disagreement.
 */
import type { Comparison, ComparisonLevel } from '../compare/comparison';
import type { FieldFrequencies, FieldInfo, LinkMode, PairComparator } from './types';
import { PairLevelCache, canonicalOrder, encodeValues } from './values';
import { DenseIntKeyMap } from './intmap';
import type { CompiledComparison } from './sqlLevels';
import { compareInWorkers, compareThreads, fillField, shared } from './parallel';
import type { ThreadOptions, WorkerField } from './parallel';

/** Distinct value pairs per field on which a compiled kernel is checked against the predicates. */
const KERNEL_CHECKS = 32;

/** Options shared by both comparator builders. */
export interface ComparatorOptions extends ThreadOptions {
  /**
   * Fields (by comparison name) to give a term-frequency adjustment on their first non-null
   * level (or on `tfLevel` if a comparison declares it).
   */
  termFrequency?: string[];
}

function levelInfo(c: { name: string; description: string; levels: ComparisonLevel<any>[] }): FieldInfo {
  if (!c || typeof c.name !== 'string' || c.name === '') throw new TypeError('every comparison needs a name');
  if (!Array.isArray(c.levels) || c.levels.length < 2) {
    throw new RangeError(`comparison '${c.name}' needs at least two levels (e.g. 'same' and a catch-all 'different')`);
  }
  if (c.levels.length > 255) throw new RangeError(`comparison '${c.name}' has more than 255 levels`);
  const nonNull = c.levels.filter((l) => !l.isNull).length;
  if (nonNull < 2) throw new RangeError(`comparison '${c.name}' needs at least two non-null levels to carry evidence`);
  for (const [i, l] of c.levels.entries()) {
    if (typeof l.predicate !== 'function') throw new TypeError(`comparison '${c.name}' level ${i} ('${l.label}') has no predicate`);
  }
  return {
    name: c.name,
    description: c.description,
    levels: c.levels.map((l) => ({ label: l.label, labelZh: l.labelZh, description: l.description, isNull: l.isNull === true })),
  };
}

function tfLevelOf(info: FieldInfo): number {
  const i = info.levels.findIndex((l) => !l.isNull);
  return i;
}

function checkUnique(fields: FieldInfo[]): void {
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name)) throw new RangeError(`comparison name '${f.name}' is used twice`);
    seen.add(f.name);
  }
  if (fields.length === 0) throw new RangeError('linkage needs at least one comparison');
}

function checkPairs(left: Int32Array, right: Int32Array, nl: number, nr: number): void {
  if (left.length !== right.length) throw new RangeError(`pair arrays differ in length: ${left.length} vs ${right.length}`);
  for (let p = 0; p < left.length; p++) {
    const i = left[p]!, j = right[p]!;
    if (i < 0 || i >= nl || j < 0 || j >= nr) {
      throw new RangeError(`pair ${p} = (${i}, ${j}) is outside the tables (${nl} left rows, ${nr} right rows)`);
    }
  }
}

/**
 * The PairComparator both builders return. Its `compare` checks the pairs (`checkPairs`), takes
 * `out` when it holds F codes per pair (allocates when `out` is undefined, throws when it is too
 * small), lets `fill` write the n pairs' codes into it and returns it.
 */
function pairComparator(
  fields: FieldInfo[],
  mode: LinkMode,
  leftSize: number,
  rightSize: number,
  tfCodes: NonNullable<PairComparator['tfCodes']>,
  fill: (pl: Int32Array, pr: Int32Array, n: number, gamma: Uint8Array) => void,
): PairComparator {
  const F = fields.length;
  return {
    fields,
    mode,
    leftSize,
    rightSize,
    tfCodes: tfCodes.some(Boolean) ? tfCodes : undefined,
    compare(pl: Int32Array, pr: Int32Array, out?: Uint8Array): Uint8Array {
      checkPairs(pl, pr, leftSize, rightSize);
      const n = pl.length;
      const gamma = out ?? new Uint8Array(n * F);
      if (gamma.length < n * F) throw new RangeError(`output buffer holds ${gamma.length} codes, need ${n * F}`);
      fill(pl, pr, n, gamma);
      return gamma;
    },
  };
}

function noLevel(name: string, va: unknown, vb: unknown): Error {
  return new Error(
    `comparison '${name}': no level matched values ${JSON.stringify(va)} / ${JSON.stringify(vb)}; end the level list with a catch-all level`,
  );
}

/**
 * Comparator over records with the matching area's `Comparison<R>` declarations.
 * `right` = null for deduplication within `left`.
 *
 * Compiled to columns (`values.ts`): each field's values are dictionary-encoded once and a
 * level is computed once per distinct value pair (cached), so comparing runs at the speed of
 * the column path whatever the predicates cost. Predicates must be pure functions of the two
 * values. A comparison with `compileLevels` (`CompiledComparison`, e.g. SQL declarations via
 * `withSqlKernels`) computes levels on value ids without calling its predicates (checked
 * against them on the first value pairs); when every comparison also carries its SQL
 * declaration, large calls are split over worker threads (`parallel.ts`, `options.threads`).
 */
export function recordComparator<R>(
  left: readonly R[],
  right: readonly R[] | null,
  comparisons: ReadonlyArray<Comparison<R>>,
  options: ComparatorOptions = {},
): PairComparator {
  const fields = comparisons.map(levelInfo);
  checkUnique(fields);
  const mode: LinkMode = right === null ? 'dedupe' : 'link';
  const rightRecs = right ?? left;
  const F = comparisons.length;
  const encoded = comparisons.map((c) => {
    const vl = left.map((r) => c.value(r));
    return encodeValues(right === null ? [vl] : [vl, rightRecs.map((r) => c.value(r))]);
  });
  const codesL = encoded.map((e) => e.codes[0]!);
  const codesR = encoded.map((e) => e.codes[right === null ? 0 : 1]!);
  const caches = comparisons.map((c, f) => {
    const ps = c.levels.map((l) => l.predicate);
    const vals = encoded[f]!.values;
    const viaPredicates = (ia: number, ib: number): number => {
      const a = vals[ia], b = vals[ib];
      let k = 0;
      while (k < ps.length && !ps[k]!(a, b)) k++;
      if (k === ps.length) throw noLevel(fields[f]!.name, a, b);
      return k;
    };
    const compiled = (c as CompiledComparison<R>).compileLevels?.(vals);
    // A compiled kernel is checked against the predicates on the first distinct value pairs it
    // meets (candidate pairs, so the fuzzy levels are exercised, not only 'different').
    let checks = compiled ? KERNEL_CHECKS : 0;
    const level = compiled
      ? (ia: number, ib: number): number => {
          const k = compiled(ia, ib);
          if (checks > 0) {
            checks--;
            const want = viaPredicates(ia, ib);
            if (k !== want) {
              throw new Error(
                `comparison '${fields[f]!.name}': the compiled levels and the predicates disagree on ` +
                  `${JSON.stringify(vals[ia])} / ${JSON.stringify(vals[ib])} (level ${k} vs ${want}); fix the declaration`,
              );
            }
          }
          return k;
        }
      : viaPredicates;
    return { cache: new PairLevelCache(vals.length, level, 1024), level, compiled: compiled !== undefined };
  });

  const tfSet = new Set(options.termFrequency ?? []);
  for (const name of tfSet) if (!fields.some((f) => f.name === name)) throw new RangeError(`termFrequency: no comparison named '${name}'`);
  const tfCodes: PairComparator['tfCodes'] = fields.map((info, f) => {
    if (!tfSet.has(info.name)) return undefined;
    info.tfLevel = tfLevelOf(info);
    const vals = encoded[f]!.values;
    const missingValue = vals.map((v) => v === null || v === undefined || v === '');
    const code = (c: number): number => (missingValue[c] ? -1 : c);
    const l = Int32Array.from(codesL[f]!, code);
    const r = right === null ? l : Int32Array.from(codesR[f]!, code);
    return { field: f, left: l, right: r };
  });

  const fillRange = (pl: Int32Array, pr: Int32Array, from: number, to: number, gamma: Uint8Array): void => {
    for (let f = 0; f < F; f++) {
      const { cache, level, compiled } = caches[f]!;
      fillField(gamma, F, f, pl, pr, from, to, codesL[f]!, codesR[f]!, cache, level, compiled, encoded[f]!.values.length);
    }
  };
  // Worker threads need every comparison as data (a SQL declaration), see parallel.ts.
  const sqlDecls = comparisons.map((c) => (c as CompiledComparison<R>).sql);
  let workerFields: WorkerField[] | undefined;
  const cmp = pairComparator(fields, mode, left.length, rightRecs.length, tfCodes, (pl, pr, n, gamma) => {
    const threads = sqlDecls.every((d) => d !== undefined) ? compareThreads(n, options) : 1;
    if (threads === 1) return fillRange(pl, pr, 0, n, gamma);
    workerFields ??= encoded.map((e, f) => ({ sql: sqlDecls[f]!, values: e.values, codesL: shared(codesL[f]!), codesR: shared(codesR[f]!) }));
    compareInWorkers(workerFields, pl, pr, n, gamma, threads, fillRange);
  });
  cmp.frequencies = () =>
    encoded.map((e, f) => {
      const order = canonicalOrder(e.values);
      return frequencyTable(order, codesL[f]!, right === null ? null : codesR[f]!, (a, b) => caches[f]!.cache.get(a, b));
    });
  return cmp;
}

/**
 * Frequencies of value ids in canonical order: `order[k]` is the id of the k-th value. The
 * level function takes canonical positions and calls `level` on ids.
 */
function frequencyTable(
  order: ArrayLike<number>,
  codesL: Int32Array,
  codesR: Int32Array | null,
  level: (a: number, b: number) => number,
): FieldFrequencies {
  const D = order.length;
  const pos = new Int32Array(D);
  for (let k = 0; k < D; k++) pos[order[k]!] = k;
  const count = (codes: Int32Array): Float64Array => {
    const c = new Float64Array(D);
    for (let i = 0; i < codes.length; i++) c[pos[codes[i]!]!]++;
    return c;
  };
  const l = count(codesL);
  const ids = Int32Array.from(order);
  return { left: l, right: codesR === null ? l : count(codesR), level: (a, b) => level(ids[a]!, ids[b]!) };
}

/**
 * A declarative test on two codes that the engine runs inline (no function call per pair):
 * - `missing`: either code < 0;
 * - `equal`: the codes are equal;
 * - `equalDiv`: floor(a / divisor) equal (a code that packs a coarser value, e.g. employer * 4 + form);
 * - `equalLookup`: table[a] >= 0 and table[a] === table[b] (a vocabulary-level key, e.g. pinyin of a name);
 * - `always`: the catch-all.
 * The level's `predicate` must say the same thing (it is what `describe` and record code use);
 * `columnComparator` checks the two agree on a sample of pairs.
 */
export type CodeTest =
  | { op: 'missing' }
  | { op: 'equal' }
  | { op: 'equalDiv'; divisor: number }
  | { op: 'equalLookup'; table: Int32Array }
  | { op: 'always' };

/** A comparison level on integer codes, optionally with an inline `test`. */
export interface ColumnLevel extends ComparisonLevel<number> {
  test?: CodeTest;
}

/** A comparison over an integer-coded column: the matching area's levels, on codes (-1 = missing). */
export interface ColumnComparison {
  name: string;
  description: string;
  /** Column name in both tables. */
  column: string;
  levels: ColumnLevel[];
}

/** Integer-coded table: every column has one Int32 code per row, -1 = missing. */
export interface ColumnTable {
  size: number;
  columns: Record<string, Int32Array>;
}

const OP_PREDICATE = 0, OP_MISSING = 1, OP_EQUAL = 2, OP_DIV = 3, OP_LOOKUP = 4, OP_ALWAYS = 5;

function opOf(test: CodeTest | undefined, where: string): number {
  if (!test) return OP_PREDICATE;
  switch (test.op) {
    case 'missing': return OP_MISSING;
    case 'equal': return OP_EQUAL;
    case 'equalDiv':
      if (!(Number.isInteger(test.divisor) && test.divisor > 0)) throw new RangeError(`${where}: equalDiv divisor must be a positive integer`);
      return OP_DIV;
    case 'equalLookup':
      if (!(test.table instanceof Int32Array)) throw new TypeError(`${where}: equalLookup needs an Int32Array table`);
      return OP_LOOKUP;
    case 'always': return OP_ALWAYS;
    default: throw new RangeError(`${where}: unknown code test ${JSON.stringify(test)}`);
  }
}

/** Row-major copy of some columns: `out[row * F + f]`, so one pair reads two cache lines. */
function rowMajor(cols: Int32Array[], n: number): Int32Array {
  const F = cols.length;
  const out = new Int32Array(n * F);
  for (let f = 0; f < F; f++) {
    const c = cols[f]!;
    for (let i = 0; i < n; i++) out[i * F + f] = c[i]!;
  }
  return out;
}

/**
 * Comparator over integer-coded columns. `right` = null for deduplication within `left`.
 * Levels with a `test` run inline; others call their predicate. When a call compares at least
 * as many pairs as a quarter of the rows, the columns are copied once to row-major order (the
 * copy is kept for later calls): random pair access then touches two cache lines per pair.
 */
export function columnComparator(
  left: ColumnTable,
  right: ColumnTable | null,
  comparisons: ReadonlyArray<ColumnComparison>,
  options: ComparatorOptions = {},
): PairComparator {
  const fields = comparisons.map(levelInfo);
  checkUnique(fields);
  const mode: LinkMode = right === null ? 'dedupe' : 'link';
  const rt = right ?? left;
  const col = (t: ColumnTable, name: string, side: string): Int32Array => {
    const c = t.columns[name];
    if (!(c instanceof Int32Array)) throw new TypeError(`${side} table has no Int32Array column '${name}'`);
    if (c.length !== t.size) throw new RangeError(`${side} column '${name}' has ${c.length} rows, table size is ${t.size}`);
    return c;
  };
  const colsL = comparisons.map((c) => col(left, c.column, 'left'));
  const colsR = comparisons.map((c) => col(rt, c.column, 'right'));
  const F = comparisons.length;
  // Flattened level programs: for field f, levels start at levelStart[f].
  const levelStart = new Int32Array(F + 1);
  comparisons.forEach((c, f) => (levelStart[f + 1] = levelStart[f]! + c.levels.length));
  const ops = new Uint8Array(levelStart[F]!);
  const divisors = new Float64Array(levelStart[F]!);
  const tables: Array<Int32Array | undefined> = [];
  const preds: Array<(a: number, b: number) => boolean> = [];
  comparisons.forEach((c, f) =>
    c.levels.forEach((l, k) => {
      const q = levelStart[f]! + k;
      ops[q] = opOf(l.test, `comparison '${c.name}' level ${k}`);
      if (l.test?.op === 'equalDiv') divisors[q] = l.test.divisor;
      tables[q] = l.test?.op === 'equalLookup' ? l.test.table : undefined;
      preds[q] = l.predicate;
    }),
  );
  const tfSet = new Set(options.termFrequency ?? []);
  for (const name of tfSet) if (!fields.some((f) => f.name === name)) throw new RangeError(`termFrequency: no comparison named '${name}'`);
  const tfCodes: PairComparator['tfCodes'] = fields.map((info, f) => {
    if (!tfSet.has(info.name)) return undefined;
    info.tfLevel = tfLevelOf(info);
    return { field: f, left: colsL[f]!, right: colsR[f]! };
  });

  const level = (f: number, a: number, b: number): number => {
    const q0 = levelStart[f]!, q1 = levelStart[f + 1]!;
    for (let q = q0; q < q1; q++) {
      let hit: boolean;
      switch (ops[q]) {
        case OP_MISSING: hit = a < 0 || b < 0; break;
        case OP_EQUAL: hit = a === b; break;
        case OP_DIV: hit = Math.floor(a / divisors[q]!) === Math.floor(b / divisors[q]!); break;
        case OP_LOOKUP: {
          const t = tables[q]!;
          const ka = t[a]!;
          hit = ka >= 0 && ka === t[b];
          break;
        }
        case OP_ALWAYS: hit = true; break;
        default: hit = preds[q]!(a, b);
      }
      if (hit) return q - q0;
    }
    throw noLevel(fields[f]!.name, a, b);
  };

  // Check declared tests against predicates on a deterministic sample of row pairs.
  if (ops.some((o) => o !== OP_PREDICATE)) {
    const nl = left.size, nr = rt.size;
    const samples = Math.min(2000, nl * nr);
    for (let s = 0; s < samples; s++) {
      const i = (s * 7919) % nl, j = (s * 104729 + 13) % nr;
      for (let f = 0; f < F; f++) {
        const a = colsL[f]![i]!, b = colsR[f]![j]!;
        const viaTest = level(f, a, b);
        const levels = comparisons[f]!.levels;
        let viaPred = 0;
        while (viaPred < levels.length && !levels[viaPred]!.predicate(a, b)) viaPred++;
        if (viaTest !== viaPred) {
          throw new Error(
            `comparison '${comparisons[f]!.name}': the inline test and the predicate disagree on codes ${a} / ${b} ` +
              `(level ${viaTest} vs ${viaPred}); fix the level declaration`,
          );
        }
      }
    }
  }

  let rowsL: Int32Array | undefined;
  let rowsR: Int32Array | undefined;
  const cmp = pairComparator(fields, mode, left.size, rt.size, tfCodes, (pl, pr, n, gamma) => {
    if (!rowsL && n * 4 >= left.size + rt.size) {
      rowsL = rowMajor(colsL, left.size);
      rowsR = right === null ? rowsL : rowMajor(colsR, rt.size);
    }
    if (rowsL && rowsR) {
      const RL = rowsL, RR = rowsR;
      for (let p = 0; p < n; p++) {
        const bl = pl[p]! * F, br = pr[p]! * F, bo = p * F;
        for (let f = 0; f < F; f++) gamma[bo + f] = level(f, RL[bl + f]!, RR[br + f]!);
      }
    } else {
      for (let p = 0; p < n; p++) {
        const i = pl[p]!, j = pr[p]!, bo = p * F;
        for (let f = 0; f < F; f++) gamma[bo + f] = level(f, colsL[f]![i]!, colsR[f]![j]!);
      }
    }
  });
  // Value frequencies in canonical order = ascending code (missing, < 0, first).
  cmp.frequencies = () =>
    colsL.map((cl, f) => {
      const { codes: uniq, left: lc, right: rc } = codeFrequencies(cl, right === null ? null : colsR[f]!);
      return { left: lc, right: rc, level: (a: number, b: number) => level(f, uniq[a]!, uniq[b]!) };
    });
  return cmp;
}

/**
 * Ready-made levels for integer codes: null (either < 0), exact, optional similar levels via
 * lookup tables over the vocabulary, then different.
 *
 * @example
 * codeLevels([{ label: 'same pinyin', labelZh: '拼音相同', description: 'same syllables', key: pinyinOfName }])
 * // => [missing, same, same pinyin, different]
 */
export function codeLevels(
  similar: Array<{ label: string; labelZh?: string; description: string; key: Int32Array }> = [],
): ColumnLevel[] {
  return [
    { label: 'missing', labelZh: '缺失', isNull: true, description: 'either side empty', predicate: (a, b) => a < 0 || b < 0, test: { op: 'missing' } },
    { label: 'same', labelZh: '相同', description: 'identical value', predicate: (a, b) => a === b, test: { op: 'equal' } },
    ...similar.map((s): ColumnLevel => {
      const key = s.key;
      return {
        label: s.label,
        labelZh: s.labelZh,
        description: s.description,
        predicate: (a: number, b: number) => key[a]! >= 0 && key[a] === key[b],
        test: { op: 'equalLookup', table: key },
      };
    }),
    { label: 'different', labelZh: '不同', description: 'anything else', predicate: () => true, test: { op: 'always' } },
  ];
}

/**
 * The distinct codes of one or two integer columns in ascending order, with how often each
 * occurs on each side (`right` = `left` when there is one table). Codes spanning a range not
 * much wider than the rows are counted in one pass (O(rows + span)); otherwise the codes are
 * sorted (a native typed-array sort) and each row's rank found through a hash map. Both give
 * the same result (`method` 'count' or 'sort' forces one, for tests).
 *
 * @example
 * codeFrequencies(Int32Array.of(5, -1, 5), Int32Array.of(7)); // codes [-1, 5, 7], left [1, 2, 0], right [0, 0, 1]
 */
export function codeFrequencies(
  left: Int32Array, right: Int32Array | null, method?: 'count' | 'sort',
): { codes: Int32Array; left: Float64Array; right: Float64Array } {
  const n = left.length + (right?.length ?? 0);
  let min = 0, max = -1;
  if (n > 0) {
    min = max = left.length ? left[0]! : right![0]!;
    for (const c of [left, right]) if (c) for (let i = 0; i < c.length; i++) { const v = c[i]!; if (v < min) min = v; else if (v > max) max = v; }
  }
  const span = max - min + 1;
  if (method === 'count' || (method !== 'sort' && span <= Math.max(1 << 20, 2 * n))) {
    const cl = new Float64Array(Math.max(span, 0));
    for (let i = 0; i < left.length; i++) cl[left[i]! - min]++;
    const cr = right === null ? cl : new Float64Array(Math.max(span, 0));
    if (right !== null) for (let i = 0; i < right.length; i++) cr[right[i]! - min]++;
    let D = 0;
    for (let k = 0; k < span; k++) if (cl[k]! > 0 || cr[k]! > 0) D++;
    const codes = new Int32Array(D), lo = new Float64Array(D), ro = right === null ? lo : new Float64Array(D);
    for (let k = 0, d = 0; k < span; k++) {
      if (!(cl[k]! > 0 || cr[k]! > 0)) continue;
      codes[d] = k + min;
      lo[d] = cl[k]!;
      if (right !== null) ro[d] = cr[k]!;
      d++;
    }
    return { codes, left: lo, right: ro };
  }
  const all = new Int32Array(n);
  all.set(left);
  if (right !== null) all.set(right, left.length);
  all.sort();
  let D = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[D++] = all[i]!;
  const codes = all.slice(0, D);
  const shift = -Math.min(0, min) + 1; // DenseIntKeyMap keys must be >= 1
  const map = new DenseIntKeyMap(Math.min(D, 1 << 22));
  for (let k = 0; k < D; k++) map.intern(codes[k]! + shift); // id = rank
  const count = (c: Int32Array): Float64Array => {
    const out = new Float64Array(D);
    for (let i = 0; i < c.length; i++) out[map.get(c[i]! + shift)]++;
    return out;
  };
  const lc = count(left);
  return { codes, left: lc, right: right === null ? lc : count(right) };
}
