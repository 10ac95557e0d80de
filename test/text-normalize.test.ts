import { describe, expect, it } from 'vitest';
import { isBlank, normalizeText, toSimplified } from '../src/text';

describe('toSimplified (OpenCC hk -> cn)', () => {
  it('converts standard, Hong Kong and Taiwan traditional characters', () => {
    expect(toSimplified('北京大學')).toBe('北京大学');
    expect(toSimplified('張偉 鄧麗君 騰訊')).toBe('张伟 邓丽君 腾讯');
    expect(toSimplified('臺灣')).toBe('台湾');
    expect(toSimplified('衞生')).toBe('卫生'); // HK variant 衞
  });
  it('is character-level: no phrase substitution, simplified text unchanged', () => {
    expect(toSimplified('軟體')).toBe('软体'); // not 软件
    expect(toSimplified('著名作家')).toBe('著名作家');
    expect(toSimplified('')).toBe('');
  });
});

describe('normalizeText', () => {
  it('folds full-width forms and the ideographic space (NFKC)', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123');
    expect(normalizeText('\u3000张伟\u3000')).toBe('张伟');
    expect(normalizeText('ﾃｽﾄ')).toBe('テスト');
  });
  it('converts to simplified and lower case', () => {
    expect(normalizeText('張偉 WEI')).toBe('张伟wei');
  });
  it('drops punctuation, emoji and joiners; collapses whitespace', () => {
    expect(normalizeText('　張偉（Ｗｅｉ）　')).toBe('张伟wei');
    expect(normalizeText('Tencent  Co., Ltd.')).toBe('tencent co ltd');
    expect(normalizeText('产品 经理 🚀')).toBe('产品经理');
    expect(normalizeText('👨‍💻程序员')).toBe('程序员');
    expect(normalizeText('迪丽热巴·迪力木拉提')).toBe('迪丽热巴迪力木拉提');
    expect(normalizeText('张\u200b伟')).toBe('张伟');
  });
  it('keeps symbols that are not punctuation', () => {
    expect(normalizeText('C++工程师')).toBe('c++工程师');
  });
  it('treats null and undefined as empty', () => {
    expect(normalizeText(null)).toBe('');
    expect(normalizeText(undefined)).toBe('');
    expect(isBlank(' ，。 ')).toBe(true);
    expect(isBlank('张')).toBe(false);
  });
  it('lets each step be switched off', () => {
    expect(normalizeText('張偉', { simplified: false })).toBe('張偉');
    expect(normalizeText('ABC', { lowercase: false })).toBe('ABC');
    expect(normalizeText('a,b', { punctuation: false })).toBe('a,b');
    expect(normalizeText('ＡＢ', { nfkc: false, lowercase: false })).toBe('ＡＢ');
  });
});
