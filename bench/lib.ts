/**
 * One benchmark = one script in bench/cases/<name>.ts that calls `benchmark(...)` once.
 * `npm run bench` runs each script in its own child process (so peak RSS is the benchmark's
 * own) and prints a table; results go to bench/results/<name>.json in the format of
 * ../shared/BENCH.md.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export interface BenchTarget { seconds?: number; peakRssMb?: number; throughput?: number }

export interface BenchOutcome {
  throughput?: number;
  throughputUnit?: string;
  quality?: Record<string, number>;
  /** Extra figures worth keeping (ratios to a baseline, counts). */
  extra?: Record<string, unknown>;
}

export interface BenchSpec<D> {
  name: string;
  issue: string;
  params: Record<string, unknown>;
  target: BenchTarget;
  /** Data generation / loading; timed separately as setupSeconds. */
  setup: () => D | Promise<D>;
  /** The measured work. */
  run: (data: D) => BenchOutcome | Promise<BenchOutcome>;
}

export interface BenchResult extends BenchOutcome {
  name: string;
  issue: string;
  params: Record<string, unknown>;
  seconds: number;
  setupSeconds: number;
  peakRssMb: number;
  target: BenchTarget;
  met: boolean;
  machine: { cpus: number; node: string };
  at: string;
}

export const resultsDir = join(__dirname, 'results');

export async function benchmark<D>(spec: BenchSpec<D>): Promise<BenchResult> {
  const t0 = process.hrtime.bigint();
  const data = await spec.setup();
  const t1 = process.hrtime.bigint();
  const outcome = await spec.run(data);
  const t2 = process.hrtime.bigint();
  const seconds = Number(t2 - t1) / 1e9;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const met =
    (spec.target.seconds === undefined || seconds <= spec.target.seconds) &&
    (spec.target.peakRssMb === undefined || peakRssMb <= spec.target.peakRssMb) &&
    (spec.target.throughput === undefined || (outcome.throughput ?? 0) >= spec.target.throughput);
  const result: BenchResult = {
    name: spec.name,
    issue: spec.issue,
    params: spec.params,
    seconds: round(seconds),
    setupSeconds: round(Number(t1 - t0) / 1e9),
    peakRssMb,
    ...outcome,
    target: spec.target,
    met,
    machine: { cpus: cpus().length, node: process.version },
    at: new Date().toISOString(),
  };
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${spec.name}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(result, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
  console.log(JSON.stringify(result));
  return result;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
