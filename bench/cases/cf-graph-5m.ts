/**
 * cf-graph-5m (issue 6): generate the 5,000,000-node / 100,000,000-edge contact graph with
 * communities and attributes as CSR typed arrays; target: under 4 GB peak RSS.
 * Measured: everything (activity weights, groups, alias tables, edges, counting-sort CSR).
 */
import { generateSocialGraph } from '../../src/inference/generator';
import { progress } from '../../src/report/progress';
import { benchmark } from '../lib';

const NODES = 5_000_000;
const EDGES = 100_000_000;
const SEED = 2014;

void benchmark({
  name: 'cf-graph-5m',
  issue: 'inference',
  params: { nodes: NODES, edges: EDGES, homophily: 0.6, degreeExponent: 2.5, seed: SEED },
  target: { seconds: 240, peakRssMb: 4096 },
  setup: () => null,
  run: () => {
    const t0 = process.hrtime.bigint();
    const bar = progress(EDGES, 'cf-graph-5m edges');
    let last = 0;
    const sim = generateSocialGraph({
      nodes: NODES,
      edges: EDGES,
      seed: SEED,
      onProgress: (d) => {
        bar.tick(d - last);
        last = d;
      },
    });
    bar.done();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    let maxDeg = 0;
    for (let u = 0; u < sim.graph.n; u++) maxDeg = Math.max(maxDeg, sim.graph.offsets[u + 1]! - sim.graph.offsets[u]!);
    return {
      throughput: Math.round(EDGES / seconds),
      throughputUnit: 'edges/s',
      extra: {
        arcs: sim.graph.targets.length,
        maxDegree: maxDeg,
        meanDegree: sim.graph.targets.length / sim.graph.n,
        csrMb: Math.round((sim.graph.targets.byteLength + sim.graph.offsets.byteLength) / 2 ** 20),
      },
    };
  },
});
