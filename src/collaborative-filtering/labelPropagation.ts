/**
 * Iterative label propagation with clamped known labels: start from the labelled nodes; at
 * each iteration every unlabelled node takes the majority value among its neighbours' current
 * values (labelled neighbours vote with their true label, unlabelled ones with their guess from
 * the previous iteration: synchronous update, so the result does not depend on node order).
 * Hard-label majority updates as in Raghavan, Albert & Kumara, "Near linear time algorithm to
 * detect community structures in large-scale networks", Phys. Rev. E 76 (2007); clamping of
 * the known labels as in Zhu & Ghahramani, "Learning from labeled and unlabeled data with label
 * propagation", CMU-CALD-02-107 (2002). Stops early when no guess changes.
 *
 * A guess counts `guessWeight` (default 0.1) of a known label, so known neighbours outvote
 * propagated guesses. Iteration 1 equals the neighbour vote; later iterations reach nodes with
 * no labelled neighbour. Like the vote, it can only output values some labelled node holds.
 * Only nodes with a neighbour whose guess changed are recomputed (exact: the other votes
 * cannot change), so late iterations are cheap.
 *
 * @example
 * // path 0 - 1 - 2 - 3, only node 0 labelled (4): after 3 iterations every node says 4
 * const g = csrFromEdges(4, Int32Array.from([0, 1, 2]), Int32Array.from([1, 2, 3]));
 * labelPropagation(g, Int32Array.from([4, -1, -1, -1])).predicted; // => Int32Array [4, 4, 4]
 */
import type { CsrGraph } from '../graph/csr';
import { frequencyRanks, isMulti, labelCount, unlabelledNodes, valueSpace, type Labels } from './labels';
import { tallyNeighbours, vote, type Predictions, type Tally } from './vote';

export interface LabelPropagationOptions {
  /** Maximum iterations (default 10). */
  iterations?: number;
  /** Nodes to report (default: all unlabelled nodes; all unlabelled nodes are updated regardless). */
  targets?: Int32Array;
  rank?: Int32Array;
  /** Weight votes by closeness. */
  weighted?: boolean;
  /** Weight of a neighbour's propagated guess relative to a known label (default 0.1). */
  guessWeight?: number;
  /** Progress callback (node updates done, iterations × unlabelled nodes). */
  onProgress?: (done: number, total: number) => void;
}

export interface LabelPropagationResult extends Predictions {
  /** Iterations run. */
  iterations: number;
  /** Number of guesses that changed in each iteration. */
  changes: number[];
}

export function labelPropagation(g: CsrGraph, labels: Labels, options: LabelPropagationOptions = {}): LabelPropagationResult {
  const maxIter = options.iterations ?? 10;
  if (!(maxIter >= 1) || !Number.isInteger(maxIter)) throw new RangeError(`iterations must be a positive integer, got ${maxIter}`);
  const n = labelCount(labels);
  const free = unlabelledNodes(labels);
  const rank = options.rank ?? frequencyRanks(labels, valueSpace(labels));
  let cur = new Int32Array(n).fill(-1);
  const changes: number[] = [];
  let arcs = 0;
  let support: Float64Array = new Float64Array(free.length);
  const F = free.length;
  if (!isMulti(labels) && !options.weighted) {
    // Fast path: one state array in `tallyNeighbours`' encoding (known labels as l >= 0, guesses
    // as -(g + 2), none as -1), so each arc costs one random access.
    const state = labels.slice();
    const gw = Math.round((options.guessWeight ?? 0.1) * 1000);
    const space = valueSpace(labels);
    if (rank.length < space) throw new RangeError(`rank has ${rank.length} entries for ${space} values`);
    const counts = new Int32Array(space);
    let maxDeg = 0;
    for (let i = 0; i < F; i++) {
      const t = free[i]!;
      maxDeg = Math.max(maxDeg, g.offsets[t + 1]! - g.offsets[t]!);
    }
    const touched = new Int32Array(Math.max(16, maxDeg));
    const tally: Tally = { total: 0, touched };
    const guess = new Int32Array(F).fill(-1);
    const off = g.offsets;
    const tg = g.targets;
    // Change tracking: a node's vote can only change if a neighbour's guess changed in the
    // previous iteration (known labels never change), so only those nodes are recomputed.
    // The result is identical to recomputing every node every iteration.
    let dirty = new Uint8Array(n).fill(1);
    const changedList = new Int32Array(F);
    for (let it = 0; it < maxIter; it++) {
      let changed = 0;
      for (let i = 0; i < F; i++) {
        const t = free[i]!;
        if (!dirty[t]) continue;
        const a = off[t]!;
        const b = off[t + 1]!;
        arcs += b - a;
        const best = tallyNeighbours(tg, a, b, state, 1000, gw, counts, touched, rank, tally);
        if (best !== guess[i]) changedList[changed++] = i;
        guess[i] = best;
        support[i] = tally.total / 1000;
        if (options.onProgress && (i + 1) % (1 << 18) === 0) options.onProgress(it * F + i + 1, maxIter * F);
      }
      // Synchronous update: publish this iteration's guesses only after every node has voted,
      // and mark the neighbours of changed nodes for the next iteration.
      const nextDirty = new Uint8Array(n);
      for (let c = 0; c < changed; c++) {
        const i = changedList[c]!;
        const t = free[i]!;
        state[t] = guess[i]! >= 0 ? -guess[i]! - 2 : -1;
        for (let k = off[t]!; k < off[t + 1]!; k++) nextDirty[tg[k]!] = 1;
      }
      dirty = nextDirty;
      changes.push(changed);
      if (changed === 0) break;
    }
    for (let i = 0; i < F; i++) cur[free[i]!] = guess[i]!;
  } else {
    for (let it = 0; it < maxIter; it++) {
      const res = vote(g, labels, cur, {
        targets: free,
        rank,
        guessWeight: options.guessWeight ?? 0.1,
        ...(options.weighted ? { weighted: true } : {}),
        ...(options.onProgress ? { onProgress: (d: number) => options.onProgress!(it * F + d, maxIter * F) } : {}),
      });
      arcs += res.arcsScanned;
      const next = new Int32Array(n).fill(-1);
      let changed = 0;
      for (let i = 0; i < F; i++) {
        const t = free[i]!;
        const p = res.predicted[i]!;
        next[t] = p;
        if (p !== cur[t]) changed++;
      }
      cur = next;
      support = res.support;
      changes.push(changed);
      if (changed === 0) break;
    }
  }
  options.onProgress?.(maxIter * F, maxIter * F);
  const targets = options.targets ?? free;
  const predicted = new Int32Array(targets.length);
  const sup = new Float64Array(targets.length);
  // support is indexed by position in `free`; map node -> position.
  const pos = new Int32Array(n).fill(-1);
  for (let i = 0; i < F; i++) pos[free[i]!] = i;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    predicted[i] = cur[t]!;
    sup[i] = pos[t]! >= 0 ? support[pos[t]!]! : 0;
  }
  return { targets, predicted, support: sup, arcsScanned: arcs, iterations: changes.length, changes };
}
