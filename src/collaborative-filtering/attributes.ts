/**
 * The evidence of the collaborative-filtering defence as files: the attribute table (one row per
 * node of the contact graph: registered 0/1, weibo_login 0/1, then per displayed field its value
 * and `<field>_known` 0/1, whether the platform knows it), read through src/io into the typed
 * arrays the area's functions take. A missing value (empty cell) is an unknown true value: such a
 * node is left out of every accuracy of that field.
 *
 * @example
 * const a = await loadAttributes('datasets/collaborative-filtering/attributes-5k.csv', ['employer', 'title'], 5000);
 * a.obs.registeredCount; // registered users in the table
 */
import { EvidenceError, readTable, type ColumnSpec, type FileProvenance, type TableSchema } from '../io';
import type { Observation } from './observation';

export interface LoadedAttributes {
  /** Per field: value id per node (-1 = unknown true value). */
  values: Record<string, Int32Array>;
  obs: Observation;
  provenance: FileProvenance;
  rows: number;
}

export async function loadAttributes(path: string, fields: string[], n: number): Promise<LoadedAttributes> {
  const columns: ColumnSpec[] = [
    { name: 'node', type: 'integer', min: 0, unique: true, description: 'node id of the graph' },
    { name: 'registered', type: 'integer', min: 0, max: 1, description: '1 = registered user of the platform' },
    { name: 'weibo_login', type: 'integer', min: 0, max: 1, required: false, nullable: true },
    ...fields.flatMap((f): ColumnSpec[] => [
      { name: f, type: 'string', nullable: true, description: `displayed ${f}` },
      { name: `${f}_known`, type: 'integer', min: 0, max: 1, description: `1 = the platform knows ${f}` },
    ]),
  ];
  const schema: TableSchema = { name: 'cf-attributes', description: 'Displayed fields per node and what the platform knows', columns };
  const table = await readTable<Record<string, string | number | null>>(path, schema);
  const file = table.provenance.fileName;
  const values: Record<string, Int32Array> = {};
  const known: Record<string, Int32Array> = {};
  for (const f of fields) {
    values[f] = new Int32Array(n).fill(-1);
    known[f] = new Int32Array(n).fill(-1);
  }
  const registered = new Uint8Array(n);
  const weibo = new Uint8Array(n);
  const ids: Record<string, Map<string, number>> = Object.fromEntries(fields.map((f) => [f, new Map()]));
  table.rows.forEach((r, i) => {
    const node = r.node as number;
    if (node >= n) throw new EvidenceError({ file, row: i + 2, rowKind: 'line', column: 'node', value: node, message: `node id not in the graph (it has nodes 0..${n - 1})` });
    registered[node] = r.registered as number;
    weibo[node] = (r.weibo_login as number | null) ?? 0;
    for (const f of fields) {
      const v = r[f] as string | null;
      if (v === null) continue;
      const m = ids[f]!;
      let id = m.get(v);
      if (id === undefined) m.set(v, (id = m.size));
      values[f]![node] = id;
      if (r[`${f}_known`] === 1) known[f]![node] = id;
    }
  });
  const registeredCount = registered.reduce((s, x) => s + x, 0);
  const obs: Observation = { registered, weibo, known, registeredShare: registeredCount / n, registeredCount };
  return { values, obs, provenance: table.provenance, rows: table.rows.length };
}
