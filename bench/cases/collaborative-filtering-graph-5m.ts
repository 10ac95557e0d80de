/**
 * collaborative-filtering-graph-5m (issue 6): generate the 5,000,000-node / 100,000,000-edge contact graph with
 * communities and attributes as CSR typed arrays; target: under 4 GB peak RSS.
 * Measured: everything (activity weights, groups, alias tables, edges, counting-sort CSR).
 */
import { generateSocialGraph } from '../../src/collaborative-filtering/generator';
import { CF_GRAPH, timedWithProgress } from '../collaborative-filtering-common';
import { benchmark } from '../lib';

void benchmark({
  name: 'collaborative-filtering-graph-5m',
  issue: 'collaborative-filtering',
  params: { nodes: CF_GRAPH.nodes, edges: CF_GRAPH.edges, homophily: 0.6, degreeExponent: 2.5, seed: CF_GRAPH.seed },
  target: { seconds: 240, peakRssMb: 4096 },
  setup: () => null,
  run: () => {
    const { result: sim, seconds } = timedWithProgress(CF_GRAPH.edges, 'collaborative-filtering-graph-5m edges', (onProgress) =>
      generateSocialGraph({ nodes: CF_GRAPH.nodes, edges: CF_GRAPH.edges, seed: CF_GRAPH.seed, onProgress }),
    );
    let maxDeg = 0;
    for (let u = 0; u < sim.graph.n; u++) maxDeg = Math.max(maxDeg, sim.graph.offsets[u + 1]! - sim.graph.offsets[u]!);
    return {
      throughput: Math.round(CF_GRAPH.edges / seconds),
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
