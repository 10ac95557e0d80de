/**
 * Scale: 10,000 displayed vs 10,000,000 source synthetic Chinese profiles (generateLinkageData,
 * seed 7; generation is setup, not timed). Measured: blocking keys, candidate pairs (hash join
 * on integer keys, four rules), comparison vectors, pattern counts, u from 1M random pairs, EM,
 * scoring with name TF adjustment, greedy one-to-one at probability 0.5, evaluation.
 * Target: under 60 s and 8 GB on the 2-core machine.
 */
import { benchmark } from '../lib';
import { generateLinkageData, runSynthetic } from '../../src/linkage';

const params = { displayed: 10_000, source: 10_000_000, seed: 7, threshold: 0.5 };
void benchmark({
  name: 'linkage-10k-x-10m',
  issue: 'linkage',
  params,
  target: { seconds: 60, peakRssMb: 8192 },
  setup: () => generateLinkageData({ displayed: params.displayed, source: params.source, seed: params.seed }),
  run: (data) => {
    const t0 = performance.now();
    const run = runSynthetic(data, { seed: params.seed, threshold: params.threshold });
    const seconds = (performance.now() - t0) / 1000;
    const pairs = run.result.pairs.left.length;
    return {
      throughput: pairs / seconds,
      throughputUnit: 'candidate pairs/s (whole pipeline)',
      quality: { precision: run.quality.precision, recall: run.quality.recall, f1: run.quality.f1 },
      extra: {
        candidatePairs: pairs,
        comparePairsPerSecond: pairs / run.timings['comparing']!,
        blocking: run.result.blocking.map((c) => ({ rule: c.rule, pairs: c.pairs, newPairs: c.newPairs, largestBlock: c.largestBlocks[0] })),
        declared: run.quality.declared,
        trueLinks: run.quality.trueLinks,
        lambdaAllPairs: run.result.model.lambda,
        lambdaCandidates: run.result.model.lambdaCandidates,
        emIterations: run.result.model.method.em?.iterations,
        estimatedFdr: run.errorRates.estimatedFdr,
        estimatedFnr: run.errorRates.estimatedFnr,
        stageSeconds: run.timings,
      },
    };
  },
});
