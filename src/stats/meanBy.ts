/**
 * Mean of a numeric column of rows, grouped by the values of some key columns (e.g. averaging
 * repeated simulation runs). Groups come out in order of first appearance; each output row holds
 * the key values, the mean under the value column's name and `repeats` (rows averaged).
 *
 * Reference: the arithmetic mean per group, as SQL `GROUP BY … AVG(…)` (ISO/IEC 9075).
 *
 * @example
 * meanBy([{ m: 'vote', a: 0.2 }, { m: 'vote', a: 0.4 }, { m: 'knn', a: 0.1 }], ['m'], 'a');
 * // => [{ m: 'vote', a: 0.30000000000000004, repeats: 2 }, { m: 'knn', a: 0.1, repeats: 1 }]
 */
export function meanBy<T extends object>(rows: T[], keys: Array<keyof T>, value: keyof T): Array<Record<string, unknown>> {
  const groups = new Map<string, { key: Record<string, unknown>; sum: number; n: number }>();
  for (const row of rows) {
    const r = row as Record<keyof T, unknown>;
    const key: Record<string, unknown> = {};
    for (const k of keys) key[k as string] = r[k];
    const id = JSON.stringify(key);
    const g = groups.get(id) ?? { key, sum: 0, n: 0 };
    g.sum += r[value] as number;
    g.n++;
    groups.set(id, g);
  }
  return [...groups.values()].map((g) => ({ ...g.key, [value as string]: g.sum / g.n, repeats: g.n }));
}
