/**
 * The record comparator on one thread vs over worker threads (src/linkage/parallel.ts), to
 * measure where threads pay (`PARALLEL_MIN_PAIRS`). Pairs: uniformly random record pairs of
 * FEBRL dataset3 (Christen, Febrl; seeded, seed 18), 0.1-3 million, FEBRL's comparisons
 * (compiled kernels). Runs the built code (dist/, `npm run build` first): the path the CLI and
 * the notebooks take, whose workers load compiled JavaScript. Each size: one thread, then two
 * (this thread + one worker), fresh comparator each time (cold pair caches, worker start
 * included), best of three. `seconds` = the whole measurement; `throughput` = the 3 M-pair call
 * on two threads; `extra.sizes` holds every measurement, `extra.workerStartSeconds` the
 * two-thread time on 1,024 pairs (about the cost of starting a worker). Quality: identical
 * output (one vs two threads) at every size.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { benchmark } from '../lib';
import { febrlPath } from '../linkage-common';

type Linkage = typeof import('../../src/linkage');
const distLinkage = join(__dirname, '..', '..', 'dist', 'linkage', 'index.js');
if (!existsSync(distLinkage)) throw new Error(`${distLinkage} not found: run npm run build first`);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const L = require(distLinkage) as Linkage;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seededRandom } = require(join(__dirname, '..', '..', 'dist', 'stats', 'random.js')) as typeof import('../../src/stats/random');

const SIZES = [1024, 100_000, 300_000, 1_000_000, 3_000_000];

void benchmark({
  name: 'linkage-record-threads',
  issue: 'linkage',
  params: { dataset: 'febrl/dataset3.csv', pairs: 'uniform random record pairs', seed: 18, sizes: SIZES, threads: [1, 2] },
  target: {},
  setup: () => {
    const recs = L.loadFebrl(febrlPath('dataset3.csv')).records;
    const rng = seededRandom(18);
    const n = SIZES[SIZES.length - 1]!;
    const pl = Int32Array.from({ length: n }, () => Math.floor(rng() * recs.length));
    const pr = Int32Array.from({ length: n }, () => Math.floor(rng() * recs.length));
    L.recordComparator(recs, null, L.febrlComparisons(), { threads: 1 }).compare(pl.subarray(0, 50_000), pr.subarray(0, 50_000)); // JIT warm-up
    return { recs, pl, pr };
  },
  run: ({ recs, pl, pr }) => {
    const sizes: Array<{ pairs: number; oneThreadSeconds: number; twoThreadsSeconds: number; speedup: number; identical: boolean }> = [];
    let last = 0, identicalAll = true;
    for (const n of SIZES) {
      const a = pl.subarray(0, n), b = pr.subarray(0, n);
      const time = (threads: number): { s: number; g: Uint8Array } => {
        let s = Infinity;
        let g: Uint8Array = new Uint8Array(0);
        for (let k = 0; k < 3; k++) {
          const c = L.recordComparator(recs, null, L.febrlComparisons(), { threads, parallelMinPairs: 0 });
          const t0 = performance.now();
          g = c.compare(a, b);
          s = Math.min(s, (performance.now() - t0) / 1000);
        }
        return { s, g };
      };
      const one = time(1), two = time(2);
      const identical = Buffer.from(one.g).equals(Buffer.from(two.g));
      identicalAll &&= identical;
      sizes.push({ pairs: n, oneThreadSeconds: round(one.s), twoThreadsSeconds: round(two.s), speedup: round(one.s / two.s), identical });
      last = two.s;
    }
    return {
      throughput: SIZES[SIZES.length - 1]! / last,
      throughputUnit: 'record pairs/s compared on two threads (3 M pairs)',
      quality: { identicalOutput: identicalAll ? 1 : 0 },
      extra: {
        sizes,
        workerStartSeconds: sizes[0]!.twoThreadsSeconds,
        parallelMinPairs: L.PARALLEL_MIN_PAIRS,
        cores: availableParallelism(),
        loadAverage1m: round(loadavg()[0]!),
        note: 'wall times; on a loaded machine a worker finds no free core and threads do not pay',
      },
    };
  },
});

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
