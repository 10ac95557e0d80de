/**
 * Second-degree reach of EVERY non-user in one pass: for each number held by registered users
 * but belonging to none, the count of users the closeness-weighted common-friend estimator of
 * closeness.ts would recommend at threshold theta, and the count with any common friend.
 *
 * One pass over the number → holders CSR (`view.index`) and the user graph CSR (`view.graph`):
 * for non-user t with holders H(t), closeness c(h) = ½·|N(h) ∩ H(t)| / (|H(t)| − 1) + ½·i(h),
 * then score(u) = Σ_h c(h)·a(h,u) accumulated into one scratch array that is reset only where it
 * was touched. Work is Σ_t Σ_{h ∈ H(t)} deg(h) (the two-hop walks from the non-users), memory
 * O(users); nothing is quadratic in the number of users or non-users. The per-target
 * `recommendContacts` (used for one SMS) allocates a score array of all users per call, which is
 * O(non-users × users) when run for everyone.
 *
 * @example
 * const r = secondDegreeReachAll(view, { theta: 0.5 });
 * r.recommended[k]  // recommended contacts of non-user view.index.nonUsers[k]
 */
import { parseSavedName } from './lexicon';
import type { AddressBooks } from './load';
import type { PlatformView } from './view';

/** What the one pass reads of the platform's view. */
export type ReachInput = Pick<PlatformView, 'index' | 'graph'> & { books: Pick<AddressBooks, 'savedName'> };

export interface ReachAll {
  theta: number;
  /** Group ids of the non-users (as `view.index.nonUsers`). */
  groups: Int32Array;
  friendsWaiting: Int32Array;
  /** Users with a positive score (any common friend). */
  candidates: Int32Array;
  /** Users with score ≥ theta. */
  recommended: Int32Array;
  /** Two-hop steps walked (the work done). */
  steps: number;
}

/** Reach of every non-user at `theta` (see the module comment). */
export function secondDegreeReachAll(view: ReachInput, options: { theta: number }): ReachAll {
  const { index, graph, books } = view;
  const { offsets: go, targets: gt, weights: gw } = graph;
  const theta = options.theta;
  const groups = index.nonUsers;
  const m = groups.length;
  const friendsWaiting = new Int32Array(m);
  const candidates = new Int32Array(m);
  const recommended = new Int32Array(m);
  const score = new Float64Array(graph.n);
  const holderMark = new Int32Array(graph.n).fill(-1);
  const touched = new Int32Array(graph.n);
  const seen = new Int32Array(graph.n).fill(-1);
  const intimacyCache = new Map<string | null, number>();
  const intimacy = (e: number): number => {
    const s = books.savedName[e] ?? null;
    let v = intimacyCache.get(s);
    if (v === undefined) intimacyCache.set(s, (v = parseSavedName(s).intimacy));
    return v;
  };
  let steps = 0;
  for (let k = 0; k < m; k++) {
    const g = groups[k]!;
    const a = index.offsets[g]!, b = index.offsets[g + 1]!;
    const size = b - a;
    friendsWaiting[k] = size;
    for (let i = a; i < b; i++) holderMark[index.holders[i]!] = k;
    let nTouched = 0;
    for (let i = a; i < b; i++) {
      const h = index.holders[i]!;
      let common = 0;
      for (let e = go[h]!; e < go[h + 1]!; e++) if (holderMark[gt[e]!] === k) common++;
      const c = 0.5 * (size > 1 ? common / (size - 1) : 0) + 0.5 * intimacy(index.payload![i]!);
      for (let e = go[h]!; e < go[h + 1]!; e++) {
        const u = gt[e]!;
        if (holderMark[u] === k) continue;
        if (seen[u] !== k) { seen[u] = k; touched[nTouched++] = u; }
        score[u] += c * gw[e]!;
      }
      steps += go[h + 1]! - go[h]!;
    }
    let cand = 0, rec = 0;
    for (let j = 0; j < nTouched; j++) {
      const u = touched[j]!;
      if (score[u]! > 0) cand++;
      if (score[u]! >= theta - 1e-12) rec++;
      score[u] = 0;
    }
    candidates[k] = cand;
    recommended[k] = rec;
  }
  return { theta, groups, friendsWaiting, candidates, recommended, steps };
}
