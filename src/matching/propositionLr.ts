/**
 * Per-profile likelihood ratios of H_source (copied from the source profile) against each
 * alternative proposition (`propositions.ts`), on the provenance levels (`provenanceLevels.ts`):
 *
 *   LR_i(copied vs H) = P(levels_i | copied) / P(levels_i | H), over the fields profile i shows.
 *
 * P(. | copied) = prod_f [r form + (1 - r) u] under the stated copying model fixed in advance
 * (`DEFAULT_COPYING`), never fitted to the displays it is applied to; the project's one
 * Fellegi-Sunter EM (u fixed at the unrelated-pair marginals) is run as a diagnostic only (its m
 * is printed beside the stated model). P(. | unrelated) = the joint pattern probability of the
 * non-name fields among unrelated pairs of the same networks x the displayed name's own chance
 * (`unrelated.ts`). P(. | H) for the other alternatives = prod_f [r form + (1 - r) u] (stated).
 */
import type { Comparison } from '../compare/comparison';
import { compareTables, type LevelMatrix, type PairedTables } from './compare';
import { likelihoodRatios } from './likelihood';
import { provenanceComparisons, tagCounts } from './provenanceLevels';
import { ALTERNATIVE_IDS, alternativeLevelProbabilities, checkAlternative, type AlternativeId, type AlternativeModel, type CopyingModel } from './propositions';
import type { PreparedProfile } from './profile';
import { jointLog10, nameLevelProbabilities, unrelatedPairs } from './unrelated';

export interface PropositionSettings {
  /** the stated copying model (H_source), fixed in advance */
  copying: CopyingModel;
  alternatives: Record<AlternativeId, AlternativeModel>;
  /** avatar: the avatars' measured same-picture rule (bits) */
  samePictureBits: number;
  /** avatar: largest distance of a re-encoded copy (bits) */
  nearBits: number;
  /** text: edit similarity for "similar" */
  similarity: number;
  /** tags: largest share of source profiles holding a "rare" tag */
  rareTagShare: number;
  /**
   * Fields used to find each person's source account (e.g. a search by the displayed name): they
   * agree by selection, so they carry weight 1 in every LR (left out of the comparison; Splink's
   * rule for blocking fields). Default none: the pairing is taken as independent of the fields.
   */
  pairedBy?: readonly string[];
}

export interface ProfileLrs {
  id: string;
  uploader: string;
  /** fields the app shows for this profile */
  fieldsShown: number;
  /** log10 LR of copied vs each alternative */
  log10LrVs: Record<AlternativeId, number>;
}

export interface LevelProbabilityRow {
  field: string;
  level: string;
  /** P(level | copied): the stated copying model */
  copied: number;
  /** P(level | copied) as EM would fit it to these displays (u fixed): a diagnostic, not used in any LR */
  copiedEm: number;
  /** P(level | H) per alternative (unrelated: marginal; the name's exact levels vary by name) */
  vs: Record<AlternativeId, number>;
}

export interface PropositionLikelihoods {
  comparisons: Comparison<PreparedProfile>[];
  matrix: LevelMatrix;
  profiles: ProfileLrs[];
  levelProbabilities: LevelProbabilityRow[];
  /** the EM diagnostic (its m is not used in any LR) */
  em: { lambda: number; iterations: number; converged: boolean };
  unrelatedPairs: number;
  /** what `log10LrVsModel` needs to re-evaluate an alternative with other parameters */
  basis: LrBasis;
}

/** The pieces every alternative's LR is built from (not serialised). */
export interface LrBasis {
  matrix: LevelMatrix;
  labels: Record<string, string[]>;
  isNull: boolean[][];
  marginal: Float64Array[];
  nameField: number;
  /** per profile: the name's level probabilities under unrelated */
  nameU: Float64Array[];
  /** per profile: log10 P(levels | copied) under the stated copying model, and the number of fields shown */
  logCopied: Float64Array;
  shown: Int32Array;
  /** per profile: log10 P(levels | unrelated) */
  logUnrelated: Float64Array;
  /** per profile: the number of tags its source profile holds (what tag levels the source allows; `log10LrCeiling`) */
  sourceTags: Int32Array;
}

/**
 * Per profile and field (row-major, n x F): log10 P(level | H) under a stated model
 * (r form + (1 - r) u); NaN where the field is not shown (a null level).
 */
export function fieldLog10UnderModel(b: Omit<LrBasis, 'logCopied' | 'logUnrelated'>, model: Pick<AlternativeModel, 'fields'>): Float64Array {
  const F = b.matrix.fields.length;
  const n = b.matrix.ids.length;
  const tables = b.matrix.fields.map((field, f) => (f === b.nameField ? null : Array.from(alternativeLevelProbabilities(model.fields[field], b.labels[field]!, b.marginal[f]!), Math.log10)));
  const nameModel = b.nameField >= 0 ? model.fields[b.matrix.fields[b.nameField]!] : undefined;
  const nameLabels = b.nameField >= 0 ? b.labels[b.matrix.fields[b.nameField]!]! : [];
  const out = new Float64Array(n * F).fill(NaN);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < F; f++) {
      const l = b.matrix.levels[i * F + f]!;
      if (b.isNull[f]![l]) continue;
      out[i * F + f] = f === b.nameField ? Math.log10(alternativeLevelProbabilities(nameModel, nameLabels, b.nameU[i]!)[l]!) : tables[f]![l]!;
    }
  }
  return out;
}

/** Per-profile log10 P(levels | H) under a stated model: the sum over shown fields (0 when nothing is shown). */
export function log10UnderModel(b: Omit<LrBasis, 'logCopied' | 'logUnrelated'>, model: Pick<AlternativeModel, 'fields'>): Float64Array {
  const F = b.matrix.fields.length;
  const per = fieldLog10UnderModel(b, model);
  const out = new Float64Array(b.matrix.ids.length);
  for (let k = 0; k < per.length; k++) if (!Number.isNaN(per[k]!)) out[Math.floor(k / F)]! += per[k]!;
  return out;
}

/**
 * Per-profile log10 LR of copied vs an alternative with the given stated model; `copying`
 * replaces the stated copying model of the basis (sensitivity), else `b.logCopied` is used.
 */
export function log10LrVsModel(b: LrBasis, model: AlternativeModel, copying?: Pick<CopyingModel, 'fields'>): Float64Array {
  const logCopied = copying ? log10UnderModel(b, copying) : b.logCopied;
  const logAlt = model.id === 'unrelated' ? b.logUnrelated : log10UnderModel(b, model);
  return Float64Array.from(logCopied, (c, i) => (b.shown[i] ? c - logAlt[i]! : 0));
}

/** Per-profile log10 LRs of copied vs each alternative (see the module comment). */
export function propositionLikelihoods(paired: PairedTables, s: PropositionSettings): PropositionLikelihoods {
  const all = provenanceComparisons({
    samePictureBits: s.samePictureBits, nearBits: s.nearBits, similarity: s.similarity, rareTagShare: s.rareTagShare,
    tagCounts: tagCounts(paired.source), sourceProfiles: paired.source.length,
  });
  const allLabels = Object.fromEntries(all.map((c) => [c.name, c.levels.map((l) => l.label)]));
  checkAlternative(s.copying, allLabels);
  for (const id of ALTERNATIVE_IDS) checkAlternative(s.alternatives[id], allLabels);
  const pairedBy = s.pairedBy ?? [];
  for (const f of pairedBy) if (!(f in allLabels)) throw new RangeError(`pairedBy: no field '${f}' (fields: ${Object.keys(allLabels).join(', ')})`);
  const comparisons = all.filter((c) => !pairedBy.includes(c.name));
  if (!comparisons.length) throw new RangeError('pairedBy: every field was used to pair the profiles, so none is left to weigh');
  const labels = Object.fromEntries(comparisons.map((c) => [c.name, c.levels.map((l) => l.label)]));
  const matrix = compareTables(paired, comparisons);
  const F = comparisons.length;
  const n = matrix.ids.length;
  const un = unrelatedPairs(paired, comparisons);
  const nameField = matrix.fields.indexOf('name');
  const em = likelihoodRatios(matrix, un.marginal.map((r) => Array.from(r)));
  const logM = comparisons.map((_, f) => Float64Array.from(em.probabilities.filter((p) => p.field === matrix.fields[f]), (p) => Math.log10(p.m)));
  const nameU = nameField >= 0 ? nameLevelProbabilities(paired, comparisons[nameField]!, un.marginal[nameField]!) : [];
  const joint = jointLog10(un, matrix.levels, nameField);
  const shown = new Int32Array(n);
  const logUnrelated = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < F; f++) if (!un.isNull[f]![matrix.levels[i * F + f]!]) shown[i]!++;
    const nl = nameField >= 0 ? matrix.levels[i * F + nameField]! : -1;
    logUnrelated[i] = joint[i]! + (nameField >= 0 && !un.isNull[nameField]![nl] ? Math.log10(nameU[i]![nl]!) : 0);
  }
  const sourceTags = Int32Array.from(matrix.ids, (_, i) => paired.source[paired.sourceIndex[i]!]?.tags.length ?? 0);
  const partial = { matrix, labels, isNull: un.isNull, marginal: un.marginal, nameField, nameU, shown, sourceTags };
  const basis: LrBasis = { ...partial, logCopied: log10UnderModel(partial, s.copying), logUnrelated };
  const vs = Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, log10LrVsModel(basis, s.alternatives[id])])) as Record<AlternativeId, Float64Array>;
  const profiles: ProfileLrs[] = matrix.ids.map((id, i) => ({
    id, uploader: matrix.uploaders[i] ?? '(none)', fieldsShown: shown[i]!,
    log10LrVs: Object.fromEntries(ALTERNATIVE_IDS.map((a) => [a, vs[a][i]!])) as Record<AlternativeId, number>,
  }));
  const levelProbabilities: LevelProbabilityRow[] = [];
  comparisons.forEach((c, f) => {
    c.levels.forEach((lv, l) => {
      if (lv.isNull) return;
      const probs = Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, id === 'unrelated' ? un.marginal[f]![l]! : alternativeLevelProbabilities(s.alternatives[id].fields[c.name], labels[c.name]!, un.marginal[f]!)[l]!])) as Record<AlternativeId, number>;
      levelProbabilities.push({ field: c.name, level: lv.label, copied: alternativeLevelProbabilities(s.copying.fields[c.name], labels[c.name]!, un.marginal[f]!)[l]!, copiedEm: 10 ** logM[f]![l]!, vs: probs });
    });
  });
  return {
    comparisons, matrix, profiles, levelProbabilities,
    em: { lambda: em.lambda, iterations: em.iterations, converged: em.converged },
    unrelatedPairs: un.pairs, basis,
  };
}
