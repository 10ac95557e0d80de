/**
 * FEBRL dataset3 (Christen, Febrl; ../shared/datasets/febrl/dataset3.csv): deduplicate with
 * the linkage engine, unsupervised (u from random pairs, m and lambda by EM) and supervised
 * (m and lambda from the true links), links at posterior probability >= 0.5. Reports
 * precision / recall / F1 of both and the seconds of each run (loading excluded).
 */
import { join } from 'node:path';
import { benchmark } from '../lib';
import { loadFebrl, runFebrl } from '../../src/linkage';

const seed = 7;
void benchmark({
  name: 'linkage-febrl3',
  issue: 'linkage',
  params: { dataset: 'febrl/dataset3.csv', mode: 'dedupe', seed, threshold: 0.5, uPairs: 1_000_000 },
  target: { seconds: 60 },
  setup: () => loadFebrl(join(__dirname, '..', '..', '..', 'shared', 'datasets', 'febrl', 'dataset3.csv')),
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
