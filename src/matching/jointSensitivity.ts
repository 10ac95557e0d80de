/**
 * Joint sensitivity of the combined likelihood ratios to the stated models: every stated
 * parameter moved AT ONCE, not one at a time (a defence model wrong in several fields together).
 *
 * Each draw multiplies, independently for every field of a model, the ODDS of the reproduction
 * chance r and the odds of the share of the field's most copy-like form (exact text, identical
 * picture, the source's tag list in order; the other forms rescaled to keep the sum 1) by factors
 * drawn log-uniformly in [1/factor, factor] (Saltelli et al., *Global Sensitivity Analysis: The
 * Primer*, Wiley 2008: Monte Carlo over the whole input space instead of one-at-a-time moves).
 * On the odds scale a move is symmetric and never reaches 0 or 1, so the copying model's shares near
 * 1 move up as well as down and no level becomes impossible (an impossible level would turn one
 * profile into an infinite LR). The one-at-a-time tables of `analyseMatching` move the odds the
 * same way, by the listed factors. Two designs are reported:
 * - `alternative`: each alternative's model moved jointly, the copying model at its defaults;
 * - `both`: the alternative's and the copying model's parameters all moved jointly.
 * The combined log10 LR of every draw is summarised by its range and quantiles. Seeded.
 *
 * @example
 * const rows = jointSensitivity(lrs.basis, copying, alternatives, { draws: 200, seed: 704, factor: 2 }, combine);
 * rows.find((r) => r.alternative === 'self-entry' && r.design === 'both')!.q05;
 */
import { deriveSeed, seededRandom, type Rng } from '../stats/random';
import { quantileSorted } from '../stats/quantileSorted';
import { ALTERNATIVE_IDS, tagForm, tagFormParts, type AlternativeId, type AlternativeModel, type CopyingModel, type FieldModel } from './propositions';
import { log10LrVsModel, type LrBasis } from './propositionLr';

/** The most copy-like forms of the levels, in order of preference. */
const COPY_LIKE = ['identical', 'exact', 'source list in order'];

/**
 * A field model's most copy-like form and its share (exact text, identical picture, the tag list in
 * order; else the first form listed). For tags split by list length the share is the stated chance
 * given a list of 3+ tags (`tagFormParts`), not its joint share.
 */
export function mostCopyLikeForm(fm: FieldModel): [string, number] | undefined {
  const parts = tagFormParts(fm.form, fm.shortListShare);
  if (parts) return ['source list in order', parts.long];
  const entries = Object.entries(fm.form);
  return entries.find(([k]) => COPY_LIKE.includes(k)) ?? entries[0];
}

/**
 * The form with its most copy-like share moved by `move` (the other forms rescaled to keep the sum
 * 1). Tags split by list length move BOTH in-order chances (3+ tags and 1-2 tags) and are rebuilt
 * by `tagForm`, so a moved model stays coherent (no in-order chance above 1 for either length).
 */
export function moveCopyLike(form: Record<string, number>, move: (p: number) => number, shortListShare?: number): Record<string, number> {
  const parts = tagFormParts(form, shortListShare);
  if (parts) return tagForm(move(parts.long), move(parts.short), parts.rare, parts.common, shortListShare);
  const entries = Object.entries(form);
  const [k0, share] = entries.find(([k]) => COPY_LIKE.includes(k)) ?? entries[0] ?? [];
  if (k0 === undefined || share === undefined || share <= 0 || share >= 1) return form;
  const used = move(share);
  const scale = (1 - used) / (1 - share);
  return Object.fromEntries(entries.map(([k, v]) => [k, k === k0 ? used : v * scale]));
}

/**
 * A probability with its odds multiplied by `factor` (0 and 1 stay put).
 *
 * @example
 * moveOdds(0.5, 3); // 0.75
 */
export function moveOdds(p: number, factor: number): number {
  if (factor === 1 || p <= 0 || p >= 1) return p;
  const o = (p / (1 - p)) * factor;
  return o / (1 + o);
}

/**
 * A field model with the ODDS of r multiplied by `rOddsFactor` and the odds of its most copy-like
 * form share by `shareOddsFactor`, the other forms rescaled: symmetric on the log-odds scale and never
 * reaching 0 or 1, so a share near 1 (the copying model's) moves down and up alike.
 */
export function moveFieldModelOdds(fm: FieldModel, rOddsFactor: number, shareOddsFactor: number): FieldModel {
  const r = moveOdds(fm.r, rOddsFactor);
  if (shareOddsFactor === 1) return { ...fm, r };
  return { ...fm, r, form: moveCopyLike(fm.form, (p) => moveOdds(p, shareOddsFactor), fm.shortListShare) };
}

function drawMoved<M extends { fields: Record<string, FieldModel> }>(model: M, rng: Rng, factor: number): M {
  const lf = Math.log(factor);
  const draw = () => Math.exp((2 * rng() - 1) * lf);
  return { ...model, fields: Object.fromEntries(Object.entries(model.fields).map(([field, fm]) => [field, moveFieldModelOdds(fm, draw(), draw())])) };
}

export interface JointSensitivityOptions {
  draws: number;
  seed: number;
  /** every factor is drawn log-uniformly in [1/factor, factor] */
  factor: number;
}

export interface JointSensitivityRow {
  alternative: AlternativeId;
  /** 'alternative': that alternative's model moved; 'both': it and the copying model moved */
  design: 'alternative' | 'both';
  draws: number;
  /** combined log10 LR at the defaults */
  atDefaults: number;
  min: number;
  q05: number;
  median: number;
  q95: number;
  max: number;
  /** share of draws whose combined LR is at least 100 (supports copying at least moderately strongly) */
  shareAtLeast100: number;
}

function summarise(alternative: AlternativeId, design: JointSensitivityRow['design'], atDefaults: number, values: number[]): JointSensitivityRow {
  const s = Float64Array.from(values).sort();
  return {
    alternative, design, draws: s.length, atDefaults,
    min: s[0]!, q05: quantileSorted(s, 0.05), median: quantileSorted(s, 0.5), q95: quantileSorted(s, 0.95), max: s[s.length - 1]!,
    shareAtLeast100: values.filter((v) => v >= 2).length / values.length,
  };
}

/**
 * Combined log10 LR of copied vs each alternative over `draws` joint draws of the stated models
 * (see the module comment). `combine` turns per-profile log10 LRs into the combined figure
 * (the analysis's dependence model). `unrelated` has no stated model: only the copying model moves.
 */
export function jointSensitivity(
  basis: LrBasis, copying: CopyingModel, alternatives: Record<AlternativeId, AlternativeModel>, o: JointSensitivityOptions,
  combine: (perProfile: Float64Array) => number,
): JointSensitivityRow[] {
  if (!(Number.isInteger(o.draws) && o.draws >= 1)) throw new RangeError(`draws must be a positive integer, got ${o.draws}`);
  if (!(o.factor >= 1)) throw new RangeError(`factor must be >= 1, got ${o.factor}`);
  const rows: JointSensitivityRow[] = [];
  for (const id of ALTERNATIVE_IDS) {
    const alt = alternatives[id];
    const atDefaults = combine(log10LrVsModel(basis, alt));
    for (const design of ['alternative', 'both'] as const) {
      if (id === 'unrelated' && design === 'alternative') continue;
      const rng = seededRandom(deriveSeed(o.seed, `joint:${id}:${design}`));
      const values: number[] = [];
      for (let k = 0; k < o.draws; k++) {
        const movedAlt = id === 'unrelated' ? alt : drawMoved(alt, rng, o.factor);
        const movedCopying = design === 'both' ? drawMoved(copying, rng, o.factor) : undefined;
        values.push(combine(log10LrVsModel(basis, movedAlt, movedCopying)));
      }
      rows.push(summarise(id, design, atDefaults, values));
    }
  }
  return rows;
}

/**
 * The alternative's assumed coincidence with the source divided by `k`: for every field but the
 * name, the share of its most copy-like form (the person's own entry written exactly as the source
 * writes it, the source's tag list in order) divided by k (`moveCopyLike`); for the avatar, whose
 * forms are measured, the assumed photo-reuse chance r divided by k. The name is a fixed fact of
 * the person and is left as stated. k = 1 returns the model's fields unchanged.
 *
 * @example
 * coincidenceDividedBy(DEFAULT_ALTERNATIVES['self-entry'], 10).fields.avatar!.r; // 0.03
 */
export function coincidenceDividedBy<M extends { fields: Record<string, FieldModel> }>(model: M, k: number): M {
  if (!(k >= 1)) throw new RangeError(`k must be >= 1, got ${k}`);
  return {
    ...model,
    fields: Object.fromEntries(Object.entries(model.fields).map(([field, fm]) => [
      field,
      field === 'name' ? fm : field === 'avatar' ? { ...fm, r: fm.r / k } : { ...fm, form: k === 1 ? fm.form : moveCopyLike(fm.form, (p) => p / k, fm.shortListShare) },
    ])),
  };
}

/** The assumed values `coincidenceDividedBy` moves, per field (avatar: photo-reuse r; others: the most copy-like share; split tags: both in-order chances, 'tags' for 3+ tags and 'tags (1-2)'). */
export function coincidenceValues(model: { fields: Record<string, FieldModel> }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, fm] of Object.entries(model.fields)) {
    if (field === 'name') continue;
    out[field] = field === 'avatar' ? fm.r : mostCopyLikeForm(fm)?.[1] ?? NaN;
    const parts = field === 'tags' ? tagFormParts(fm.form, fm.shortListShare) : null;
    if (parts) out['tags (1-2)'] = parts.short;
  }
  return out;
}
