/**
 * Per-profile likelihood ratios of H_source (copied from the source profile) against each
 * alternative proposition (`propositions.ts`), on the provenance levels (`provenanceLevels.ts`):
 *
 *   LR_i(copied vs H) = P(levels_i | copied) / P(levels_i | H), over the fields profile i shows.
 *
 * P(. | copied) = prod_f m_f(level), m from the project's one Fellegi-Sunter EM (u fixed at the
 * unrelated-pair marginals). P(. | unrelated) = the joint pattern probability of the non-name
 * fields among unrelated pairs of the same networks x the displayed name's own chance
 * (`unrelated.ts`). P(. | H) for the other alternatives = prod_f [r form + (1 - r) u] (stated).
 */
import type { Comparison } from '../compare/comparison';
import { compareTables, type LevelMatrix, type PairedTables } from './compare';
import { likelihoodRatios } from './likelihood';
import { provenanceComparisons, tagCounts } from './provenanceLevels';
import { ALTERNATIVE_IDS, alternativeLevelProbabilities, checkAlternative, type AlternativeId, type AlternativeModel } from './propositions';
import type { PreparedProfile } from './profile';
import { jointLog10, nameLevelProbabilities, unrelatedPairs } from './unrelated';

export interface PropositionSettings {
  alternatives: Record<AlternativeId, AlternativeModel>;
  /** avatar: the avatars' measured same-picture rule (bits) */
  samePictureBits: number;
  /** avatar: largest distance of a re-encoded copy (bits) */
  nearBits: number;
  /** text: edit similarity for "similar" */
  similarity: number;
  /** tags: largest share of source profiles holding a "rare" tag */
  rareTagShare: number;
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
  /** P(level | copied): EM */
  copied: number;
  /** P(level | H) per alternative (unrelated: marginal; the name's exact levels vary by name) */
  vs: Record<AlternativeId, number>;
}

export interface PropositionLikelihoods {
  comparisons: Comparison<PreparedProfile>[];
  matrix: LevelMatrix;
  profiles: ProfileLrs[];
  levelProbabilities: LevelProbabilityRow[];
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
  /** per profile: log10 P(levels | copied) and the number of fields shown */
  logCopied: Float64Array;
  shown: Int32Array;
  /** per profile: log10 P(levels | unrelated) */
  logUnrelated: Float64Array;
}

/** Per-profile log10 LR of copied vs an alternative with the given stated model. */
export function log10LrVsModel(b: LrBasis, model: AlternativeModel): Float64Array {
  const F = b.matrix.fields.length;
  const n = b.matrix.ids.length;
  const tables = b.matrix.fields.map((field, f) => (f === b.nameField ? null : Array.from(alternativeLevelProbabilities(model.fields[field], b.labels[field]!, b.marginal[f]!), Math.log10)));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (b.shown[i] === 0) continue;
    let alt = 0;
    for (let f = 0; f < F; f++) {
      const l = b.matrix.levels[i * F + f]!;
      if (b.isNull[f]![l]) continue;
      const t = f === b.nameField ? alternativeLevelProbabilities(model.fields[b.matrix.fields[f]!], b.labels[b.matrix.fields[f]!]!, b.nameU[i]!) : null;
      alt += t ? Math.log10(t[l]!) : tables[f]![l]!;
    }
    out[i] = b.logCopied[i]! - alt;
  }
  return out;
}

/** Per-profile log10 LRs of copied vs each alternative (see the module comment). */
export function propositionLikelihoods(paired: PairedTables, s: PropositionSettings): PropositionLikelihoods {
  const comparisons = provenanceComparisons({
    samePictureBits: s.samePictureBits, nearBits: s.nearBits, similarity: s.similarity, rareTagShare: s.rareTagShare,
    tagCounts: tagCounts(paired.source), sourceProfiles: paired.source.length,
  });
  const labels = Object.fromEntries(comparisons.map((c) => [c.name, c.levels.map((l) => l.label)]));
  for (const id of ALTERNATIVE_IDS) checkAlternative(s.alternatives[id], labels);
  const matrix = compareTables(paired, comparisons);
  const F = comparisons.length;
  const n = matrix.ids.length;
  const un = unrelatedPairs(paired, comparisons);
  const nameField = matrix.fields.indexOf('name');
  const em = likelihoodRatios(matrix, un.marginal.map((r) => Array.from(r)));
  const logM = comparisons.map((_, f) => Float64Array.from(em.probabilities.filter((p) => p.field === matrix.fields[f]), (p) => Math.log10(p.m)));
  const nameU = nameField >= 0 ? nameLevelProbabilities(paired, comparisons[nameField]!, un.marginal[nameField]!) : [];
  const joint = jointLog10(un, matrix.levels, nameField);
  const logCopied = new Float64Array(n);
  const shown = new Int32Array(n);
  const logUnrelated = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < F; f++) {
      const l = matrix.levels[i * F + f]!;
      if (un.isNull[f]![l]) continue;
      shown[i]!++;
      logCopied[i]! += logM[f]![l]!;
    }
    const nl = nameField >= 0 ? matrix.levels[i * F + nameField]! : -1;
    logUnrelated[i] = joint[i]! + (nameField >= 0 && !un.isNull[nameField]![nl] ? Math.log10(nameU[i]![nl]!) : 0);
  }
  const basis: LrBasis = { matrix, labels, isNull: un.isNull, marginal: un.marginal, nameField, nameU, logCopied, shown, logUnrelated };
  const vs = Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, id === 'unrelated' ? Float64Array.from(logCopied, (c, i) => (shown[i] ? c - logUnrelated[i]! : 0)) : log10LrVsModel(basis, s.alternatives[id])])) as Record<AlternativeId, Float64Array>;
  const profiles: ProfileLrs[] = matrix.ids.map((id, i) => ({
    id, uploader: matrix.uploaders[i] ?? '(none)', fieldsShown: shown[i]!,
    log10LrVs: Object.fromEntries(ALTERNATIVE_IDS.map((a) => [a, vs[a][i]!])) as Record<AlternativeId, number>,
  }));
  const levelProbabilities: LevelProbabilityRow[] = [];
  comparisons.forEach((c, f) => {
    c.levels.forEach((lv, l) => {
      if (lv.isNull) return;
      const probs = Object.fromEntries(ALTERNATIVE_IDS.map((id) => [id, id === 'unrelated' ? un.marginal[f]![l]! : alternativeLevelProbabilities(s.alternatives[id].fields[c.name], labels[c.name]!, un.marginal[f]!)[l]!])) as Record<AlternativeId, number>;
      levelProbabilities.push({ field: c.name, level: lv.label, copied: 10 ** logM[f]![l]!, vs: probs });
    });
  });
  return {
    comparisons, matrix, profiles, levelProbabilities,
    em: { lambda: em.lambda, iterations: em.iterations, converged: em.converged },
    unrelatedPairs: un.pairs, basis,
  };
}
