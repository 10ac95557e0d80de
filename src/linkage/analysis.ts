/**
 * The linkage inference (certificate 704 in Weibo v. Maimai, when the pairing is not given) in
 * one call, shared by notebook 02-linkage and `profile-provenance link`:
 * `loadLinkageEvidence` (io only) → `analyseLinkage` (seeded, typed, JSON-serialisable) →
 * `linkageReport` (tables, figures, sentences from the result).
 *
 * The answer key (simulations only) is checked here, once: an empty source_id cell means the
 * displayed profile has no source account in the extract.
 *
 * @example
 * const evidence = await loadLinkageEvidence({ displayed: 'displayed.csv', source: 'source.csv' }, { answerKey: ['truth.csv'] });
 * const result = analyseLinkage(evidence, LINKAGE_DEFAULTS);
 * result.truth?.quality; // precision and recall at the two thresholds
 */
import type { ColumnMap } from '../io/columns';
import { readTable } from '../io';
import type { ProvenanceEntry, TableSchema } from '../io';
import { describeComparison } from '../compare/comparison';
import { enfsiVerbalScale } from '../stats/enfsiVerbalScale';
import { blockingTable } from './blocking';
import { countCandidatePairs, prepareRecordBlocking } from './blocking';
import { estimateFromLabels, modelTable, PROBABILITY_FLOOR } from './estimate';
import type { LinkageResult } from './pipeline';
import { type ErrorRateEstimate, type LinkQuality, type SweepRow, estimatedErrorRates, evaluateAssignment, labelPairsByLeft, thresholdSweep } from './evaluate';
import { type PairExplanation, explainPair, explanationTable } from './explain';
import { type LinkageTables, loadLinkageTables } from './profileTables';
import { profileBlockingRules, profileComparisons } from './profileRules';
import { acceptOneToOne, linkProfileTables } from './profileLink';
import { linkedProfileRows, nameFrequencyRows } from './profileRows';
import { matchWeightFromProbability, scorePairs } from './score';

/** The answer key: display_id, source_id (empty = no source account). */
export const LINKAGE_ANSWER_KEY_SCHEMA = {
  name: 'linkage answer key (synthetic)',
  description: 'For simulations only: the source account each displayed profile was generated from; an empty source_id means none',
  columns: [
    { name: 'display_id', type: 'string', unique: true },
    { name: 'source_id', type: 'string', required: true, nullable: true, description: 'source account id; empty = no source account' },
  ],
} as const satisfies TableSchema;

export interface LinkageAnswerKey {
  /** display_id -> source_id, or null for "no source account". */
  pairs: Array<[string, string | null]>;
  provenance: ProvenanceEntry;
}

export interface LinkageEvidence {
  tables: LinkageTables;
  answerKey: LinkageAnswerKey | null;
  inputs: ProvenanceEntry[];
}

/** Read the displayed profiles, the source extract and (simulations only) the answer key. */
export async function loadLinkageEvidence(paths: { displayed: string; source: string }, options: { answerKey?: string[] | null; columns?: ColumnMap } = {}): Promise<LinkageEvidence> {
  const tables = await loadLinkageTables(paths.displayed, paths.source, options.columns ? { columns: options.columns } : {});
  let answerKey: LinkageAnswerKey | null = null;
  const keys = options.answerKey ?? [];
  if (keys.length > 1) throw new RangeError(`the linkage answer key is one file; got ${keys.length}`);
  if (keys.length === 1) {
    const t = await readTable<{ display_id: string; source_id: string | null }>(keys[0]!, LINKAGE_ANSWER_KEY_SCHEMA, options.columns ? { columns: options.columns } : {});
    answerKey = { pairs: t.rows.map((r) => [String(r.display_id), r.source_id === null || r.source_id === '' ? null : String(r.source_id)]), provenance: t.provenance };
  }
  return { tables, answerKey, inputs: [...tables.provenance, ...(answerKey ? [answerKey.provenance] : [])] };
}

export interface LinkageParams {
  seed: number;
  /** Random pairs drawn to estimate u. */
  uPairs: number;
  /** Refuse blocking above this many candidate pairs. */
  maxPairs: number;
  /** Posterior probability from which a pair may be linked (one-to-one). */
  linkThreshold: number;
  /** Posterior probability called "confident". */
  confidentThreshold: number;
  /** Term-frequency adjustment of the name. */
  termFrequency: boolean;
  /** Names shown in full in the result (the expert's working copy only). */
  unmasked: boolean;
  /**
   * How m is estimated for the scores: 'em' by EM over all candidate pairs with u divided by the
   * candidate share (exact only when blocking is a function of the compared levels), 'per-rule'
   * per blocking rule leaving out the fields the rule blocks on (Splink). Both are always
   * estimated and shown side by side (`mCheck`).
   */
  mEstimate: 'em' | 'per-rule';
}

export const LINKAGE_DEFAULTS: LinkageParams = { seed: 7, uPairs: 50_000, maxPairs: 5_000_000, linkThreshold: 0.5, confidentThreshold: 0.99, termFrequency: true, unmasked: false, mEstimate: 'em' };

/** m by the two estimates, per field and level, and (answer key given) against the m of the true pairs. */
export interface MEstimateCheck {
  /** Which estimate drives the scores. */
  used: 'em' | 'per-rule';
  rows: Array<{
    field: string; level: string; 'm, EM over all candidates': number; 'm, per blocking rule': number;
    /** log2 of the ratio of the two m: how far apart the two match weights of the level are, in bits */
    'weight difference (bits)': number;
    /** m among the true pairs that are candidates (the quantity EM over all candidates estimates) */
    'm, true candidate pairs': number | null;
    /** m among all true pairs, candidates or not (the quantity the per-rule estimate aims at) */
    'm, all true pairs': number | null;
  }>;
  /** Largest |difference| between the two estimates over non-missing levels, and largest |weight difference| in bits. */
  maxDifference: number;
  maxWeightDifferenceBits: number;
  /** Levels at the probability floor (1e-6) in either estimate: their weight rests on the floor, not on data. */
  atFloor: string[];
  /** Answer key only: largest |error| of each estimate against each yardstick, and F1 of the links under each estimate. */
  check: null | { maxErrorEmVsCandidates: number; maxErrorPerRuleVsCandidates: number; maxErrorEmVsAll: number; maxErrorPerRuleVsAll: number; trueNotCandidates: number; f1Em: number; f1PerRule: number };
  /** Per field left free: the rules (and their pairs) whose EM its per-rule m is the unweighted mean of. */
  perField: Array<{ field: string; rules: string }>;
  perRule: Array<{ rule: string; 'fields left out': string; 'pairs the rule blocks': number; 'share of true pairs (EM)': number; converged: boolean }>;
}

export interface ExplainedLink {
  displayed: string;
  source: string;
  log2Lr: number;
  log10Lr: number;
  verbal: ReturnType<typeof enfsiVerbalScale>;
  probability: number;
  explanation: Array<Record<string, unknown>>;
  waterfall: PairExplanation;
}

export interface LinkageAnalysis {
  inputs: ProvenanceEntry[];
  parameters: LinkageParams;
  counts: { displayed: number; source: number; possiblePairs: number; candidatePairs: number; confident: number; probable: number; none: number };
  blocking: Array<Record<string, unknown>>;
  comparisons: Array<Record<string, unknown>>;
  model: { table: Array<Record<string, unknown>>; method: unknown; fields: unknown; m: number[][]; u: number[][]; lambda: number; lambdaCandidates: number; candidateShare: number };
  matchWeights: number[];
  linkWeight: number;
  links: Array<Record<string, unknown>>;
  errorRates: Array<ErrorRateEstimate & { label: string }>;
  nameFrequency: Array<Record<string, unknown>>;
  mCheck: MEstimateCheck;
  strongest: ExplainedLink | null;
  rival: ExplainedLink | null;
  strengthBands: Array<{ band: string; linked: number }>;
  sweep: SweepRow[];
  truth: { truePairs: number; noSource: number; unknownSourceIds: number; quality: Array<LinkQuality & { threshold: number; estimatedFdr: number }>; sweep: SweepRow[] } | null;
}

/** Run the whole linkage analysis. */
export function analyseLinkage(evidence: LinkageEvidence, params: LinkageParams = LINKAGE_DEFAULTS): LinkageAnalysis {
  if (params.confidentThreshold < params.linkThreshold) throw new RangeError(`confident threshold ${params.confidentThreshold} is below the link threshold ${params.linkThreshold}`);
  if (params.mEstimate !== undefined && params.mEstimate !== 'em' && params.mEstimate !== 'per-rule') throw new RangeError(`mEstimate must be 'em' or 'per-rule', got ${JSON.stringify(params.mEstimate)}`);
  const { tables } = evidence;
  const prepared = prepareRecordBlocking(tables.displayed, tables.source, profileBlockingRules());
  const blocking = blockingTable(countCandidatePairs(prepared), { unmasked: params.unmasked });
  const comparisons = profileComparisons().flatMap((c) => describeComparison(c));
  const run = linkProfileTables(tables, { seed: params.seed, uPairs: params.uPairs, maxPairs: params.maxPairs, termFrequency: params.termFrequency, linkThreshold: params.linkThreshold, m: params.mEstimate ?? 'em', compareMEstimates: true });
  const model = run.result.model;
  const links = linkedProfileRows(tables, run, { confidentThreshold: params.confidentThreshold, unmasked: params.unmasked });
  const confident = links.filter((r) => r.status === 'confident').length;
  const probable = links.filter((r) => r.status === 'probable').length;
  const errAt = (t: number) => estimatedErrorRates(run.result.scores.probability, t);
  const errorRates = [
    { ...errAt(params.linkThreshold), label: `probability ≥ ${params.linkThreshold}` },
    { ...errAt(params.confidentThreshold), label: `probability ≥ ${params.confidentThreshold} (confident)` },
  ];
  const mw = run.result.scores.matchWeight;
  const explain = (p: number, asLr: boolean): ExplainedLink => {
    const e = explainPair(model, run.result.gamma, run.result.pairs, p, run.result.tf);
    const w = asLr ? e.weight : e.matchWeight;
    return {
      displayed: tables.displayedRows[e.left]!.display_id, source: tables.sourceRows[e.right]!.id,
      log2Lr: e.weight, log10Lr: e.weight * Math.log10(2), verbal: enfsiVerbalScale(Math.pow(2, w)), probability: e.probability,
      explanation: explanationTable(e), waterfall: e,
    };
  };
  const accepted = run.assignment.accepted;
  const best = accepted.length ? accepted.reduce((a, b) => (mw[b]! > mw[a]! ? b : a)) : -1;
  const strongest = best >= 0 ? explain(best, true) : null;
  // The best rival: highest-weight candidate pair of a linked profile that was not accepted.
  let rivalPair = -1;
  for (let p = 0; p < run.result.pairs.left.length; p++) {
    const i = run.result.pairs.left[p]!;
    if (run.pairOfLeft[i]! >= 0 && run.pairOfLeft[i] !== p && (rivalPair < 0 || mw[p]! > mw[rivalPair]!)) rivalPair = p;
  }
  const rival = rivalPair >= 0 ? explain(rivalPair, true) : null;
  const priorWeight = strongest ? strongest.waterfall.prior.weight : 0;
  const bands = new Map<string, number>();
  for (const p of accepted) {
    const v = enfsiVerbalScale(Math.pow(2, mw[p]! - priorWeight));
    bands.set(v.band, (bands.get(v.band) ?? 0) + 1);
  }
  const strengthBands = ['extremely-strong', 'very-strong', 'strong', 'moderately-strong', 'moderate', 'weak', 'none'].filter((b) => bands.has(b)).map((b) => ({ band: b, linked: bands.get(b)! }));

  let truth: LinkageAnalysis['truth'] = null;
  let truthKey: { labels: Uint8Array; trueRight: Int32Array; f1: (run: Pick<ReturnType<typeof linkProfileTables>, 'assignment' | 'probabilityOfLeft'>) => number } | null = null;
  if (evidence.answerKey) {
    const key = new Map(evidence.answerKey.pairs);
    const trueRight = new Int32Array(tables.displayed.length).fill(-1);
    const sourceRow = new Map(tables.sourceRows.map((r, j) => [r.id, j]));
    let unknown = 0;
    tables.displayedRows.forEach((d, i) => {
      const s = key.get(d.display_id);
      if (s === undefined || s === null) return;
      const j = sourceRow.get(s);
      if (j === undefined) unknown++;
      else trueRight[i] = j;
    });
    const at = (t: number) => {
      const decided = Int32Array.from(run.assignment.rightOfLeft, (j, i) => (j >= 0 && run.probabilityOfLeft[i]! >= t ? j : -1));
      return { threshold: t, ...evaluateAssignment(decided, trueRight), estimatedFdr: errAt(t).estimatedFdr };
    };
    const isTrue = labelPairsByLeft(run.result.pairs, trueRight);
    truthKey = {
      labels: isTrue, trueRight,
      f1: (other) => evaluateAssignment(Int32Array.from(other.assignment.rightOfLeft, (j, i) => (j >= 0 && other.probabilityOfLeft[i]! >= params.linkThreshold ? j : -1)), trueRight).f1,
    };
    const truePairs = trueRight.filter((j) => j >= 0).length;
    truth = {
      truePairs, noSource: evidence.answerKey.pairs.filter(([, s]) => s === null).length, unknownSourceIds: unknown,
      quality: [at(params.linkThreshold), at(params.confidentThreshold)],
      sweep: thresholdSweep(mw, { isTrue, trueLinks: truePairs }),
    };
  }

  const used = params.mEstimate ?? 'em';
  // with an answer key: the links under the other estimate too (the same candidate pairs rescored), for their F1
  let otherLinks: Pick<ReturnType<typeof linkProfileTables>, 'assignment' | 'probabilityOfLeft'> | null = null;
  if (truthKey) {
    const r = run.result;
    const other = used === 'em' ? r.mByMethod!.perRule : r.mByMethod!.em;
    otherLinks = acceptOneToOne(r.pairs, scorePairs(other, r.patterns, r.pairs, r.tf), { left: tables.displayed.length, right: tables.source.length }, params.linkThreshold);
  }
  const mCheck = mEstimateCheck(run.result, used, truthKey && otherLinks ? { ...truthKey, f1Used: truthKey.f1(run), f1Other: truthKey.f1(otherLinks) } : null);

  return {
    inputs: evidence.inputs, parameters: params,
    counts: {
      displayed: tables.displayed.length, source: tables.source.length, possiblePairs: tables.displayed.length * tables.source.length,
      candidatePairs: run.result.pairs.left.length, confident, probable, none: links.length - confident - probable,
    },
    blocking, comparisons,
    model: {
      table: modelTable(model), method: model.method, fields: model.fields, m: model.m.map((x) => Array.from(x)), u: model.u.map((x) => Array.from(x)),
      lambda: model.lambda, lambdaCandidates: model.lambdaCandidates, candidateShare: model.candidateShare,
    },
    matchWeights: Array.from(mw), linkWeight: matchWeightFromProbability(params.linkThreshold),
    links, errorRates, nameFrequency: nameFrequencyRows(tables, run, { unmasked: params.unmasked }),
    mCheck, strongest, rival, strengthBands, sweep: thresholdSweep(mw), truth,
  };
}

/** The two estimates of m side by side, and against the true pairs when an answer key labels them (see `MEstimateCheck`). */
function mEstimateCheck(r: LinkageResult, used: 'em' | 'per-rule', key: { labels: Uint8Array; trueRight: Int32Array; f1Used: number; f1Other: number } | null): MEstimateCheck {
  const by = r.mByMethod!;
  const fields = r.comparator.fields;
  // yardstick 1: the true pairs among the candidates; yardstick 2: every true pair, compared here
  const candM = key && key.labels.some((x) => x === 1) ? estimateFromLabels(r.gamma, fields, key.labels).m : null;
  let allM: Float64Array[] | null = null;
  let trueNotCandidates = 0;
  if (key) {
    const left: number[] = [], right: number[] = [];
    key.trueRight.forEach((j, i) => { if (j >= 0) { left.push(i); right.push(j); } });
    if (left.length) {
      const g = r.comparator.compare(Int32Array.from(left), Int32Array.from(right));
      allM = estimateFromLabels(g, fields, new Uint8Array(left.length).fill(1), { u: r.model.u }).m;
      trueNotCandidates = left.length - key.labels.reduce((a, b) => a + b, 0);
    }
  }
  const rows: MEstimateCheck['rows'] = [];
  const atFloor: string[] = [];
  let maxDifference = 0, maxWeightDifferenceBits = 0;
  const err = { emC: 0, prC: 0, emA: 0, prA: 0 };
  fields.forEach((f, fi) => f.levels.forEach((l, li) => {
    if (l.isNull) return;
    const em = by.em.m[fi]![li]!, pr = by.perRule.m[fi]![li]!;
    const tc = candM ? candM[fi]![li]! : null, ta = allM ? allM[fi]![li]! : null;
    const bits = Math.log2(em / pr);
    maxDifference = Math.max(maxDifference, Math.abs(em - pr));
    maxWeightDifferenceBits = Math.max(maxWeightDifferenceBits, Math.abs(bits));
    if (em <= PROBABILITY_FLOOR * 1.0001 || pr <= PROBABILITY_FLOOR * 1.0001) atFloor.push(`${f.name} ${l.label}`);
    if (tc !== null) { err.emC = Math.max(err.emC, Math.abs(em - tc)); err.prC = Math.max(err.prC, Math.abs(pr - tc)); }
    if (ta !== null) { err.emA = Math.max(err.emA, Math.abs(em - ta)); err.prA = Math.max(err.prA, Math.abs(pr - ta)); }
    rows.push({ field: f.name, level: l.label, 'm, EM over all candidates': em, 'm, per blocking rule': pr, 'weight difference (bits)': bits, 'm, true candidate pairs': tc, 'm, all true pairs': ta });
  }));
  const perRule = r.perRule ?? [];
  return {
    used, rows, maxDifference, maxWeightDifferenceBits, atFloor,
    check: key && candM && allM ? {
      maxErrorEmVsCandidates: err.emC, maxErrorPerRuleVsCandidates: err.prC, maxErrorEmVsAll: err.emA, maxErrorPerRuleVsAll: err.prA, trueNotCandidates,
      f1Em: used === 'em' ? key.f1Used : key.f1Other, f1PerRule: used === 'per-rule' ? key.f1Used : key.f1Other,
    } : null,
    perField: fields.map((f) => ({ field: f.name, rules: perRule.filter((e) => !e.blockedFields.includes(f.name) && e.pairs > 0).map((e) => `${e.rule} (${e.pairs} pairs)`).join(', ') })),
    perRule: perRule.map((e) => ({ rule: e.rule, 'fields left out': e.blockedFields.join(', '), 'pairs the rule blocks': e.pairs, 'share of true pairs (EM)': e.lambda, converged: e.converged })),
  };
}
