/**
 * The collaborative-filtering inference in one call, shared by notebook 04-collaborative-filtering
 * and `profile-provenance collaborative-filtering` (aliases `plausibility`, `cf`):
 * `loadCollaborativeFilteringEvidence` (io only) → `analyseCollaborativeFiltering` (pure, seeded,
 * typed, JSON-serialisable) → `collaborativeFilteringReport` (tables, figures, sentences).
 *
 * Propositions. H_src: the displayed fields were copied from the source platform (agreement
 * pSource, an assumption: profiles change). H_cf: they were inferred by collaborative filtering
 * from the platform's registered users (per-profile accuracy at most p*, measured). The evidence
 * is k of n displayed profiles "the same or basically the same" (certificate 704); we write
 * P(k of n | H).
 *
 * @example
 * const ev = await loadCollaborativeFilteringEvidence({ graph: 'graph-5k.edges', attributes: 'attributes-5k.csv', snap: null, lastfm: null }, { fields: ['employer', 'title', 'tags'] });
 * const r = analyseCollaborativeFiltering(ev, { ...COLLABORATIVE_FILTERING_DEFAULTS, grid: null, world: null });
 * r.test.pValueByRho; // [[0, …], …, [1, …]]
 */
import type { ColumnMap } from '../io/columns';
import { weiboMaimai as wm } from '../case/weiboMaimai';
import { wangMiao } from '../case/wangMiao';
import { clopperPearsonInterval } from '../stats/clopperPearsonInterval';
import { deriveSeed } from '../stats/random';
import { edgeCount, type CsrGraph } from '../graph/csr';
import type { FileProvenance } from '../io/provenance';
import { loadGraphEvidence } from './attributes';
import { calibrateOnSnap, LASTFM_GRAPH_ID, SNAP_GRAPH_ID, splitHalfValidation, validationSummary, type CalibrationRow, type RealGraph, type RealGraphId, type ValidationRow, type ValidationSummary } from './calibration';
import { LASTFM_ATTRIBUTES, LASTFM_PUBLISHED_REFERENCES, loadLastfmAsia, type LastfmAsia } from './lastfm';
import { claimTest, plausibilityFrontier, simulateTypeIError, type ClaimTestResult, type FrontierRow } from './claimTest';
import { clusterTailPValue, clusterTest, countsFrontier, splitUnits, type ClusterTestResult, type CountsFrontierRow } from './clusterTest';
import { directInformation, type DirectRow } from './direct';
import { entropyOfDistribution } from './fano';
import { DEFAULT_ATTRIBUTES, generateSocialGraph, type SocialGraph } from './generator';
import { holderAgreement, holderCountsIn, holderDistribution, interpolateAt, modelAccuracy, type HolderAgreement, type HolderDistribution } from './holders';
import { ALL_METHODS, type MethodName } from './methods';
import { simulateNonUsers, type NonUserResult } from './nonUser';
import { coveragePrecision } from './selective';
import { sensitivityGrid, type SensitivityCell } from './sensitivity';
import { labelStats, loadSnapEgoFacebook, PUBLISHED_REFERENCES, SNAP_ATTRIBUTES, type SnapEgoFacebook } from './snap';
import { edgeHomophily } from './copyCeiling';
import { accuracyVsKnownShare, fanoByKnownShare, fanoCeilingCurve, jointAccuracyVsShare, type AccuracyRow, type FanoRow } from './world';

export interface CollaborativeFilteringEvidence {
  graph: CsrGraph;
  edges: number;
  fields: string[];
  values: Record<string, Int32Array>;
  registered: Uint8Array;
  known: Record<string, Int32Array>;
  registeredCount: number;
  /** SNAP ego-Facebook (real graph with attributes) when a folder was given. */
  snap: SnapEgoFacebook | null;
  /** LastFM Asia (second real graph, country labels) when a folder was given. */
  lastfm: LastfmAsia | null;
  /** Provenance of each file read. */
  inputs: FileProvenance[];
}

/** Read the contact graph (`u v [closeness]`), the attribute table and, optionally, the real graphs SNAP ego-Facebook and LastFM Asia. */
export async function loadCollaborativeFilteringEvidence(
  paths: { graph: string; attributes: string; snap?: string | null; lastfm?: string | null },
  options: { fields: string[]; columns?: ColumnMap },
): Promise<CollaborativeFilteringEvidence> {
  if (options.fields.length === 0) throw new RangeError('at least one displayed field is needed');
  const { graph: edges, attributes: attrs } = await loadGraphEvidence(paths.graph, paths.attributes, options.fields, options.columns ? { columns: options.columns } : {});
  const snap = paths.snap ? await loadSnapEgoFacebook(paths.snap) : null;
  const lastfm = paths.lastfm ? await loadLastfmAsia(paths.lastfm) : null;
  return {
    graph: edges.graph, edges: edges.edges, fields: options.fields, values: attrs.values,
    registered: attrs.obs.registered, known: attrs.obs.known, registeredCount: attrs.obs.registeredCount, snap, lastfm,
    inputs: [
      { ...edges.provenance }, attrs.provenance,
      ...(snap ? [fileProvenance(snap.provenance[0]!, 'edge-list')] : []),
      ...(lastfm ? [fileProvenance(lastfm.provenance[0]!, 'edge-list'), fileProvenance(lastfm.provenance[1]!, 'csv')] : []),
    ],
  };
}

/** A real graph's file as read (SNAP's ego feature files are listed in `snap.provenance`). */
function fileProvenance(f: { path: string; sha256?: string; bytes?: number }, format: string): FileProvenance {
  return { path: f.path, fileName: f.path.split(/[\\/]/).pop()!, bytes: f.bytes ?? 0, sha256: f.sha256 ?? '', format } as FileProvenance;
}

export interface HolderScenario {
  label: string;
  registeredUsers: number;
}

export interface CollaborativeFilteringParams {
  /** Displayed fields compared jointly (columns of the attribute table). */
  fields: string[];
  /** Profiles agreeing with the source, and profiles compared (the record: "300+", no denominator). */
  k: number;
  n: number;
  /** Non-users simulated on the evidence graph. */
  targets: number;
  /** Holders (registered users holding a non-user's number) the platform combines per non-user: lo..hi. */
  holders: { min: number; max: number };
  /** Relative sizes of the notarised uploaders' shares of the n profiles (certificate 704: 3 uploaders). */
  uploaderShares: number[];
  /** Address-book model of the holder count (see holders.ts). */
  holderModel: { contactsMean: number; contactsDispersion: number; population: number; scenarios: HolderScenario[]; maxHolders: number; replicates: number };
  /** Address-book sizes for the display rate the n shown profiles imply. */
  addressBookSizes: number[];
  /** Coverages of the selective-display curves. */
  coverages: number[];
  /** ASSUMPTION: agreement rate if copied from the source. */
  pSource: number;
  alpha: number;
  /** ASSUMPTION: intra-class correlation of successes within an uploader. */
  rho: number;
  /** rho values of the p-value curve (0 to 1). */
  rhos: number[];
  /** The (k, n, clustering) frontier. */
  countsFrontier: { ns: number[]; agreementRates: number[]; rhos: number[] };
  /** ASSUMPTION: the accuracy both experts stated (the write-up does not give it), and a sweep. */
  expertRatio: number;
  expertRatios: number[];
  /** Share of targets a direct source (friends' tags, own Weibo data) covers for a field it can supply. */
  directCoverage: number;
  /** Size of the test under its own model: null accuracy and replicates. */
  testSize: { pNull: number; replicates: number };
  /** Simulated sensitivity grid (null = skip). */
  grid: { homophily: number[]; shares: number[]; cardinality: number[]; nodes: number; edges: number; targets: number } | null;
  /** Simulated-world experiments (null = skip). */
  world: { nodes: number; edges: number; homophily: number; shares: number[]; targetsPerShare: number; fanoShares: number[]; fanoTargets: number; fanoBootstrap: number } | null;
  /** Known shares for the real-graph calibration and validation (used when SNAP is given). */
  snapShares: number[];
  seed: number;
}

const CERT = wm.nonUsersInCertificate704.value;

export const COLLABORATIVE_FILTERING_DEFAULTS: CollaborativeFilteringParams = {
  fields: ['employer', 'title', 'tags'],
  k: CERT,
  n: CERT,
  targets: 300,
  holders: { min: 1, max: 1000 },
  uploaderShares: [1, 1, 1],
  holderModel: {
    contactsMean: 150, contactsDispersion: 1, population: 100_000_000, maxHolders: 1000, replicates: 2000,
    scenarios: [
      { label: 'Aug 2014 (800,000 users)', registeredUsers: wm.registeredUsersAug2014.value },
      { label: 'later (5,000,000+ users)', registeredUsers: wm.usersLater.value },
    ],
  },
  addressBookSizes: [100, 150, 300, 500],
  coverages: [0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
  pSource: 0.95,
  alpha: 0.05,
  rho: 0.1,
  rhos: [0, 0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1],
  countsFrontier: { ns: [300, 1000, 3000], agreementRates: [1, 0.95, 0.9, 0.8], rhos: [0, 0.01, 0.1, 0.5, 1] },
  expertRatio: 0.3,
  expertRatios: [0.1, 0.3, 0.5, 0.7, 0.9],
  directCoverage: 1,
  testSize: { pNull: 0.3, replicates: 2000 },
  grid: { homophily: [0.3, 0.9], shares: [0.01, 0.5], cardinality: [10, 1000], nodes: 5000, edges: 50000, targets: 300 },
  world: { nodes: 10000, edges: 100000, homophily: 0.6, shares: [0.002, 0.01, 0.05, 0.2, 0.6], targetsPerShare: 300, fanoShares: [0.01, 0.3], fanoTargets: 1000, fanoBootstrap: 30 },
  snapShares: [0.2, 0.5, 0.8],
  seed: 704,
};

type Method = MethodName | 'copyCeiling';

export interface PerFieldRow {
  field: string;
  accuracy: Partial<Record<MethodName, number>>;
  copyCeiling: number;
  coverage: number;
  /** Targets whose own value of the field is known: the denominator of every accuracy of the field. */
  targetsWithKnownValue: number;
}

export interface SelectiveCurve {
  method: MethodName;
  /** A compared field, or 'joint' (all fields right; confidence = the least confident field). */
  field: string;
  coverage: number[];
  precision: Array<number | null>;
  shown: number[];
  targetsWithKnownValue: number;
  maxCoverage: number;
  /** Largest coverage whose precision (upper 95% bound) reaches the accuracy the claim needs; null = none. */
  plausibleCoverage: number | null;
}

export interface HolderCountRow {
  holders: number;
  /** Measured on the evidence graph (targets with at least this many registered contacts), or null when fewer than 30 exist. */
  graph: { targets: number; joint: Partial<Record<Method, number>>; best: { method: Method; accuracy: number } } | null;
  /** In-model extrapolation (independent holders). */
  model: { perField: Array<{ field: string; vote: number; copyCeiling: number }>; jointVote: number; jointCopyCeiling: number };
  /** Accuracy used for the test at this holder count: the larger of the measured best and the model's. */
  pStar: number;
  /** Test of k of n at this p* (binomial, and the uploader-cluster test at rho). */
  log10PValue: number;
  clusterPValue: number;
}

export interface CeilingStatement {
  name: string;
  value: number | null;
  bounds: string;
  doesNotBound: string;
}

/** A real public graph used for the out-of-model check. */
export interface RealGraphSummary {
  graph: string;
  citation: string;
  dataset: string;
  nodes: number;
  edges: number;
  attributes: string[];
}

export interface CollaborativeFilteringResult {
  inputs: FileProvenance[];
  parameters: CollaborativeFilteringParams;
  propositions: { hSource: string; hCf: string; evidence: string };
  evidenceGraph: { nodes: number; edges: number; registered: number; registeredShare: number };
  simulation: {
    eligibleNonUsers: number;
    targets: number;
    holdersSeen: { min: number; max: number; mean: number };
    perField: PerFieldRow[];
    joint: Partial<Record<Method, number>>;
    jointTargetsWithKnownValue: number;
    best: { method: Method; accuracy: number };
  };
  pStarUpper: number;
  ceilings: CeilingStatement[];
  selective: SelectiveCurve[];
  display: {
    shown: number;
    rows: Array<{ addressBookSize: number; nonUsersInBooks: number; displayRate: number }>;
    requiredPrecision: number;
    bestJoint: { method: MethodName; plausibleCoverage: number | null } | null;
  };
  holders: {
    notarisedUploaders: number;
    /** The holder-count distribution used: the address-book model, its sources, and one pmf per platform-size scenario. */
    distribution: {
      model: string;
      contactsMean: number;
      contactsDispersion: number;
      population: number;
      sources: string[];
      scenarios: Array<{ label: string; registeredUsers: number } & HolderDistribution>;
    };
    agreement: HolderAgreement[];
    perHolderCount: HolderCountRow[];
    mixture: Array<{ label: string; pStar: number; log10PValue: number; clusterPValue: number }>;
    wangMiaoHolders: number;
  };
  direct: DirectRow[];
  /** The binomial and beta-binomial test of the claim, with the uploader-cluster test beside it (cluster* keys, units, pValueByRho). */
  test: ClaimTestResult &
    Pick<ClusterTestResult, 'units' | 'rho' | 'designEffect' | 'effectiveN' | 'pValueByRho' | 'log10PValueByRho'> & {
      clusterPValue: number;
      clusterLog10PValue: number;
      clusterReject: boolean;
      clusterRequiredAccuracy: number;
    };
  countsFrontier: CountsFrontierRow[];
  expertRatio: {
    stated: number;
    observedAgreement: number;
    exceeds: boolean;
    simulationPStar: number;
    rows: Array<{ statedRatio: number; observedAgreement: number; exceeds: boolean; log10PValue: number; clusterPValue: number }>;
  };
  testSize: { pNull: number; alpha: number; replicates: number; rate: number };
  frontier: FrontierRow[];
  /** Split-half validation on the real graphs: rows (each naming its graph), the summary over all cells and one per graph. */
  validation: { rows: ValidationRow[]; summary: ValidationSummary; byGraph: Array<{ graph: string } & ValidationSummary> } | null;
  /** Accuracy of every method on the real graphs given (rows name their graph; accuracy over hidden users whose value is known, targetsWithKnownValue) beside published figures. */
  calibration: {
    graphs: RealGraphSummary[];
    attributes: Array<Record<string, unknown>>;
    rows: CalibrationRow[];
    /** verified = false: the figure could not be re-read here, so none is quoted. */
    published: Array<{ graph: string; source: string; finding: string; accuracy: number | null; verified: boolean }>;
  } | null;
  sensitivityGrid: { cells: SensitivityCell[]; minimalPlausible: SensitivityCell[]; requiredAccuracy: number } | null;
  world: {
    attributes: Array<Record<string, unknown>>;
    full: AccuracyRow[];
    nonUser: AccuracyRow[];
    joint: Array<{ share: number; fields: string; method: Method; accuracy: number; targets: number }>;
    fanoCurve: Array<{ cardinality: number; bits: number; ceiling: number }>;
    fano: FanoRow[];
  } | null;
}

function nullable(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Run the whole collaborative-filtering analysis. */
export function analyseCollaborativeFiltering(evidence: CollaborativeFilteringEvidence, params: CollaborativeFilteringParams = COLLABORATIVE_FILTERING_DEFAULTS, onProgress?: (step: string) => void): CollaborativeFilteringResult {
  const p = params;
  const fields = evidence.fields;
  if (p.k > p.n) throw new RangeError(`k = ${p.k} is larger than n = ${p.n}`);
  if (!(p.holders.min >= 1 && p.holders.max >= p.holders.min)) throw new RangeError(`holders must satisfy 1 <= lo <= hi, got ${p.holders.min}..${p.holders.max}`);
  const n = evidence.graph.n;
  // The evidence as the area's SocialGraph: no generator model, so the Bayes predictor (which needs one) is not run.
  const sim = { graph: evidence.graph, values: evidence.values, groups: {}, models: {}, activity: new Float32Array(0), params: {} } as unknown as SocialGraph;
  const obs = { registered: evidence.registered, weibo: new Uint8Array(n), known: evidence.known, registeredShare: evidence.registeredCount / n, registeredCount: evidence.registeredCount };

  // 1. Non-users on the evidence graph, each seen through his holders (registered contacts).
  const run0 = simulateNonUsers(sim, obs, { fields, targets: p.targets, uploaders: p.holders, allHolders: true, seed: p.seed });
  const T = run0.targets.length;
  if (T === 0) throw new RangeError(`no eligible non-user: none has ${p.holders.min} or more registered contacts`);
  onProgress?.('simulation');
  const jt = run0.jointTargetsWithKnownValue;
  const pStarUpper = clopperPearsonInterval(Math.round(run0.best.accuracy * jt), jt, 0.95)[1];
  const units = splitUnits(p.n, p.uploaderShares);
  const ct = claimTest({ k: p.k, n: p.n, pStar: pStarUpper, pSource: p.pSource, alpha: p.alpha, overdispersion: Math.min(0.999, Math.max(1e-6, p.rho)) });
  const cl = clusterTest({ k: p.k, n: p.n, units, pStar: pStarUpper, rho: p.rho, rhos: p.rhos, alpha: p.alpha });
  const test = {
    ...ct, units: cl.units, rho: p.rho, clusterPValue: cl.pValue, clusterLog10PValue: cl.log10PValue, clusterReject: cl.reject,
    designEffect: cl.designEffect, effectiveN: cl.effectiveN, clusterRequiredAccuracy: cl.requiredAccuracy,
    pValueByRho: cl.pValueByRho, log10PValueByRho: cl.log10PValueByRho,
  };

  // 2. Selective display: precision of the most confident predictions at each coverage.
  const selective = selectiveCurves(run0, fields, p.coverages, ct.requiredAccuracy);
  const jointCurves = selective.filter((c) => c.field === 'joint');
  const bestJoint = jointCurves.length
    ? jointCurves.reduce((a, b) => ((b.plausibleCoverage ?? 0) > (a.plausibleCoverage ?? 0) ? b : a))
    : null;
  const registeredShareAug2014 = wm.registeredUsersAug2014.value / p.holderModel.population;
  const display = {
    shown: p.n,
    rows: p.addressBookSizes.map((b) => {
      const nonUsersInBooks = p.uploaderShares.length * b * (1 - registeredShareAug2014);
      return { addressBookSize: b, nonUsersInBooks, displayRate: Math.min(1, p.n / nonUsersInBooks) };
    }),
    requiredPrecision: ct.requiredAccuracy,
    bestJoint: bestJoint ? { method: bestJoint.method, plausibleCoverage: bestJoint.plausibleCoverage } : null,
  };
  onProgress?.('selective');

  // 3. Holders: distribution and results per holder count.
  const holders = holderResults(evidence, sim, obs, p, units);
  onProgress?.('holders');

  // 4. Direct information: copying from the source, beside CF.
  const bestMethod = (Object.entries(run0.joint) as Array<[Method, number]>).filter(([m]) => m !== 'copyCeiling').sort((a, b) => b[1] - a[1])[0]?.[0] as MethodName | undefined;
  const knownAll = Uint8Array.from(run0.targets, (_, i) => (fields.every((f) => run0.outcomes[f]!.knownTruth[i]) ? 1 : 0));
  const cfCorrect = fields.map((f) => {
    const flags = (bestMethod && run0.outcomes[f]!.correct[bestMethod]) || new Uint8Array(T);
    return Uint8Array.from(flags).filter((_, i) => knownAll[i] === 1);
  });
  const direct = directInformation({ fields, cfCorrect, directCoverage: p.directCoverage });

  // 5. Ceilings, each with the class of methods it bounds.
  const ceilings: CeilingStatement[] = [
    {
      name: 'copy ceiling (joint)', value: run0.joint.copyCeiling ?? null,
      bounds: 'methods that output, for each field, a value some holder visible to the platform holds (one-hop copying: neighbour vote, closeness-weighted vote)',
      doesNotBound: 'two-hop methods (user-kNN looks at neighbours of neighbours), label propagation (guesses for unlabelled contacts), fall-backs to the commonest value, and any method fed direct information about the person (friends\' tags, own Weibo data)',
    },
    {
      name: "Fano's inequality (per field)", value: null,
      bounds: 'any method that sees only the information Y it is computed from (here: the holders\' known values), given H(X|Y) and the number of values |X|; only as good as the entropy estimate',
      doesNotBound: 'methods using information outside Y (other contacts, behaviour, direct information about the person)',
    },
  ];

  // 6. Counts as unknowns: the (k, n, clustering) frontier; the experts' ratio; the test's size.
  const frontierRows = countsFrontier({ ...p.countsFrontier, shares: p.uploaderShares, pStar: pStarUpper, alpha: p.alpha });
  const ratioRow = (r: number) => ({
    statedRatio: r, observedAgreement: p.k / p.n, exceeds: p.k / p.n > r,
    log10PValue: claimTest({ k: p.k, n: p.n, pStar: r, alpha: p.alpha }).binomial.log10PValue,
    clusterPValue: clusterTailPValue({ k: p.k, units, p: r, rho: p.rho }).pValue,
  });
  const expertRatio = {
    stated: p.expertRatio, observedAgreement: p.k / p.n, exceeds: p.k / p.n > p.expertRatio, simulationPStar: pStarUpper,
    rows: [...new Set([...p.expertRatios, p.expertRatio])].sort((a, b) => a - b).map(ratioRow),
  };
  const typeI = simulateTypeIError({ n: p.n, pStar: p.testSize.pNull, alpha: p.alpha, replicates: p.testSize.replicates, seed: p.seed });
  const frontier = plausibilityFrontier({ required: ct.requiredAccuracy, fields: Math.min(2, fields.length), uploaders: [1, 3, 10, 36], cardinalities: [10, 1000, 20000], selfReport: 0.9 });
  onProgress?.('tests');

  // 7. Real graphs (SNAP ego-Facebook, LastFM Asia): accuracy of every method that runs there, and the split-half validation, one code path for both.
  const real = realGraphResults(evidence, p);
  const calibration = real?.calibration ?? null;
  const validation = real?.validation ?? null;
  if (real) onProgress?.('snap');

  // 8. Simulated worlds: the sensitivity grid and the experiments behind sections 1-2 of notebook 04.
  const grid = p.grid
    ? sensitivityGrid({
        homophily: p.grid.homophily, knownShare: p.grid.shares, cardinality: p.grid.cardinality, nodes: p.grid.nodes, edges: p.grid.edges, targets: p.grid.targets,
        k: p.k, n: p.n, alpha: p.alpha, pSource: p.pSource, overdispersion: Math.min(0.999, Math.max(1e-6, p.rho)), seed: p.seed,
      })
    : null;
  if (grid) onProgress?.('grid');
  const world = p.world ? worldExperiments(p.world, fields, p.seed) : null;
  if (world) onProgress?.('world');

  return {
    inputs: evidence.inputs,
    parameters: p,
    propositions: {
      hSource: `H_src: the displayed ${fields.join(', ')} were copied from the source platform (each profile agrees with probability pSource = ${p.pSource}, an assumption)`,
      hCf: 'H_cf: they were inferred by collaborative filtering from the platform\'s registered users (each profile right with probability at most p*, measured on the evidence graph)',
      evidence: `E: ${p.k} of ${p.n} displayed profiles the same or basically the same as the source (certificate 704: "300+"; k and n are parameters)`,
    },
    evidenceGraph: { nodes: n, edges: evidence.edges, registered: evidence.registeredCount, registeredShare: evidence.registeredCount / n },
    simulation: {
      eligibleNonUsers: run0.eligible, targets: T,
      holdersSeen: { min: Math.min(...run0.uploaderCounts), max: Math.max(...run0.uploaderCounts), mean: run0.uploaderCounts.reduce((s, x) => s + x, 0) / T },
      perField: run0.perField.map((f) => ({ field: f.field, accuracy: f.accuracy, copyCeiling: f.copyCeiling, coverage: f.coverage, targetsWithKnownValue: f.targetsWithKnownValue })),
      joint: run0.joint, jointTargetsWithKnownValue: jt, best: run0.best,
    },
    pStarUpper,
    ceilings,
    selective,
    display,
    holders,
    direct,
    test,
    countsFrontier: frontierRows,
    expertRatio,
    testSize: { pNull: p.testSize.pNull, alpha: p.alpha, replicates: typeI.replicates, rate: typeI.rate },
    frontier,
    validation,
    calibration,
    sensitivityGrid: grid && { cells: grid.cells, minimalPlausible: grid.minimalPlausible, requiredAccuracy: grid.requiredAccuracy },
    world,
  };
}

/** The real graphs given, each with its citation, attribute descriptions and published figures. */
function realGraphsOf(evidence: CollaborativeFilteringEvidence): Array<{
  id: RealGraphId; data: RealGraph; citation: string; dataset: string; categories: Record<string, string>;
  published: ReadonlyArray<{ source: string; finding: string; accuracy: number | null; verified?: boolean }>;
}> {
  const out: ReturnType<typeof realGraphsOf> = [];
  if (evidence.snap) {
    out.push({
      id: SNAP_GRAPH_ID, data: evidence.snap, categories: SNAP_ATTRIBUTES, published: PUBLISHED_REFERENCES, dataset: 'datasets/reference/snap-ego-facebook',
      citation: 'McAuley & Leskovec, "Learning to Discover Social Circles in Ego Networks", NIPS 2012 (SNAP egonets-Facebook)',
    });
  }
  if (evidence.lastfm) {
    out.push({
      id: LASTFM_GRAPH_ID, data: evidence.lastfm, categories: LASTFM_ATTRIBUTES, published: LASTFM_PUBLISHED_REFERENCES, dataset: 'datasets/reference/lastfm-asia',
      citation: 'Rozemberczki & Sarkar, "Characteristic Functions on Graphs: Birds of a Feather, from Statistical Descriptors to Parametric Models", CIKM 2020 (FEATHER repository, MIT License)',
    });
  }
  return out;
}

/** Calibration and split-half validation on every real graph given (null when none). */
function realGraphResults(evidence: CollaborativeFilteringEvidence, p: CollaborativeFilteringParams): {
  calibration: NonNullable<CollaborativeFilteringResult['calibration']>;
  validation: NonNullable<CollaborativeFilteringResult['validation']>;
} | null {
  const graphs = realGraphsOf(evidence);
  if (graphs.length === 0) return null;
  const methods: MethodName[] = ['vote', 'knn', 'labelPropagation'];
  const vRows: ValidationRow[] = [];
  const byGraph: Array<{ graph: string } & ValidationSummary> = [];
  const calibration: NonNullable<CollaborativeFilteringResult['calibration']> = { graphs: [], attributes: [], rows: [], published: [] };
  for (const g of graphs) {
    const names = Object.keys(g.data.attributes);
    calibration.graphs.push({ graph: g.id.name, citation: g.citation, dataset: g.dataset, nodes: g.data.graph.n, edges: edgeCount(g.data.graph), attributes: names });
    for (const a of names) {
      const l = g.data.attributes[a]!;
      calibration.attributes.push({ graph: g.id.name, attribute: a, category: g.categories[a] ?? a, ...labelStats(l), edgeHomophily: edgeHomophily(g.data.graph, l).share });
    }
    calibration.rows.push(...calibrateOnSnap(g.data, { shares: p.snapShares, seed: p.seed, methods, graph: g.id }));
    calibration.published.push(...g.published.map((r) => ({ graph: g.id.name, source: r.source, finding: r.finding, accuracy: r.accuracy, verified: r.verified ?? true })));
    const v = splitHalfValidation(g.data, { shares: p.snapShares, methods, seed: p.seed, graph: g.id });
    vRows.push(...v.rows);
    byGraph.push({ graph: g.id.name, ...v.summary });
  }
  return { calibration, validation: { rows: vRows, summary: validationSummary(vRows), byGraph } };
}

/** Coverage-precision curves per method and field, and for all fields jointly. */
function selectiveCurves(run: NonUserResult, fields: string[], coverages: number[], required: number): SelectiveCurve[] {
  const out: SelectiveCurve[] = [];
  const methods = ALL_METHODS.filter((m) => fields.every((f) => run.outcomes[f]!.confidence[m]));
  const T = run.targets.length;
  const plausibleAt = (c: ReturnType<typeof coveragePrecision>) => {
    let best: number | null = null;
    c.coverage.forEach((cov, i) => {
      const prec = c.precision[i]!;
      const shown = c.shown[i]!;
      if (!shown || !Number.isFinite(prec)) return;
      const upper = clopperPearsonInterval(Math.round(prec * shown), shown, 0.95)[1];
      if (upper >= required) best = cov;
    });
    return best;
  };
  const push = (method: MethodName, field: string, c: ReturnType<typeof coveragePrecision>) =>
    out.push({ method, field, coverage: c.coverage, precision: c.precision.map(nullable), shown: c.shown, targetsWithKnownValue: c.targetsWithKnownValue, maxCoverage: c.maxCoverage, plausibleCoverage: plausibleAt(c) });
  for (const m of methods) {
    for (const f of fields) {
      const o = run.outcomes[f]!;
      push(m, f, coveragePrecision(o.confidence[m]!, o.correct[m]!, o.knownTruth, coverages));
    }
    const conf = new Float64Array(T);
    const ok = new Uint8Array(T);
    const knownAll = new Uint8Array(T);
    for (let i = 0; i < T; i++) {
      conf[i] = Math.min(...fields.map((f) => run.outcomes[f]!.confidence[m]![i]!));
      ok[i] = fields.every((f) => run.outcomes[f]!.correct[m]![i]) ? 1 : 0;
      knownAll[i] = fields.every((f) => run.outcomes[f]!.knownTruth[i]) ? 1 : 0;
    }
    push(m, 'joint', coveragePrecision(conf, ok, knownAll, coverages));
  }
  return out;
}

function holderResults(
  evidence: CollaborativeFilteringEvidence,
  sim: SocialGraph,
  obs: Parameters<typeof simulateNonUsers>[1],
  p: CollaborativeFilteringParams,
  units: number[],
): CollaborativeFilteringResult['holders'] {
  const hm = p.holderModel;
  const counts = holderCountsIn(p.holders);
  const distributions = hm.scenarios.map((s) => ({
    label: s.label, registeredUsers: s.registeredUsers,
    ...holderDistribution({ contactsMean: hm.contactsMean, contactsDispersion: hm.contactsDispersion, registeredShare: Math.min(1, s.registeredUsers / hm.population), maxHolders: hm.maxHolders, atLeast: [3, wangMiao.friendsWaiting.value] }),
  }));
  const agreements = evidence.fields.map((f) => holderAgreement(evidence.graph, evidence.registered, evidence.known[f]!, evidence.values[f]!, f));
  const model = agreements.map((a) => modelAccuracy(a, counts, { replicates: hm.replicates, seed: deriveSeed(p.seed, 'holder-model') }));
  const perHolderCount: HolderCountRow[] = counts.map((h, j) => {
    let graph: HolderCountRow['graph'] = null;
    const r = simulateNonUsers(sim, obs, { fields: evidence.fields, targets: p.targets, uploaders: { min: h, max: h }, allHolders: true, seed: deriveSeed(p.seed, `holders:${h}`) });
    if (r.targets.length >= 30) graph = { targets: r.targets.length, joint: r.joint, best: r.best };
    const perField = agreements.map((a, i) => ({ field: a.field, vote: model[i]![j]!.vote, copyCeiling: model[i]![j]!.copyCeiling }));
    const jointVote = perField.reduce((s, x) => s * x.vote, 1);
    const jointCopyCeiling = perField.reduce((s, x) => s * x.copyCeiling, 1);
    const pStar = Math.max(graph?.best.accuracy ?? 0, jointVote);
    return {
      holders: h, graph, model: { perField, jointVote, jointCopyCeiling }, pStar,
      log10PValue: claimTest({ k: p.k, n: p.n, pStar, alpha: p.alpha }).binomial.log10PValue,
      clusterPValue: clusterTailPValue({ k: p.k, units, p: pStar, rho: p.rho }).pValue,
    };
  });
  const curve = perHolderCount.map((r): [number, number] => [r.holders, r.pStar]);
  const mixture = distributions.map((d) => {
    const pStar = d.pmf.reduce((s, [h, w]) => s + w * interpolateAt(curve, h), 0) + d.tailBeyond * interpolateAt(curve, hm.maxHolders);
    return {
      label: d.label, pStar,
      log10PValue: claimTest({ k: p.k, n: p.n, pStar: Math.min(1, pStar), alpha: p.alpha }).binomial.log10PValue,
      clusterPValue: clusterTailPValue({ k: p.k, units, p: Math.min(1, pStar), rho: p.rho }).pValue,
    };
  });
  return {
    notarisedUploaders: wm.uploadersInCertificate704.value,
    distribution: {
      model: 'holders H ~ negative binomial (mean s · contactsMean, size contactsDispersion), s = registered users / population, zero-truncated (a shown non-user has a holder)',
      contactsMean: hm.contactsMean, contactsDispersion: hm.contactsDispersion, population: hm.population,
      sources: [
        'Dunbar 1993, Behavioral and Brain Sciences 16:681-735 (social group size about 150)',
        'Hill & Dunbar 2003, Human Nature 14:53-72 (mean network size 153.5)',
        'caseFacts.weiboMaimai: 800,000 users in Aug 2014; 5,000,000+ later',
        'caseFacts.wangMiao: 36 registered users held one non-user\'s number (2018)',
      ],
      scenarios: distributions.map((d) => ({ ...d, pmf: d.pmf.filter(([h, w]) => h <= 50 || w > 1e-6) })),
    },
    agreement: agreements.map(({ values: _v, ...a }) => a),
    perHolderCount,
    mixture,
    wangMiaoHolders: wangMiao.friendsWaiting.value,
  };
}

function worldExperiments(w: NonNullable<CollaborativeFilteringParams['world']>, fields: string[], seed: number): NonNullable<CollaborativeFilteringResult['world']> {
  const sim = generateSocialGraph({ nodes: w.nodes, edges: w.edges, homophily: w.homophily, seed, closeness: { focusMean: 2, randomMean: 0.5 } });
  const worldFields = ['employer', 'title', 'school', 'city', 'tags'];
  const occupation = fields.filter((f) => f === 'employer' || f === 'title');
  return {
    attributes: DEFAULT_ATTRIBUTES.map((a) => ({
      field: a.name, values: a.cardinality, zipf: a.zipfExponent, entropyBits: entropyOfDistribution(sim.models[a.name]!.prior),
      focusAlpha: sim.models[a.name]!.alpha, personalisedShare: a.personalShare,
    })),
    full: accuracyVsKnownShare(sim, { shares: w.shares, fields: worldFields, geometry: 'full', targets: w.targetsPerShare, seed }),
    nonUser: accuracyVsKnownShare(sim, { shares: w.shares, fields: worldFields, geometry: 'non-user', targets: w.targetsPerShare, seed }),
    joint: jointAccuracyVsShare(sim, { shares: w.shares, fieldSets: [occupation.length ? occupation : ['employer', 'title'], ['employer', 'title', 'tags']], targets: w.targetsPerShare, seed }),
    fanoCurve: fanoCeilingCurve([2, 4, 10, 30, 100, 300, 1000, 3000, 10000, 30000], [1, 2, 4, 8]),
    fano: fanoByKnownShare(sim, { shares: w.fanoShares, fields: ['employer', 'title', 'tags'], targets: w.fanoTargets, bootstrap: w.fanoBootstrap, seed }),
  };
}
