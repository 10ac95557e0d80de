/**
 * avatars-allpairs-10k: Hamming distances of all 49,995,000 pairs of 10,000 64-bit hashes
 * (packed Uint32Array, popcount by bit tricks), full distance histogram plus the pairs within
 * the default pHash threshold. Target < 5 s.
 * Setup (not timed): 9,000 seeded random hashes plus 1,000 planted near-copies (1 to 6 bits
 * flipped), so the recall of the planted pairs can be checked (quality.recall).
 */
import { loadavg } from 'node:os';
import { benchmark } from '../lib';
import { DEFAULT_THRESHOLDS, allPairsHamming } from '../../src/avatars';
import { randomInt, seededRandom } from '../../src/stats/random';

const N = 10_000;
const PLANTED = 1_000;
const SEED = 7;

void benchmark({
  name: 'avatars-allpairs-10k',
  issue: 'avatars',
  params: { hashes: N, bits: 64, planted: PLANTED, threshold: DEFAULT_THRESHOLDS.pHash, seed: SEED },
  target: { seconds: 5 },
  setup: () => {
    const rng = seededRandom(SEED);
    const packed = new Uint32Array(2 * N);
    const base = N - PLANTED;
    for (let i = 0; i < 2 * base; i++) packed[i] = Math.floor(rng() * 2 ** 32) >>> 0;
    const planted: Array<[number, number]> = [];
    for (let k = 0; k < PLANTED; k++) {
      const src = randomInt(rng, base);
      const i = base + k;
      let hi = packed[2 * src]!, lo = packed[2 * src + 1]!;
      const flips = 1 + randomInt(rng, 6);
      for (let f = 0; f < flips; f++) {
        const bit = randomInt(rng, 64);
        if (bit < 32) hi = (hi ^ (1 << bit)) >>> 0; else lo = (lo ^ (1 << (bit - 32))) >>> 0;
      }
      packed[2 * i] = hi;
      packed[2 * i + 1] = lo;
      planted.push([src, i]);
    }
    return { packed, planted };
  },
  run: ({ packed, planted }) => {
    const t0 = process.hrtime.bigint();
    const r = allPairsHamming(packed, { threshold: DEFAULT_THRESHOLDS.pHash, maxPairs: 1_000_000 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const found = new Set<string>();
    for (let k = 0; k < r.close.i.length; k++) found.add(`${r.close.i[k]}-${r.close.j[k]}`);
    const recall = planted.filter(([a, b]) => found.has(`${a}-${b}`)).length / planted.length;
    return {
      throughput: r.pairs / seconds,
      throughputUnit: 'pairs/s',
      quality: { recall },
      extra: { pairs: r.pairs, closePairs: r.closeCount, loadAverage1m: loadavg()[0] },
    };
  },
});
