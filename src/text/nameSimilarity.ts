/**
 * Similarity of two personal names (or nicknames) for Chinese profiles, on three planes:
 *
 * - characters: normalised text (`normalizeText`: NFKC, simplified, case, punctuation),
 *   then Levenshtein similarity on code points, 1 - d / max length. Used instead of
 *   Jaro-Winkler because Jaro-Winkler is degenerate on two- and three-character names
 *   (JW(张伟, 张玮) = 0.667, JW(李娜, 娜李) = 0; see REFERENCES, Winkler 1990);
 * - pinyin: toneless pinyin with surname readings (`pinyinOf`, name mode), compared syllable
 *   by syllable: an edit distance over syllables where substituting one syllable for another
 *   costs 1 - JW(syllable, syllable) (so zhang/zhan, a flat/retroflex slip, costs 0.04 and
 *   wang/liu costs 1), similarity 1 - distance / max(syllable count);
 * - homophone: the full toneless pinyin is equal (张伟 / 张玮 / 章伟 all `zhang wei`): what a
 *   re-typed or input-method-converted copy produces.
 *
 * `score` = 1 for equal normalised text, else max(characters, pinyinWeight x pinyin), with
 * pinyinWeight 0.9 by default, so a homophone never scores as high as the identical name.
 * The planes are all returned so a report can show why two names were judged alike.
 *
 * @example
 * nameSimilarity('張偉', '张伟')  // => { level: 'identical', score: 1, ... }
 * nameSimilarity('张伟', '张玮')  // => { level: 'homophone', characters: 0.5, pinyin: 1, score: 0.9 }
 * nameSimilarity('李娜', '娜李')  // => { level: 'different', characters: 0, sameCharacters: true, ... }
 */
import { codePoints } from './codepoints';
import { jaroWinkler } from './jaroWinkler';
import { levenshteinCodePoints } from './levenshtein';
import { normalizeText } from './normalize';
import { pinyinOf } from './pinyin';

export type NameSimilarityLevel = 'identical' | 'homophone' | 'different' | 'missing';

export interface NameSimilarity {
  /** identical (same normalised text), homophone (same toneless pinyin), different, missing (either empty). */
  level: NameSimilarityLevel;
  /** Combined score in [0, 1] (see module comment). NaN when missing. */
  score: number;
  /** Levenshtein similarity of the normalised characters. */
  characters: number;
  /** Syllable-level similarity of the toneless pinyin (see module comment). */
  pinyin: number;
  /** Same multiset of characters in another order (李娜 / 娜李: surname-order swaps). */
  sameCharacters: boolean;
  /** Normalised forms compared. */
  a: string;
  b: string;
}

export interface NameSimilarityOptions {
  /** Weight on the pinyin plane (default 0.9). */
  pinyinWeight?: number;
}

function sortedKey(cp: Int32Array): string {
  return Array.from(cp).sort((x, y) => x - y).join(',');
}

export function nameSimilarity(a: string | null | undefined, b: string | null | undefined, options: NameSimilarityOptions = {}): NameSimilarity {
  const na = normalizeText(a).replace(/\s+/gu, '');
  const nb = normalizeText(b).replace(/\s+/gu, '');
  if (!na || !nb) {
    return { level: 'missing', score: NaN, characters: NaN, pinyin: NaN, sameCharacters: false, a: na, b: nb };
  }
  const w = options.pinyinWeight ?? 0.9;
  const ca = codePoints(na);
  const cb = codePoints(nb);
  const len = Math.max(ca.length, cb.length);
  const characters = 1 - levenshteinCodePoints(ca, cb) / len;
  const sameCharacters = ca.length === cb.length && sortedKey(ca) === sortedKey(cb);
  if (na === nb) {
    return { level: 'identical', score: 1, characters: 1, pinyin: 1, sameCharacters: true, a: na, b: nb };
  }
  const sa = pinyinOf(na);
  const sb = pinyinOf(nb);
  const same = sa.join(' ') === sb.join(' ');
  const pinyin = same ? 1 : syllableSimilarity(sa, sb);
  const level: NameSimilarityLevel = same ? 'homophone' : 'different';
  const score = Math.max(characters, w * pinyin);
  return { level, score, characters, pinyin, sameCharacters, a: na, b: nb };
}

/** 1 - (edit distance over syllables, substitution cost 1 - JW) / max(syllable count). */
export function syllableSimilarity(a: readonly string[], b: readonly string[]): number {
  const m = a.length;
  const n = b.length;
  if (m === 0 && n === 0) return 1;
  if (m === 0 || n === 0) return 0;
  let prev = new Float64Array(n + 1);
  let cur = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const sub = prev[j - 1]! + (x === y ? 0 : 1 - jaroWinkler(x, y));
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - prev[n]! / Math.max(m, n);
}
