/**
 * The attainable likelihood ratio of each profile: the largest log10 LR(copied vs H) that ANY
 * display of the fields the profile shows could reach under the stated models, every shown field
 * at its most copy-favouring level:
 *
 *   ceiling_i(H) = sum over the fields f shown by profile i of  max_l log10 [P(l | copied) / P(l | H)]
 *
 * A profile whose ceiling is below a threshold cannot reach that threshold however closely its
 * fields agree: the limit lies in what the app shows and in the stated alternative, not in the
 * comparison. The share of profiles whose ceiling reaches 10^4 therefore bounds, for every
 * display of those fields, the share that can reach 10^4 (a bound for the stated per-field
 * models; `unrelated` uses joint agreement patterns and is not covered: use the per-field
 * alternatives). Levels impossible under copying (probability 0) are skipped, and so are the tag
 * levels the profile's own source list rules out (`sourceTags`: a 3+ list in order needs 3+ source
 * tags, the whole short list 1-2, any shared tag one); other fields still take their best level
 * whatever the source holds (e.g. a name's "after normalisation"), so the figure stays an upper bound.
 *
 * @example
 * const lrs = propositionLikelihoods(paired, settings);
 * const c = log10LrCeiling(lrs.basis, settings.copying, settings.alternatives['self-entry']);
 * c.filter((x) => x >= 4).length / c.length; // share of profiles that could reach 10^4 at all
 */
import { alternativeLevelProbabilities, type AlternativeModel, type CopyingModel } from './propositions';
import type { LrBasis } from './propositionLr';

function bestLevel(copied: ArrayLike<number>, alt: ArrayLike<number>, isNull: readonly boolean[], allowed?: (l: number) => boolean): number {
  let best = -Infinity;
  for (let l = 0; l < copied.length; l++) {
    if (isNull[l] || !(copied[l]! > 0) || (allowed && !allowed(l))) continue;
    const v = Math.log10(copied[l]!) - Math.log10(alt[l]!);
    if (v > best) best = v;
  }
  return best;
}

/** Per profile: the largest log10 LR(copied vs `model`) any display of its shown fields could reach (0 when nothing is shown). */
export function log10LrCeiling(b: Pick<LrBasis, 'matrix' | 'labels' | 'isNull' | 'marginal' | 'nameField' | 'nameU'> & Partial<Pick<LrBasis, 'sourceTags'>>, copying: Pick<CopyingModel, 'fields'>, model: AlternativeModel): Float64Array {
  if (model.id === 'unrelated') throw new RangeError('log10LrCeiling: unrelated uses joint agreement patterns, not stated per-field models; give a stated alternative');
  const F = b.matrix.fields.length;
  const n = b.matrix.ids.length;
  const fixed = b.matrix.fields.map((field, f) => {
    if (f === b.nameField) return NaN;
    const labels = b.labels[field]!;
    return bestLevel(alternativeLevelProbabilities(copying.fields[field], labels, b.marginal[f]!), alternativeLevelProbabilities(model.fields[field], labels, b.marginal[f]!), b.isNull[f]!);
  });
  // tags: the source's own list rules levels out (a 3+ list in order needs 3+ source tags, the whole
  // short list needs 1-2, any shared tag needs one): the best level the profile's source allows
  const tagsField = b.matrix.fields.indexOf('tags');
  const tagsBest = new Map<string, number>();
  const tagsFor = (count: number): number => {
    const key = count === 0 ? 'none' : count <= 2 ? 'short' : 'long';
    let v = tagsBest.get(key);
    if (v === undefined) {
      const labels = b.labels.tags!;
      const allowed = (l: number) => {
        const label = labels[l]!;
        if (count === 0) return label === 'displayed only';
        if (label === 'source list in order') return count >= 3;
        if (label === 'short list in order') return count <= 2;
        return true;
      };
      v = bestLevel(alternativeLevelProbabilities(copying.fields.tags, labels, b.marginal[tagsField]!), alternativeLevelProbabilities(model.fields.tags, labels, b.marginal[tagsField]!), b.isNull[tagsField]!, allowed);
      tagsBest.set(key, v);
    }
    return v;
  };
  const nameLabels = b.nameField >= 0 ? b.labels[b.matrix.fields[b.nameField]!]! : [];
  const nameName = b.nameField >= 0 ? b.matrix.fields[b.nameField]! : '';
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let f = 0; f < F; f++) {
      const l = b.matrix.levels[i * F + f]!;
      if (b.isNull[f]![l]) continue;
      s += f === b.nameField
        ? bestLevel(alternativeLevelProbabilities(copying.fields[nameName], nameLabels, b.nameU[i]!), alternativeLevelProbabilities(model.fields[nameName], nameLabels, b.nameU[i]!), b.isNull[f]!)
        : f === tagsField && b.sourceTags ? tagsFor(b.sourceTags[i]!) : fixed[f]!;
    }
    out[i] = s;
  }
  return out;
}
