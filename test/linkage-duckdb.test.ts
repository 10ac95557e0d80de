/**
 * The DuckDB backend gives the links of the in-memory engine (same declarations, tables and
 * seed): pattern counts, u, m, lambda and links on FEBRL dataset1 and on synthetic Chinese
 * profiles (generateLinkageData, seed 11: SYNTHETIC). Also: the generated SQL stays inside the
 * documented Spark-compatible subset.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  SYNTHETIC_SQL_COLUMNS, blockingRulesFromSql, checkSqlSubset, comparisonsFromSql, compileLinkageSql, febrlSqlBlockingRules,
  febrlSqlComparisons, generateLinkageData, linkRecords, linkWithDuckDb, linksAbove, loadFebrl, loadRecordsIntoDuckDb,
  syntheticSqlBlockingRules, syntheticSqlComparisons, syntheticSqlRows,
} from '../src/linkage';
import type { SqlBlockingRule, SqlComparison } from '../src/linkage';
import { referenceDatasets } from './reference-data';

let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

function sortedPairs(l: Int32Array, r: Int32Array): string[] {
  return Array.from(l, (x, i) => `${x}-${r[i]}`).sort();
}

async function sameAsInMemory(
  left: Array<Record<string, unknown>>,
  right: Array<Record<string, unknown>> | null,
  columns: ReadonlyArray<{ name: string; type: 'VARCHAR' | 'INTEGER' }>,
  comparisons: SqlComparison[],
  rules: SqlBlockingRule[],
): Promise<number> {
  await loadRecordsIntoDuckDb(conn, 'lt', left, columns);
  if (right) await loadRecordsIntoDuckDb(conn, 'rt', right, columns);
  const mem = linkRecords(left, right, comparisonsFromSql(comparisons), blockingRulesFromSql(rules), { seed: 5 });
  const db = await linkWithDuckDb(conn, { left: 'lt', right: right ? 'rt' : null }, comparisons, rules, { seed: 5 });
  expect(db.candidatePairs).toBe(mem.pairs.left.length);
  expect(Array.from(db.patterns.levels)).toEqual(Array.from(mem.patterns.levels));
  expect(Array.from(db.patterns.counts)).toEqual(Array.from(mem.patterns.counts));
  for (let f = 0; f < comparisons.length; f++) {
    expect(Array.from(db.model.u[f]!)).toEqual(Array.from(mem.model.u[f]!));
    expect(Array.from(db.model.m[f]!)).toEqual(Array.from(mem.model.m[f]!));
  }
  expect(db.model.lambda).toBe(mem.model.lambda);
  const memLinks = linksAbove(mem.pairs, mem.scores.probability, 0.5);
  expect(sortedPairs(db.links.left, db.links.right)).toEqual(sortedPairs(memLinks.left, memLinks.right));
  return db.links.left.length;
}

describe('DuckDB backend', () => {
  it('FEBRL dataset1 (dedupe): same patterns, model and links as in memory', async () => {
    const recs = loadFebrl(join(referenceDatasets, 'febrl', 'dataset1.csv')).records as unknown as Array<Record<string, unknown>>;
    const used = [...febrlSqlComparisons().flatMap((c) => c.columns), ...febrlSqlBlockingRules().flatMap((r) => r.columns)];
    const cols = [...new Set(used)].map((name) => ({ name, type: 'VARCHAR' as const }));
    const links = await sameAsInMemory(recs, null, cols, febrlSqlComparisons(), febrlSqlBlockingRules());
    expect(links).toBeGreaterThan(450);
  }, 60_000);

  it('synthetic Chinese profiles (link mode, SYNTHETIC seed 11): same patterns, model and links as in memory', async () => {
    const data = generateLinkageData({ displayed: 300, source: 1500, seed: 11 });
    const links = await sameAsInMemory(
      syntheticSqlRows(data, 'displayed'), syntheticSqlRows(data, 'source'), SYNTHETIC_SQL_COLUMNS,
      syntheticSqlComparisons(), syntheticSqlBlockingRules(),
    );
    expect(links).toBeGreaterThan(150);
  }, 60_000);

  it('generated SQL keeps to the documented Spark-compatible subset (and the check catches what is outside)', () => {
    for (const [comparisons, rules] of [[febrlSqlComparisons(), febrlSqlBlockingRules()], [syntheticSqlComparisons(), syntheticSqlBlockingRules()]] as const) {
      const ids = [
        'lt', 'rt', 'l', 'r', 'p', 'pairs', 'gamma', 'lid', 'rid', 'rule', 'n',
        ...comparisons.flatMap((c) => [...c.columns, `g_${c.name}`]), ...rules.flatMap((r) => r.columns),
      ];
      for (const dialect of ['duckdb', 'spark'] as const) {
        for (const right of ['rt', null]) {
          const sql = compileLinkageSql(comparisons, rules, { left: 'lt', right }, dialect);
          const statements = [
            sql.patternCounts, sql.links([0, 5, 17]), sql.patternCountsFrom('gamma'), sql.linksFrom('gamma', [3]),
            ...comparisons.map((c) => sql.frequencies(c.name, 'lt')),
          ];
          for (const s of statements) expect(checkSqlSubset(s, dialect, ids)).toEqual([]);
        }
      }
    }
    expect(checkSqlSubset('SELECT x::INT FROM t QUALIFY row_number() OVER () = 1', 'spark', ['x', 't'])).toEqual(
      expect.arrayContaining([expect.stringMatching(/'::'/), expect.stringMatching(/QUALIFY/), expect.stringMatching(/row_number/)]),
    );
    expect(checkSqlSubset("SELECT jaro_winkler_similarity(a, 'x') FROM t", 'spark', ['a', 't']).length).toBeGreaterThan(0);
  });
});
