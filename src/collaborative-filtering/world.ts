/**
 * Simulated-world experiments behind notebook 04: accuracy against the size of the data source
 * (share of the population registered) and attribute type, in two geometries (full friend list
 * as in Mislove et al. 2010, or a non-user seen only through the registered users holding his
 * number); joint accuracy of several fields at once; Fano ceilings as the known share falls.
 * All seeded; every result row says which seed produced it.
 *
 * @example
 * const rows = accuracyVsKnownShare(sim, { shares: [0.01, 0.1], geometry: 'non-user', seed: 1 });
 * rows[0]; // { share: 0.01, field: 'employer', method: 'vote', accuracy: ..., ... }
 */
import { deriveSeed, seededRandom, shuffleInPlace } from '../stats/random';
import {
  bootstrapConditionalEntropy,
  conditionalEntropyFromSamples,
  fanoMaxAccuracy,
  posteriorConditionalEntropy,
} from './fano';
import type { SocialGraph } from './generator';
import { ALL_METHODS, runMethods, type MethodName } from './methods';
import { simulateNonUsers } from './nonUser';
import { observe, type ObservationParams } from './observation';

export type Geometry = 'full' | 'non-user';

export interface AccuracyRow {
  share: number;
  field: string;
  method: MethodName | 'copyCeiling' | 'joint';
  accuracy: number;
  targets: number;
  geometry: Geometry;
  seed: number;
}

export interface AccuracyVsShareOptions {
  shares: number[];
  fields?: string[];
  methods?: readonly MethodName[];
  geometry?: Geometry;
  /** Targets per share (default 300). */
  targets?: number;
  observation?: Omit<ObservationParams, 'registeredShare' | 'seed'>;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

/** Sample up to `count` non-registered nodes (full geometry targets). */
function sampleNonRegistered(reg: Uint8Array, count: number, seed: number): Int32Array {
  const pool: number[] = [];
  for (let i = 0; i < reg.length; i++) if (!reg[i]) pool.push(i);
  const arr = Int32Array.from(pool);
  shuffleInPlace(seededRandom(deriveSeed(seed, 'full-targets')), arr);
  return arr.slice(0, Math.min(count, arr.length)).sort();
}

/** Accuracy of each method and the copy ceiling per field and registered share. */
export function accuracyVsKnownShare(sim: SocialGraph, options: AccuracyVsShareOptions): AccuracyRow[] {
  const fields = options.fields ?? ['employer', 'title', 'school', 'city', 'tags'];
  const methods = options.methods ?? ALL_METHODS;
  const geometry = options.geometry ?? 'non-user';
  const rows: AccuracyRow[] = [];
  let done = 0;
  for (const share of options.shares) {
    const obs = observe(sim.values, { ...(options.observation ?? {}), registeredShare: share, seed: deriveSeed(options.seed, `obs:${share}`) });
    if (geometry === 'non-user') {
      const r = simulateNonUsers(sim, obs, { fields, methods, targets: options.targets ?? 300, seed: deriveSeed(options.seed, `nu:${share}`) });
      const T = r.targets.length;
      for (const f of r.perField) {
        for (const m of methods) if (f.accuracy[m] !== undefined) rows.push({ share, field: f.field, method: m, accuracy: f.accuracy[m]!, targets: T, geometry, seed: options.seed });
        rows.push({ share, field: f.field, method: 'copyCeiling', accuracy: f.copyCeiling, targets: T, geometry, seed: options.seed });
      }
      for (const [m, a] of Object.entries(r.joint)) rows.push({ share, field: 'joint', method: m as MethodName, accuracy: a, targets: T, geometry, seed: options.seed });
    } else {
      const targets = sampleNonRegistered(obs.registered, options.targets ?? 300, deriveSeed(options.seed, `full:${share}`));
      for (const f of fields) {
        const r = runMethods(sim.graph, obs.known[f]!, sim.values[f]!, targets, {
          methods,
          ...(sim.models[f] ? { model: sim.models[f] } : {}),
        });
        for (const m of methods) if (r.accuracy[m] !== undefined) rows.push({ share, field: f, method: m, accuracy: r.accuracy[m]!, targets: targets.length, geometry, seed: options.seed });
        rows.push({ share, field: f, method: 'copyCeiling', accuracy: r.copyCeiling, targets: targets.length, geometry, seed: options.seed });
      }
    }
    options.onProgress?.(++done, options.shares.length);
  }
  return rows;
}

export interface FanoRow {
  share: number;
  field: string;
  /** Alphabet size used in Fano: distinct displayed values in the population. */
  alphabet: number;
  targets: number;
  /** Plug-in H(X|Y), Y = sorted known uploader values; bootstrap 95% interval. */
  hPlugin: number;
  hPluginLower: number;
  hPluginUpper: number;
  hMillerMadow: number;
  /** Model-based H(G|Y) of the focus group under the generator (exact posterior). */
  hModel: number;
  ceilingPlugin: number;
  /** Ceiling from the LOWER end of the bootstrap interval of H (highest ceiling: generous). */
  ceilingPluginUpper: number;
  ceilingMillerMadow: number;
  /** (1 − personalShare) × Fano ceiling on the group from the model-based entropy. */
  ceilingModel: number;
  /** Best accuracy actually reached by the methods. */
  bestObserved: number;
  seed: number;
}

/**
 * Fano ceilings in the case geometry as the registered share falls: per share and field,
 * H(X|Y) with Y = the multiset of the uploaders' known values, estimated by plug-in (with
 * bootstrap interval) and Miller-Madow, and the model-based value; the ceiling from each.
 */
export function fanoByKnownShare(
  sim: SocialGraph,
  options: { shares: number[]; fields?: string[]; targets?: number; bootstrap?: number; seed: number; observation?: Omit<ObservationParams, 'registeredShare' | 'seed'> },
): FanoRow[] {
  const fields = options.fields ?? ['employer', 'title', 'tags'];
  const rows: FanoRow[] = [];
  for (const share of options.shares) {
    const obs = observe(sim.values, { ...(options.observation ?? {}), registeredShare: share, seed: deriveSeed(options.seed, `obs:${share}`) });
    const r = simulateNonUsers(sim, obs, { fields, methods: ['vote', 'bayes'], targets: options.targets ?? 2000, seed: deriveSeed(options.seed, `nu:${share}`) });
    const g = r.observed;
    for (const f of fields) {
      const known = obs.known[f]!;
      const truth = sim.values[f]!;
      const x: number[] = [];
      const y: string[] = [];
      for (const t of r.targets) {
        const vals: number[] = [];
        for (let a = g.offsets[t]!; a < g.offsets[t + 1]!; a++) {
          const l = known[g.targets[a]!]!;
          if (l >= 0) vals.push(l);
        }
        vals.sort((p, q) => p - q);
        x.push(truth[t]!);
        y.push(vals.join(','));
      }
      const alphabet = new Set(truth).size;
      const plug = conditionalEntropyFromSamples(x, y, 'plugin');
      const mm = conditionalEntropyFromSamples(x, y, 'miller-madow');
      const boot = bootstrapConditionalEntropy(x, y, { replicates: options.bootstrap ?? 100, seed: deriveSeed(options.seed, `boot:${share}:${f}`) });
      const model = sim.models[f]!;
      const tp = r.truthProbability[f];
      const hModel = tp ? posteriorConditionalEntropy(tp) : NaN;
      const pf = r.perField.find((p) => p.field === f)!;
      const bestObserved = Math.max(...Object.values(pf.accuracy).map((v) => v ?? 0));
      rows.push({
        share,
        field: f,
        alphabet,
        targets: x.length,
        hPlugin: plug.bits,
        hPluginLower: boot.lower,
        hPluginUpper: boot.upper,
        hMillerMadow: mm.bits,
        hModel,
        ceilingPlugin: fanoMaxAccuracy(plug.bits, alphabet),
        ceilingPluginUpper: fanoMaxAccuracy(boot.lower, alphabet),
        ceilingMillerMadow: fanoMaxAccuracy(mm.bits, alphabet),
        ceilingModel: Number.isFinite(hModel) ? (1 - model.personalShare) * fanoMaxAccuracy(hModel, model.cardinality) : NaN,
        bestObserved,
        seed: options.seed,
      });
    }
  }
  return rows;
}

/** Fano ceiling for X uniform on K values when Y carries `bits` of information about X. */
export function fanoCeilingCurve(cardinalities: number[], informationBits: number[]): Array<{ cardinality: number; bits: number; ceiling: number }> {
  const out: Array<{ cardinality: number; bits: number; ceiling: number }> = [];
  for (const bits of informationBits) {
    for (const k of cardinalities) out.push({ cardinality: k, bits, ceiling: fanoMaxAccuracy(Math.max(0, Math.log2(k) - bits), k) });
  }
  return out;
}

/** Joint accuracy (all fields of a set right at once) in the case geometry, per share and field set. */
export function jointAccuracyVsShare(
  sim: SocialGraph,
  options: { shares: number[]; fieldSets: string[][]; methods?: readonly MethodName[]; targets?: number; seed: number; observation?: Omit<ObservationParams, 'registeredShare' | 'seed'> },
): Array<{ share: number; fields: string; method: MethodName | 'copyCeiling'; accuracy: number; targets: number }> {
  const out: Array<{ share: number; fields: string; method: MethodName | 'copyCeiling'; accuracy: number; targets: number }> = [];
  for (const share of options.shares) {
    const obs = observe(sim.values, { ...(options.observation ?? {}), registeredShare: share, seed: deriveSeed(options.seed, `obs:${share}`) });
    for (const fs of options.fieldSets) {
      const r = simulateNonUsers(sim, obs, { fields: fs, methods: options.methods ?? ALL_METHODS, targets: options.targets ?? 300, seed: deriveSeed(options.seed, `nu:${share}`) });
      for (const [m, a] of Object.entries(r.joint)) out.push({ share, fields: fs.join('+'), method: m as MethodName | 'copyCeiling', accuracy: a, targets: r.targets.length });
    }
  }
  return out;
}

