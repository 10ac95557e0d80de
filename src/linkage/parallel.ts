/**
 * Comparing over worker threads (node:worker_threads) when the candidate set is large. The
 * record comparator's levels are pure functions of two value ids, so any split of the pairs
 * gives the same comparison vectors as one thread: each thread fills its own rows of one shared
 * output. Workers rebuild the levels from data, not closures: each comparison's SQL declaration
 * (`SqlComparison`, kept on the compiled comparison) and its distinct values, compiled by the
 * same `compileSqlLevels`; the per-row value ids, the pairs and the output are
 * SharedArrayBuffers. Comparisons declared only as predicates stay on one thread.
 *
 * `compare` stays synchronous: this thread takes the first share of the pairs, then waits on
 * an Atomics counter the workers increment (a worker that fails writes its error and counts
 * itself done, so the wait ends and the error is thrown here).
 *
 * **When**: `threads` (option, or the environment variable PP_LINKAGE_THREADS; 1 = forced off)
 * threads take part only from `PARALLEL_MIN_PAIRS` candidate pairs in one call. Measured with
 * `npm run bench -- linkage-record-threads` (built code, FEBRL dataset3 values, uniformly random
 * record pairs, fresh comparator, best of 3) on the 2-core machine on 2026-12-07 at 05:44 UTC
 * under load (load average ~5 from other work, so the worker seldom had a free core):
 * 1,024 pairs: one thread 0.013 s, two 0.149 s (starting a worker, loading the modules and
 * compiling its kernels: ~0.14 s); 0.1 M: 0.105 vs 0.265 s; 0.3 M: 0.241 vs 0.404 s;
 * 1 M: 0.805 vs 0.903 s; 3 M: 2.34 vs 1.91 s (1.23x). Rerun at 06:00 UTC at load ~8.6 (no
 * free core): two threads lost at every size (3 M: 2.33 vs 2.77 s). Threads pay where half the
 * work exceeds the ~0.14 s start: about 0.35 M pairs on an idle machine (inferred, not measured
 * quiet), about 1.5 M at load ~5, never at load ~8.6. The threshold is 1,000,000 pairs, above
 * every FEBRL candidate set (27,000-99,000 pairs: one thread).
 * @example
 * recordComparator(left, right, febrlComparisons(), { threads: 2 }).compare(pl, pr); // same bytes as threads: 1
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { PairLevelCache } from './values';
import { compileSqlLevels } from './sqlLevels';
import type { SqlComparison } from './sql';

/** Candidate pairs from which comparing is split over threads (see module comment for the measurement). */
export const PARALLEL_MIN_PAIRS = 1_000_000;

/** Pairs per field a fill looks at before deciding whether the pair cache pays (compiled kernels only). */
const BYPASS_PROBE = 4096;

/**
 * Fill rows [from, to) of field f of `gamma` (`gamma[p * F + f]`): levels through `cache`, or,
 * for a compiled kernel (`direct`), straight from `level` once the first pairs show that most
 * value pairs are new (e.g. names under another field's blocking rule), instead of filling a
 * table that would not be reused. Either way the same levels.
 */
export function fillField(
  gamma: Uint8Array, F: number, f: number, pl: Int32Array, pr: Int32Array, from: number, to: number,
  cl: Int32Array, cr: Int32Array, cache: PairLevelCache, level: (a: number, b: number) => number, direct: boolean, distinct: number,
): void {
  let p = from;
  if (direct) {
    const probe = Math.min(to, from + BYPASS_PROBE), before = cache.size;
    for (; p < probe; p++) gamma[p * F + f] = cache.get(cl[pl[p]!]!, cr[pr[p]!]!);
    if ((cache.size - before) * 2 > probe - from) {
      for (; p < to; p++) gamma[p * F + f] = level(cl[pl[p]!]!, cr[pr[p]!]!);
      return;
    }
  }
  cache.reserve(Math.min(to - p, distinct * distinct));
  for (; p < to; p++) gamma[p * F + f] = cache.get(cl[pl[p]!]!, cr[pr[p]!]!);
}

/** Threading options of the record comparator (`recordComparator`, `linkRecords`; the column path runs on one thread). */
export interface ThreadOptions {
  /**
   * Most threads to compare on (this one included). Default: the environment variable
   * PP_LINKAGE_THREADS, else the machine's cores. 1 = one thread (the forced-off switch).
   */
  threads?: number;
  /** Fewest candidate pairs in one `compare` call for more than one thread (default `PARALLEL_MIN_PAIRS`; 0 forces threads on). */
  parallelMinPairs?: number;
}

/** Threads for a call comparing `n` pairs (1 below the threshold; at most one per 256 pairs). */
export function compareThreads(n: number, options: ThreadOptions = {}): number {
  const env = process.env['PP_LINKAGE_THREADS'];
  const want = options.threads ?? (env !== undefined && env !== '' ? Number(env) : availableParallelism());
  if (!(Number.isInteger(want) && want >= 1)) throw new RangeError(`threads must be a positive integer, got ${options.threads ?? `PP_LINKAGE_THREADS=${env}`}`);
  const min = options.parallelMinPairs ?? PARALLEL_MIN_PAIRS;
  if (want === 1 || n < min) return 1;
  return Math.max(1, Math.min(want, Math.floor(n / 256)));
}

/** What a worker needs for one field. */
export interface WorkerField {
  sql: SqlComparison;
  values: unknown[];
  codesL: Int32Array;
  codesR: Int32Array;
}

interface WorkerJob {
  module: string;
  tsx: string | null;
  fields: WorkerField[];
  pl: Int32Array;
  pr: Int32Array;
  gamma: Uint8Array;
  from: number;
  to: number;
  ctrl: Int32Array;
  errors: Uint8Array;
  slot: number;
}

/** Copy into shared memory (returns the array itself when it already is shared). */
export function shared<T extends Int32Array | Uint8Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = (a instanceof Int32Array ? new Int32Array(new SharedArrayBuffer(a.byteLength)) : new Uint8Array(new SharedArrayBuffer(a.byteLength))) as T;
  out.set(a);
  return out;
}

// The worker's bootstrap: load this module (through tsx when running from TypeScript sources,
// as in vitest and the benchmarks) and run the job; always count itself done.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
try {
  if (workerData.tsx) require(workerData.tsx);
  require(workerData.module).runCompareJob(workerData);
} catch (e) {
  const text = new TextEncoder().encode(String((e && e.stack) || e)).subarray(0, 1000);
  workerData.errors.set(text, workerData.slot * 1024);
  Atomics.store(workerData.ctrl, 1 + workerData.slot, text.length + 1);
}
Atomics.add(workerData.ctrl, 0, 1);
Atomics.notify(workerData.ctrl, 0);
`;

let jobsStarted = 0;

/** Worker jobs started by this process so far (for tests and logs). */
export function workerJobsStarted(): number {
  return jobsStarted;
}

/** Worker side: compile the levels from the declarations and fill the job's rows. */
export function runCompareJob(job: WorkerJob): void {
  const F = job.fields.length;
  job.fields.forEach((fd, f) => {
    const level = compileSqlLevels(fd.sql)(fd.values);
    fillField(job.gamma, F, f, job.pl, job.pr, job.from, job.to, fd.codesL, fd.codesR, new PairLevelCache(fd.values.length, level, 1024), level, true, fd.values.length);
  });
}

/**
 * Split rows [0, n) over `threads` threads: this one fills [0, share) with `fillHere`, workers
 * the rest from `fields`; returns when all are done (throws a worker's error).
 */
export function compareInWorkers(
  fields: WorkerField[], pl: Int32Array, pr: Int32Array, n: number, gamma: Uint8Array, threads: number,
  fillHere: (pl: Int32Array, pr: Int32Array, from: number, to: number, gamma: Uint8Array) => void,
): void {
  const workers = threads - 1;
  const out = new Uint8Array(new SharedArrayBuffer(Math.max(1, n * fields.length)));
  const spl = shared(pl.subarray(0, n)), spr = shared(pr.subarray(0, n));
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * (1 + workers)));
  const errors = new Uint8Array(new SharedArrayBuffer(1024 * workers));
  const chunk = Math.ceil(n / threads);
  jobsStarted += workers;
  const module = __filename;
  const tsx = module.endsWith('.ts') ? require.resolve('tsx/cjs') : null;
  for (let w = 0; w < workers; w++) {
    const from = Math.min(n, (w + 1) * chunk), to = Math.min(n, (w + 2) * chunk);
    const job: WorkerJob = { module, tsx, fields, pl: spl, pr: spr, gamma: out, from, to, ctrl, errors, slot: w };
    new Worker(BOOTSTRAP, { eval: true, workerData: job }).unref();
  }
  fillHere(spl, spr, 0, Math.min(n, chunk), out);
  const deadline = Date.now() + 30 * 60_000;
  for (let done = Atomics.load(ctrl, 0); done < workers; done = Atomics.load(ctrl, 0)) {
    if (Date.now() > deadline) throw new Error('comparing in worker threads: no answer within 30 minutes');
    Atomics.wait(ctrl, 0, done, 1000);
  }
  for (let w = 0; w < workers; w++) {
    const len = Atomics.load(ctrl, 1 + w);
    if (len > 0) throw new Error(`comparing in worker thread ${w + 1} failed: ${new TextDecoder().decode(errors.slice(w * 1024, w * 1024 + len - 1))}`);
  }
  gamma.set(out.subarray(0, n * fields.length));
}
