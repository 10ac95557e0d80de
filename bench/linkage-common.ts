/**
 * The linkage benchmarks share two bodies; each case in bench/cases/ is one call to one of
 * these (so each stays one benchmark runnable as `npm run bench -- <name>`).
 *
 * - `febrlBenchmark`: a FEBRL file (Christen, Febrl; datasets/reference/febrl/<file>)
 *   deduplicated with the linkage engine, unsupervised (u from value frequencies, m and lambda
 *   by EM; this run is `seconds`, target < 0.5 s, issue 18; a first run in the fresh process, in
 *   setup, is `extra.firstRunSeconds`) and, reported beside it, supervised
 *   (m and lambda from the true links), links at posterior probability >= 0.5 (loading
 *   excluded). Peer: Python recordlinkage's FEBRL pipeline took 3.8 s on this machine (issue 18
 *   text; not installable here: PyPI unreachable, no Debian package), so `extra.ratioToPythonRecordlinkage`
 *   is 3.8 s / ours for dataset-size-comparable runs, stated as such.
 * - `febrlLinkBenchmark`: link mode, a FEBRL file's originals against its duplicates.
 * - `syntheticScaleBenchmark`: displayed vs source synthetic Chinese profiles
 *   (generateLinkageData; generation is setup, not timed). Measured: blocking keys, candidate
 *   pairs (hash join on integer keys, four rules), comparison vectors, pattern counts, u from
 *   value frequencies, EM, scoring with name TF adjustment, greedy one-to-one at probability
 *   0.5, evaluation.
 */
import { join } from 'node:path';
import { benchmark } from './lib';
import { generateLinkageData, loadFebrl, runFebrl, runFebrlLink, runSynthetic } from '../src/linkage';

/** Where the benchmarks read FEBRL (one place to repoint; FEBRL_DIR overrides it). */
export function febrlPath(file: string): string {
  return join(process.env.FEBRL_DIR ?? join(__dirname, '..', 'datasets', 'reference', 'febrl'), file);
}

/** Python recordlinkage's FEBRL pipeline on this machine, seconds (issue 18 text, 5,000 x 5,000 link). */
const PYTHON_RECORDLINKAGE_SECONDS = 3.8;

/** Deduplicate `febrl/<file>`: the EM run is timed (`seconds`); the supervised run is reported beside it. */
export function febrlBenchmark(name: string, file: string): void {
  const seed = 7;
  void benchmark({
    name,
    issue: 'linkage',
    params: { dataset: `febrl/${file}`, mode: 'dedupe', seed, threshold: 0.5, u: 'frequencies' },
    target: { seconds: 0.5 },
    // Setup (not timed): load, a first EM run in this fresh process (its time is reported as
    // `extra.firstRunSeconds`: the JIT not yet warm, what a one-off run costs), and the
    // supervised run reported beside the EM run.
    setup: () => {
      const data = loadFebrl(febrlPath(file));
      const firstRunSeconds = runFebrl(data.records, { seed }).seconds;
      const sup = runFebrl(data.records, { seed, supervised: true });
      return { data, sup, firstRunSeconds };
    },
    run: ({ data, sup, firstRunSeconds }) => {
      const cpu0 = process.cpuUsage();
      const em = runFebrl(data.records, { seed });
      const cpu = process.cpuUsage(cpu0);
      return {
        throughput: em.result.pairs.left.length / em.seconds,
        throughputUnit: 'candidate pairs/s (EM run end to end)',
        quality: { precision: em.quality.precision, recall: em.quality.recall, f1: em.quality.f1 },
        extra: { cpuSeconds: (cpu.user + cpu.system) / 1e6, firstRunSeconds, ...febrlExtra(data, em, sup) },
      };
    },
  });
}

function febrlExtra(data: ReturnType<typeof loadFebrl>, em: ReturnType<typeof runFebrl>, sup: ReturnType<typeof runFebrl>): Record<string, unknown> {
  return {
    records: data.records.length,
    sha256: data.provenance.sha256,
    invalidDatesTreatedAsMissing: data.provenance.invalidDates,
    trueLinks: em.quality.trueLinks,
    candidatePairs: em.result.pairs.left.length,
    trueLinksInCandidates: em.trueLinksInCandidates,
    comparePairsPerSecond: em.result.pairs.left.length / em.result.timings['comparing']!,
    uValuePairsDrawn: em.result.model.method.uFrequencies?.samples,
    emIterations: em.result.model.method.em?.iterations,
    lambdaCandidates: em.result.model.lambdaCandidates,
    estimatedFdr: em.errorRates.estimatedFdr,
    estimatedFnr: em.errorRates.estimatedFnr,
    secondsEm: em.seconds,
    stageSecondsEm: em.result.timings,
    ratioToPythonRecordlinkage: PYTHON_RECORDLINKAGE_SECONDS / em.seconds,
    ratioNote: 'Python recordlinkage 3.8 s measured in the issue 18 text (5,000 x 5,000 link), not side by side',
    supervised: { seconds: sup.seconds, precision: sup.quality.precision, recall: sup.quality.recall, f1: sup.quality.f1, note: 'run in setup, not in seconds' },
  };
}

/** Link mode: `febrl/<file>`'s original records against its duplicates (target < 0.4 s). */
export function febrlLinkBenchmark(name: string, file: string): void {
  const seed = 7;
  void benchmark({
    name,
    issue: 'linkage',
    params: { dataset: `febrl/${file}`, mode: 'link', left: 'originals', right: 'duplicates', seed, threshold: 0.5, u: 'frequencies' },
    target: { seconds: 0.4 },
    // Setup (not timed): load and a first run in this fresh process (as in febrlBenchmark; its
    // time is `extra.firstRunSeconds`).
    setup: () => {
      const data = loadFebrl(febrlPath(file));
      const orgs = data.records.filter((r) => r.original), dups = data.records.filter((r) => !r.original);
      const firstRunSeconds = runFebrlLink(orgs, dups, { seed }).seconds;
      return { data, orgs, dups, firstRunSeconds };
    },
    run: ({ data, orgs, dups, firstRunSeconds }) => {
      const cpu0 = process.cpuUsage();
      const run = runFebrlLink(orgs, dups, { seed });
      const cpu = process.cpuUsage(cpu0);
      return {
        throughput: run.result.pairs.left.length / run.seconds,
        throughputUnit: 'candidate pairs/s (EM run end to end)',
        quality: { precision: run.quality.precision, recall: run.quality.recall, f1: run.quality.f1 },
        extra: {
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
          firstRunSeconds,
          originals: orgs.length,
          duplicates: dups.length,
          sha256: data.provenance.sha256,
          trueLinks: run.quality.trueLinks,
          candidatePairs: run.result.pairs.left.length,
          comparePairsPerSecond: run.result.pairs.left.length / run.result.timings['comparing']!,
          uValuePairsDrawn: run.result.model.method.uFrequencies?.samples,
          stageSeconds: run.result.timings,
          ratioToPythonRecordlinkage: PYTHON_RECORDLINKAGE_SECONDS / run.seconds,
          ratioNote: 'Python recordlinkage 3.8 s measured in the issue 18 text (5,000 x 5,000 link), not side by side',
        },
      };
    },
  });
}

/**
 * Whole synthetic pipeline on `displayed` x `source` profiles (seed 7, threshold 0.5), as
 * benchmark `name`. Target: under `targetSeconds` (default 60) and 8 GB on the 2-core machine.
 */
export function syntheticScaleBenchmark(name: string, size: { displayed: number; source: number }, targetSeconds = 60): void {
  const params = { displayed: size.displayed, source: size.source, seed: 7, threshold: 0.5 };
  void benchmark({
    name,
    issue: 'linkage',
    params,
    target: { seconds: targetSeconds, peakRssMb: 8192 },
    setup: () => generateLinkageData({ displayed: params.displayed, source: params.source, seed: params.seed }),
    run: (data) => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const run = runSynthetic(data, { seed: params.seed, threshold: params.threshold });
      const cpu = process.cpuUsage(cpu0);
      const seconds = (performance.now() - t0) / 1000;
      const pairs = run.result.pairs.left.length;
      return {
        throughput: pairs / seconds,
        throughputUnit: 'candidate pairs/s (whole pipeline)',
        quality: { precision: run.quality.precision, recall: run.quality.recall, f1: run.quality.f1 },
        extra: {
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
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
