/**
 * The DuckDB backend: linkage of tables that live in an embedded database (`@duckdb/node-api`,
 * no server), e.g. a source extract of hundreds of millions of rows in Parquet, with the
 * declarations of `sql.ts`. Only small results cross into JavaScript:
 *
 * 1. candidate pairs and comparison vectors stay in SQL (a temporary table, one pass over the
 *    source); SQL returns the agreement-pattern counts (a few hundred rows);
 * 2. each comparison's value frequencies (GROUP BY) give u through `uFromFrequencies`, with the
 *    levels of sampled value pairs evaluated by the same compiled predicates as in memory;
 * 3. EM (`expectationMaximisation`, the one Fellegi-Sunter EM) runs on the pattern counts;
 * 4. SQL returns the pairs whose pattern has posterior probability >= threshold.
 *
 * With the same declarations, tables and seed, the pattern counts, u, m, lambda and links are
 * those of the in-memory engine (`linkRecords` with `comparisonsFromSql` /
 * `blockingRulesFromSql`): tested on FEBRL and on the synthetic Chinese profiles. Not in SQL:
 * term-frequency adjustment (the in-memory engine's option).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { emDegeneracyWarning, expectationMaximisation } from './estimate';
import { stageTimer } from './pipeline';
import type { EmOptions } from './estimate';
import { patternWeights, probabilityFromMatchWeight } from './score';
import { comparisonsFromSql, compileLinkageSql } from './sql';
import type { CompiledSql, SqlBlockingRule, SqlComparison } from './sql';
import type { PatternTable } from '../compare/patterns';
import type { FellegiSunterModel, FieldFrequencies, FieldInfo } from './types';
import { uFromFrequencies } from './uFrequencies';
import { PairLevelCache, compareValues } from './values';

export interface DuckDbLinkageOptions {
  seed: number;
  /** Links = pairs with posterior probability >= threshold (default 0.5). */
  threshold?: number;
  /** Target relative standard error of u (default 0.1, as in memory). */
  uRelativeError?: number;
  em?: Omit<EmOptions, 'u' | 'candidateShare'>;
  onStage?: (stage: string, seconds: number) => void;
}

export interface DuckDbLinkageResult {
  sql: CompiledSql;
  leftSize: number;
  rightSize: number;
  candidatePairs: number;
  patterns: PatternTable;
  model: FellegiSunterModel;
  /** Linked pairs (row ids `rid`), sorted by left then right. */
  links: { left: Int32Array; right: Int32Array };
  timings: Record<string, number>;
  /** Diagnostics, e.g. a degenerate EM fit (`emDegeneracyWarning`). */
  warnings: string[];
}

let gammaCounter = 0;

function toJs(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v === undefined ? null : v;
}

async function rows(conn: DuckDBConnection, sql: string): Promise<unknown[][]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRows().map((r) => r.map(toJs));
}

/**
 * Link `left` with `right` (null = deduplicate `left`), two tables or views in `conn` with an
 * integer `rid` column (0..n-1, as the in-memory row numbers) and the declared columns.
 */
export async function linkWithDuckDb(
  conn: DuckDBConnection,
  tables: { left: string; right: string | null },
  comparisons: readonly SqlComparison[],
  rules: readonly SqlBlockingRule[],
  options: DuckDbLinkageOptions,
): Promise<DuckDbLinkageResult> {
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  const { timings, stage } = stageTimer(options.onStage);
  const sql = compileLinkageSql(comparisons, rules, tables, 'duckdb');
  const compiled = comparisonsFromSql<Record<string, unknown>>(comparisons);
  const fields: FieldInfo[] = comparisons.map((c) => ({
    name: c.name,
    description: c.description,
    levels: c.levels.map((l) => ({ label: l.label, labelZh: l.labelZh, description: l.description, isNull: l.kind === 'null' })),
  }));
  const dedupe = tables.right === null;
  const leftSize = Number((await rows(conn, `SELECT COUNT(*) FROM ${tables.left}`))[0]![0]);
  const rightSize = dedupe ? leftSize : Number((await rows(conn, `SELECT COUNT(*) FROM ${tables.right}`))[0]![0]);
  stage('sizes');

  // 1. Pattern counts, in ascending pattern code (the in-memory order).
  const F = comparisons.length;
  // Comparison vectors computed once (one pass over the source), kept in a temporary table.
  const gammaTable = `pp_gamma_${gammaCounter++}`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${gammaTable} AS ${sql.gamma}`);
  const pc = await rows(conn, sql.patternCountsFrom(gammaTable));
  const code = (r: unknown[]): number => r.slice(0, F).reduce<number>((s, g, f) => s + Number(g) * sql.radix[f]!, 0);
  pc.sort((a, b) => code(a) - code(b));
  const levels = new Uint8Array(pc.length * F);
  const counts = new Float64Array(pc.length);
  pc.forEach((r, k) => {
    for (let f = 0; f < F; f++) levels[k * F + f] = Number(r[f]);
    counts[k] = Number(r[F]);
  });
  const patterns: PatternTable = { fields: F, levels, counts, patternOfPair: new Int32Array(0) };
  const candidatePairs = counts.reduce((s, c) => s + c, 0);
  stage('pattern counts (SQL)');

  // 2. u from value frequencies.
  const tablesF: FieldFrequencies[] = [];
  for (let f = 0; f < F; f++) {
    const c = comparisons[f]!;
    const value = (r: unknown[]): unknown => (c.columns.length === 1 ? r[0] : r.slice(0, c.columns.length));
    const key = (v: unknown): string => JSON.stringify(v);
    const lrows = await rows(conn, sql.frequencies(c.name, tables.left));
    const rrows = dedupe ? lrows : await rows(conn, sql.frequencies(c.name, tables.right!));
    const byKey = new Map<string, { v: unknown; l: number; r: number }>();
    for (const r of lrows) byKey.set(key(value(r)), { v: value(r), l: Number(r[c.columns.length]), r: 0 });
    for (const r of rrows) {
      const k = key(value(r));
      const e = byKey.get(k) ?? { v: value(r), l: 0, r: 0 };
      e.r = Number(r[c.columns.length]);
      byKey.set(k, e);
    }
    const entries = [...byKey.values()].sort((a, b) => compareValues(a.v, b.v));
    const vals = entries.map((e) => e.v);
    const preds = compiled[f]!.levels.map((l) => l.predicate);
    const cache = new PairLevelCache(vals.length, (a, b) => {
      let k = 0;
      while (!preds[k]!(vals[a], vals[b])) k++;
      return k;
    });
    const lc = Float64Array.from(entries, (e) => e.l);
    tablesF.push({ left: lc, right: dedupe ? lc : Float64Array.from(entries, (e) => e.r), level: (a, b) => cache.get(a, b) });
  }
  const uEst = uFromFrequencies(fields, tablesF, dedupe ? 'dedupe' : 'link', { seed: options.seed, relativeError: options.uRelativeError });
  stage('u from value frequencies (SQL GROUP BY)');

  // 3. EM on the pattern counts.
  const allPairs = dedupe ? (leftSize * (leftSize - 1)) / 2 : leftSize * rightSize;
  const candidateShare = Math.min(1, Math.max(candidatePairs, 1) / Math.max(allPairs, 1));
  const expected = Math.min(leftSize, rightSize);
  const model = expectationMaximisation(patterns, fields, {
    expectedMatches: candidatePairs > 0 ? Math.min(expected, candidatePairs / 2) : undefined,
    ...options.em,
    u: uEst.u,
    candidateShare,
  });
  model.method.u = 'frequencies';
  model.method.uSamplePairs = uEst.samples.reduce((a, b) => a + b, 0);
  model.method.seed = options.seed;
  model.method.uFrequencies = { samples: uEst.samples, relativeError: uEst.relativeError };
  model.uStandardError = uEst.standardError;
  stage('EM');

  // 4. Links: patterns above the threshold, pairs from SQL.
  const threshold = options.threshold ?? 0.5;
  const w = patternWeights(model, patterns);
  const prior = Math.log2(model.lambda / (1 - model.lambda));
  const codes: number[] = [];
  for (let k = 0; k < counts.length; k++) {
    if (probabilityFromMatchWeight(w[k]! + prior) >= threshold) codes.push(code(Array.from(levels.subarray(k * F, k * F + F))));
  }
  const linkRows = await rows(conn, `${sql.linksFrom(gammaTable, codes)} ORDER BY lid, rid`);
  await conn.run(`DROP TABLE ${gammaTable}`);
  const links = { left: Int32Array.from(linkRows, (r) => Number(r[0])), right: Int32Array.from(linkRows, (r) => Number(r[1])) };
  stage('links (SQL)');
  const degenerate = emDegeneracyWarning(model);
  return { sql, leftSize, rightSize, candidatePairs, patterns, model, links, timings, warnings: degenerate ? [degenerate] : [] };
}

/** Column of a table loaded by `loadRecordsIntoDuckDb`. */
export interface DuckDbColumn {
  name: string;
  type: 'VARCHAR' | 'INTEGER';
}

/**
 * Create table `table` (rid INTEGER + columns) in `conn` and append the records (row i gets
 * rid = i; null/undefined = NULL), through DuckDB's appender.
 */
export async function loadRecordsIntoDuckDb(
  conn: DuckDBConnection,
  table: string,
  records: readonly object[],
  columns: readonly DuckDbColumn[],
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new RangeError(`table '${table}' must be a lower-case SQL identifier`);
  for (const c of columns) if (!/^[a-z_][a-z0-9_]*$/.test(c.name)) throw new RangeError(`column '${c.name}' must be a lower-case SQL identifier`);
  await conn.run(`CREATE OR REPLACE TABLE ${table} (rid INTEGER, ${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`);
  const app = await conn.createAppender(table);
  records.forEach((rec, i) => {
    app.appendInteger(i);
    for (const c of columns) {
      const v = (rec as Record<string, unknown>)[c.name];
      if (v === null || v === undefined) app.appendNull();
      else if (c.type === 'INTEGER') app.appendInteger(Number(v));
      else app.appendVarchar(String(v));
    }
    app.endRow();
  });
  app.closeSync();
}
