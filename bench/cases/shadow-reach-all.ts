/**
 * shadow-reach-all: second-degree reach (recommended contacts at θ = 0.5) of EVERY non-user in
 * one pass over the CSR (src/shadow/reach.ts). 1,000,000 registered users, each linked to ~20
 * others (a ring neighbourhood plus random links, weights 1 or ½); 2,000,000 non-users, each held
 * by 1-15 users. Target < 60 s.
 *
 * Timed: `secondDegreeReachAll` over all non-users. Not timed: building the graph and index.
 * For contrast (extra.perTarget), the per-target estimator used for one SMS
 * (`recommendContacts`, a score array over all users per call) is timed on 200 non-users and
 * extrapolated to all of them: O(non-users × users), the quadratic way.
 */
import { loadavg } from 'node:os';
import { benchmark } from '../lib';
import { recommendContacts, type WeightedCsr } from '../../src/shadow/closeness';
import type { NumberIndex } from '../../src/shadow/number-index';
import { secondDegreeReachAll } from '../../src/shadow/reach';
import { parseSavedName } from '../../src/shadow/lexicon';
import { seededRandom } from '../../src/stats/random';

const USERS = 1_000_000;
const NON_USERS = 2_000_000;
const SEED = 15;

void benchmark({
  name: 'shadow-reach-all',
  issue: 'shadow',
  params: { users: USERS, nonUsers: NON_USERS, theta: 0.5, seed: SEED },
  target: { seconds: 60, peakRssMb: 6144 },
  setup: () => {
    const rng = seededRandom(SEED);
    // Graph: each user u linked to u±1..u±8 (ring) and 4 random users; symmetric, weight 1 or ½.
    const offsets = new Int32Array(USERS + 1);
    const extra = new Int32Array(USERS * 4);
    for (let i = 0; i < extra.length; i++) extra[i] = Math.floor(rng() * USERS);
    const deg = new Int32Array(USERS);
    for (let u = 0; u < USERS; u++) { deg[u]! += 16; for (let j = 0; j < 4; j++) { const v = extra[u * 4 + j]!; if (v !== u) { deg[u]!++; deg[v]!++; } } }
    for (let u = 0; u < USERS; u++) offsets[u + 1] = offsets[u]! + deg[u]!;
    const targets = new Int32Array(offsets[USERS]!);
    const weights = new Float64Array(offsets[USERS]!);
    const fill = offsets.slice(0, USERS);
    for (let u = 0; u < USERS; u++) {
      for (let k = 1; k <= 8; k++) {
        for (const v of [(u + k) % USERS, (u - k + USERS) % USERS]) { targets[fill[u]!] = v; weights[fill[u]!++] = k % 3 === 0 ? 0.5 : 1; }
      }
      for (let j = 0; j < 4; j++) {
        const v = extra[u * 4 + j]!;
        if (v === u) continue;
        targets[fill[u]!] = v; weights[fill[u]!++] = 0.5;
        targets[fill[v]!] = u; weights[fill[v]!++] = 0.5;
      }
    }
    const graph: WeightedCsr = { n: USERS, offsets: Uint32Array.from(offsets), targets, weights };
    // Index: non-user g held by 1-15 users around a random centre (distinct holders).
    const io = new Int32Array(NON_USERS + 1);
    const sizes = new Int32Array(NON_USERS);
    for (let g = 0; g < NON_USERS; g++) { sizes[g] = 1 + Math.floor(rng() * 15); io[g + 1] = io[g]! + sizes[g]!; }
    const holders = new Int32Array(io[NON_USERS]!);
    for (let g = 0; g < NON_USERS; g++) {
      const c = Math.floor(rng() * USERS);
      for (let j = 0; j < sizes[g]!; j++) holders[io[g]! + j] = (c + 3 * j) % USERS;
    }
    const payload = new Int32Array(holders.length).map((_, i) => i % 4);
    const savedName = ['老同事', '小刘', '刘洋', null];
    const index = {
      keyHi: new Uint32Array(NON_USERS), keyLo: new Uint32Array(NON_USERS), offsets: io, holders, payload,
      userOf: new Int32Array(NON_USERS).fill(-1), nonUsers: Int32Array.from({ length: NON_USERS }, (_, g) => g), duplicateEntries: 0, duplicateUserNumbers: 0,
    } as NumberIndex;
    return { graph, index, savedName };
  },
  run: (d) => {
    const loadBefore = loadavg()[0]!;
    const t0 = process.hrtime.bigint();
    const all = secondDegreeReachAll({ index: d.index, graph: d.graph, books: { savedName: d.savedName } }, { theta: 0.5 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    // Contrast (not part of `seconds`): the per-target estimator on 200 non-users, extrapolated.
    const sample = 200;
    const t1 = process.hrtime.bigint();
    let agree = 0;
    for (let k = 0; k < sample; k++) {
      const g = k * Math.floor(NON_USERS / sample);
      const hs = d.index.holders.subarray(d.index.offsets[g]!, d.index.offsets[g + 1]!);
      const r = recommendContacts({ holders: hs, intimacy: Float64Array.from(hs, (_, i) => parseSavedName(d.savedName[d.index.payload![d.index.offsets[g]! + i]!] ?? null).intimacy), graph: d.graph, theta: 0.5 });
      if (r.count === all.recommended[g]) agree++;
    }
    const perTargetSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    let total = 0;
    for (let k = 0; k < all.recommended.length; k++) total += all.recommended[k]!;
    return {
      throughput: all.steps / seconds,
      throughputUnit: 'two-hop steps/s',
      quality: { perTargetAgreesOnSample: agree / sample },
      extra: {
        loadAverage1m: { before: loadBefore, after: loadavg()[0]!, cpus: 2 },
        nonUsers: all.groups.length,
        steps: all.steps,
        meanRecommended: total / all.recommended.length,
        perTarget: { sample, seconds: perTargetSeconds, extrapolatedSecondsForAll: (perTargetSeconds / sample) * NON_USERS },
      },
    };
  },
});
