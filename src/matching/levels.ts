/**
 * Comparison levels for profile fields, declared as data (see `comparison.ts`), in the four
 * grades a Chinese judicial appraisal uses (相同 / 基本相同 / 不同, plus 缺失 for a value
 * not present): `same`, `basically the same`, `different`, `missing`.
 *
 * Each builder returns a `Comparison<PreparedProfile>` whose level descriptions state the
 * rule and the threshold in words, so the printed definitions (`describeComparison`) tell a
 * reader exactly what "basically the same" meant in this run.
 *
 * Thresholds are given by `MatchThresholds`; `thresholdsForStrictness(s)` derives all of
 * them from one number s in [0, 1] (used by the sensitivity analysis).
 */
import { samePictureMaxBits } from '../avatars/rule';
import { hammingDistanceHex } from '../compare/hamming';
import { levenshteinCodePoints, overlapCoefficient, syllableSimilarity } from '../text';
import type { Comparison, ComparisonLevel } from '../compare/comparison';
import type { PreparedName, PreparedProfile, PreparedText, ProfileField } from './profile';

/** The four grades. Order matters: a higher grade is a closer agreement. */
export type Grade = 'missing' | 'different' | 'basically' | 'same';

/** A level with its grade stated (optional: otherwise derived from the label). */
export interface GradedLevel<V = unknown> extends ComparisonLevel<V> {
  grade?: Grade;
}

/** Grade of a level: its `grade`, else `missing` for a null level, else from the label. */
export function gradeOf(level: ComparisonLevel<any>): Grade {
  const g = (level as GradedLevel).grade;
  if (g) return g;
  if (level.isNull) return 'missing';
  const l = level.label.toLowerCase();
  if (l === 'same' || l === 'identical') return 'same';
  if (l.startsWith('basically')) return 'basically';
  return 'different';
}

/** True for the grades that count as agreement ("the same or basically the same"). */
export function isAgreement(grade: Grade): boolean {
  return grade === 'same' || grade === 'basically';
}

/** Thresholds of the "basically the same" levels. */
export interface MatchThresholds {
  /** avatar: largest Hamming distance (bits) between perceptual hashes still "basically the same" */
  avatarMaxBits: number;
  /** name: smallest `nameSimilarity` score (characters / pinyin, see src/text) */
  name: number;
  /** employer: smallest Levenshtein similarity of the normalised organisation names */
  employer: number;
  /** title: smallest Levenshtein similarity of the normalised titles */
  title: number;
  /** school: smallest Levenshtein similarity of the normalised school names */
  school: number;
  /** tags: smallest overlap coefficient |A∩B| / min(|A|,|B|) of the tag sets */
  tags: number;
}

/** Default strictness: 0.8. */
export const DEFAULT_STRICTNESS = 0.8;

/**
 * All thresholds from one strictness s in [0, 1]: text and tag thresholds = s; the avatar
 * threshold is the one "same picture" rule measured by notebook 03 (`avatars.samePictureMaxBits`,
 * 12 bits of a 64-bit pHash) at the default strictness 0.8, scaled linearly to 0 bits at s = 1
 * (identical hashes only) and capped at half the hash (where unrelated hashes agree by chance):
 * bits = min(hashBits / 2, round(rule x (1 - s) / (1 - 0.8))).
 */
export function thresholdsForStrictness(s: number, hashBits = 64, avatarRuleBits: number = samePictureMaxBits()): MatchThresholds {
  if (!(s >= 0 && s <= 1)) throw new RangeError(`strictness must be in [0, 1], got ${s}`);
  return {
    avatarMaxBits: Math.min(hashBits / 2, Math.round((avatarRuleBits * (1 - s)) / (1 - DEFAULT_STRICTNESS))),
    name: s,
    employer: s,
    title: s,
    school: s,
    tags: s,
  };
}

export const DEFAULT_THRESHOLDS: MatchThresholds = thresholdsForStrictness(DEFAULT_STRICTNESS);

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

const missingText = (what: string): GradedLevel<PreparedText> => ({
  label: 'missing', labelZh: '缺失', grade: 'missing', isNull: true,
  description: `${what} empty on either side (not shown, or not filled in on the source)`,
  predicate: (a, b) => a.text === '' || b.text === '',
});

const differentLevel = <V>(): GradedLevel<V> => ({
  label: 'different', labelZh: '不同', grade: 'different', description: 'anything else', predicate: () => true,
});

/**
 * 1 - Levenshtein / longer length >= threshold, on code points; skips the dynamic programme
 * when the lengths alone rule it out (similarity <= shorter / longer).
 */
export function editSimilarityAtLeast(a: Int32Array, b: Int32Array, threshold: number): boolean {
  const len = Math.max(a.length, b.length);
  if (len === 0) return true;
  if (Math.min(a.length, b.length) / len < threshold) return false;
  return 1 - levenshteinCodePoints(a, b) / len >= threshold;
}

/** One side contains the other (at least 2 characters): 高级产品经理 / 产品经理, 字节跳动 / 字节. */
export function contains(a: string, b: string): boolean {
  if (!a || !b) return false;
  const [s, l] = [...a].length <= [...b].length ? [a, b] : [b, a];
  return [...s].length >= 2 && l.includes(s);
}

/**
 * Avatar: perceptual hashes compared by Hamming distance (`hammingDistanceHex` from
 * src/compare; the default threshold is the avatars' measured same-picture rule). Accepts any precomputed hex hash column (pHash, dHash, aHash) as long as both
 * tables use the same hash.
 */
export function avatarComparison(maxBits: number = DEFAULT_THRESHOLDS.avatarMaxBits): Comparison<PreparedProfile, string | null> {
  if (!(Number.isInteger(maxBits) && maxBits >= 0)) throw new RangeError(`avatarMaxBits must be a non-negative integer, got ${maxBits}`);
  const levels: GradedLevel<string | null>[] = [
    { label: 'missing', labelZh: '缺失', grade: 'missing', isNull: true, description: 'no avatar on either side (or a platform default picture)', predicate: (a, b) => a == null || b == null },
    { label: 'same', labelZh: '相同', grade: 'same', description: 'identical perceptual hash (Hamming distance 0)', predicate: (a, b) => a === b },
    {
      label: 'basically the same', labelZh: '基本相同', grade: 'basically',
      description: `perceptual hashes differ in at most ${maxBits} bits (re-encoded, resized or recompressed copy of the same picture)`,
      predicate: (a, b) => hammingDistanceHex(a!, b!) <= maxBits,
    },
    differentLevel(),
  ];
  return { name: 'avatar', description: 'Avatar picture, by perceptual hash', value: (p) => p.avatar, levels };
}

/** Name: normalised text, then pinyin (homophones) and character similarity (`nameSimilarity`). */
export function nameComparison(threshold: number = DEFAULT_THRESHOLDS.name): Comparison<PreparedProfile, PreparedName> {
  const levels: GradedLevel<PreparedName>[] = [
    { label: 'missing', labelZh: '缺失', grade: 'missing', isNull: true, description: 'name empty on either side', predicate: (a, b) => a.text === '' || b.text === '' },
    { label: 'same', labelZh: '相同', grade: 'same', description: 'identical after normalisation (NFKC, traditional->simplified, case, spaces, punctuation)', predicate: (a, b) => a.text === b.text },
    {
      label: 'basically the same', labelZh: '基本相同', grade: 'basically',
      description: `one name contains the other (at least 2 characters), or name similarity >= ${threshold} (similarity = max(character similarity, 0.9 x pinyin similarity); a homophone with the same toneless pinyin scores 0.9)`,
      predicate: (a, b) => contains(a.text, b.text) || nameScore(a, b, threshold) >= threshold,
    },
    differentLevel(),
  ];
  return { name: 'name', description: 'Name or nickname', value: (p) => p.name, levels };
}

/**
 * `nameSimilarity(a, b).score` from the prepared forms (no re-normalising, no pinyin
 * lookup): max(character similarity, 0.9 x syllable similarity); a pinyin match is 0.9.
 * Stops early once the character similarity alone reaches `atLeast`.
 */
export function nameScore(a: PreparedName, b: PreparedName, atLeast = Infinity): number {
  if (a.text === b.text) return 1;
  const ca = a.codePoints;
  const cb = b.codePoints;
  const len = Math.max(ca.length, cb.length);
  const chars = len === 0 ? 1 : 1 - levenshteinCodePoints(ca, cb) / len;
  if (chars >= atLeast || chars >= 0.9) return chars;
  if (a.key !== '' && a.key === b.key) return 0.9;
  return Math.max(chars, 0.9 * syllableSimilarity(a.syllables, b.syllables));
}

function textComparison(field: 'employer' | 'title' | 'school', what: string, keyMeaning: string, threshold: number, description: string): Comparison<PreparedProfile, PreparedText> {
  const levels: GradedLevel<PreparedText>[] = [
    missingText(what),
    { label: 'same', labelZh: '相同', grade: 'same', description: `identical ${what} after text normalisation (NFKC, traditional->simplified, case, spaces, punctuation)`, predicate: (a, b) => a.text === b.text },
    {
      label: 'basically the same', labelZh: '基本相同', grade: 'basically',
      description: `same ${keyMeaning}, or one contains the other (at least 2 characters), or edit similarity of the normalised forms >= ${threshold} (1 - Levenshtein distance / longer length; ${pct(threshold)})`,
      predicate: (a, b) => a.key === b.key || contains(a.key, b.key) || editSimilarityAtLeast(a.keyCodePoints, b.keyCodePoints, threshold),
    },
    differentLevel(),
  ];
  return { name: field, description, value: (p) => p[field], levels };
}

/** Employer: organisation normaliser (legal form, industry words, region stripped; aliases). */
export function employerComparison(threshold: number = DEFAULT_THRESHOLDS.employer): Comparison<PreparedProfile, PreparedText> {
  return textComparison('employer', 'employer', 'organisation after removing region, industry words and legal form (北京字节跳动科技有限公司 = 字节跳动)', threshold, 'Employer (occupation: company)');
}

/** Title: job-title synonyms (程序员 = 软件工程师). */
export function titleComparison(threshold: number = DEFAULT_THRESHOLDS.title): Comparison<PreparedProfile, PreparedText> {
  return textComparison('title', 'job title', 'title after the synonym table (程序员 = 软件工程师, CEO = 总经理)', threshold, 'Job title (occupation: position)');
}

/** School: alias table (北大 = 北京大学), departments dropped. */
export function schoolComparison(threshold: number = DEFAULT_THRESHOLDS.school): Comparison<PreparedProfile, PreparedText> {
  return textComparison('school', 'school', 'school after the alias table and without department (北大 = 北京大学光华管理学院)', threshold, 'School (education)');
}

/** Tags: sets of normalised tags. */
export function tagsComparison(threshold: number = DEFAULT_THRESHOLDS.tags): Comparison<PreparedProfile, string[]> {
  const levels: GradedLevel<string[]>[] = [
    { label: 'missing', labelZh: '缺失', grade: 'missing', isNull: true, description: 'no tags on either side', predicate: (a, b) => a.length === 0 || b.length === 0 },
    { label: 'same', labelZh: '相同', grade: 'same', description: 'the same set of tags (order ignored, after normalisation)', predicate: (a, b) => a.length === b.length && overlapCoefficient(a, b) === 1 },
    {
      label: 'basically the same', labelZh: '基本相同', grade: 'basically',
      description: `overlap coefficient |A∩B| / min(|A|,|B|) >= ${threshold} with at least min(2, |A|, |B|) shared tags (a display showing some of the source's tags)`,
      predicate: (a, b) => {
        const shared = sharedCount(a, b);
        return shared >= Math.min(2, a.length, b.length) && shared / Math.min(a.length, b.length) >= threshold;
      },
    },
    differentLevel(),
  ];
  return { name: 'tags', description: 'User-defined tags', value: (p) => p.tags, levels };
}

function sharedCount(a: readonly string[], b: readonly string[]): number {
  let k = 0;
  if (a.length <= b.length) {
    for (const x of a) if (b.includes(x)) k++;
  } else {
    for (const x of b) if (a.includes(x)) k++;
  }
  return k;
}

/**
 * The default comparison set for the fields of notarial certificate No. 704 (avatar, name,
 * occupation = employer + title, tags) plus education (school), with thresholds from
 * `thresholds` (default: strictness 0.8).
 */
export function defaultComparisons(thresholds: Partial<MatchThresholds> = {}, fields: readonly ProfileField[] = CERTIFICATE_704_FIELDS): Comparison<PreparedProfile>[] {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const all: Record<ProfileField, Comparison<PreparedProfile>> = {
    avatar: avatarComparison(t.avatarMaxBits),
    name: nameComparison(t.name),
    employer: employerComparison(t.employer),
    title: titleComparison(t.title),
    school: schoolComparison(t.school),
    tags: tagsComparison(t.tags),
  };
  return fields.map((f) => all[f]);
}

/** Fields compared by default: certificate 704 names avatar, name, occupation and tags; education added. */
export const CERTIFICATE_704_FIELDS: readonly ProfileField[] = ['avatar', 'name', 'employer', 'title', 'school', 'tags'];
