import { describe, expect, it } from 'vitest';
import { aliasTable, defaultSchoolAliases, mergeAliasTables, normalizeSchool } from '../src/text';

describe('normalizeSchool', () => {
  it('resolves common abbreviations from the default table', () => {
    expect(normalizeSchool('北大')).toBe('北京大学');
    expect(normalizeSchool('清华')).toBe('清华大学');
    expect(normalizeSchool('人大')).toBe('中国人民大学');
    expect(normalizeSchool('复旦')).toBe('复旦大学');
    expect(normalizeSchool('中科大')).toBe('中国科学技术大学');
  });
  it('resolves English names and acronyms case-insensitively', () => {
    expect(normalizeSchool('Tsinghua University')).toBe('清华大学');
    expect(normalizeSchool('pku')).toBe('北京大学');
    expect(normalizeSchool('ＰＫＵ')).toBe('北京大学');
  });
  it('drops departments and bracketed qualifiers, converts traditional', () => {
    expect(normalizeSchool('北京大學光華管理學院')).toBe('北京大学');
    expect(normalizeSchool('清华大学（本科）')).toBe('清华大学');
    expect(normalizeSchool('复旦大学新闻学院')).toBe('复旦大学');
  });
  it('keeps ambiguous abbreviations ambiguous: all readings, never one', () => {
    expect(normalizeSchool('南大')).toBe('南京大学|南开大学');
    expect(defaultSchoolAliases().get('南大')).toBe('南京大学|南开大学');
  });
  it('uses a custom table, which can extend the default', () => {
    const own = aliasTable([['南大', '南京大学']]);
    expect(normalizeSchool('南大', own)).toBe('南京大学');
    expect(normalizeSchool('北大', own)).toBe('北大');
    expect(normalizeSchool('北大', mergeAliasTables(defaultSchoolAliases(), own))).toBe('北京大学');
  });
  it('returns empty for missing', () => {
    expect(normalizeSchool(undefined)).toBe('');
  });
});
