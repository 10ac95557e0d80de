/**
 * SQL-declared levels (`SqlComparison`, sql.ts) compiled for the record path's value ids: the
 * record comparator dictionary-encodes each field and computes a level once per distinct value
 * pair (values.ts); with a compiled kernel that computation works on per-value arrays built
 * once (code points, an integer id per column value) instead of calling the level predicates,
 * which convert, look up and re-check each value on every call. Same semantics as the
 * predicates of `comparisonsFromSql` (sql.ts module comment), level for level:
 * - `null`: the first column missing on either side;
 * - `exact`: the values of `column` (default the first) equal and not missing;
 * - `jaroWinkler`: `jaroStrcmp95` plus Winkler's prefix boost (p = 0.1, prefix <= 4, only when
 *   jaro > 0.7) of the first column >= threshold, the same arithmetic as the predicate;
 * - `levenshtein`: one edit by `withinOneEdit`, more by `levenshtein`;
 * - `else`: the catch-all.
 * The record comparator checks the kernel against the predicates on the first distinct value
 * pairs it meets (`compare.ts`), and a test checks every FEBRL candidate pair.
 *
 * @example
 * const [given] = withSqlKernels(comparisonsFromSql(decls), decls);
 * const level = given.compileLevels!(['ann', 'anne', null]);
 * level(0, 1); // index of the first level that holds for 'ann' / 'anne'
 */
import type { Comparison } from '../compare/comparison';
import { codePoints, levenshtein } from '../text';
import { jaroWinklerStrcmp95, withinOneEdit } from './sql';
import type { SqlComparison } from './sql';

/** A comparison that can compile its levels to a function of two value ids (see module comment). */
export interface CompiledComparison<R = any, V = any> extends Comparison<R, V> {
  /**
   * Given the field's distinct values (indexed by id), the level of two ids. Must give the
   * first level whose predicate holds.
   */
  compileLevels?: (values: readonly unknown[]) => (a: number, b: number) => number;
  /** The declaration `compileLevels` comes from (data: worker threads rebuild the levels from it, parallel.ts). */
  sql?: SqlComparison;
}

const L_NULL = 0, L_EXACT = 1, L_JW = 2, L_LEV = 3, L_ELSE = 4;

/** The level function of one SQL comparison over distinct values (single value or an array of the columns). */
export function compileSqlLevels(c: SqlComparison): (values: readonly unknown[]) => (a: number, b: number) => number {
  const single = c.columns.length === 1;
  const kinds = Int8Array.from(c.levels, (l) => ({ null: L_NULL, exact: L_EXACT, jaroWinkler: L_JW, levenshtein: L_LEV, else: L_ELSE })[l.kind]);
  const params = Float64Array.from(c.levels, (l) => (l.kind === 'jaroWinkler' ? l.threshold : l.kind === 'levenshtein' ? l.maxEdits : 0));
  const exactCol = Int32Array.from(c.levels, (l) => (l.kind === 'exact' ? (l.column === undefined ? 0 : c.columns.indexOf(l.column)) : -1));
  const usedCols = [...new Set(Array.from(exactCol).filter((i) => i >= 0))];
  const minJw = Math.min(...c.levels.map((l) => (l.kind === 'jaroWinkler' ? l.threshold : Infinity)));
  return (values) => {
    const D = values.length;
    const at = (v: unknown, i: number): unknown => (single ? v : (v as unknown[])[i]);
    // First column: missing flag, text, code points.
    const missing = new Uint8Array(D);
    const text: string[] = new Array(D);
    const cps: Int32Array[] = new Array(D);
    const charBins = new Int32Array(D); // bit (cp & 31) set for each code point
    const lens = new Int32Array(D); // code points (read by the bound without touching the arrays)
    for (let d = 0; d < D; d++) {
      const v = at(values[d], 0);
      if (v === null || v === undefined) {
        missing[d] = 1;
        text[d] = '';
        cps[d] = new Int32Array(0);
      } else {
        text[d] = String(v);
        const cp = (cps[d] = codePoints(text[d]!));
        lens[d] = cp.length;
        for (let i = 0; i < cp.length; i++) charBins[d] |= 1 << (cp[i]! & 31);
      }
    }
    // Each column an exact level reads: an integer id per value (-1 = missing), same id = equal (===).
    const colIds: Int32Array[] = [];
    for (const i of usedCols) {
      const ids = new Map<unknown, number>();
      const out = new Int32Array(D);
      for (let d = 0; d < D; d++) {
        const v = at(values[d], i);
        if (v === null || v === undefined || v !== v) {
          out[d] = -1; // missing, or NaN (never === itself)
          continue;
        }
        let id = ids.get(v);
        if (id === undefined) ids.set(v, (id = ids.size));
        out[d] = id;
      }
      colIds[i] = out;
    }
    const K = kinds.length;
    return (a, b) => {
      let jw = -1;
      for (let k = 0; k < K; k++) {
        switch (kinds[k]) {
          case L_NULL:
            if (missing[a] || missing[b]) return k;
            break;
          case L_EXACT: {
            const ids = colIds[exactCol[k]!]!;
            const x = ids[a]!;
            if (x >= 0 && x === ids[b]) return k;
            break;
          }
          case L_JW: {
            if (missing[a] || missing[b]) break;
            if (jw < 0) {
              // Bound first: a character of a whose bin b lacks cannot be matched, so the
              // matches m <= |a| - popcount(bins(a) \ bins(b)) (and the same from b); then
              // jaro <= (m/|a| + m/|b| + 1) / 3 and JW <= jaro + 0.4 (1 - jaro). Below every
              // threshold of the comparison (with a margin for rounding): no JW level holds.
              const la = lens[a]!, lb = lens[b]!, ba = charBins[a]!, bb = charBins[b]!;
              const m = Math.min(la - popcount(ba & ~bb), lb - popcount(bb & ~ba));
              const jb = (m / la + m / lb + 1) / 3;
              if (jb + 0.4 * (1 - jb) < minJw - 1e-9) {
                jw = 0;
                break;
              }
              jw = jaroWinklerStrcmp95(cps[a]!, cps[b]!);
            }
            if (jw >= params[k]!) return k;
            break;
          }
          case L_LEV: {
            if (missing[a] || missing[b]) break;
            const e = params[k]!;
            if (e === 1 ? withinOneEdit(cps[a]!, cps[b]!) : levenshtein(text[a]!, text[b]!) <= e) return k;
            break;
          }
          default:
            return k;
        }
      }
      return K - 1;
    };
  };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** The in-memory comparisons of `sql` (same order, e.g. from `comparisonsFromSql(sql)`) with compiled kernels attached. */
export function withSqlKernels<R>(comparisons: Comparison<R>[], sql: readonly SqlComparison[]): CompiledComparison<R>[] {
  if (comparisons.length !== sql.length) throw new RangeError(`${comparisons.length} comparisons for ${sql.length} SQL declarations`);
  return comparisons.map((c, f) => {
    if (c.name !== sql[f]!.name) throw new RangeError(`comparison ${f} is '${c.name}', its SQL declaration '${sql[f]!.name}'`);
    return { ...c, compileLevels: compileSqlLevels(sql[f]!), sql: sql[f]! };
  });
}
