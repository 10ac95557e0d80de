/**
 * The propositions at source level (Cook et al. 1998; Evett, Jackson & Lambert 2000: the
 * alternative is the defence's account, at the same level, not "a random member of the
 * population"):
 *
 *   H_source  "the displayed fields were copied from the source platform's profile"
 *   against, each reported separately,
 *   unrelated     coincidence: an unrelated person's profile of the same network;
 *   self-entry    the same person entered their own profile (own wording, own photo choice);
 *   address-book  the fields came from the uploaders' contact labels (e.g. 王总-华为);
 *   avatar-app    the avatar was imported from another platform (头像淘淘: QQ / Renren), the
 *                 rest from the address book;
 *   cf            the fields were inferred from the person's contacts (collaborative filtering).
 *
 * The model of each alternative is stated, per field, conditional on the app showing the field
 * (what is not shown carries weight 1, so a name-only profile is evidence about the name only):
 *   P(level | H, shown) = r_H,f x form_H,f(level) + (1 - r_H,f) x u_f(level)
 * r_H,f is the chance that the shown value reproduces the person's own source value under H,
 * form_H,f how it is written when it does (as written / after normalisation / same entity /
 * similar; for avatars identical / near-identical / same picture), and u_f the chance level
 * distribution among unrelated pairs of the same networks (otherwise the value came from
 * elsewhere). Fields are independent given H (stated; the sensitivity tables move every r and
 * every wording share, one at a time and jointly). Copying (H_source) is a stated model of the
 * same form, FIXED IN ADVANCE (`DEFAULT_COPYING`: r = the shown value is the source's value at
 * capture, i.e. not stale; form = stored unchanged / through the app's systematic
 * transformation), never fitted to the evidence it is tested on; the project's EM (u fixed) is
 * kept as a diagnostic only. `unrelated` uses the joint agreement patterns of unrelated pairs
 * (fields not independent) and the national frequency of the displayed name.
 *
 * DEFAULTS are assumptions stated for the expert to replace (or to estimate from a reference
 * sample, e.g. the same people's profiles on a third platform): see `why` on each. They are
 * parameters of `analyseMatching` and appear in its sensitivity table.
 */

import { cfPrecisionAt } from './cfRates';
import { samePictureMaxBits } from '../avatars/rule';
import { avatarLevelShares, chooseFileBits, shareAtMost, type ReprocessingCondition } from '../avatars/reprocessingLevels';
import { REPROCESSING_MEASURED } from '../avatars/reprocessingMeasured';

/**
 * The avatar's "same served file" distance (the near-identical level: 1..k bits), chosen on the
 * model half of the reprocessing measurement (`src/avatars/reprocessing.ts`): the k that best
 * separates a copy of a served file re-encoded once from the same picture processed independently
 * by two platforms.
 */
export const AVATAR_FILE_BITS: number = chooseFileBits(REPROCESSING_MEASURED.distances, samePictureMaxBits());

/**
 * Where a reused photo lands among the avatar levels, MEASURED (model half of
 * `REPROCESSING_MEASURED`, +1/2 per level): `independent` = each platform crops (0-20%), resizes and
 * re-encodes the upload itself (the default), `uncropped` = neither crops (the defence's extreme).
 */
export function reusedPhotoForm(nearBits: number, samePictureBits: number, condition: ReprocessingCondition = 'independent'): Record<string, number> {
  return avatarLevelShares(REPROCESSING_MEASURED.distances[condition].model, nearBits, samePictureBits);
}

/** Copying's avatar form: stored unchanged 0.3, re-encoded once 0.55 (measured `copy` condition), cropped to the app's frame 0.15 (same picture). */
export function copiedAvatarForm(nearBits: number, samePictureBits: number): Record<string, number> {
  const re = avatarLevelShares(REPROCESSING_MEASURED.distances.copy.model, nearBits, samePictureBits);
  return { identical: 0.3 + 0.55 * re.identical, 'near-identical': 0.55 * re['near-identical'], 'same picture': 0.15 + 0.55 * re['same picture'], different: 0.55 * re.different };
}

/** The reprocessing measurement in words, for the assumptions (computed from the committed figures). */
export function reprocessingStatement(nearBits: number, samePictureBits: number, condition: ReprocessingCondition = 'independent'): string {
  const m = REPROCESSING_MEASURED;
  const d = m.distances[condition].model;
  const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `measured (src/avatars/reprocessing.ts, model half: ${d.length} pairs of ${m.pictures / 2} synthetic pictures drawn at ${m.masterSize} px, seed ${m.seed}; ${m.conditions[condition]}): pHash distance 0 in ${pc(shareAtMost(d, 0))}, <= ${nearBits} bits in ${pc(shareAtMost(d, nearBits))}, <= ${samePictureBits} bits (the same-picture rule) in ${pc(shareAtMost(d, samePictureBits))}`;
}

const SAME_PICTURE_BITS = samePictureMaxBits();
const REUSED = reusedPhotoForm(AVATAR_FILE_BITS, SAME_PICTURE_BITS);
/** cf's stated shown rates; its r for employer, school and title is the measured precision at these shares (`cfPrecisionAt`); evidence uses its own shares (`cfCoverageOf`). */
const CF_SHOWN = { avatar: 0.7, name: 1, employer: 0.5, title: 0.3, school: 0.4, tags: 0.3 };
const REUSED_TEXT = (x: Record<string, number>) => `identical ${x.identical!.toFixed(3)}, near-identical ${x['near-identical']!.toFixed(3)}, same picture ${x['same picture']!.toFixed(3)}, beyond the same-picture rule ${x.different!.toFixed(3)}`;
const COPIED_AVATAR = copiedAvatarForm(AVATAR_FILE_BITS, SAME_PICTURE_BITS);

/**
 * The share of tag lists of one or two tags, used by EVERY model to split its in-order mass between
 * 'source list in order' (3+ tags) and 'short list in order' (the whole list of 1-2 tags). It is a
 * property of the people, not of the proposition, so it cancels (nearly: the chance term u remains)
 * in the LR of each in-order level; what differs between the models is how often a list of each
 * length is reproduced in order (`tagFormParts`). 0.25: the synthetic generator draws 1-8 tags
 * uniformly (the committed source: 0.24). The level-settings sensitivity table moves it
 * (`MatchingParams.shortTagListShareSensitivity`, `withShortTagListShare`).
 */
export const SHORT_TAG_LIST_SHARE = 0.25;

/** A tag form's parameters back from its split (null when the form has no short-list level): the in-order chances given a list of 3+ and of 1-2 tags, and the rare and common shares. */
export function tagFormParts(form: Record<string, number>, s: number = SHORT_TAG_LIST_SHARE): { long: number; short: number; rare: number; common: number } | null {
  if (!('short list in order' in form)) return null;
  return { long: (form['source list in order'] ?? 0) / (1 - s), short: form['short list in order']! / s, rare: form['rare tag shared'] ?? 0, common: form['common tags shared'] ?? 0 };
}

/**
 * The models' tag forms re-split with another share of short lists `s` (the stated in-order chances
 * per length unchanged): the sensitivity of the LR to `SHORT_TAG_LIST_SHARE`.
 */
export function withShortTagListShare<M extends { fields: Record<string, FieldModel> }>(model: M, s: number): M {
  if (!(s > 0 && s < 1)) throw new RangeError(`the share of short tag lists must be in (0, 1), got ${s}`);
  const tags = model.fields.tags;
  const parts = tags ? tagFormParts(tags.form, tags.shortListShare) : null;
  if (!tags || !parts) return model;
  return { ...model, fields: { ...model.fields, tags: { r: tags.r, form: tagForm(parts.long, parts.short, parts.rare, parts.common, s), shortListShare: s } } };
}

/** The tag form given the source list's length: in order with the chance for that length, else rare : common as stated (for drawing a display). */
export function tagFormGivenLength(form: Record<string, number>, length: number, s: number = SHORT_TAG_LIST_SHARE): Record<string, number> {
  const p = tagFormParts(form, s);
  if (!p) return form;
  const c = length <= 2 ? p.short : p.long;
  const rest = p.rare + p.common;
  return { [length <= 2 ? 'short list in order' : 'source list in order']: c, 'rare tag shared': rest > 0 ? (1 - c) * p.rare / rest : 0, 'common tags shared': rest > 0 ? (1 - c) * p.common / rest : 1 - c };
}

/**
 * A tag form with the in-order mass split by list length: `longInOrder` for a list of 3+ tags,
 * `shortInOrder` for one of 1-2 tags (each the chance given a list of that length), the other
 * forms scaled to keep the sum 1.
 */
export function tagForm(longInOrder: number, shortInOrder: number, rare: number, common: number, s: number = SHORT_TAG_LIST_SHARE): Record<string, number> {
  const inOrder = longInOrder * (1 - s) + shortInOrder * s;
  const rest = rare + common;
  const scale = rest > 0 ? (1 - inOrder) / rest : 0;
  return { 'source list in order': longInOrder * (1 - s), 'short list in order': shortInOrder * s, 'rare tag shared': rare * scale, 'common tags shared': common * scale };
}

/** The alternatives' ids, in report order. */
export const ALTERNATIVE_IDS = ['unrelated', 'self-entry', 'address-book', 'avatar-app', 'cf'] as const;
export type AlternativeId = (typeof ALTERNATIVE_IDS)[number];

/** One field under one alternative: reproduction chance r and the form of a reproduction. */
export interface FieldModel {
  /** P(the shown value reproduces the person's own source value | H, shown) */
  r: number;
  /** form of a reproduction: level label -> probability (sums to 1) */
  form: Record<string, number>;
  /** tags split by list length (`tagForm`): the share of short lists the form was split with (default `SHORT_TAG_LIST_SHARE`) */
  shortListShare?: number;
}

export interface AlternativeModel {
  id: AlternativeId;
  description: string;
  /** the assumptions in words (printed with the result) */
  assumptions: string[];
  /** per field (avatar, name, employer, title, school, tags); absent = never reproduces (r = 0) */
  fields: Record<string, FieldModel>;
  /** where the defaults come from */
  why: string;
  /** simulation only: P(the app shows the field | H) */
  shown: Record<string, number>;
}

const TEXT_OWN = (exact: number, normalised: number, entity: number, similar: number) => ({
  exact, 'same after normalisation': normalised, 'same entity': entity, similar,
});

/** The stated model of copying (H_source): the same form as an alternative, fixed in advance. */
export interface CopyingModel {
  description: string;
  /** the assumptions in words, one per field with its reason (printed with the result) */
  assumptions: string[];
  /** per field: r = P(the shown value is the source's value at capture | copied, shown), form = how it is written */
  fields: Record<string, FieldModel>;
  why: string;
}

/**
 * The copying model's defaults. Reasons (each a parameter in the sensitivity tables):
 * - r < 1 for every field: the source table is captured at trial, after the copy; a person may
 *   have changed a field since (a stale display), which then agrees only by chance (u);
 * - a copying process reproduces the stored string or applies ONE systematic transformation
 *   (script conversion, the everyday company name, a title synonym or school abbreviation table);
 *   it does not invent its own wording, so "similar" is rare;
 * - avatars: the app stores the source's served file unchanged (identical hash), re-encodes it once
 *   (where that lands among the levels is MEASURED: `copiedAvatarForm`, the reprocessing
 *   measurement's `copy` condition), or crops it to its frame (within the same-picture rule).
 * For the text fields this is the same account of copying as the synthetic generator's stated
 * copy noise (`DEFAULT_COPY_NOISE`: half the employers in their everyday form, 15% title
 * synonyms, 25% school abbreviations, tag lists truncated in order, ~7% stale), rounded; the
 * avatar's re-encoding is measured instead (the generator's stated bit flips are not used); it is not fitted to any data set, and the simulation's copied displays come from that
 * generator, not from this model.
 */
export const DEFAULT_COPYING: Readonly<CopyingModel> = {
  description: 'the displayed fields were copied from the source platform\'s profile of the same person (stored as is, or through one systematic transformation of the copying process)',
  assumptions: [
    `avatar: the source's picture unless the person changed it after the copy (r 0.95); the served file stored unchanged 0.3, re-encoded once 0.55, cropped to the app's frame (same picture) 0.15 (expert assumptions: how the app stored pictures is not in the record); a re-encoded copy lands ${reprocessingStatement(AVATAR_FILE_BITS, SAME_PICTURE_BITS, 'copy')} (+1/2 per level); hence ${REUSED_TEXT(COPIED_AVATAR)}`,
    'name: the source\'s name unless changed since (r 0.99); as written 0.9, after the app\'s script or width conversion 0.08 (source users writing traditional characters), re-typed similar 0.02',
    'employer: stale after a job change between the copy and the capture 10% (r 0.9); the stored string 0.5 or one systematic everyday form of it 0.45 (which of the two a copying process uses is not known in advance), normalised 0.02, similar 0.03',
    'title: stale with the employer (r 0.9); as written 0.8, a synonym from a table 0.15, normalised 0.03, similar 0.02',
    'school: schools rarely change (r 0.98); as written 0.75, an abbreviation from a table 0.2, normalised 0.03, similar 0.02',
    'tags: the source\'s tags edited after the copy with chance 0.05 (r 0.95); the first tags in the source\'s order and wording 0.8 whatever the list\'s length (3+ tags: source list in order; 1-2: short list in order; split by the share of short lists, SHORT_TAG_LIST_SHARE, which every model uses), the order broken by tags added in front later (a rare tag still shared) or only common tags still shared for the rest, 0.12 : 0.08',
    'fields independent given copying; fixed in advance, not fitted to the displays (EM is shown as a diagnostic only)',
  ],
  fields: {
    avatar: { r: 0.95, form: COPIED_AVATAR },
    name: { r: 0.99, form: { exact: 0.9, 'same after normalisation': 0.08, similar: 0.02 } },
    employer: { r: 0.9, form: TEXT_OWN(0.5, 0.02, 0.45, 0.03) },
    title: { r: 0.9, form: TEXT_OWN(0.8, 0.03, 0.15, 0.02) },
    school: { r: 0.98, form: TEXT_OWN(0.75, 0.03, 0.2, 0.02) },
    tags: { r: 0.95, form: tagForm(0.8, 0.8, 0.12, 0.08) },
  },
  why: 'a stated copying process (stored or systematically transformed; stale values from changes after the copy), the same account as the synthetic generator\'s copy noise, fixed before any data set is analysed; to be replaced by level frequencies measured on displays known to be copied',
};

/** What a contact label gives (address-book; also the non-avatar fields of avatar-app, and cf's name). */
const ADDRESS_BOOK_FIELDS: Record<string, FieldModel> = {
  name: { r: 0.98, form: { exact: 0.6, 'same after normalisation': 0.05, similar: 0.35 } },
  employer: { r: 0.7, form: TEXT_OWN(0.05, 0, 0.85, 0.1) },
  title: { r: 0.5, form: TEXT_OWN(0.2, 0, 0.4, 0.4) },
  school: { r: 0.3, form: TEXT_OWN(0.1, 0, 0.7, 0.2) },
};

/** The stated default models (see the module comment and each `why`). */
export const DEFAULT_ALTERNATIVES: Readonly<Record<AlternativeId, AlternativeModel>> = {
  unrelated: {
    id: 'unrelated',
    description: 'coincidence: the display is an unrelated person\'s profile from the same uploader\'s network',
    assumptions: [
      'chance agreement from the joint agreement patterns of unrelated pairs within each uploader\'s network (fields not assumed independent), never below the product of the per-field rates',
      'the name\'s chance agreement from its national surname share (2019/2020 national name reports) times its given name\'s share among the source profiles',
    ],
    fields: {},
    why: 'measured: unrelated pairs of the evidence itself; national surname shares',
    shown: { avatar: 0.9, name: 1, employer: 0.85, title: 0.85, school: 0.8, tags: 0.85 },
  },
  'self-entry': {
    id: 'self-entry',
    description: 'the same person entered their own profile (in the app or a service it draws on): the same facts in their own wording, often another photo',
    assumptions: [
      'given the app shows a field, it states the person\'s own fact with chance r (name 0.95, employer 0.85, title 0.8, school 0.9, tags 0.5, avatar: the same photo 0.3); the rest of the time an out-of-date or other value (agreeing only by chance)',
      'name: a person\'s name is one fixed string, re-typed exactly (0.9) unless one platform holds it in traditional characters or full width (0.05) or as a nickname form (similar 0.05)',
      'employer: a company has several current names (registered, everyday, English, abbreviation); the same person picks the same string on two platforms 0.2, another name of the same entity 0.5, a similar string with a department or place added 0.25, normalised only 0.05',
      'title: titles come from a small shared vocabulary (产品经理, 工程师), so re-typing gives the same words about half the time (0.5); a synonym 0.2, a longer or shorter form (similar) 0.25',
      'school: a proper noun, typed in full about half the time (0.55), in its common abbreviation (北大) 0.3, with a department or campus added (similar) 0.1',
      `avatar: the same photo reused with chance 0.3 (no published cross-platform reuse rate was found; set high on purpose); uploaded afresh, each platform crops, resizes and re-encodes it independently; where the two hashes land was ${reprocessingStatement(AVATAR_FILE_BITS, SAME_PICTURE_BITS)} (+1/2 per level: ${REUSED_TEXT(REUSED)}); if the platforms did not crop, the sensitivity table shows the change`,
      'tags: free-text tags re-typed by hand on another platform reproduce a list of 3+ tags in the source\'s order and wording 1 time in 50 (0.02), a short list of 1-2 tags far more often (0.3: one or two tags are easily re-typed as they were); otherwise share a personal (rare) tag or only common tags, 0.35 : 0.63',
      'fields independent given self-entry; no published rate of cross-platform wording identity was found for any field: each figure is an expert assumption for a reference sample to replace',
    ],
    fields: {
      avatar: { r: 0.3, form: REUSED },
      name: { r: 0.95, form: { exact: 0.9, 'same after normalisation': 0.05, similar: 0.05 } },
      employer: { r: 0.85, form: TEXT_OWN(0.2, 0.05, 0.5, 0.25) },
      title: { r: 0.8, form: TEXT_OWN(0.5, 0.05, 0.2, 0.25) },
      school: { r: 0.9, form: TEXT_OWN(0.55, 0.05, 0.3, 0.1) },
      tags: { r: 0.5, form: tagForm(0.02, 0.3, 0.35, 0.63) },
    },
    why: 'expert assumption: no published rate of cross-platform wording or photo identity was found (searched: Goga et al. KDD 2015 and TR-13-002, Zhong et al. on About.me, Iofciu et al. ICWSM 2011: none gives a usable rate); the reproduction of facts and the photo-reuse chance are set high, which favours the defence, but two choices favour copying and carry most of the LR against self-entry: that both platforms crop a reused photo independently (measured on synthetic pictures; the uncropped figure is printed beside the headline) and that a re-typed tag list keeps the source\'s order and wording only 1 time in 50; to be replaced by a reference sample of the same people on a third platform',
    shown: { avatar: 0.8, name: 1, employer: 0.8, title: 0.75, school: 0.7, tags: 0.6 },
  },
  'address-book': {
    id: 'address-book',
    description: 'the fields came from the uploaders\' address books: the contact label (e.g. 王总-华为) gives a name and sometimes an employer or title',
    assumptions: [
      'a contact label gives the name (r 0.98; as the person writes it 0.6, a nickname or title form similar 0.35)',
      'an employer or title shown under this account comes from the label (employer r 0.7, mostly the everyday name; title r 0.5)',
      'address books carry no tags and rarely a photo (avatar r 0.05); a school seldom (r 0.3)',
      'fields independent given address-book',
    ],
    fields: { avatar: { r: 0.05, form: REUSED }, ...ADDRESS_BOOK_FIELDS },
    why: 'expert assumption from how contact labels are written (王总-华为: surname + title, everyday company name); the certificate does not describe the uploaders\' books',
    shown: { avatar: 0.05, name: 1, employer: 0.3, title: 0.2, school: 0.05, tags: 0.02 },
  },
  'avatar-app': {
    id: 'avatar-app',
    description: 'the avatar was imported from another platform (头像淘淘 from QQ / Renren), the other fields from the address book',
    assumptions: [
      'the imported photo is the same picture as the source\'s with chance 0.6 (people reuse photos across platforms), passed through that platform\'s own crop, resize and re-encoding: where it lands is measured as under self-entry (independent processing by two platforms)',
      'other fields as under address-book',
    ],
    fields: { avatar: { r: 0.6, form: REUSED }, ...ADDRESS_BOOK_FIELDS },
    why: 'the defence\'s account (FACTS.md case 1, inference 2); photo reuse rate an expert assumption, high on purpose',
    shown: { avatar: 0.7, name: 1, employer: 0.3, title: 0.2, school: 0.05, tags: 0.02 },
  },
  cf: {
    id: 'cf',
    description: 'the fields were inferred from the person\'s contacts\' data (collaborative filtering, including tags Weibo friends wrote about the person), the name from an address book, the avatar as under avatar-app',
    assumptions: [
      'employer, school and title: r = the chance that a SHOWN inferred value is the person\'s own, MEASURED by collaborative filtering (majority vote, kNN, label propagation) on a real graph, SNAP ego-Facebook (McAuley & Leskovec 2012): the precision of the most confident inferences at the share of profiles the field is shown for (selective display; for evidence, its own share), scored against one of the person\'s listed values, with the method and known share chosen on half of the splits and the precision estimated on the other half (src/matching/cfRates.ts; the values used are printed with the model); ego networks are dense friend circles, so these rates are likely higher than for a contact book',
      'an inferred value is a neighbour\'s value: the person\'s own wording only by chance (exact 0.3 for employer and school, another script or width 0.05, as people write it)',
      'tags: the defendant stated that it computed from "the tags Weibo friends wrote about a person" (party statement, FACTS.md inference 3), which can carry a personal tag: r 0.3 (expert assumption), a rare tag shared 0.3, common tags only 0.7, never the source\'s list in order (long or short)',
      'avatar: the defence\'s account of avatars (头像淘淘), as under avatar-app (r 0.6, measured independent processing), so the avatar does not count against a straw man',
      'fields independent given cf',
    ],
    fields: {
      avatar: { r: 0.6, form: REUSED },
      name: ADDRESS_BOOK_FIELDS.name!,
      employer: { r: cfPrecisionAt('employer', CF_SHOWN.employer).precision, form: TEXT_OWN(0.3, 0.05, 0.55, 0.1) },
      title: { r: cfPrecisionAt('title', CF_SHOWN.title).precision, form: TEXT_OWN(0.5, 0.05, 0.25, 0.2) },
      school: { r: cfPrecisionAt('school', CF_SHOWN.school).precision, form: TEXT_OWN(0.3, 0.05, 0.55, 0.1) },
      tags: { r: 0.3, form: tagForm(0, 0, 0.3, 0.7) },
    },
    why: 'employer, school and title rates measured on real data (collaborative filtering on SNAP ego-Facebook with selective display, src/matching/cfRates.ts); their wording shares, the tag rates and the avatar are expert assumptions: tags from the defendant\'s own account of its data (party statement), the avatar as the defence explains avatars',
    shown: CF_SHOWN,
  },
};

/**
 * The values a model actually uses, written from its data (not from its prose): per field, r and the
 * form shares. Printed beside the prose assumptions so that a replaced or moved model is never
 * described by the defaults' words alone.
 *
 * @example
 * modelValuesText({ fields: { tags: { r: 0.5, form: { 'source list in order': 0.02, 'common tags shared': 0.98 } } } });
 * // 'tags r 0.5 (source list in order 0.02, common tags shared 0.98)'
 */
export function modelValuesText(model: { fields: Record<string, FieldModel> }): string {
  const v = (x: number) => String(Number(x.toPrecision(3)));
  const parts = Object.entries(model.fields).map(([field, fm]) => `${field} r ${v(fm.r)} (${Object.entries(fm.form).map(([k, x]) => `${k} ${v(x)}`).join(', ')})`);
  return parts.length ? parts.join('; ') : 'no stated per-field model (chance agreement measured on unrelated pairs)';
}

/**
 * P(level | H, shown) for every level of one field: r x form + (1 - r) x u (null levels NaN).
 * `labels` are the field's level labels, `u` its unrelated-pair level probabilities.
 */
export function alternativeLevelProbabilities(model: FieldModel | undefined, labels: readonly string[], u: ArrayLike<number>): Float64Array {
  const r = model?.r ?? 0;
  const out = new Float64Array(labels.length);
  for (let l = 0; l < labels.length; l++) {
    const ul = u[l]!;
    out[l] = Number.isNaN(ul) ? NaN : r * (model?.form[labels[l]!] ?? 0) + (1 - r) * ul;
  }
  return out;
}

/** Check a model: r in [0, 1], every form sums to 1 over levels the field has. */
export function checkAlternative(model: Pick<AlternativeModel, 'fields'> & { id?: string }, levelsByField: Record<string, readonly string[]>): void {
  const id = model.id ?? 'copied';
  for (const [field, fm] of Object.entries(model.fields)) {
    const labels = levelsByField[field];
    if (!labels) throw new RangeError(`model '${id}': unknown field '${field}'`);
    if (!(fm.r >= 0 && fm.r <= 1)) throw new RangeError(`model '${id}', ${field}: r must be in [0, 1], got ${fm.r}`);
    let s = 0;
    for (const [label, p] of Object.entries(fm.form)) {
      if (!labels.includes(label)) throw new RangeError(`model '${id}', ${field}: no level '${label}' (levels: ${labels.join(', ')})`);
      if (!(p >= 0)) throw new RangeError(`model '${id}', ${field}: form probability of '${label}' must be >= 0`);
      s += p;
    }
    if (Math.abs(s - 1) > 1e-9) throw new RangeError(`model '${id}', ${field}: form probabilities sum to ${s}, not 1`);
  }
}
