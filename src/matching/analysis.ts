/**
 * The matching inference in one call, shared by notebook 01-matching and `profile-provenance
 * match`: `loadMatchingEvidence` (io only) -> `analyseMatching` (pure, seeded, typed,
 * JSON-serialisable) -> `matchingReport` (tables, figures and sentences built from the result).
 *
 * The question (Weibo v. Maimai, notarial certificate No. 704): were the displayed profiles
 * copied from the source platform? Two layers:
 * 1. the court's standard: each field graded same / basically the same / different / missing,
 *    rates with intervals (also by number of fields shown), the coincidence baseline by
 *    re-pairing within each uploader's network, P(>= N | unrelated);
 * 2. source-level propositions: H_source (copied) against each alternative the defence put
 *    forward, reported separately (`propositions.ts`), per profile, per uploader network and
 *    combined under a stated dependence model (`combine.ts`), with the sensitivity to every
 *    default and a simulation study under each proposition (`simulation.ts`).
 *
 * @example
 * const evidence = await loadMatchingEvidence({ displayed: 'shown.csv', source: 'weibo.csv', schoolAliases: 's.csv', employerAliases: 'e.csv', titleSynonyms: 't.csv' });
 * const result = analyseMatching(evidence, { ...MATCHING_DEFAULTS, seed: 704 });
 * result.propositions.find((p) => p.id === 'self-entry')!.log10Lr;
 */
import type { ColumnMap } from '../io/columns';
import { readFileSync } from 'node:fs';
import { samePictureMaxBits } from '../avatars/rule';
import { fileProvenance, type FileProvenance } from '../io/provenance';
import { readTable } from '../io/readTable';
import { enfsiVerbalScale } from '../stats/enfsiVerbalScale';
import { loadAliasTable, mergeAliasTables, defaultJobTitleSynonyms, defaultSchoolAliases, type AliasTable } from '../text';
import { compareTables, levelRows, pairProfiles, type PairedTables } from './compare';
import { provenanceComparisons, shortTagListShareOf, tagCounts } from './provenanceLevels';
import { CF_FIELDS, cfCoverageOf, cfPrecisionAt, withCfRates, type CfRate, type CfRateField } from './cfRates';
import type { PrepareOptions } from './profile';
import { combineLog10, DEPENDENCE_MODELS, perGroupLog10, type DependenceModel, type GroupFigure } from './combine';
import { loadProfileTables } from './io';
import { defaultComparisons, thresholdsForStrictness, type MatchThresholds } from './levels';
import { analyticNull, permutationNull, type NullStatistic } from './null';
import { SOURCE_SCHEMA, type ProfileRow } from './profile';
import { ALTERNATIVE_IDS, AVATAR_FILE_BITS, copiedAvatarForm, DEFAULT_ALTERNATIVES, DEFAULT_COPYING, reprocessingStatement, reusedPhotoForm, withShortTagListShare, type AlternativeId, type AlternativeModel, type CopyingModel } from './propositions';
import { log10LrVsModel, propositionLikelihoods, type LevelProbabilityRow } from './propositionLr';
import { allShownAgree, matchRates, rateWithIntervals, type FieldRate, type OverallRate, type RateWithIntervals } from './rates';
import { strictnessSensitivity, type SensitivityRow } from './sensitivity';
import { definitionRows } from './report';
import { shareAtLeast, simulationStudy, type SimulationStudy } from './simulation';
import { log10LrCeiling } from './ceiling';
import type { ReprocessingCondition } from '../avatars/reprocessingLevels';
import { jointSensitivity, mostCopyLikeForm, moveFieldModelOdds, moveOdds, type JointSensitivityRow } from './jointSensitivity';

export interface MatchingPaths {
  displayed: string;
  source: string;
  schoolAliases: string;
  employerAliases: string;
  titleSynonyms: string;
  /**
   * Optional reference sample: the same people's profiles on a third platform (columns as the
   * source table, paired by id). When given, the self-entry model is MEASURED from it (level
   * frequencies of reference vs source, +1/2 per level) instead of the stated defaults.
   */
  reference?: string | null;
}

export interface MatchingEvidence {
  displayed: ProfileRow[];
  source: ProfileRow[];
  displayedFile: string;
  sourceFile: string;
  aliases: { school: AliasTable; employer: AliasTable; title: AliasTable };
  /** the reference sample (the same people on a third platform), or null */
  reference: ProfileRow[] | null;
  /** the generator's answer key (simulations only): id -> copied, or null */
  truth: Array<{ id: string; copied: boolean }> | null;
  /** provenance of every file read */
  inputs: FileProvenance[];
}

function aliasProvenance(path: string, rows: number): FileProvenance {
  return fileProvenance(path, readFileSync(path), { rows, format: path.toLowerCase().endsWith('.json') ? 'json' : 'csv' });
}

/** Read the two profile tables, the alias tables and (simulations only) the answer key. */
export async function loadMatchingEvidence(paths: MatchingPaths, options: { answerKey?: readonly string[] | null; columns?: ColumnMap } = {}): Promise<MatchingEvidence> {
  const tables = await loadProfileTables(paths.displayed, paths.source, options.columns ? { columns: options.columns } : {});
  const school = loadAliasTable(paths.schoolAliases);
  const employer = loadAliasTable(paths.employerAliases);
  const title = loadAliasTable(paths.titleSynonyms);
  const reference = paths.reference ? await readTable<ProfileRow>(paths.reference, { ...SOURCE_SCHEMA, name: 'reference profiles' }) : null;
  let truth: MatchingEvidence['truth'] = null;
  const truthInputs: FileProvenance[] = [];
  for (const p of options.answerKey ?? []) {
    const t = await readTable<{ id: string; copied: boolean }>(p, {
      name: 'matching answer key', columns: [{ name: 'id', type: 'string', unique: true }, { name: 'copied', type: 'boolean' }],
    });
    truth = [...(truth ?? []), ...t.rows.map((r) => ({ id: r.id, copied: r.copied }))];
    truthInputs.push({ ...t.provenance });
  }
  return {
    displayed: tables.displayed, source: tables.source, displayedFile: tables.displayedFile, sourceFile: tables.sourceFile,
    aliases: { school, employer, title }, truth, reference: reference ? reference.rows.map((r) => ({ ...r, uploader: null })) : null,
    inputs: [
      ...tables.provenance.map((p) => ({ ...p })),
      ...(reference ? [{ ...reference.provenance }] : []),
      aliasProvenance(paths.schoolAliases, school.size), aliasProvenance(paths.employerAliases, employer.size), aliasProvenance(paths.titleSynonyms, title.size),
      ...truthInputs,
    ],
  };
}

export interface MatchingParams {
  /** the platform's default pictures (treated as not shown) */
  defaultAvatarHashes: string[];
  /** 1 = identical only; sets every "basically the same" threshold of the court-standard levels */
  strictness: number;
  /** random re-pairings (within each uploader's network) for the coincidence baseline */
  permutations: number;
  seed: number;
  /** strictness values for the sensitivity table */
  sensitivity: number[];
  /** provenance levels: largest Hamming distance of the same served file re-encoded (bits); default measured (`AVATAR_FILE_BITS`) */
  nearBits: number;
  /** provenance levels: edit similarity for "similar" */
  similarity: number;
  /** provenance levels: a tag held by at most this share of source profiles is rare */
  rareTagShare: number;
  /** the stated copying model, fixed in advance (default: `DEFAULT_COPYING`) */
  copying: CopyingModel;
  /** the alternatives' stated models (defaults: `DEFAULT_ALTERNATIVES`) */
  alternatives: Record<AlternativeId, AlternativeModel>;
  /** dependence model of the combined figure */
  dependence: DependenceModel;
  /** multipliers of the ODDS of each reproduction chance r and of each most copy-like share in the one-at-a-time sensitivity tables */
  rFactors: number[];
  /** joint sensitivity: draws, and the largest factor by which each stated parameter is moved */
  jointDraws: number;
  jointFactor: number;
  /** other values of the level settings for the sensitivity table */
  nearBitsSensitivity: number[];
  rareTagShareSensitivity: number[];
  /** other edit-similarity thresholds for "similar" (text fields) in the level-settings table */
  similaritySensitivity: number[];
  /** the share of short (1-2) tag lists every model's in-order tag mass is split by; null = this evidence's own (`shortTagListShareOf`) */
  shortTagListShare: number | null;
  /** other shares of short (1-2) tag lists for the level-settings table */
  shortTagListShareSensitivity: number[];
  /**
   * the shares of profiles showing employer, school and title at which the cf alternative's r is read
   * from the SNAP measurement (`cfPrecisionAt`); null = this evidence's own (`cfCoverageOf`). Applied
   * only to the default cf model (a cf model the caller states keeps its own r).
   */
  cfCoverage: Record<CfRateField, number> | null;
  /** simulation study: people per data set, and its seed */
  simulationProfiles: number;
  simulationSeed: number;
  /** a profile is "called" copied against an alternative when its log10 LR is at least this (answer-key check) */
  callLog10: number;
  /** fields used to find each person's source account (weight 1 in every LR; see `PropositionSettings.pairedBy`); [] = pairing independent of the fields */
  pairedBy: string[];
}

export const MATCHING_DEFAULTS: MatchingParams = {
  defaultAvatarHashes: ['c3c3c3c3e7e7ffff'], strictness: 0.8, permutations: 10_000, seed: 704,
  sensitivity: [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1], nearBits: AVATAR_FILE_BITS, similarity: 0.8, rareTagShare: 0.01,
  copying: DEFAULT_COPYING as CopyingModel, alternatives: DEFAULT_ALTERNATIVES as Record<AlternativeId, AlternativeModel>, dependence: 'median-min', rFactors: [0.5, 1.5], jointDraws: 200, jointFactor: 2,
  nearBitsSensitivity: [2, 6], rareTagShareSensitivity: [0.005, 0.02], similaritySensitivity: [0.7, 0.9], shortTagListShare: null, shortTagListShareSensitivity: [0.1, 0.4], cfCoverage: null,
  simulationProfiles: 300, simulationSeed: 13, callLog10: 2, pairedBy: [],
};

export interface MatchingProfile {
  id: string;
  uploader: string;
  fieldsShown: number;
  /** court-standard level per field */
  levels: Record<string, string>;
  /** provenance level per field */
  provenance: Record<string, string>;
  allShownAgree: boolean;
  /** log10 LR of copied vs each alternative */
  log10LrVs: Record<AlternativeId, number>;
}

export interface PropositionResult {
  id: AlternativeId;
  description: string;
  assumptions: string[];
  why: string;
  /** combined log10 LR of copied vs this alternative under the stated dependence model */
  log10Lr: number;
  /** ENFSI (2015) band of the combined figure, and the proposition it supports */
  verbal: string;
  verbalZh: string;
  supports: 'copied' | 'alternative' | 'neither';
  perUploader: GroupFigure[];
  /** share of profiles (showing a field) with LR >= 100 */
  shareAtLeast100: number;
  /** share of profiles (showing a field) with LR < 1 (the display favours the alternative): printed beside the combined figure, which does not show them */
  shareBelow1: number;
  /**
   * Share of profiles (showing a field) whose upper-bound LR (`log10LrCeiling`: every shown field at
   * the most copy-favouring level its source allows) reaches 100 and 10^4: no display of the same
   * fields could do better under the stated models. null for `unrelated` (joint patterns, not
   * per-field models).
   */
  ceilingShareAtLeast100: number | null;
  ceilingShareAtLeast10k: number | null;
}

export interface FieldsShownRow extends RateWithIntervals {
  fieldsShown: number;
  profiles: number;
  /** median per-profile log10 LR vs each alternative among these profiles */
  medianLog10LrVs: Record<AlternativeId, number>;
}

export interface MatchingResult {
  inputs: FileProvenance[];
  parameters: MatchingParams & { thresholds: MatchThresholds; samePictureBits: number; /** the share of short tag lists the models were split by (given, or this evidence's own) */ shortTagListShareUsed: number; /** the cf alternative's measured r per field, at the shares read (null when the caller stated cf) */ cfRatesUsed: CfRate[] | null };
  comparisons: Array<Record<string, string>>;
  provenanceLevels: Array<Record<string, string>>;
  profiles: MatchingProfile[];
  rates: { fields: FieldRate[]; overall: OverallRate; byUploader: OverallRate[]; byFieldsShown: FieldsShownRow[] };
  baseline: {
    withinUploader: true;
    permutations: number;
    statistics: Array<Pick<NullStatistic, 'name' | 'observed' | 'expected' | 'q025' | 'q975' | 'pValue'>>;
    expectedFieldRate: number[];
    allShownAgreeHistogram: Array<{ value: number; count: number }>;
    analytic: { fields: Array<{ field: string; expectedRate: number; shown: number }>; expectedAllShownAgree: number; observedAllShownAgree: number; log10PValue: number; method: string };
  };
  propositions: PropositionResult[];
  levelProbabilities: LevelProbabilityRow[];
  em: { lambda: number; iterations: number; converged: boolean; unrelatedPairs: number };
  dependence: { model: DependenceModel; sensitivity: Array<{ model: DependenceModel } & Record<AlternativeId, number>> };
  sensitivity: {
    strictness: SensitivityRow[];
    reproduction: Array<{ alternative: AlternativeId; field: string; r: number; factor: number; rUsed: number; log10Lr: number }>;
    /**
     * The wording shares moved one at a time: the share of a reproduction that takes the field's
     * most copy-like form (exact text, identical picture, the source's tag list in order) times
     * each factor, the other forms rescaled to keep the sum 1.
     */
    wording: Array<{ alternative: AlternativeId; field: string; form: string; share: number; factor: number; shareUsed: number; log10Lr: number }>;
    /**
     * The stated copying model moved one at a time (its r, and the share of its most copy-like
     * form), each by the factors of `rFactors`: combined log10 LR vs every alternative.
     */
    copying: Array<{ field: string; parameter: string; value: number; factor: number; valueUsed: number; log10Lr: Record<AlternativeId, number> }>;
    /** every stated parameter moved at once (`jointSensitivity.ts`): range of the combined log10 LR */
    joint: { draws: number; factor: number; seed: number; rows: JointSensitivityRow[] };
    /** the level settings moved one at a time: combined log10 LR vs each alternative */
    levels: Array<{ parameter: 'nearBits' | 'rareTagShare' | 'similarity' | 'shortTagListShare'; value: number; log10Lr: Record<AlternativeId, number> }>;
    /**
     * How a reused photo is processed by the two platforms (the measured avatar forms of the
     * alternatives): `independent` (each crops 0-20%, the default) and `uncropped` (neither crops,
     * the defence's extreme): combined log10 LR vs each alternative.
     */
    avatarProcessing: Array<{ condition: ReprocessingCondition; used: boolean; statement: string; log10Lr: Record<AlternativeId, number> }>;
    /** the cf alternative's measured r (employer, school, title) all at the low or high end of their 95% intervals: combined LR of copied vs cf (null when the caller stated cf) */
    cfInterval: Array<{ end: 'low' | 'measured' | 'high'; r: Record<CfRateField, number>; log10Lr: number }> | null;
  };
  validation: SimulationStudy;
  truth: null | { rule: string; rows: Array<{ alternative: AlternativeId; tp: number; fp: number; fn: number; tn: number; unknown: number }>; missingFromKey: number };
}

/**
 * The self-entry model measured from a reference sample (the same people's profiles on a third
 * platform, compared with their source profiles on the provenance levels): per field, the
 * level frequencies among the reference pairs, +1/2 per non-null level (Jeffreys), as the form
 * with r = 1.
 */
export function measuredSelfEntry(
  reference: readonly ProfileRow[], paired: PairedTables, prepare: PrepareOptions, params: Pick<MatchingParams, 'nearBits' | 'similarity' | 'rareTagShare'>, samePictureBits: number,
  shortListShare?: number,
): AlternativeModel {
  const ids = new Set(paired.source.map((p) => p.id));
  const rows = reference.filter((r) => ids.has(String(r.id)));
  if (rows.length === 0) throw new RangeError('the reference sample shares no id with the source table');
  const refPaired = pairProfiles(rows, paired.source.map((p) => ({ id: p.id, name: p.name.raw, avatar_hash: p.avatar, employer: p.employer.raw, title: p.title.raw, school: p.school.raw, tags: p.tags.join(',') })), { ...prepare, displayedFile: 'reference', sourceFile: 'source' });
  const comparisons = provenanceComparisons({ samePictureBits, nearBits: params.nearBits, similarity: params.similarity, rareTagShare: params.rareTagShare, tagCounts: tagCounts(paired.source), sourceProfiles: paired.source.length });
  const m = compareTables(refPaired, comparisons);
  const F = comparisons.length;
  const fields: Record<string, { r: number; form: Record<string, number>; shortListShare?: number }> = {};
  comparisons.forEach((c, f) => {
    const counts = c.levels.map(() => 0);
    for (let i = 0; i < m.ids.length; i++) counts[m.levels[i * F + f]!]!++;
    const nonNull = c.levels.map((l, k) => (l.isNull ? -1 : k)).filter((k) => k >= 0);
    const total = nonNull.reduce((a, k) => a + counts[k]! + 0.5, 0);
    fields[c.name] = { r: 1, form: Object.fromEntries(nonNull.map((k) => [c.levels[k]!.label, (counts[k]! + 0.5) / total])) };
    // the same people's lists: the measured joint tag shares are split by the evidence's short-list share
    if (c.name === 'tags' && shortListShare !== undefined) fields[c.name]!.shortListShare = shortListShare;
  });
  return {
    ...DEFAULT_ALTERNATIVES['self-entry'], fields,
    assumptions: [`level frequencies measured on ${m.ids.length} reference pairs (the same people on a third platform vs their source profiles), +1/2 per level`, 'fields independent given self-entry'],
    why: `measured from the expert's reference sample (${m.ids.length} people)`,
  };
}

/**
 * The settings with every avatar form that is still the MEASURED default (`reusedPhotoForm`,
 * `copiedAvatarForm`; recognised by identity) re-derived from the reprocessing measurement for
 * these level settings and processing condition; forms the caller replaced are kept.
 */
export function withMeasuredAvatarForms<S extends { copying: CopyingModel; alternatives: Record<AlternativeId, AlternativeModel>; nearBits: number; samePictureBits: number }>(s: S, condition: ReprocessingCondition = 'independent'): S {
  const alternatives = Object.fromEntries(ALTERNATIVE_IDS.map((id) => {
    const alt = s.alternatives[id];
    const fm = alt.fields.avatar;
    if (!fm || fm !== DEFAULT_ALTERNATIVES[id].fields.avatar) return [id, alt];
    return [id, { ...alt, fields: { ...alt.fields, avatar: { r: fm.r, form: reusedPhotoForm(s.nearBits, s.samePictureBits, condition) } } }];
  })) as Record<AlternativeId, AlternativeModel>;
  const cf = s.copying.fields.avatar;
  const copying = cf && cf === DEFAULT_COPYING.fields.avatar ? { ...s.copying, fields: { ...s.copying.fields, avatar: { r: cf.r, form: copiedAvatarForm(s.nearBits, s.samePictureBits) } } } : s.copying;
  return { ...s, alternatives, copying };
}

function verbalOf(log10: number): { verbal: string; verbalZh: string; supports: PropositionResult['supports'] } {
  const v = enfsiVerbalScale(10 ** Math.max(-300, Math.min(300, log10)));
  return { verbal: v.verbal, verbalZh: v.verbalZh, supports: v.supports === 'first' ? 'copied' : v.supports === 'second' ? 'alternative' : 'neither' };
}

function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
}

/** Run the whole matching analysis (see the module comment). */
export function analyseMatching(evidence: MatchingEvidence, params: MatchingParams = MATCHING_DEFAULTS, hooks: { onProgress?: (done: number, total: number) => void } = {}): MatchingResult {
  const prepare = {
    schoolAliases: mergeAliasTables(defaultSchoolAliases(), evidence.aliases.school),
    employerAliases: evidence.aliases.employer,
    jobTitleSynonyms: mergeAliasTables(defaultJobTitleSynonyms(), evidence.aliases.title),
    defaultAvatarHashes: params.defaultAvatarHashes,
  };
  const paired = pairProfiles(evidence.displayed, evidence.source, { ...prepare, displayedFile: evidence.displayedFile, sourceFile: evidence.sourceFile });
  const hashBits = (paired.source.find((p) => p.avatar)?.avatar?.length ?? 16) * 4;
  const samePictureBits = samePictureMaxBits();
  const thresholds = thresholdsForStrictness(params.strictness, hashBits, samePictureBits);
  // 1. the court's standard
  const comparisons = defaultComparisons(thresholds);
  const matrix = compareTables(paired, comparisons);
  const rates = matchRates(matrix);
  const nul = permutationNull(paired, comparisons, matrix, { permutations: params.permutations, seed: params.seed, withinUploader: true, onProgress: hooks.onProgress });
  const analytic = analyticNull(paired, matrix.fields, rates.overall.k, thresholds);
  const strictness = strictnessSensitivity(paired, params.sensitivity, { seed: params.seed });
  // 2. propositions
  // the share of short tag lists every model splits its in-order mass by: this evidence's own (the
  // displayed people's source lists) unless given
  const shortTagListShare = params.shortTagListShare ?? shortTagListShareOf(paired.displayed.map((_, i) => paired.source[paired.sourceIndex[i]!]).filter((x): x is NonNullable<typeof x> => x !== undefined));
  // the cf alternative's employer, school and title r: the SNAP measurement read at the share of this
  // evidence's profiles showing each field (selective display), unless shares are given
  const cfDefault = params.alternatives.cf === DEFAULT_ALTERNATIVES.cf;
  const cfCoverage = cfDefault ? params.cfCoverage ?? cfCoverageOf(paired) : null;
  const cfRates = cfCoverage ? CF_FIELDS.map((f) => cfPrecisionAt(f, cfCoverage[f])) : null;
  const cfR = (pick: (c: CfRate) => number) => Object.fromEntries(cfRates!.map((c) => [c.field, pick(c)])) as Record<CfRateField, number>;
  const cfModel = cfRates ? withCfRates(params.alternatives.cf, cfR((c) => c.precision)) : params.alternatives.cf;
  const stated = Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, withShortTagListShare(id === 'cf' ? cfModel : params.alternatives[id], shortTagListShare)])) as Record<AlternativeId, AlternativeModel>;
  const given = evidence.reference ? { ...stated, 'self-entry': measuredSelfEntry(evidence.reference, paired, prepare, params, samePictureBits, shortTagListShare) } : stated;
  const base = { copying: withShortTagListShare(params.copying, shortTagListShare), alternatives: given, samePictureBits, nearBits: params.nearBits, similarity: params.similarity, rareTagShare: params.rareTagShare, pairedBy: params.pairedBy };
  // the measured avatar forms, for these level settings (the caller's own forms are kept)
  const settings = withMeasuredAvatarForms(base);
  const { alternatives, copying: copyingModel } = settings;
  const lrs = propositionLikelihoods(paired, settings);
  const courtRows = levelRows(matrix);
  const provRows = levelRows(lrs.matrix);
  const profiles: MatchingProfile[] = lrs.profiles.map((p, i) => ({
    id: p.id, uploader: p.uploader, fieldsShown: p.fieldsShown,
    levels: Object.fromEntries(matrix.fields.map((f) => [f, courtRows[i]![f]!])),
    provenance: Object.fromEntries(lrs.matrix.fields.map((f) => [f, provRows[i]![f]!])),
    allShownAgree: allShownAgree(matrix, i), log10LrVs: p.log10LrVs,
  }));
  const counted = profiles.filter((p) => p.fieldsShown > 0);
  const groups = counted.map((p) => p.uploader);
  const figure = (values: number[], model: DependenceModel) => {
    const per = perGroupLog10(groups, values, model);
    return { per, combined: combineLog10(per, model) };
  };
  const propositions: PropositionResult[] = ALTERNATIVE_IDS.map((id) => {
    const alt = alternatives[id];
    const values = counted.map((p) => p.log10LrVs[id]);
    const { per, combined } = figure(values, params.dependence);
    const ceiling = id === 'unrelated' ? null : log10LrCeiling(lrs.basis, copyingModel, alt).filter((_, i) => profiles[i]!.fieldsShown > 0);
    return {
      id, description: alt.description, assumptions: alt.assumptions, why: alt.why, log10Lr: combined, ...verbalOf(combined),
      perUploader: per, shareAtLeast100: shareAtLeast(values, 2), shareBelow1: values.length ? values.filter((v) => v < 0).length / values.length : NaN,
      ceilingShareAtLeast100: ceiling ? shareAtLeast(ceiling, 2) : null, ceilingShareAtLeast10k: ceiling ? shareAtLeast(ceiling, 4) : null,
    };
  });
  const dependence = {
    model: params.dependence,
    sensitivity: DEPENDENCE_MODELS.map((model) => ({ model, ...Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, figure(counted.map((p) => p.log10LrVs[id]), model).combined])) }) as { model: DependenceModel } & Record<AlternativeId, number>),
  };
  // sensitivity of each stated reproduction chance r
  const countedIdx = profiles.map((p, i) => (p.fieldsShown > 0 ? i : -1)).filter((i) => i >= 0);
  const reproduction: MatchingResult['sensitivity']['reproduction'] = [];
  for (const id of ALTERNATIVE_IDS) {
    const alt = alternatives[id];
    for (const [field, fm] of Object.entries(alt.fields)) {
      for (const factor of params.rFactors) {
        const rUsed = moveOdds(fm.r, factor);
        const lr = log10LrVsModel(lrs.basis, { ...alt, fields: { ...alt.fields, [field]: { ...fm, r: rUsed } } });
        reproduction.push({ alternative: id, field, r: fm.r, factor, rUsed, log10Lr: figure(countedIdx.map((i) => lr[i]!), params.dependence).combined });
      }
    }
  }
  const wording: MatchingResult['sensitivity']['wording'] = [];
  for (const id of ALTERNATIVE_IDS) {
    const alt = alternatives[id];
    for (const [field, fm] of Object.entries(alt.fields)) {
      const [form, share] = mostCopyLikeForm(fm) ?? [];
      if (form === undefined || share === undefined || share <= 0 || share >= 1) continue;
      for (const factor of params.rFactors) {
        const moved = moveFieldModelOdds(fm, 1, factor);
        const lr = log10LrVsModel(lrs.basis, { ...alt, fields: { ...alt.fields, [field]: moved } });
        wording.push({ alternative: id, field, form, share, factor, shareUsed: mostCopyLikeForm(moved)![1], log10Lr: figure(countedIdx.map((i) => lr[i]!), params.dependence).combined });
      }
    }
  }
  const combinedOf = (lr: Float64Array) => figure(countedIdx.map((i) => lr[i]!), params.dependence).combined;
  const copyingRows: MatchingResult['sensitivity']['copying'] = [];
  for (const [field, fm] of Object.entries(copyingModel.fields)) {
    const [form, share] = mostCopyLikeForm(fm) ?? [];
    const moves: Array<[string, number, (f: number) => typeof fm]> = [['r', fm.r, (f) => moveFieldModelOdds(fm, f, 1)]];
    if (form !== undefined && share !== undefined && share > 0 && share < 1) moves.push([form, share, (f) => moveFieldModelOdds(fm, 1, f)]);
    for (const [parameter, value, move] of moves) {
      for (const factor of params.rFactors) {
        const moved = move(factor);
        const copying = { ...copyingModel, fields: { ...copyingModel.fields, [field]: moved } };
        copyingRows.push({
          field, parameter, value, factor, valueUsed: parameter === 'r' ? moved.r : mostCopyLikeForm(moved)![1],
          log10Lr: Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, combinedOf(log10LrVsModel(lrs.basis, alternatives[id], copying))])) as Record<AlternativeId, number>,
        });
      }
    }
  }
  const jointSeed = params.seed;
  const joint = {
    draws: params.jointDraws, factor: params.jointFactor, seed: jointSeed,
    rows: jointSensitivity(lrs.basis, copyingModel, alternatives, { draws: params.jointDraws, seed: jointSeed, factor: params.jointFactor }, combinedOf),
  };
  const levelSettings: MatchingResult['sensitivity']['levels'] = [];
  const combinedAll = (l: ReturnType<typeof propositionLikelihoods>) =>
    Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, figure(l.profiles.filter((x) => x.fieldsShown > 0).map((x) => x.log10LrVs[id]), params.dependence).combined])) as Record<AlternativeId, number>;
  for (const value of params.nearBitsSensitivity) levelSettings.push({ parameter: 'nearBits', value, log10Lr: combinedAll(propositionLikelihoods(paired, withMeasuredAvatarForms({ ...base, nearBits: value }))) });
  for (const value of params.rareTagShareSensitivity) levelSettings.push({ parameter: 'rareTagShare', value, log10Lr: combinedAll(propositionLikelihoods(paired, { ...settings, rareTagShare: value })) });
  for (const value of params.similaritySensitivity ?? []) levelSettings.push({ parameter: 'similarity', value, log10Lr: combinedAll(propositionLikelihoods(paired, { ...settings, similarity: value })) });
  for (const value of params.shortTagListShareSensitivity) {
    const resplit = { ...settings, copying: withShortTagListShare(settings.copying, value), alternatives: Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, withShortTagListShare(settings.alternatives[id], value)])) as Record<AlternativeId, AlternativeModel> };
    levelSettings.push({ parameter: 'shortTagListShare', value, log10Lr: combinedAll(propositionLikelihoods(paired, resplit)) });
  }
  const avatarProcessing: MatchingResult['sensitivity']['avatarProcessing'] = (['independent', 'uncropped'] as const).map((condition) => ({
    condition, used: condition === 'independent', statement: reprocessingStatement(params.nearBits, samePictureBits, condition),
    log10Lr: condition === 'independent' ? Object.fromEntries(propositions.map((x) => [x.id, x.log10Lr])) as Record<AlternativeId, number> : combinedAll(propositionLikelihoods(paired, withMeasuredAvatarForms(base, condition))),
  }));
  const cfInterval: MatchingResult['sensitivity']['cfInterval'] = cfRates
    ? (['low', 'measured', 'high'] as const).map((end) => {
        const r = cfR((c) => (end === 'low' ? c.low : end === 'high' ? c.high : c.precision));
        const log10Lr = end === 'measured' ? propositions.find((x) => x.id === 'cf')!.log10Lr : combinedAll(propositionLikelihoods(paired, { ...settings, alternatives: { ...settings.alternatives, cf: withCfRates(settings.alternatives.cf, r) } })).cf;
        return { end, r, log10Lr };
      })
    : null;
  // rates by the number of fields shown
  const byFieldsShown: FieldsShownRow[] = [];
  const maxShown = Math.max(0, ...profiles.map((p) => p.fieldsShown));
  for (let k = 1; k <= maxShown; k++) {
    const rows = profiles.filter((p) => p.fieldsShown === k);
    if (!rows.length) continue;
    byFieldsShown.push({
      fieldsShown: k, profiles: rows.length, ...rateWithIntervals(rows.filter((p) => p.allShownAgree).length, rows.length),
      medianLog10LrVs: Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, median(rows.map((p) => p.log10LrVs[id]))])) as Record<AlternativeId, number>,
    });
  }
  // answer key (simulations only): ids missing from it are counted, never assumed
  let truth: MatchingResult['truth'] = null;
  if (evidence.truth) {
    const copied = new Map(evidence.truth.map((t) => [t.id, t.copied]));
    const missingFromKey = profiles.filter((p) => !copied.has(p.id)).length;
    truth = {
      rule: `per-profile LR >= 10^${params.callLog10} called "copied"`, missingFromKey,
      rows: ALTERNATIVE_IDS.map((alternative) => {
        const c = { alternative, tp: 0, fp: 0, fn: 0, tn: 0, unknown: 0 };
        for (const p of profiles) {
          const t = copied.get(p.id);
          const call = p.log10LrVs[alternative] >= params.callLog10;
          if (t === undefined) c.unknown++;
          else if (t && call) c.tp++;
          else if (!t && call) c.fp++;
          else if (t && !call) c.fn++;
          else c.tn++;
        }
        return c;
      }),
    };
  }
  const histogram = new Map<number, number>();
  for (const v of nul.allShownAgree) histogram.set(v, (histogram.get(v) ?? 0) + 1);
  return {
    inputs: evidence.inputs,
    parameters: { ...params, copying: copyingModel, alternatives, thresholds, samePictureBits, shortTagListShareUsed: shortTagListShare, cfRatesUsed: cfRates },
    comparisons: definitionRows(comparisons),
    provenanceLevels: definitionRows(lrs.comparisons),
    profiles,
    rates: { fields: rates.fields, overall: rates.overall, byUploader: rates.byUploader, byFieldsShown },
    baseline: {
      withinUploader: true, permutations: nul.permutations,
      statistics: nul.statistics.map(({ name, observed, expected, q025, q975, pValue }) => ({ name, observed, expected, q025, q975, pValue })),
      expectedFieldRate: nul.expectedFieldRate,
      allShownAgreeHistogram: [...histogram].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count })),
      analytic: { fields: analytic.fields, expectedAllShownAgree: analytic.expectedAllShownAgree, observedAllShownAgree: analytic.observedAllShownAgree, log10PValue: analytic.log10PValue, method: analytic.method },
    },
    propositions,
    levelProbabilities: lrs.levelProbabilities,
    em: { ...lrs.em, unrelatedPairs: lrs.unrelatedPairs },
    dependence,
    sensitivity: { strictness, reproduction, wording, copying: copyingRows, joint, levels: levelSettings, avatarProcessing, cfInterval },
    validation: simulationStudy(settings, { seed: params.simulationSeed, profiles: params.simulationProfiles, uploaders: new Set(profiles.map((p) => p.uploader)).size || 3 }),
    truth,
  };
}
