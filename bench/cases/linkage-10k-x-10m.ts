/**
 * Scale: 10,000 displayed vs 10,000,000 source synthetic Chinese profiles (generateLinkageData,
 * seed 7; generation is setup, not timed). Measured: blocking keys, candidate pairs (hash join
 * on integer keys, four rules), comparison vectors, pattern counts, u from value frequencies, EM,
 * scoring with name TF adjustment, greedy one-to-one at probability 0.5, evaluation.
 * Target: under 60 s and 8 GB on the 2-core machine.
 * Body: bench/linkage-common.ts (syntheticScaleBenchmark).
 */
import { syntheticScaleBenchmark } from '../linkage-common';

syntheticScaleBenchmark('linkage-10k-x-10m', { displayed: 10_000, source: 10_000_000 });
