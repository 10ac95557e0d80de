/**
 * Rows -> danfojs DataFrame, for interactive display in notebooks. danfojs-node takes most of
 * a second to load (it brings TensorFlow.js), so it is required here, on first use, not at the
 * top of the module: `import 'profile-provenance'` stays fast for code that never displays a
 * frame. Anything that scales with users or edges should stay in typed arrays, not DataFrames.
 *
 * @example
 * const df = toDataFrame(table.rows);   // then pp.report.showTable(...) or df.head()
 */
import type * as Danfo from 'danfojs-node';

let danfoModule: typeof Danfo | undefined;

/** The danfojs-node module, loaded on first call. */
export function danfo(): typeof Danfo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  danfoModule ??= require('danfojs-node') as typeof Danfo;
  return danfoModule;
}

/**
 * A DataFrame of the rows, columns in the order of the first row's keys (or `columns`).
 * Empty `rows` need `columns` to give the frame its shape.
 */
export function toDataFrame(rows: readonly Record<string, unknown>[], columns?: readonly string[]): Danfo.DataFrame {
  const { DataFrame } = danfo();
  const cols = columns ? [...columns] : rows.length > 0 ? Object.keys(rows[0]!) : [];
  if (rows.length === 0) {
    if (cols.length === 0) throw new Error('toDataFrame: no rows and no columns given');
    return new DataFrame([], { columns: cols });
  }
  const data = rows.map((r) => cols.map((c) => (r[c] === undefined ? null : r[c])));
  return new DataFrame(data as unknown as Danfo.DataFrame['values'], { columns: cols });
}
