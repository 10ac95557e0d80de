/**
 * capacity-rate-100m: streamed rate analysis (inter-arrival distribution, burstiness, local
 * variation, hour-of-day profile in CST, night share, peaks, sessions, KS bounds) over
 * 100,000,000 request timestamps read from a file, target < 60 s and < 2 GB peak RSS.
 *
 * Setup (timed separately) writes, chunk by chunk so memory stays flat, a temporary file of
 * little-endian float64 epoch seconds (format 'f64le', 800 MB) from a seeded mixture of
 * human-like log-normal and crawler-like regular gaps, plus a 10,000,000-line text file
 * (format 'lines', epoch seconds with 3 decimals) to report the text reader's throughput.
 * Both files are deleted afterwards.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmark } from '../lib';
import { analyseRateStream } from '../../src/capacity/stream';
import { randomNormal, seededRandom } from '../../src/stats/random';

const N = 100_000_000;
const N_LINES = 10_000_000;
const SEED = 7;
const START = Date.UTC(2014, 0, 1) / 1000 - 8 * 3600;

function writeFiles(dir: string): { f64: string; txt: string } {
  const rng = seededRandom(SEED);
  const f64 = join(dir, 'timestamps.f64');
  const txt = join(dir, 'timestamps.txt');
  const fd = openSync(f64, 'w');
  const fdt = openSync(txt, 'w');
  const chunk = new Float64Array(1 << 20);
  let t = START;
  let written = 0;
  while (written < N) {
    const m = Math.min(chunk.length, N - written);
    let lines = '';
    for (let i = 0; i < m; i++) {
      // 70% human-like log-normal gaps (median 0.2 s at this aggregate rate), 30% regular crawler-like gaps
      t += rng() < 0.7 ? Math.exp(Math.log(0.2) + randomNormal(rng)) : 0.3 * (0.9 + 0.2 * rng());
      chunk[i] = t;
      if (written + i < N_LINES) lines += `${t.toFixed(3)}\n`;
    }
    writeSync(fd, new Uint8Array(chunk.buffer, 0, m * 8));
    if (lines) writeSync(fdt, lines);
    written += m;
  }
  closeSync(fd);
  closeSync(fdt);
  return { f64, txt };
}

const dir = mkdtempSync(join(tmpdir(), 'capacity-rate-100m-'));
void benchmark({
  name: 'capacity-rate-100m',
  issue: 'capacity',
  params: { timestamps: N, format: 'f64le', seed: SEED, textLines: N_LINES, chunkBytes: 8 * 1024 * 1024 },
  target: { seconds: 60, peakRssMb: 2048 },
  setup: () => writeFiles(dir),
  run: async ({ f64, txt }) => {
    try {
      const t0 = process.hrtime.bigint();
      const { summary, provenance } = await analyseRateStream(f64, { format: 'f64le' });
      const s1 = Number(process.hrtime.bigint() - t0) / 1e9;
      if (summary.records !== N) throw new Error(`read ${summary.records} records, expected ${N}`);
      const t1 = process.hrtime.bigint();
      const lines = await analyseRateStream(txt, { format: 'lines' });
      const s2 = Number(process.hrtime.bigint() - t1) / 1e9;
      return {
        throughput: N / s1,
        throughputUnit: 'timestamps/s',
        extra: {
          f64Seconds: Math.round(s1 * 1000) / 1000,
          linesSeconds: Math.round(s2 * 1000) / 1000,
          linesRecords: lines.summary.records,
          linesThroughput: Math.round(lines.summary.records / s2),
          sha256: provenance.sha256,
          bytes: provenance.bytes,
          meanGapSeconds: summary.gaps.mean,
          burstiness: summary.gaps.burstiness,
          localVariation: summary.localVariation,
          nightShare: summary.nightShare,
          peaks: summary.peaks,
          ksExponential: summary.ksExponential,
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
