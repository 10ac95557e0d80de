/**
 * The linkage benchmarks share two bodies; each case in bench/cases/ is one call to one of
 * these (so each stays one benchmark runnable as `npm run bench -- <name>`).
 *
 * - `febrlBenchmark`: a FEBRL file (Christen, Febrl; datasets/reference/febrl/<file>)
 *   deduplicated with the linkage engine, unsupervised (u from random pairs, m and lambda by
 *   EM) and supervised (m and lambda from the true links), links at posterior probability
 *   >= 0.5. Reports precision / recall / F1 of both and the seconds of each run (loading
 *   excluded).
 * - `syntheticScaleBenchmark`: displayed vs source synthetic Chinese profiles
 *   (generateLinkageData; generation is setup, not timed). Measured: blocking keys, candidate
 *   pairs (hash join on integer keys, four rules), comparison vectors, pattern counts, u from
 *   1M random pairs, EM, scoring with name TF adjustment, greedy one-to-one at probability
 *   0.5, evaluation.
 */
import { join } from 'node:path';
import { benchmark } from './lib';
import { generateLinkageData, loadFebrl, runFebrl, runSynthetic } from '../src/linkage';

/** Deduplicate `datasets/reference/febrl/<file>` (EM and supervised), as benchmark `name`. */
export function febrlBenchmark(name: string, file: string): void {
  const seed = 7;
  void benchmark({
    name,
    issue: 'linkage',
    params: { dataset: `febrl/${file}`, mode: 'dedupe', seed, threshold: 0.5, uPairs: 1_000_000 },
    target: { seconds: 60 },
    setup: () => loadFebrl(join(__dirname, '..', 'datasets', 'reference', 'febrl', file)),
    run: (data) => {
      const em = runFebrl(data.records, { seed });
      const sup = runFebrl(data.records, { seed, supervised: true });
      return {
        throughput: em.result.pairs.left.length / em.seconds,
        throughputUnit: 'candidate pairs/s (EM run, u sampling included)',
        quality: {
          precision: em.quality.precision,
          recall: em.quality.recall,
          f1: em.quality.f1,
          precisionSupervised: sup.quality.precision,
          recallSupervised: sup.quality.recall,
          f1Supervised: sup.quality.f1,
        },
        extra: {
          records: data.records.length,
          sha256: data.provenance.sha256,
          invalidDatesTreatedAsMissing: data.provenance.invalidDates,
          trueLinks: em.quality.trueLinks,
          candidatePairs: em.result.pairs.left.length,
          trueLinksInCandidates: em.trueLinksInCandidates,
          blocking: em.result.blocking.map((c) => ({ rule: c.rule, pairs: c.pairs, newPairs: c.newPairs })),
          emIterations: em.result.model.method.em?.iterations,
          lambdaCandidates: em.result.model.lambdaCandidates,
          estimatedFdr: em.errorRates.estimatedFdr,
          estimatedFnr: em.errorRates.estimatedFnr,
          secondsEm: em.seconds,
          secondsSupervised: sup.seconds,
          stageSecondsEm: em.result.timings,
        },
      };
    },
  });
}

/**
 * Whole synthetic pipeline on `displayed` x `source` profiles (seed 7, threshold 0.5), as
 * benchmark `name`. Target: under 60 s and 8 GB on the 2-core machine.
 */
export function syntheticScaleBenchmark(name: string, size: { displayed: number; source: number }): void {
  const params = { displayed: size.displayed, source: size.source, seed: 7, threshold: 0.5 };
  void benchmark({
    name,
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
}
