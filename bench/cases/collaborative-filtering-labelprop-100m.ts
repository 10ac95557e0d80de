/**
 * collaborative-filtering-labelprop-100m (issue 6): label propagation, 10 synchronous iterations, over a 5M-node /
 * 100M-edge graph with 20% of nodes labelled; one core. Target: under 120 s.
 * Setup (graph generation, labels) is timed separately. Throughput counts 100M edges per
 * iteration run (the result equals full synchronous recomputation; nodes with no changed
 * neighbour are skipped exactly, see `arcsScanned` for the arcs actually read).
 */
import { labelPropagation } from '../../src/collaborative-filtering/labelPropagation';
import { CF_GRAPH, CF_LABELLED_PARAMS, cfLabelledGraph, timedWithProgress } from '../collaborative-filtering-common';
import { benchmark } from '../lib';

const ITERATIONS = 10;

void benchmark({
  name: 'collaborative-filtering-labelprop-100m',
  issue: 'collaborative-filtering',
  params: { ...CF_LABELLED_PARAMS, iterations: ITERATIONS },
  target: { seconds: 120 },
  setup: cfLabelledGraph,
  run: ({ g, truth, known, hidden }) => {
    const { result: r, seconds } = timedWithProgress(ITERATIONS * hidden.length, 'collaborative-filtering-labelprop-100m node updates', (onProgress) =>
      labelPropagation(g, known, { iterations: ITERATIONS, targets: hidden, onProgress }),
    );
    let hit = 0;
    for (let i = 0; i < hidden.length; i++) if (r.predicted[i] === truth[hidden[i]!]) hit++;
    return {
      throughput: Math.round((CF_GRAPH.edges * r.iterations) / seconds),
      throughputUnit: 'edge-iterations/s',
      quality: { accuracyHidden: hit / hidden.length, iterationsRun: r.iterations },
      extra: { arcsScanned: r.arcsScanned, changesPerIteration: r.changes },
    };
  },
});
