/**
 * The sensitivity grid of the CF claim test over (homophily, known share, cardinality): per
 * cell a simulated world (focus-theory generator), the platform's view, the non-users, the best
 * joint accuracy p* and the exact test of k of n against it. Seeded.
 *
 * @example
 * const g = sensitivityGrid({ homophily: [0.6], knownShare: [0.1], cardinality: [100], seed: 1 });
 * g.cells[0].pStar; // best joint accuracy in that world
 */
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { deriveSeed } from '../stats/random';
import { claimTest } from './claimTest';
import { DEFAULT_ATTRIBUTES, generateSocialGraph, type AttributeSpec, type SocialGraphParams } from './generator';
import type { MethodName } from './methods';
import { simulateNonUsers } from './nonUser';
import { observe, type ObservationParams } from './observation';

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

