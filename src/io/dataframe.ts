/**
 * Tables -> danfojs DataFrames, for the analyst who explores evidence in a notebook (filter,
 * group, describe) before the formal analysis. Every loaded table and every table inside an
 * analysis result is one call away:
 * - `toDataFrame(x)`: rows (array of records), a loaded table (`readTable`'s `{ rows,
 *   provenance }`), or columns (an object of equal-length arrays / typed arrays);
 * - `dataFrames(result)`: every table found among the result's own fields (arrays of
 *   records, loaded tables, objects of columns), by field name.
 * danfojs-node takes most of a second to load (it brings TensorFlow.js), so it is required on
 * first use, not at the top of the module: `import 'profile-provenance'` stays fast for code
 * that never builds a frame. Anything that scales with users or edges should stay in typed
 * arrays, not DataFrames. Display a frame with `pp.report.showTable(df)` (every row a reader
 * must check, names masked by the caller), not danfojs's own print (cut at 10 rows).
 *
 * @example
 * const t = await pp.io.readTable('displayed.csv', schema);
 * const df = pp.io.toDataFrame(t);                        // same as toDataFrame(t.rows)
 * df.groupby(['uploader']).agg({ display_id: 'count' });
 * const frames = pp.io.dataFrames(result);                // { rows: DataFrame, ... }
 */
import type * as Danfo from 'danfojs-node';

let danfoModule: typeof Danfo | undefined;

/** The danfojs-node module, loaded on first call. */
export function danfo(): typeof Danfo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  danfoModule ??= require('danfojs-node') as typeof Danfo;
  return danfoModule;
}

/** What `toDataFrame` accepts. */
export type FrameSource =
  | readonly Record<string, unknown>[]
  | { rows: readonly Record<string, unknown>[] }
  | Readonly<Record<string, ArrayLike<unknown>>>;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);

/** Rows of a FrameSource, or null when `x` is not a table. */
function tableRows(x: unknown): readonly Record<string, unknown>[] | null {
  if (Array.isArray(x)) return x.every(isRecord) ? (x as Record<string, unknown>[]) : null;
  if (!isRecord(x)) return null;
  if (Array.isArray(x.rows) && (x.rows as unknown[]).every(isRecord)) return x.rows as Record<string, unknown>[];
  const entries = Object.entries(x);
  if (entries.length === 0 || !entries.every(([, v]) => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView)))) return null;
  const n = (entries[0]![1] as ArrayLike<unknown>).length;
  if (!entries.every(([, v]) => (v as ArrayLike<unknown>).length === n)) return null;
  return Array.from({ length: n }, (_, i) => Object.fromEntries(entries.map(([k, v]) => [k, toPlain((v as ArrayLike<unknown>)[i])])));
}

const toPlain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

/**
 * A DataFrame of a table: rows, a loaded table, or columns. Columns in the order of the first
 * row's keys (or `columns`); empty rows need `columns` to give the frame its shape.
 */
export function toDataFrame(table: FrameSource, columns?: readonly string[]): Danfo.DataFrame {
  const rows = tableRows(table);
  if (rows === null) throw new TypeError('toDataFrame expects rows (an array of records), a loaded table { rows, provenance } or an object of equal-length columns');
  const { DataFrame } = danfo();
  const cols = columns ? [...columns] : rows.length > 0 ? Object.keys(rows[0]!) : [];
  if (rows.length === 0) {
    if (cols.length === 0) throw new Error('toDataFrame: no rows and no columns given');
    return new DataFrame([], { columns: cols });
  }
  const data = rows.map((r) => cols.map((c) => (r[c] === undefined ? null : r[c])));
  return new DataFrame(data as unknown as Danfo.DataFrame['values'], { columns: cols });
}

/**
 * Every non-empty table among an analysis result's own fields, as DataFrames keyed by field
 * name (a result that is itself a table comes back as `{ table }`). Fields that are not
 * tables (numbers, texts, nested results) are left out.
 */
export function dataFrames(result: unknown): Record<string, Danfo.DataFrame> {
  const out: Record<string, Danfo.DataFrame> = {};
  const self = tableRows(result);
  if (self && self.length) return { table: toDataFrame(self) };
  if (!isRecord(result)) return out;
  for (const [k, v] of Object.entries(result)) {
    const rows = tableRows(v);
    if (rows && rows.length) out[k] = toDataFrame(rows);
  }
  return out;
}
