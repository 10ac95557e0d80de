/**
 * The evidence of a plausibility analysis: a contact graph (edge list) and its attribute table
 * (one row per node: registered, weibo_login?, then per field the displayed value and whether
 * the platform knows it), read in that order of trust: the attribute table first, so the
 * graph's ids are checked against it WHILE the edge list is parsed (a graph node the table
 * does not describe is refused before any array is sized by it; src/io/limits).
 *
 * @example
 * const ev = await loadGraphEvidence('graph.edges', 'attributes.csv', ['employer', 'title']);
 * ev.graph.graph.n;          // nodes
 * ev.attributes.obs.registeredShare;
 */
import type { ColumnMap } from '../io/columns';
import { basename } from 'node:path';
import { EvidenceError, readTable, type ColumnSpec, type ProvenanceEntry, type TableSchema } from '../io';
import { loadEdgeList, type LoadedEdgeList } from './edgeList';
import type { Observation } from './observation';

export interface NodeAttributes {
  /** Per field: value id per node (-1 = no value). */
  values: Record<string, Int32Array>;
  obs: Observation;
  provenance: ProvenanceEntry;
  rows: number;
}

/** The attribute table's schema for the given displayed fields. */
export function attributeSchema(fields: readonly string[]): TableSchema {
  const columns: ColumnSpec[] = [
    { name: 'node', type: 'integer', min: 0, unique: true, description: 'node id of the graph' },
    { name: 'registered', type: 'integer', min: 0, max: 1, description: '1 = registered user of the platform' },
    { name: 'weibo_login', type: 'integer', min: 0, max: 1, required: false, nullable: true },
    ...fields.flatMap((f): ColumnSpec[] => [
      { name: f, type: 'string', nullable: true, description: `displayed ${f}` },
      { name: `${f}_known`, type: 'integer', min: 0, max: 1, description: `1 = the platform knows ${f}` },
    ]),
  ];
  return { name: 'cf-attributes', description: 'Displayed fields per node and what the platform knows', columns };
}

/** Load the graph and its attribute table (see the module comment). */
export async function loadGraphEvidence(
  graphPath: string,
  attributesPath: string,
  fields: readonly string[],
  options: { columns?: ColumnMap } = {},
): Promise<{ graph: LoadedEdgeList; attributes: NodeAttributes }> {
  const table = await readTable<Record<string, string | number | null>>(attributesPath, attributeSchema(fields), options.columns ? { columns: options.columns } : {});
  let maxNode = -1;
  for (const r of table.rows) if ((r.node as number) > maxNode) maxNode = r.node as number;
  const graph = await loadEdgeList(graphPath, {
    weighted: true,
    maxNodeId: maxNode,
    maxNodeIdSource: `the attribute table ${basename(attributesPath)} (nodes 0..${maxNode}): every graph node needs a row there`,
  });
  const n = graph.graph.n;
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
    if (node >= n) {
      throw new EvidenceError({ file, row: table.rowNumbers[i]!, rowKind: table.rowKind, column: 'node', value: node,
        message: `node id not in the graph ${graph.provenance.fileName} (its edges name nodes 0..${n - 1} at most)` });
    }
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
  return { graph, attributes: { values, obs, provenance: table.provenance, rows: table.rows.length } };
}
