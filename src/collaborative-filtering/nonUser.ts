/**
 * The case's observation geometry (certificate No. 704, FACTS.md): a non-user is seen by the
 * platform only through the 1-3 registered users who uploaded his number, not through a full
 * friend list. This module simulates that: sample non-users with registered contacts, keep
 * only the edges the platform could see (every edge with a registered end: uploaded address
 * books), cut each target's view down to his chosen uploaders, run every method, and measure
 * per-field accuracy and the JOINT accuracy of all displayed fields being right at once (the
 * certificate shows occupation and tags together).
 *
 * @example
 * const sim = generateSocialGraph({ nodes: 20000, edges: 200000, seed: 1 });
 * const obs = observe(sim.values, { registeredShare: 0.2, seed: 2 });
 * const r = simulateNonUsers(sim, obs, { targets: 300, seed: 3 });
 * r.joint.bayes; // share of the 300 whose displayed fields would all be inferred right
 */
import { deriveSeed, seededRandom, shuffleInPlace } from '../stats/random';
import { csrFromEdges, type CsrGraph } from '../graph/csr';
import type { SocialGraph } from './generator';
import { ALL_METHODS, runMethods, type MethodName, type MethodsResult } from './methods';
import type { Observation } from './observation';
import { predictionConfidence } from './vote';

export interface NonUserParams {
  /** Displayed fields compared (default ['employer', 'title', 'tags']: occupation and tags). */
  fields?: string[];
  /** Number of non-users sampled (default 300: "300+" in certificate 704). */
  targets?: number;
  /**
   * Registered contacts (holders) per non-user whose books the platform sees: drawn uniformly in
   * [min, max] and capped by availability (default 1..3); with `allHolders`, every registered
   * contact up to max. Only non-users with at least min registered contacts are eligible.
   */
  uploaders?: { min: number; max: number };
  /** See every registered contact up to `uploaders.max` (default false: uniform draw). */
  allHolders?: boolean;
  methods?: readonly MethodName[];
  knnK?: number;
  labelPropagationIterations?: number;
  seed: number;
}

export interface FieldResult extends Pick<MethodsResult, 'accuracy' | 'copyCeiling' | 'coverage' | 'targetsWithKnownValue'> {
  field: string;
}

/** Per target and field, what the selective-display curves need (target order). */
export interface PerTargetOutcome {
  /** 1 when the target's true value of the field is known (others are left out of every rate). */
  knownTruth: Uint8Array;
  /** Per method: 1 = predicted right. */
  correct: Partial<Record<MethodName | 'copyCeiling', Uint8Array>>;
  /** Per method: the method's own confidence in its prediction (votes, closeness, similarity, posterior); 0 = no prediction. */
  confidence: Partial<Record<MethodName, Float64Array>>;
}

export interface NonUserResult {
  targets: Int32Array;
  uploaderCounts: Int32Array;
  /** Non-users eligible (not registered, with at least `uploaders.min` registered contacts). */
  eligible: number;
  fields: string[];
  perField: FieldResult[];
  /**
   * Share of targets with ALL fields right, per method, and for the copy ceiling (all fields held
   * by some holder), over the targets whose every field has a known true value.
   */
  joint: Partial<Record<MethodName | 'copyCeiling', number>>;
  /** Denominator of `joint`: targets with every field's true value known. */
  jointTargetsWithKnownValue: number;
  /** Per field, per target: correctness and confidence (for coverage-precision curves). */
  outcomes: Record<string, PerTargetOutcome>;
  /** The best joint accuracy among the methods and the copy ceiling: the most generous figure for the defence. */
  best: { method: MethodName | 'copyCeiling'; accuracy: number };
  /** The graph as the platform sees it (targets cut to their uploaders). */
  observed: CsrGraph;
  /** Per-field P(true group | data) under the generator (Bayes), for entropy estimates. */
  truthProbability: Record<string, Float64Array | undefined>;
}

/** Distinct registered neighbours of u. */
function registeredNeighbours(g: CsrGraph, reg: Uint8Array, u: number): number[] {
  const out: number[] = [];
  for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
    const v = g.targets[a]!;
    if (reg[v] && v !== u && !out.includes(v)) out.push(v);
  }
  return out;
}

export function simulateNonUsers(sim: SocialGraph, obs: Observation, params: NonUserParams): NonUserResult {
  const g = sim.graph;
  const fields = params.fields ?? ['employer', 'title', 'tags'];
  for (const f of fields) if (!sim.values[f] || !obs.known[f]) throw new RangeError(`unknown field '${f}'`);
  const want = params.targets ?? 300;
  const umin = params.uploaders?.min ?? 1;
  const umax = params.uploaders?.max ?? 3;
  if (!(umin >= 1 && umax >= umin)) throw new RangeError(`uploaders must satisfy 1 <= min <= max, got ${umin}..${umax}`);
  const reg = obs.registered;
  const rng = seededRandom(deriveSeed(params.seed, 'non-users'));

  // Eligible non-users.
  const eligibleList: number[] = [];
  for (let u = 0; u < g.n; u++) {
    if (reg[u]) continue;
    let c = 0;
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]! && c < umin; a++) if (reg[g.targets[a]!]) c++;
    if (c >= umin) eligibleList.push(u);
  }
  const eligible = Int32Array.from(eligibleList);
  shuffleInPlace(rng, eligible);
  const targets = eligible.slice(0, Math.min(want, eligible.length)).sort();
  const isTarget = new Int32Array(g.n).fill(-1);
  targets.forEach((t, i) => (isTarget[t] = i));
  const uploadersOf: number[][] = [];
  const uploaderCounts = new Int32Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const regN = registeredNeighbours(g, reg, targets[i]!).sort((a, b) => a - b);
    const r = Math.min(regN.length, params.allHolders ? umax : umin + Math.floor(rng() * (umax - umin + 1)));
    const pick = Int32Array.from(regN);
    shuffleInPlace(rng, pick);
    uploadersOf.push(Array.from(pick.subarray(0, r)));
    uploaderCounts[i] = r;
  }

  // The observed graph: edges with a registered end; targets keep only their uploaders.
  const src: number[] = [];
  const dst: number[] = [];
  const wts: number[] = [];
  for (let u = 0; u < g.n; u++) {
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
      const v = g.targets[a]!;
      if (v <= u) continue;
      if (!reg[u] && !reg[v]) continue;
      if (isTarget[u]! >= 0 && !uploadersOf[isTarget[u]!]!.includes(v)) continue;
      if (isTarget[v]! >= 0 && !uploadersOf[isTarget[v]!]!.includes(u)) continue;
      src.push(u);
      dst.push(v);
      if (g.weights) wts.push(g.weights[a]!);
    }
  }
  const observed = csrFromEdges(g.n, Int32Array.from(src), Int32Array.from(dst), g.weights ? { weights: Float64Array.from(wts) } : {});

  const methods = params.methods ?? ALL_METHODS;
  const perField: FieldResult[] = [];
  const flags: Partial<Record<MethodName | 'copyCeiling', Uint8Array[]>> = {};
  const truthProbability: Record<string, Float64Array | undefined> = {};
  const outcomes: Record<string, PerTargetOutcome> = {};
  const allKnown = new Uint8Array(targets.length).fill(1);
  for (const f of fields) {
    const r = runMethods(observed, obs.known[f]!, sim.values[f]!, targets, {
      methods,
      ...(sim.models[f] ? { model: sim.models[f] } : {}),
      ...(sim.groups[f] ? { groups: sim.groups[f] } : {}),
      ...(params.knnK ? { knnK: params.knnK } : {}),
      ...(params.labelPropagationIterations ? { labelPropagationIterations: params.labelPropagationIterations } : {}),
    });
    perField.push({ field: f, accuracy: r.accuracy, copyCeiling: r.copyCeiling, coverage: r.coverage, targetsWithKnownValue: r.targetsWithKnownValue });
    truthProbability[f] = r.truthProbability;
    for (let i = 0; i < targets.length; i++) if (!r.knownTruth[i]) allKnown[i] = 0;
    const confidence: PerTargetOutcome['confidence'] = {};
    for (const m of methods) {
      const p = r.predictions[m];
      if (p) confidence[m] = predictionConfidence(p);
    }
    outcomes[f] = { knownTruth: r.knownTruth, correct: { ...r.correct, copyCeiling: r.reachable }, confidence };
    for (const m of methods) if (r.correct[m]) (flags[m] ??= []).push(r.correct[m]!);
    (flags.copyCeiling ??= []).push(r.reachable);
  }
  const joint: Partial<Record<MethodName | 'copyCeiling', number>> = {};
  let jointTargets = 0;
  for (let i = 0; i < targets.length; i++) jointTargets += allKnown[i]!;
  let best: { method: MethodName | 'copyCeiling'; accuracy: number } = { method: 'copyCeiling', accuracy: 0 };
  for (const [m, list] of Object.entries(flags) as Array<[MethodName | 'copyCeiling', Uint8Array[]]>) {
    if (list.length !== fields.length) continue; // method not run for every field
    let c = 0;
    for (let i = 0; i < targets.length; i++) if (allKnown[i] && list.every((fl) => fl[i] === 1)) c++;
    joint[m] = jointTargets ? c / jointTargets : 0;
    if (joint[m]! > best.accuracy || (joint[m] === best.accuracy && m !== 'copyCeiling' && best.method === 'copyCeiling')) best = { method: m, accuracy: joint[m]! };
  }
  return { targets, uploaderCounts, eligible: eligible.length, fields, perField, joint, jointTargetsWithKnownValue: jointTargets, outcomes, best, observed, truthProbability };
}
