import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io/errors';
import { analyseRate } from '../src/capacity/rate';
import { simulateCrawler, simulateHuman } from '../src/capacity/simulate';
import { analyseRateStream, writeTimestampsF64 } from '../src/capacity/stream';
import { seededRandom } from '../src/stats/random';

const dir = mkdtempSync(join(tmpdir(), 'logs-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const T0 = Date.UTC(2014, 5, 30, 16) / 1000;

describe('analyseRateStream', () => {
  const ts = (() => {
    const rng = seededRandom(21);
    const a = simulateHuman(rng, { start: T0, days: 10 });
    const b = simulateCrawler(rng, { start: T0, days: 10 });
    return Float64Array.from([...a, ...b]).sort();
  })();

  it("'f64le': same figures as in memory, across chunk boundaries, with the file's SHA-256", async () => {
    const f = join(dir, 'ts.f64');
    await writeTimestampsF64(f, ts);
    const { summary, provenance } = await analyseRateStream(f, { format: 'f64le', chunkBytes: 1000 }); // 125 per chunk
    const mem = analyseRate(ts, { ksReplicates: 0 });
    expect(summary.records).toBe(ts.length);
    expect(summary.gaps.mean).toBeCloseTo(mem.gaps.mean, 9);
    expect(summary.gaps.burstiness).toBeCloseTo(mem.gaps.burstiness, 9);
    expect(summary.localVariation).toBeCloseTo(mem.localVariation, 9);
    expect(summary.hourOfDay).toEqual(mem.hourOfDay);
    expect(summary.peaks).toEqual(mem.peaks);
    expect(summary.sessions).toEqual(mem.sessions);
    expect(provenance.records).toBe(ts.length);
    expect(provenance.bytes).toBe(ts.length * 8);
    expect(provenance.sha256).toBe(createHash('sha256').update(readFileSync(f)).digest('hex'));
  });

  it("'lines': epoch seconds and ISO 8601 (CST default), comments, CRLF, no final newline", async () => {
    const f = join(dir, 'ts.txt');
    writeFileSync(f, `# requests\r\n${T0}\r\n\r\n2014-07-01 00:00:10\r\n2014-06-30T16:00:20Z\n  ${T0 + 30.5}  \n2014-07-01T00:00:40+08:00`);
    const { summary, provenance } = await analyseRateStream(f, { format: 'lines', chunkBytes: 64 });
    expect(summary.records).toBe(5);
    expect(summary.first).toBe(T0);
    expect(summary.last).toBe(T0 + 40);
    expect(summary.gaps.mean).toBe(10);
    expect(provenance.records).toBe(5);
  });

  it("'lines' gives the same figures as 'f64le' on a larger file", async () => {
    const f = join(dir, 'big.txt');
    writeFileSync(f, Array.from(ts, (t) => t.toFixed(3)).join('\n') + '\n');
    const { summary } = await analyseRateStream(f, { format: 'lines', chunkBytes: 4096 });
    const mem = analyseRate(Array.from(ts, (t) => Number(t.toFixed(3))), { ksReplicates: 0 });
    expect(summary.records).toBe(ts.length);
    expect(summary.gaps.mean).toBeCloseTo(mem.gaps.mean, 6);
    expect(summary.peaks).toEqual(mem.peaks);
  });

  it('refuses an unreadable line, naming its line number', async () => {
    const f = join(dir, 'bad.txt');
    writeFileSync(f, `${T0}\n${T0 + 1}\nyesterday\n`);
    await expect(analyseRateStream(f, { format: 'lines' })).rejects.toThrow(/bad\.txt line 3/);
  });

  it('refuses out-of-order lines, naming the line (the stream cannot sort)', async () => {
    const f = join(dir, 'unsorted.txt');
    writeFileSync(f, `# header comment\n${T0}\n${T0 + 5}\n${T0 + 2}\n`);
    const err = await analyseRateStream(f, { format: 'lines' }).catch((e) => e);
    expect(err).toBeInstanceOf(EvidenceError);
    expect((err as EvidenceError).issues[0]).toMatchObject({ row: 4, rowKind: 'line' });
  });

  it('refuses future-dated records against asOfSeconds', async () => {
    const f = join(dir, 'future.f64');
    await writeTimestampsF64(f, Float64Array.of(T0, T0 + 1, T0 + 86400 * 400));
    await expect(analyseRateStream(f, { format: 'f64le', asOfSeconds: T0 + 86400 })).rejects.toThrow(/future-dated/);
  });

  it('refuses a binary file whose size is not a multiple of 8', async () => {
    const f = join(dir, 'trunc.f64');
    writeFileSync(f, Buffer.alloc(8 * 3 + 5));
    await expect(analyseRateStream(f, { format: 'f64le' })).rejects.toThrow(/not a multiple of 8/);
  });
});
