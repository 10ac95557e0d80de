import { describe, expect, it } from 'vitest';
import { samePictureMaxBits } from '../src/avatars/rule';
import {
  avatarComparison, compareField, contains, defaultComparisons, describeComparison, editSimilarityAtLeast, employerComparison,
  gradeOf, nameComparison, prepareProfile, schoolComparison, tagsComparison, thresholdsForStrictness, titleComparison,
  type ProfileRow,
} from '../src/matching';
import { codePoints } from '../src/text';

const blank: ProfileRow = { id: 'x', name: null, avatar_hash: null, employer: null, title: null, school: null, tags: null };
const p = (fields: Partial<ProfileRow>) => prepareProfile({ ...blank, ...fields }, 0);
const grade = (cmp: ReturnType<typeof nameComparison> | ReturnType<typeof avatarComparison> | ReturnType<typeof tagsComparison>, a: Partial<ProfileRow>, b: Partial<ProfileRow>) =>
  gradeOf(cmp.levels[compareField(cmp as never, p(a), p(b))]!);

describe('name comparison', () => {
  const c = nameComparison(0.8);
  it('same after traditional->simplified and width folding', () => {
    expect(grade(c, { name: '張偉' }, { name: '张伟' })).toBe('same');
    expect(grade(c, { name: 'Ｌｉｎａ' }, { name: 'lina' })).toBe('same');
  });
  it('basically the same for homophones, surname readings and containment', () => {
    expect(grade(c, { name: '张伟' }, { name: '张玮' })).toBe('basically');
    expect(grade(c, { name: '单伟' }, { name: '善伟' })).toBe('basically');
    expect(grade(c, { name: '张伟Wei' }, { name: '张伟' })).toBe('basically');
  });
  it('different for a swapped order and unrelated names', () => {
    expect(grade(c, { name: '李娜' }, { name: '娜李' })).toBe('different');
    expect(grade(c, { name: '王芳' }, { name: '刘洋' })).toBe('different');
  });
  it('missing when either side is empty', () => {
    expect(grade(c, { name: '' }, { name: '张伟' })).toBe('missing');
  });
  it('homophones drop out when the threshold rises above 0.9', () => {
    expect(grade(nameComparison(0.95), { name: '张伟' }, { name: '张玮' })).toBe('different');
  });
});

describe('avatar comparison', () => {
  const c = avatarComparison(6);
  it('grades by Hamming distance of the hex hashes', () => {
    expect(grade(c, { avatar_hash: 'ffff0000ffff0000' }, { avatar_hash: 'FFFF0000FFFF0000' })).toBe('same');
    expect(grade(c, { avatar_hash: 'ffff0000ffff0000' }, { avatar_hash: 'ffff0000ffff003f' })).toBe('basically'); // 6 bits
    expect(grade(c, { avatar_hash: 'ffff0000ffff0000' }, { avatar_hash: 'ffff0000ffff007f' })).toBe('different'); // 7 bits
    expect(grade(c, { avatar_hash: null }, { avatar_hash: 'ffff0000ffff0000' })).toBe('missing');
  });
  it('treats a declared default avatar as missing', () => {
    const a = prepareProfile({ ...blank, avatar_hash: 'c3c3c3c3e7e7ffff' }, 0, { defaultAvatarHashes: ['C3C3C3C3E7E7FFFF'] });
    expect(a.avatar).toBeNull();
  });
  it('rejects a negative or fractional threshold', () => {
    expect(() => avatarComparison(-1)).toThrow(RangeError);
    expect(() => avatarComparison(1.5)).toThrow(RangeError);
  });
});

describe('employer, title and school comparisons', () => {
  it('employer: registered name vs everyday name', () => {
    const c = employerComparison(0.8);
    expect(gradeOf(c.levels[compareField(c, p({ employer: '北京字节跳动科技有限公司' }), p({ employer: '字节跳动' }))]!)).toBe('basically');
    expect(gradeOf(c.levels[compareField(c, p({ employer: '腾讯' }), p({ employer: '騰訊' }))]!)).toBe('same');
    expect(gradeOf(c.levels[compareField(c, p({ employer: '腾讯' }), p({ employer: '阿里巴巴' }))]!)).toBe('different');
  });
  it('title: synonyms and seniority containment', () => {
    const c = titleComparison(0.8);
    expect(gradeOf(c.levels[compareField(c, p({ title: '程序员' }), p({ title: '软件工程师' }))]!)).toBe('basically');
    expect(gradeOf(c.levels[compareField(c, p({ title: '高级产品经理' }), p({ title: '产品经理' }))]!)).toBe('basically');
    expect(gradeOf(c.levels[compareField(c, p({ title: '律师' }), p({ title: '记者' }))]!)).toBe('different');
  });
  it('school: abbreviations and departments', () => {
    const c = schoolComparison(0.8);
    expect(gradeOf(c.levels[compareField(c, p({ school: '北大' }), p({ school: '北京大学' }))]!)).toBe('basically');
    expect(gradeOf(c.levels[compareField(c, p({ school: '清华大学' }), p({ school: '北京大学' }))]!)).toBe('different');
    expect(gradeOf(c.levels[compareField(c, p({ school: null }), p({ school: '北京大学' }))]!)).toBe('missing');
  });
});

describe('tags comparison', () => {
  const c = tagsComparison(0.8);
  it('same set in another order and form is same', () => {
    expect(grade(c, { tags: '摄影,旅行' }, { tags: '旅行、攝影' })).toBe('same');
  });
  it('a truncated display of the source tags is basically the same', () => {
    expect(grade(c, { tags: '摄影,旅行' }, { tags: '摄影,旅行,美食,读书' })).toBe('basically');
  });
  it('one shared popular tag of many is different', () => {
    expect(grade(c, { tags: '摄影,猫,读书' }, { tags: '摄影,足球,游戏' })).toBe('different');
  });
});

describe('helpers and declarations', () => {
  it('contains needs at least two characters', () => {
    expect(contains('字节跳动', '字节')).toBe(true);
    expect(contains('字节跳动', '字')).toBe(false);
  });
  it('editSimilarityAtLeast agrees with the definition', () => {
    expect(editSimilarityAtLeast(codePoints('北京大学'), codePoints('北京大字'), 0.75)).toBe(true);
    expect(editSimilarityAtLeast(codePoints('北京大学'), codePoints('北京大字'), 0.76)).toBe(false);
    expect(editSimilarityAtLeast(codePoints('北京'), codePoints('北京大学'), 0.6)).toBe(false);
  });
  it('derives thresholds from one strictness number', () => {
    // the avatar threshold at the default strictness is the avatars' measured same-picture rule
    expect(thresholdsForStrictness(0.8)).toEqual({ avatarMaxBits: samePictureMaxBits(), name: 0.8, employer: 0.8, title: 0.8, school: 0.8, tags: 0.8 });
    expect(thresholdsForStrictness(1).avatarMaxBits).toBe(0);
    expect(thresholdsForStrictness(0.9, 64, 12).avatarMaxBits).toBe(6);
    expect(thresholdsForStrictness(0, 64, 12).avatarMaxBits).toBe(32);
    expect(() => thresholdsForStrictness(1.2)).toThrow(RangeError);
  });
  it('the default set covers the certificate-704 fields and prints its thresholds', () => {
    const cmps = defaultComparisons({ name: 0.7 });
    expect(cmps.map((c) => c.name)).toEqual(['avatar', 'name', 'employer', 'title', 'school', 'tags']);
    const rows = cmps.flatMap((c) => describeComparison(c));
    expect(rows.filter((r) => r.label === 'basically the same')).toHaveLength(6);
    expect(rows.find((r) => r.field === 'name' && r.label === 'basically the same')!.definition).toMatch(/0\.7/);
    expect(rows.every((r) => r.labelZh !== '')).toBe(true);
    for (const c of cmps) expect(gradeOf(c.levels[c.levels.length - 1]!)).toBe('different');
  });
  it('gradeOf falls back to labels for hand-written levels', () => {
    expect(gradeOf({ label: 'basically the same (pinyin)', description: '', predicate: () => true })).toBe('basically');
    expect(gradeOf({ label: 'x', isNull: true, description: '', predicate: () => true })).toBe('missing');
  });
});
