/**
 * Comparing over worker threads (src/linkage/parallel.ts): forced on (threshold 0) on a small
 * input, the comparison vectors and the whole linkage result are the same bytes as on one
 * thread; the thread count follows the option, the environment switch and the threshold.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PARALLEL_MIN_PAIRS, comparisonsFromSql, compareThreads, febrlBlockingRules, febrlComparisons, febrlSqlComparisons, linkRecords, loadFebrl,
  recordComparator, workerJobsStarted,
} from '../src/linkage';
import type { FebrlRecord } from '../src/linkage';
import { seededRandom } from '../src/stats/random';
import { referenceDatasets } from './reference-data';

const dataset1 = (): FebrlRecord[] => loadFebrl(join(referenceDatasets, 'febrl', 'dataset1.csv')).records;

describe('comparing over worker threads', () => {
  const env = process.env['PP_LINKAGE_THREADS'];
  afterEach(() => {
    if (env === undefined) delete process.env['PP_LINKAGE_THREADS'];
    else process.env['PP_LINKAGE_THREADS'] = env;
  });

  it('forced on (3 threads, threshold 0): the same comparison vectors as one thread, on candidate and random pairs', () => {
    const recs = dataset1();
    const rng = seededRandom(18);
    const n = 5000;
    const pl = Int32Array.from({ length: n }, () => Math.floor(rng() * recs.length));
    const pr = Int32Array.from({ length: n }, () => Math.floor(rng() * recs.length));
    const jobs0 = workerJobsStarted();
    const one = recordComparator(recs, null, febrlComparisons(), { threads: 1 }).compare(pl, pr);
    expect(workerJobsStarted()).toBe(jobs0);
    const three = recordComparator(recs, null, febrlComparisons(), { threads: 3, parallelMinPairs: 0 }).compare(pl, pr);
    expect(workerJobsStarted()).toBe(jobs0 + 2);
    expect(Buffer.from(three).equals(Buffer.from(one))).toBe(true);
    // and the same as the predicates themselves (no SQL declarations: one thread whatever the option)
    const plain = recordComparator(recs, null, comparisonsFromSql<FebrlRecord>(febrlSqlComparisons()), { threads: 3, parallelMinPairs: 0 }).compare(pl, pr);
    expect(workerJobsStarted()).toBe(jobs0 + 2);
    expect(Buffer.from(plain).equals(Buffer.from(one))).toBe(true);
  }, 60_000);

  it('forced on vs off: the same linkage result for the same seed (FEBRL dataset1, dedupe)', () => {
    const recs = dataset1();
    const off = linkRecords(recs, null, febrlComparisons(), febrlBlockingRules(), { seed: 7, threads: 1 });
    const jobs0 = workerJobsStarted();
    const on = linkRecords(recs, null, febrlComparisons(), febrlBlockingRules(), { seed: 7, threads: 2, parallelMinPairs: 0 });
    expect(workerJobsStarted()).toBe(jobs0 + 1);
    expect(Buffer.from(on.gamma).equals(Buffer.from(off.gamma))).toBe(true);
    expect(Array.from(on.scores.probability)).toEqual(Array.from(off.scores.probability));
    expect(on.model.lambda).toBe(off.model.lambda);
  }, 60_000);

  it('thread count: option, PP_LINKAGE_THREADS (1 = off), threshold, bad values refused', () => {
    expect(compareThreads(PARALLEL_MIN_PAIRS - 1, { threads: 4 })).toBe(1);
    expect(compareThreads(PARALLEL_MIN_PAIRS, { threads: 4 })).toBe(4);
    expect(compareThreads(PARALLEL_MIN_PAIRS, { threads: 1 })).toBe(1);
    expect(compareThreads(1000, { threads: 8, parallelMinPairs: 0 })).toBe(3); // at most one thread per 256 pairs
    process.env['PP_LINKAGE_THREADS'] = '1';
    expect(compareThreads(10 * PARALLEL_MIN_PAIRS)).toBe(1);
    process.env['PP_LINKAGE_THREADS'] = '2';
    expect(compareThreads(10 * PARALLEL_MIN_PAIRS)).toBe(2);
    process.env['PP_LINKAGE_THREADS'] = 'many';
    expect(() => compareThreads(10)).toThrow(/PP_LINKAGE_THREADS=many/);
    expect(() => compareThreads(10, { threads: 0 })).toThrow(/positive integer/);
  });
});
