import { describe, expect, it } from 'vitest';
import { aliasTable, normalizeJobTitle } from '../src/text';

describe('normalizeJobTitle', () => {
  it('maps synonyms to one canonical title', () => {
    expect(normalizeJobTitle('程序员')).toBe('软件工程师');
    expect(normalizeJobTitle('軟體工程師')).toBe('软件工程师');
    expect(normalizeJobTitle('Software Engineer')).toBe('软件工程师');
    expect(normalizeJobTitle('CEO')).toBe('首席执行官');
    expect(normalizeJobTitle('总经理')).toBe('首席执行官');
    expect(normalizeJobTitle('HR')).toBe('人力资源专员');
  });
  it('keeps seniority words', () => {
    expect(normalizeJobTitle('高级产品经理')).toBe('高级产品经理');
    expect(normalizeJobTitle('高级产品经理')).not.toBe(normalizeJobTitle('产品经理'));
  });
  it('matches a spaced Chinese title', () => {
    expect(normalizeJobTitle('产品 经理')).toBe('产品经理');
    expect(normalizeJobTitle('前端 开发')).toBe('前端工程师');
  });
  it('uses a custom synonym table', () => {
    const t = aliasTable([['攻城狮', '工程师']]);
    expect(normalizeJobTitle('攻城狮', t)).toBe('工程师');
    expect(normalizeJobTitle('程序员', t)).toBe('程序员');
    expect(normalizeJobTitle('')).toBe('');
  });
});
