/**
 * Pivot long rows to a wide table: one row per combination of `rowKeys`, one column per value of
 * `colKey` holding `valueKey` (the last row wins on a repeated cell). Rows keep the order in
 * which their keys first appear.
 *
 * @example
 * pivot([{ f: 'city', m: 'vote', a: 0.5 }, { f: 'city', m: 'knn', a: 0.4 }], ['f'], 'm', 'a');
 * // => [{ f: 'city', vote: 0.5, knn: 0.4 }]
 */
export function pivot<T extends object>(rows: T[], rowKeys: Array<keyof T>, colKey: keyof T, valueKey: keyof T): Array<Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const r = row as Record<keyof T, unknown>;
    const key: Record<string, unknown> = {};
    for (const k of rowKeys) key[k as string] = r[k];
    const id = JSON.stringify(key);
    const o = out.get(id) ?? { ...key };
    o[String(r[colKey])] = r[valueKey];
    out.set(id, o);
  }
  return [...out.values()];
}
