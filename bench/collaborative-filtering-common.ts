/**
 * Shared set-up of the contact-graph (cf-*) benchmarks; each case in bench/cases/ stays one
 * benchmark runnable as `npm run bench -- <name>`.
 *
 * - `CF_GRAPH`: the 5,000,000-node / 100,000,000-edge graph of the case (seed 2014).
 * - `cfLabelledGraph`: that graph with its `employer` values as truth and a seeded 20% of the
 *   labelled nodes kept known (`hideLabels`); the rest are the hidden nodes to predict.
 * - `timedWithProgress`: run the measured call with a progress bar, timing the call alone.
 */
import { generateSocialGraph } from '../src/collaborative-filtering/generator';
import { hideLabels } from '../src/collaborative-filtering/observation';
import { progress } from '../src/report/progress';

export const CF_GRAPH = { nodes: 5_000_000, edges: 100_000_000, seed: 2014 } as const;

/** Share of the labelled nodes whose value stays known. */
export const CF_KNOWN_SHARE = 0.2;

/** Parameters the vote and label-propagation benchmarks report before their own. */
export const CF_LABELLED_PARAMS = {
  nodes: CF_GRAPH.nodes,
  edges: CF_GRAPH.edges,
  seed: CF_GRAPH.seed,
  attribute: 'employer',
  knownShare: CF_KNOWN_SHARE,
} as const;

/** The benchmark graph, the true employer per node, the known labels and the hidden nodes. */
export function cfLabelledGraph() {
  const sim = generateSocialGraph({ nodes: CF_GRAPH.nodes, edges: CF_GRAPH.edges, seed: CF_GRAPH.seed });
  const truth = sim.values.employer!;
  const { known, hidden } = hideLabels(truth, CF_KNOWN_SHARE, CF_GRAPH.seed);
  return { g: sim.graph, truth, known, hidden };
}

/**
 * Run `work` with a progress bar of `total` steps labelled `label` (work reports cumulative
 * progress through the callback it is given); `seconds` times `work` alone.
 */
export function timedWithProgress<T>(total: number, label: string, work: (onProgress: (done: number) => void) => T): { result: T; seconds: number } {
  const bar = progress(total, label);
  let last = 0;
  const t0 = process.hrtime.bigint();
  const result = work((d) => {
    bar.tick(d - last);
    last = d;
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  bar.done();
  return { result, seconds };
}
