/**
 * Experiments behind notebook 04: accuracy against the size of the data source (share of the
 * population registered) and attribute type, in two geometries (full friend list as in
 * Mislove et al. 2010, or the case's 1-3 uploaders); Fano ceilings as the known share falls;
 * the sensitivity grid of the CF claim test; calibration on SNAP ego-Facebook.
 * All seeded; every result row says which seed and parameters produced it.
 *
 * @example
 * const rows = accuracyVsKnownShare(sim, { shares: [0.01, 0.1], geometry: 'non-user', seed: 1 });
 * rows[0]; // { share: 0.01, field: 'employer', method: 'vote', accuracy: ..., ... }
 */
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { deriveSeed, seededRandom, shuffleInPlace } from '../stats/random';
import { claimTest } from './claimTest';
import type { CsrGraph } from '../graph/csr';
import {
  bootstrapConditionalEntropy,
  conditionalEntropyFromSamples,
  fanoMaxAccuracy,
  posteriorConditionalEntropy,
} from './fano';
import { DEFAULT_ATTRIBUTES, generateSocialGraph, type AttributeSpec, type SocialGraph, type SocialGraphParams } from './generator';
import { hasLabel, isMulti, labelCount, multiFromLists, valuesOf, type Labels } from './labels';
import { ALL_METHODS, runMethods, type MethodName } from './methods';
import { simulateNonUsers } from './nonUser';
import { observe, type ObservationParams } from './observation';
import type { SnapAttribute, SnapEgoFacebook } from './snap';

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

export interface SensitivityCell {
  homophily: number;
  knownShare: number;
  cardinality: number;
  /** Best joint accuracy over methods and the copy ceiling. */
  pStar: number;
  bestMethod: string;
  /** Upper 95% Clopper-Pearson bound of pStar (used in the test: generous to the claim). */
  pStarUpper: number;
  pValue: number;
  pValueBetaBinomial: number;
  log10Lr: number;
  plausible: boolean;
  targets: number;
}

export interface SensitivityOptions {
  homophily: number[];
  knownShare: number[];
  cardinality: number[];
  /** Graph size per cell (default 5,000 nodes, 50,000 edges). */
  nodes?: number;
  edges?: number;
  /** Displayed fields compared jointly; each gets the cell's cardinality (default ['employer', 'title']). */
  fields?: string[];
  /** Base attributes (default DEFAULT_ATTRIBUTES). */
  attributes?: readonly AttributeSpec[];
  methods?: readonly MethodName[];
  /** Observed agreement (default 300 of 300). */
  k?: number;
  n?: number;
  alpha?: number;
  pSource?: number;
  overdispersion?: number;
  targets?: number;
  observation?: Omit<ObservationParams, 'registeredShare' | 'seed'>;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SensitivityResult {
  cells: SensitivityCell[];
  /** Pareto-minimal plausible cells: least homophily, least known share, highest cardinality. */
  minimalPlausible: SensitivityCell[];
  requiredAccuracy: number;
  options: Omit<SensitivityOptions, 'onProgress'>;
}

/**
 * The sensitivity grid over (homophily, known share, cardinality): per cell, simulate the
 * world, the platform's view and the non-users, take the best joint accuracy p*, and test the
 * observed k of n against it. A cell is "plausible" when the binomial test at the upper
 * confidence bound of p* does not reject.
 */
export function sensitivityGrid(options: SensitivityOptions): SensitivityResult {
  const fields = options.fields ?? ['employer', 'title'];
  const base = options.attributes ?? DEFAULT_ATTRIBUTES;
  const n = options.n ?? 300;
  const k = options.k ?? n;
  const alpha = options.alpha ?? 0.05;
  const methods = options.methods ?? (['vote', 'knn', 'labelPropagation', 'bayes'] as MethodName[]);
  const cells: SensitivityCell[] = [];
  const total = options.homophily.length * options.knownShare.length * options.cardinality.length;
  let done = 0;
  let required = NaN;
  for (const h of options.homophily) {
    for (const card of options.cardinality) {
      const attributes = base.map((a) => (fields.includes(a.name) ? { ...a, cardinality: card } : { ...a }));
      const params: SocialGraphParams = {
        nodes: options.nodes ?? 5000,
        edges: options.edges ?? 50000,
        homophily: h,
        attributes,
        seed: deriveSeed(options.seed, `grid:${h}:${card}`),
      };
      const sim = generateSocialGraph(params);
      for (const share of options.knownShare) {
        const obs = observe(sim.values, { ...(options.observation ?? {}), registeredShare: share, seed: deriveSeed(options.seed, `grid-obs:${share}`) });
        const r = simulateNonUsers(sim, obs, { fields, methods, targets: options.targets ?? 300, seed: deriveSeed(options.seed, `grid-nu:${h}:${card}:${share}`) });
        const T = r.targets.length;
        const pStar = r.best.accuracy;
        const upper = T > 0 ? clopperPearsonInterval(Math.round(pStar * T), T, 0.95)[1] : 1;
        const ct = claimTest({ k, n, pStar: upper, alpha, ...(options.pSource !== undefined ? { pSource: options.pSource } : {}), ...(options.overdispersion !== undefined ? { overdispersion: options.overdispersion } : {}) });
        required = ct.requiredAccuracy;
        cells.push({
          homophily: h,
          knownShare: share,
          cardinality: card,
          pStar,
          bestMethod: r.best.method,
          pStarUpper: upper,
          pValue: ct.binomial.pValue,
          pValueBetaBinomial: ct.betaBinomial.pValue,
          log10Lr: ct.lr.log10,
          plausible: !ct.binomial.reject,
          targets: T,
        });
        options.onProgress?.(++done, total);
      }
    }
  }
  if (Number.isNaN(required)) required = claimTest({ k, n, pStar: 0.5, alpha }).requiredAccuracy;
  const { onProgress: _o, ...rest } = options;
  void _o;
  return { cells, minimalPlausible: paretoMinimal(cells.filter((c) => c.plausible)), requiredAccuracy: required, options: rest };
}

/** Cells not dominated by a less generous plausible cell (lower h, lower share, higher cardinality). */
export function paretoMinimal(cells: SensitivityCell[]): SensitivityCell[] {
  const lessGenerousOrEqual = (a: SensitivityCell, b: SensitivityCell) =>
    a.homophily <= b.homophily && a.knownShare <= b.knownShare && a.cardinality >= b.cardinality;
  return cells.filter((c) => !cells.some((d) => d !== c && lessGenerousOrEqual(d, c) && !lessGenerousOrEqual(c, d)));
}

/** Hide all but `knownShare` of the labelled nodes (single or multi labels). */
export function hideShare(labels: Labels, knownShare: number, seed: number): { known: Labels; hidden: Int32Array } {
  if (!(knownShare >= 0 && knownShare <= 1)) throw new RangeError(`knownShare must be in [0, 1], got ${knownShare}`);
  const rng = seededRandom(deriveSeed(seed, 'hide'));
  const n = labelCount(labels);
  const hidden: number[] = [];
  const keep = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    if (!hasLabel(labels, u)) continue;
    if (rng() < knownShare) keep[u] = 1;
    else hidden.push(u);
  }
  let known: Labels;
  if (isMulti(labels)) {
    const lists: number[][] = [];
    for (let u = 0; u < n; u++) lists.push(keep[u] ? Array.from(valuesOf(labels, u)) : []);
    known = multiFromLists(lists);
  } else {
    known = labels.slice();
    for (let u = 0; u < n; u++) if (!keep[u]) (known as Int32Array)[u] = -1;
  }
  return { known, hidden: Int32Array.from(hidden) };
}

export interface CalibrationRow {
  attribute: SnapAttribute;
  knownShare: number;
  method: MethodName | 'copyCeiling' | 'mostFrequent';
  accuracy: number;
  targets: number;
  repeat: number;
  seed: number;
}

/**
 * Calibration on SNAP ego-Facebook: for each attribute and known share, hide the rest of the
 * labelled nodes, infer them from the friendship graph, score (right = one of the node's
 * values). Also the copy ceiling and the most-frequent-value baseline.
 */
export function calibrateOnSnap(
  fb: Pick<SnapEgoFacebook, 'graph' | 'attributes'>,
  options: { shares: number[]; methods?: readonly MethodName[]; repeats?: number; seed: number; attributes?: SnapAttribute[] },
): CalibrationRow[] {
  const methods = options.methods ?? (['vote', 'knn', 'labelPropagation'] as MethodName[]);
  const attrs = options.attributes ?? (Object.keys(fb.attributes) as SnapAttribute[]);
  const rows: CalibrationRow[] = [];
  const g: CsrGraph = fb.graph;
  for (const a of attrs) {
    const labels = fb.attributes[a];
    for (const share of options.shares) {
      for (let rep = 0; rep < (options.repeats ?? 1); rep++) {
        const seed = deriveSeed(options.seed, `snap:${a}:${share}:${rep}`);
        const { known, hidden } = hideShare(labels, share, seed);
        const r = runMethods(g, known, labels, hidden, { methods });
        for (const m of methods) if (r.accuracy[m] !== undefined) rows.push({ attribute: a, knownShare: share, method: m, accuracy: r.accuracy[m]!, targets: hidden.length, repeat: rep, seed: options.seed });
        rows.push({ attribute: a, knownShare: share, method: 'copyCeiling', accuracy: r.copyCeiling, targets: hidden.length, repeat: rep, seed: options.seed });
        // Baseline: always guess the most frequent known value.
        const counts = new Map<number, number>();
        const km = known as typeof labels;
        for (let u = 0; u + 1 < km.offsets.length; u++) for (const v of valuesOf(km, u)) counts.set(v, (counts.get(v) ?? 0) + 1);
        let mode = -1;
        let mc = -1;
        for (const [v, c] of counts) if (c > mc || (c === mc && v < mode)) [mode, mc] = [v, c];
        let hit = 0;
        for (const t of hidden) if (valuesOf(labels, t).includes(mode)) hit++;
        rows.push({ attribute: a, knownShare: share, method: 'mostFrequent', accuracy: hidden.length ? hit / hidden.length : 0, targets: hidden.length, repeat: rep, seed: options.seed });
      }
    }
  }
  return rows;
}

/** Mean of rows grouped by the given keys (for repeats). */
export function meanBy<T extends object>(rows: T[], keys: Array<keyof T>, value: keyof T): Array<Record<string, unknown>> {
  const groups = new Map<string, { key: Record<string, unknown>; sum: number; n: number }>();
  for (const row of rows) {
    const r = row as Record<keyof T, unknown>;
    const key: Record<string, unknown> = {};
    for (const k of keys) key[k as string] = r[k];
    const id = JSON.stringify(key);
    const g = groups.get(id) ?? { key, sum: 0, n: 0 };
    g.sum += r[value] as number;
    g.n++;
    groups.set(id, g);
  }
  return [...groups.values()].map((g) => ({ ...g.key, [value as string]: g.sum / g.n, repeats: g.n }));
}

/** Rows of bench/results/<name>.json for the notebook's full-scale figures; missing files are reported as such. */
export function readBenchmarkResults(dir: string, names: string[]): Array<Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  return names.map((name) => {
    const file = path.join(dir, `${name}.json`);
    if (!fs.existsSync(file)) return { benchmark: name, status: 'not run on this machine (npm run bench -- ' + name + ')' };
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const target = (r.target ?? {}) as Record<string, unknown>;
    return {
      benchmark: name,
      seconds: r.seconds,
      targetSeconds: target.seconds ?? '',
      peakRssMb: r.peakRssMb,
      throughput: r.throughput,
      unit: r.throughputUnit,
      status: r.met ? 'met' : 'MISSED',
      at: r.at,
    };
  });
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

/** Pivot long rows to a wide table: one row per `rowKeys` combination, one column per value of `colKey`. */
export function pivot<T extends object>(rows: T[], rowKeys: Array<keyof T>, colKey: keyof T, valueKey: keyof T): Array<Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const r = row as Record<keyof T, unknown>;
    const key: Record<string, unknown> = {};
    for (const k of rowKeys) key[k as string] = r[k];
    const id = JSON.stringify(key);
    const o = out.get(id) ?? { ...key };
    o[String(r[colKey])] = r[valueKey];
    out.set(id, o);
  }
  return [...out.values()];
}
