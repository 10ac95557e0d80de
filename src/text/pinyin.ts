/**
 * Pinyin readings of Chinese text, through `pinyin-pro` (zh-lx/pinyin-pro, which picks the
 * reading of a polyphonic character from context and has a surname mode).
 *
 * `pinyinOf` defaults to name mode: the first character(s) are read as a surname, so
 * 单 reads `shan` (not `dan`), 曾 `zeng` (not `ceng`), 解 `xie`, 朴 `piao`, 仇 `qiu`, and
 * compound surnames (欧阳, 司马) are recognised. Pass `{ surname: false }` for ordinary text.
 * Output is toneless lower case with ü written `v` (the keyboard convention, so `lv` for 吕);
 * runs of non-Chinese characters are lower-cased and split on spaces.
 *
 * @example
 * pinyinOf('单雄信')    // => ['shan', 'xiong', 'xin']
 * pinyinOf('曾国藩')    // => ['zeng', 'guo', 'fan']
 * pinyinOf('吕布')      // => ['lv', 'bu']
 * pinyinOf('张伟 Wei')  // => ['zhang', 'wei', 'wei']
 * pinyinInitials('欧阳娜娜') // => 'oynn'
 */
import { pinyin } from 'pinyin-pro';

export interface PinyinOptions {
  /** Read the leading character(s) as a surname (default true: profile names). */
  surname?: boolean;
}

const HAN = /\p{Script=Han}/u;

/** Toneless pinyin syllables of `s` (name mode by default). */
export function pinyinOf(s: string, options: PinyinOptions = {}): string[] {
  if (!s) return [];
  const parts = pinyin(s, {
    toneType: 'none',
    type: 'array',
    v: true,
    nonZh: 'consecutive',
    surname: options.surname === false ? 'off' : 'head',
  }) as string[];
  const out: string[] = [];
  for (const p of parts) {
    for (const w of p.toLowerCase().split(/\s+/u)) if (w) out.push(w);
  }
  return out;
}

/** First letters of the pinyin syllables, joined (e.g. 'zw' for 张伟). Non-Chinese words give their first letter. */
export function pinyinInitials(s: string, options: PinyinOptions = {}): string {
  return pinyinOf(s, options)
    .map((w) => String.fromCodePoint(w.codePointAt(0)!))
    .join('');
}

/** True when the string contains at least one Han character. */
export function hasHan(s: string): boolean {
  return HAN.test(s);
}
