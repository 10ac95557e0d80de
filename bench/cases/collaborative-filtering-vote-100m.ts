/**
 * collaborative-filtering-vote-100m (issue 6): neighbour majority vote over a 5M-node / 100M-edge graph, every node
 * as a target so each of the 100M edges is read from both ends (200M arcs); one core.
 * Target: under 10 s (>= 10M edges/s). Setup (graph generation, labels) is timed separately.
 */
import { neighbourVote } from '../../src/collaborative-filtering/vote';
import { CF_GRAPH, CF_LABELLED_PARAMS, cfLabelledGraph, timedWithProgress } from '../collaborative-filtering-common';
import { benchmark } from '../lib';

void benchmark({
  name: 'collaborative-filtering-vote-100m',
  issue: 'collaborative-filtering',
  params: { ...CF_LABELLED_PARAMS, targets: 'all nodes' },
  target: { seconds: 10, throughput: 1e7 },
  setup: () => {
    const { g, truth, known } = cfLabelledGraph();
    const all = new Int32Array(CF_GRAPH.nodes);
    for (let i = 0; i < CF_GRAPH.nodes; i++) all[i] = i;
    return { g, truth, known, all };
  },
  run: ({ g, truth, known, all }) => {
    const { result: p, seconds } = timedWithProgress(all.length, 'collaborative-filtering-vote-100m targets', (onProgress) =>
      neighbourVote(g, known, { targets: all, onProgress }),
    );
    // Quality on the hidden nodes only.
    let hit = 0;
    let hidden = 0;
    for (let i = 0; i < all.length; i++) {
      if (known[i]! >= 0 || truth[i]! < 0) continue;
      hidden++;
      if (p.predicted[i] === truth[i]) hit++;
    }
    return {
      throughput: Math.round(CF_GRAPH.edges / seconds),
      throughputUnit: 'edges/s',
      quality: { accuracyHidden: hit / hidden },
      extra: { arcsScanned: p.arcsScanned, arcsPerSecond: Math.round(p.arcsScanned / seconds) },
    };
  },
});
