/**
 * Normalise Chinese (and mixed Latin) profile text before comparing it.
 *
 * Steps, in order (each can be switched off through `options`):
 * 1. Unicode NFKC (Unicode Standard Annex #15): full-width ASCII letters, digits and
 *    punctuation become half-width (`ＡＢＣ１２３` -> `ABC123`), the ideographic space U+3000
 *    becomes a space, half-width katakana become full-width, compatibility ideographs
 *    (U+F900-U+FAFF) become their unified forms, ligatures split (`ﬁ` -> `fi`).
 * 2. Traditional -> simplified Chinese through OpenCC (`toSimplified`).
 * 3. Lower case (Latin, Greek, Cyrillic; Chinese has no case).
 * 4. Punctuation (Unicode general category P: `，。、·（）-_/.,!?` ...), emoji and the invisible
 *    joiners around them (ZWJ U+200D, variation selectors U+FE0E/U+FE0F, zero-width space
 *    U+200B, BOM U+FEFF) become spaces.
 * 5. Whitespace: runs collapse to one space; spaces next to a CJK character are dropped
 *    (Chinese is written without spaces, so `张 伟` and `张伟` are the same text), the result
 *    is trimmed.
 *
 * Symbols such as `+` and `#` inside words are kept only when they are not punctuation:
 * `C++` keeps its pluses (category Sm), `C#` loses its `#` (category Po).
 *
 * @example
 * normalizeText('　張偉（Ｗｅｉ）　')  // => '张伟wei'
 * normalizeText('Tencent  Co., Ltd.') // => 'tencent co ltd'
 * normalizeText('产品 经理 🚀')          // => '产品经理'
 */
import { toSimplified } from './opencc';

export interface NormalizeTextOptions {
  /** Unicode NFKC (default true). */
  nfkc?: boolean;
  /** Traditional -> simplified (default true). */
  simplified?: boolean;
  /** Lower case (default true). */
  lowercase?: boolean;
  /** Punctuation and emoji -> space (default true). */
  punctuation?: boolean;
}

const PUNCT_OR_EMOJI = /[\p{P}\p{Extended_Pictographic}\u200B-\u200D\u2060\uFE0E\uFE0F\uFEFF]/gu;
// CJK: Han ideographs, CJK symbols, kana, hangul, full-width forms not folded by NFKC.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3000-\\u303F';
const SPACE_BEFORE_CJK = new RegExp(`\\s+(?=[${CJK}])`, 'gu');
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}])\\s+`, 'gu');

/** Normalise free text for comparison (see the module comment for the steps). */
export function normalizeText(s: string | null | undefined, options: NormalizeTextOptions = {}): string {
  if (s == null) return '';
  let t = String(s);
  if (options.nfkc !== false) t = t.normalize('NFKC');
  if (options.simplified !== false) t = toSimplified(t);
  if (options.lowercase !== false) t = t.toLowerCase();
  if (options.punctuation !== false) t = t.replace(PUNCT_OR_EMOJI, ' ');
  t = t.replace(/\s+/gu, ' ').trim();
  t = t.replace(SPACE_BEFORE_CJK, '').replace(SPACE_AFTER_CJK, '');
  return t;
}

/** True when the value is missing: null, undefined, or empty after normalisation. */
export function isBlank(s: string | null | undefined): boolean {
  return normalizeText(s) === '';
}
