import { describe, expect, it } from 'vitest';
import { codePoints, levenshtein, levenshteinSimilarity } from '../src/text';

// Textbook values: kitten/sitting = 3 (Levenshtein 1966; Wagner & Fischer 1974 examples).
describe('levenshtein', () => {
  it('matches textbook distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', '')).toBe(3);
    expect(levenshtein('', '')).toBe(0);
  });
  it('counts Chinese characters as one edit each', () => {
    expect(levenshtein('张伟', '张玮')).toBe(1);
    expect(levenshtein('李娜', '娜李')).toBe(2);
    expect(levenshtein('北京大学', '北大')).toBe(2);
  });
  it('works on code points, not UTF-16 units (CJK Extension B)', () => {
    expect('𠮷'.length).toBe(2);
    expect(codePoints('𠮷野家')).toHaveLength(3);
    expect(levenshtein('𠮷野家', '吉野家')).toBe(1);
    expect(levenshtein('𠮷', '')).toBe(1);
  });
  it('is symmetric', () => {
    expect(levenshtein('欧阳娜娜', '欧娜')).toBe(levenshtein('欧娜', '欧阳娜娜'));
  });
  it('gives a similarity in [0, 1]', () => {
    expect(levenshteinSimilarity('张伟', '张玮')).toBe(0.5);
    expect(levenshteinSimilarity('', '')).toBe(1);
    expect(levenshteinSimilarity('abc', 'xyz')).toBe(0);
  });
});
