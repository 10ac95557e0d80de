import { describe, expect, it } from 'vitest';
import { hasHan, pinyinInitials, pinyinOf } from '../src/text';

describe('pinyinOf', () => {
  it('reads surnames with their surname readings', () => {
    expect(pinyinOf('单雄信')).toEqual(['shan', 'xiong', 'xin']);
    expect(pinyinOf('曾国藩')).toEqual(['zeng', 'guo', 'fan']);
    expect(pinyinOf('解小东')).toEqual(['xie', 'xiao', 'dong']);
    expect(pinyinOf('欧阳娜娜')).toEqual(['ou', 'yang', 'na', 'na']);
  });
  it('reads ordinary text without surname mode when asked', () => {
    expect(pinyinOf('曾经', { surname: false })).toEqual(['ceng', 'jing']);
  });
  it('writes ü as v and keeps Latin words', () => {
    expect(pinyinOf('吕布')).toEqual(['lv', 'bu']);
    expect(pinyinOf('张伟 Wei')).toEqual(['zhang', 'wei', 'wei']);
    expect(pinyinOf('')).toEqual([]);
  });
  it('gives initials', () => {
    expect(pinyinInitials('欧阳娜娜')).toBe('oynn');
    expect(pinyinInitials('张伟')).toBe('zw');
  });
  it('detects Han characters', () => {
    expect(hasHan('abc')).toBe(false);
    expect(hasHan('a张')).toBe(true);
  });
});
