import { describe, expect, it } from 'vitest';
import { nameSimilarity } from '../src/text';

describe('nameSimilarity', () => {
  it('treats traditional/simplified and width variants as identical', () => {
    const r = nameSimilarity('張偉', '张伟');
    expect(r.level).toBe('identical');
    expect(r.score).toBe(1);
    expect(nameSimilarity('Ｌｉ Ｎａ', 'li na').level).toBe('identical');
  });
  it('finds homophones through pinyin (张伟 / 张玮, 单 read shan)', () => {
    const r = nameSimilarity('张伟', '张玮');
    expect(r.level).toBe('homophone');
    expect(r.characters).toBe(0.5);
    expect(r.pinyin).toBe(1);
    expect(r.score).toBeCloseTo(0.9, 12);
    expect(nameSimilarity('单伟', '善伟').level).toBe('homophone');
  });
  it('flags a swapped order without calling it a match', () => {
    const r = nameSimilarity('李娜', '娜李');
    expect(r.level).toBe('different');
    expect(r.sameCharacters).toBe(true);
    expect(r.characters).toBe(0);
    expect(r.score).toBeLessThan(0.9);
  });
  it('scores unrelated names low', () => {
    const r = nameSimilarity('王芳', '刘洋');
    expect(r.level).toBe('different');
    expect(r.score).toBeLessThan(0.5);
  });
  it('returns missing when either side is empty', () => {
    const r = nameSimilarity('', '张伟');
    expect(r.level).toBe('missing');
    expect(Number.isNaN(r.score)).toBe(true);
    expect(nameSimilarity(null, null).level).toBe('missing');
  });
  it('honours the pinyin weight', () => {
    expect(nameSimilarity('张伟', '张玮', { pinyinWeight: 0.5 }).score).toBe(0.5);
  });
});
