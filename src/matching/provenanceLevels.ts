/**
 * The comparison levels that separate COPYING from the alternatives the defence put forward
 * (the person's own entry, an address book, an avatar app, inference from contacts), declared as
 * data (src/compare) and printed in the report. The court-standard levels (`levels.ts`: same /
 * basically the same / different / missing) answer "do they agree?"; these answer "how do they
 * agree?":
 * - text: identical as written (before any normalisation) vs identical only after normalisation
 *   (traditional/simplified, width, spaces) vs the same canonical entity only (alias, registered
 *   vs everyday company name, title synonym) vs similar (containment, edit similarity): a copying
 *   process reproduces the source's own wording, a person re-entering their profile does not;
 * - avatar: identical hash vs within a few bits (the same served file re-encoded) vs the same
 *   picture under the avatars' measured rule (re-cropped / rescaled, as when a person uploads one
 *   photo to two platforms and each processes it) vs a different picture;
 * - tags: the source's tag list reproduced in its order and wording vs a rare/personal tag shared
 *   (one the population rarely holds) vs some common tags shared;
 * - displayed only: the app shows a value the source profile lacks, which copying from that
 *   source cannot explain (evidence against it, not neutral);
 * - missing: the app shows nothing for the field (a null level, weight 1).
 * Shared errors and stale values need an earlier capture of the source and are not measurable
 * from one capture; `limitations` in the report says so.
 */
import { hammingDistanceHex } from '../compare/hamming';
import type { Comparison } from '../compare/comparison';
import { contains, editSimilarityAtLeast, type GradedLevel } from './levels';
import type { PreparedName, PreparedProfile, PreparedText } from './profile';

/** Settings of the provenance levels. */
export interface ProvenanceLevelOptions {
  /** avatar: largest distance still "the same picture" (the avatars' measured rule) */
  samePictureBits: number;
  /** avatar: largest distance of a re-encoded copy of the same file ("near-identical") */
  nearBits: number;
  /** text: smallest edit similarity for "similar" */
  similarity: number;
  /** tags: a tag held by at most this share of source profiles is rare/personal */
  rareTagShare: number;
  /** tags: number of source profiles holding each normalised tag */
  tagCounts: ReadonlyMap<string, number>;
  /** source profiles the tag counts come from */
  sourceProfiles: number;
}

/** Levels with their grades stated (typed as such). */
const graded = <V>(levels: GradedLevel<V>[]): GradedLevel<V>[] => levels;

const missingLevel = <V>(what: string, empty: (a: V) => boolean): GradedLevel<V> => ({
  label: 'missing', labelZh: '未显示', grade: 'missing', isNull: true, description: `the app shows no ${what}`, predicate: (a) => empty(a),
});
const displayedOnly = <V>(what: string, empty: (b: V) => boolean): GradedLevel<V> => ({
  label: 'displayed only', labelZh: '仅展示方有', grade: 'different',
  description: `the app shows a ${what} the source profile lacks (copying from this source cannot explain it)`, predicate: (_a, b) => empty(b),
});
const different = <V>(): GradedLevel<V> => ({ label: 'different', labelZh: '不同', grade: 'different', description: 'anything else', predicate: () => true });

/** Avatar levels: identical / near-identical / same picture / displayed only / different. */
export function provenanceAvatar(o: Pick<ProvenanceLevelOptions, 'samePictureBits' | 'nearBits'>): Comparison<PreparedProfile, string | null> {
  const empty = (x: string | null) => x == null;
  return {
    name: 'avatar', description: 'Avatar picture, by perceptual hash', value: (p) => p.avatar,
    levels: graded([
      missingLevel('avatar (or the platform default)', empty),
      displayedOnly('picture', empty),
      { label: 'identical', labelZh: '完全相同', grade: 'same', description: 'identical hash (Hamming distance 0)', predicate: (a, b) => a === b },
      { label: 'near-identical', labelZh: '几乎相同', grade: 'same', description: `hashes differ in 1-${o.nearBits} bits (the same served file re-encoded; the distance that best separates a copied file from the same picture processed by two platforms, measured by src/avatars/reprocessing.ts)`, predicate: (a, b) => hammingDistanceHex(a!, b!) <= o.nearBits },
      { label: 'same picture', labelZh: '同一图片', grade: 'basically', description: `hashes differ in ${o.nearBits + 1}-${o.samePictureBits} bits (the same picture re-cropped or rescaled, e.g. uploaded by the person to two platforms; the avatars' measured rule)`, predicate: (a, b) => hammingDistanceHex(a!, b!) <= o.samePictureBits },
      different(),
    ]),
  };
}

/** Name levels: as written / after normalisation / similar (reading, containment) / displayed only / different. */
export function provenanceName(o: Pick<ProvenanceLevelOptions, 'similarity'>): Comparison<PreparedProfile, PreparedName> {
  const empty = (x: PreparedName) => x.text === '';
  return {
    name: 'name', description: 'Name or nickname', value: (p) => p.name,
    levels: graded([
      missingLevel('name', empty),
      displayedOnly('name', empty),
      { label: 'exact', labelZh: '原样相同', grade: 'same', description: 'identical as written, before any normalisation', predicate: (a, b) => a.raw === b.raw },
      { label: 'same after normalisation', labelZh: '规范化后相同', grade: 'same', description: 'identical after NFKC, traditional->simplified, case, spaces and punctuation', predicate: (a, b) => a.text === b.text },
      {
        label: 'similar', labelZh: '近似', grade: 'basically', description: `same toneless pinyin, or one contains the other, or character similarity >= ${o.similarity}`,
        predicate: (a, b) => (a.key !== '' && a.key === b.key) || contains(a.text, b.text) || editSimilarityAtLeast(a.codePoints, b.codePoints, o.similarity),
      },
      different(),
    ]),
  };
}

function provenanceText(field: 'employer' | 'title' | 'school', what: string, entity: string, o: Pick<ProvenanceLevelOptions, 'similarity'>): Comparison<PreparedProfile, PreparedText> {
  const empty = (x: PreparedText) => x.text === '';
  return {
    name: field, description: what, value: (p) => p[field],
    levels: graded([
      missingLevel(what, empty),
      displayedOnly(what, empty),
      { label: 'exact', labelZh: '原样相同', grade: 'same', description: 'identical as written, before any normalisation', predicate: (a, b) => a.raw === b.raw },
      { label: 'same after normalisation', labelZh: '规范化后相同', grade: 'same', description: 'identical after NFKC, traditional->simplified, case, spaces and punctuation', predicate: (a, b) => a.text === b.text },
      { label: 'same entity', labelZh: '同一实体', grade: 'basically', description: `the same ${entity} written differently`, predicate: (a, b) => a.key === b.key },
      {
        label: 'similar', labelZh: '近似', grade: 'basically', description: `one contains the other (>= 2 characters) or edit similarity >= ${o.similarity}`,
        predicate: (a, b) => contains(a.key, b.key) || editSimilarityAtLeast(a.keyCodePoints, b.keyCodePoints, o.similarity),
      },
      different(),
    ]),
  };
}

/** Tags: the source's list in order (3+ tags) / a short list in order (1-2) / a rare tag shared / common tags shared / displayed only / different. */
export function provenanceTags(o: Pick<ProvenanceLevelOptions, 'rareTagShare' | 'tagCounts' | 'sourceProfiles'>): Comparison<PreparedProfile, string[]> {
  const empty = (x: string[]) => x.length === 0;
  const rareAt = Math.max(1, Math.floor(o.rareTagShare * o.sourceProfiles));
  return {
    name: 'tags', description: 'User-defined tags', value: (p) => p.tags,
    levels: graded([
      missingLevel('tags', empty),
      displayedOnly('tag list', empty),
      {
        label: 'source list in order', labelZh: '原序原文', grade: 'same',
        description: "the shown tags are the source's first tags, in the source's order and wording, at least three of them",
        predicate: (a, b) => a.length >= 3 && a.length <= b.length && a.every((t, k) => t === b[k]),
      },
      {
        label: 'short list in order', labelZh: '短列表原序', grade: 'same',
        description: "the source's whole list of one or two tags, in its order and wording (a short list a person re-types easily)",
        predicate: (a, b) => a.length >= 1 && a.length <= 2 && a.length === b.length && a.every((t, k) => t === b[k]),
      },
      {
        label: 'rare tag shared', labelZh: '共有罕见标签', grade: 'basically',
        description: `shares a tag held by at most ${rareAt} source profile(s) (${o.rareTagShare * 100}% of ${o.sourceProfiles}): a personal tag`,
        predicate: (a, b) => a.some((t) => b.includes(t) && (o.tagCounts.get(t) ?? 0) <= rareAt),
      },
      { label: 'common tags shared', labelZh: '共有常见标签', grade: 'basically', description: 'shares at least one tag, all of them common', predicate: (a, b) => a.some((t) => b.includes(t)) },
      different(),
    ]),
  };
}

/**
 * The share of short (1-2 tag) lists among the profiles that hold tags, (c + 1/2) / (n + 1): the
 * split every model's in-order tag mass uses for this evidence (`withShortTagListShare`).
 *
 * @example
 * shortTagListShareOf(pairedSources); // e.g. 0.24 on the committed synthetic set
 */
export function shortTagListShareOf(profiles: readonly PreparedProfile[]): number {
  let n = 0;
  let short = 0;
  for (const p of profiles) {
    if (!p.tags.length) continue;
    n++;
    if (p.tags.length <= 2) short++;
  }
  return (short + 0.5) / (n + 1);
}

/** Number of source profiles holding each normalised tag. */
export function tagCounts(source: readonly PreparedProfile[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of source) for (const t of new Set(p.tags)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** The provenance comparisons of the certificate-704 fields, in the court-standard order. */
export function provenanceComparisons(o: ProvenanceLevelOptions): Comparison<PreparedProfile>[] {
  return [
    provenanceAvatar(o), provenanceName(o),
    provenanceText('employer', 'employer', 'organisation (registered vs everyday name, alias table)', o),
    provenanceText('title', 'job title', 'title (synonym table)', o),
    provenanceText('school', 'school', 'school (alias table, department dropped)', o),
    provenanceTags(o),
  ];
}
