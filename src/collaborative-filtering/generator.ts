/**
 * Seeded generator of a contact graph with communities ("foci": cities, employers, schools,
 * job titles, interest groups), tunable homophily, a heavy-tailed degree distribution and
 * attributes of controlled cardinality, at any size up to 5,000,000 nodes and 100,000,000
 * edges, stored as CSR typed arrays.
 *
 * Model (Feld's focus theory of tie formation, Feld 1981, Am. J. Sociol. 86(5), combined with
 * Chung & Lu's expected-degree random graphs, Ann. Comb. 6, 2002):
 * - every node i draws an activity weight w_i from a Pareto law P(w > x) = x^-(γ-1), x >= 1
 *   (capped), so expected degrees are heavy-tailed with exponent γ;
 * - for each attribute A, node i joins group g_A(i) drawn from a Zipf law p_g ∝ (g+1)^-s over
 *   `cardinality` values (independently across attributes);
 * - each of the m edges picks u ∝ w; with probability h (homophily) it is a focus edge: an
 *   attribute A is chosen with probability focusShare_A and v is drawn ∝ w among the members of
 *   u's group in A (redrawn if it is u; if u is alone in that group the contact is drawn at
 *   random instead); otherwise v is drawn ∝ w from everyone (redrawn if it is u). Repeated
 *   pairs are kept (a multigraph: a repeated draw is a repeated contact);
 * - the displayed value of A is the group, except with probability personalShare_A where it is
 *   a value unique to the person (id = cardinality + node id): the "highly personalised" tail;
 * - optional closeness weights: Exp(mean focusMean) on focus edges, Exp(mean randomMean) on the
 *   others.
 * Under this model every incident edge of a node is a focus edge of A with probability
 * α_A = h · focusShare_A, and a non-A-focus neighbour's A-group is distributed as p: the
 * Bayes-optimal predictor (`bayesPredict`) uses exactly that.
 *
 * @example
 * const s = generateSocialGraph({ nodes: 1000, edges: 10000, seed: 7 });
 * s.graph.n;                       // => 1000
 * s.values.employer.length;        // => 1000
 */
import { aliasSampler, deriveSeed, seededRandom } from '../stats/random';
import { buildSegmentedAlias, sampleSegment } from './alias';
import { csrFromEdges, type CsrGraph } from '../graph/csr';

export interface AttributeSpec {
  /** Field name, e.g. 'employer'. */
  name: string;
  /** Number of shared values (groups). */
  cardinality: number;
  /** Zipf exponent s of group sizes (p_g ∝ (g+1)^-s); 0 = uniform. */
  zipfExponent: number;
  /** Relative share of focus (homophilous) edges formed inside this attribute's groups. */
  focusShare: number;
  /** Probability that a person's displayed value is unique to him/her ("personalised"). */
  personalShare: number;
}

export interface ClosenessSpec {
  /** Mean closeness weight of focus edges. */
  focusMean: number;
  /** Mean closeness weight of other edges. */
  randomMean: number;
}

export interface SocialGraphParams {
  nodes: number;
  /** Undirected edges drawn (each stored as two arcs). */
  edges: number;
  /** Share h of edges drawn inside a shared focus (0 = no homophily, 1 = only within foci). */
  homophily?: number;
  /** Pareto exponent γ of activity weights (default 2.5). */
  degreeExponent?: number;
  /** Cap on the activity weight (default sqrt(nodes)). */
  maxWeight?: number;
  attributes?: AttributeSpec[];
  /** Closeness weights on edges; omitted = unweighted graph. */
  closeness?: ClosenessSpec;
  seed: number;
  /** Progress callback (edges drawn so far, total). Plug in `pp.report.progress`. */
  onProgress?: (done: number, total: number) => void;
}

/** The default attributes: cardinalities and Zipf exponents are assumptions, stated in the notebook. */
export const DEFAULT_ATTRIBUTES: readonly AttributeSpec[] = Object.freeze([
  { name: 'city', cardinality: 300, zipfExponent: 1.0, focusShare: 0.35, personalShare: 0 },
  { name: 'employer', cardinality: 20000, zipfExponent: 1.1, focusShare: 0.3, personalShare: 0.02 },
  { name: 'school', cardinality: 3000, zipfExponent: 1.0, focusShare: 0.2, personalShare: 0 },
  { name: 'title', cardinality: 1000, zipfExponent: 1.2, focusShare: 0.1, personalShare: 0.05 },
  { name: 'tags', cardinality: 50000, zipfExponent: 1.0, focusShare: 0.05, personalShare: 0.8 },
]);

/** The generator's parameters for one attribute, as the Bayes predictor needs them. */
export interface AttributeModel {
  name: string;
  cardinality: number;
  /** Zipf probabilities of the groups (prior, and distribution of a non-focus neighbour's group). */
  prior: Float64Array;
  /** α = h · focusShare (normalised): probability that an incident edge is a focus edge of this attribute. */
  alpha: number;
  /** h: probability that an edge is a focus edge of any attribute. */
  homophily: number;
  personalShare: number;
  closeness?: ClosenessSpec;
}

export interface SocialGraph {
  graph: CsrGraph;
  /** Displayed value per node and attribute (personal values are >= cardinality). */
  values: Record<string, Int32Array>;
  /** Focus group per node and attribute (equals `values` where the value is not personal). */
  groups: Record<string, Int32Array>;
  /** Activity weight per node. */
  activity: Float32Array;
  models: Record<string, AttributeModel>;
  params: Required<Omit<SocialGraphParams, 'onProgress' | 'closeness' | 'maxWeight'>> & { maxWeight: number; closeness?: ClosenessSpec };
}

/** Zipf probabilities p_g ∝ (g+1)^-s, g = 0..k-1. */
export function zipfProbabilities(k: number, s: number): Float64Array {
  const p = new Float64Array(k);
  let z = 0;
  for (let g = 0; g < k; g++) z += p[g] = Math.pow(g + 1, -s);
  for (let g = 0; g < k; g++) p[g] = p[g]! / z;
  return p;
}

/** Generate the graph and its attributes. Same params (seed included) => identical arrays. */
export function generateSocialGraph(params: SocialGraphParams): SocialGraph {
  const n = params.nodes;
  const m = params.edges;
  const h = params.homophily ?? 0.6;
  const gamma = params.degreeExponent ?? 2.5;
  const maxWeight = params.maxWeight ?? Math.sqrt(n);
  const attrs = (params.attributes ?? DEFAULT_ATTRIBUTES).map((a) => ({ ...a }));
  if (!(n >= 2) || !Number.isInteger(n)) throw new RangeError(`nodes must be an integer >= 2, got ${n}`);
  if (!(m >= 0) || !Number.isInteger(m)) throw new RangeError(`edges must be a non-negative integer, got ${m}`);
  if (!(h >= 0 && h <= 1)) throw new RangeError(`homophily must be in [0, 1], got ${h}`);
  if (!(gamma > 1)) throw new RangeError(`degreeExponent must be > 1, got ${gamma}`);
  if (n + Math.max(0, ...attrs.map((a) => a.cardinality)) > 2147483647) throw new RangeError('nodes + cardinality must fit in int32');
  const shareSum = attrs.reduce((s, a) => s + a.focusShare, 0);
  if (h > 0 && !(shareSum > 0)) throw new RangeError('homophily > 0 needs at least one attribute with focusShare > 0');

  // Activity weights (Pareto, inverse CDF), capped.
  const rngW = seededRandom(deriveSeed(params.seed, 'activity'));
  const activity = new Float32Array(n);
  const w64 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = Math.min(maxWeight, Math.pow(1 - rngW(), -1 / (gamma - 1)));
    activity[i] = w;
    w64[i] = w;
  }

  // Groups and displayed values.
  const values: Record<string, Int32Array> = {};
  const groups: Record<string, Int32Array> = {};
  const models: Record<string, AttributeModel> = {};
  const tables = [];
  for (const a of attrs) {
    if (!(a.cardinality >= 1) || !Number.isInteger(a.cardinality)) throw new RangeError(`${a.name}: cardinality must be a positive integer`);
    if (!(a.personalShare >= 0 && a.personalShare <= 1)) throw new RangeError(`${a.name}: personalShare must be in [0, 1]`);
    const prior = zipfProbabilities(a.cardinality, a.zipfExponent);
    const draw = aliasSampler(prior);
    const rngA = seededRandom(deriveSeed(params.seed, `attr:${a.name}`));
    const grp = new Int32Array(n);
    for (let i = 0; i < n; i++) grp[i] = draw(rngA);
    let val = grp;
    if (a.personalShare > 0) {
      val = new Int32Array(n);
      const rngP = seededRandom(deriveSeed(params.seed, `personal:${a.name}`));
      for (let i = 0; i < n; i++) val[i] = rngP() < a.personalShare ? a.cardinality + i : grp[i]!;
    }
    groups[a.name] = grp;
    values[a.name] = val;
    const alpha = shareSum > 0 ? (h * a.focusShare) / shareSum : 0;
    models[a.name] = {
      name: a.name,
      cardinality: a.cardinality,
      prior,
      alpha,
      homophily: h,
      personalShare: a.personalShare,
      ...(params.closeness ? { closeness: { ...params.closeness } } : {}),
    };
    tables.push(buildSegmentedAlias(grp, a.cardinality, w64));
  }
  const globalTable = buildSegmentedAlias(new Int32Array(n), 1, w64);
  // Cumulative focus shares for picking the attribute of a focus edge.
  const cum = new Float64Array(attrs.length);
  {
    let c = 0;
    for (let j = 0; j < attrs.length; j++) cum[j] = c += shareSum > 0 ? attrs[j]!.focusShare / shareSum : 0;
    if (attrs.length) cum[attrs.length - 1] = 1;
  }
  const groupArrays = attrs.map((a) => groups[a.name]!);

  // Edges.
  const rng = seededRandom(deriveSeed(params.seed, 'edges'));
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const wts = params.closeness ? new Float32Array(m) : undefined;
  const fm = params.closeness?.focusMean ?? 1;
  const rm = params.closeness?.randomMean ?? 1;
  const gSlots = globalTable.slots;
  const TWO32 = 4294967296;
  const step = 1 << 20;
  const A = attrs.length;
  for (let e = 0; e < m; e++) {
    let u: number;
    let v: number;
    let focus: boolean;
    let j = 3 * Math.floor(rng() * n);
    u = Math.floor(rng() * TWO32) <= gSlots[j]! ? gSlots[j + 1]! : gSlots[j + 2]!;
    focus = rng() < h;
    v = -1;
    if (focus) {
      const r = rng();
      let k = 0;
      while (k < A - 1 && r >= cum[k]!) k++;
      const t = tables[k]!;
      const grp = groupArrays[k]![u]!;
      if (t.start[grp + 1]! - t.start[grp]! > 1) {
        do v = sampleSegment(t, grp, rng);
        while (v === u);
      } else focus = false; // u is alone in its group: the contact is formed at random instead
    }
    while (v < 0 || v === u) {
      j = 3 * Math.floor(rng() * n);
      v = Math.floor(rng() * TWO32) <= gSlots[j]! ? gSlots[j + 1]! : gSlots[j + 2]!;
    }
    src[e] = u;
    dst[e] = v;
    if (wts) wts[e] = -(focus ? fm : rm) * Math.log(1 - rng());
    if (params.onProgress && (e + 1) % step === 0) params.onProgress(e + 1, m);
  }
  params.onProgress?.(m, m);
  const graph = csrFromEdges(n, src, dst, wts ? { weights: wts } : {});
  return {
    graph,
    values,
    groups,
    activity,
    models,
    params: {
      nodes: n,
      edges: m,
      homophily: h,
      degreeExponent: gamma,
      maxWeight,
      attributes: attrs,
      seed: params.seed,
      ...(params.closeness ? { closeness: { ...params.closeness } } : {}),
    },
  };
}
