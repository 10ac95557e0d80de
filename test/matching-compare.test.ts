import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io/errors';
import { compareTables, defaultComparisons, levelRows, pairProfiles, type ProfileRow } from '../src/matching';

const row = (id: string, f: Partial<ProfileRow> = {}): ProfileRow => ({
  id, uploader: 'U1', name: '张伟', avatar_hash: 'ffff0000ffff0000', employer: '腾讯', title: '产品经理', school: '北京大学', tags: '摄影,旅行', ...f,
});

function issues(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EvidenceError);
    return (e as Error).message;
  }
  throw new Error('expected an EvidenceError');
}

describe('pairProfiles', () => {
  it('pairs by id, keeping unpaired source rows for the baseline', () => {
    const p = pairProfiles([row('b'), row('a')], [row('a'), row('b'), row('c')]);
    expect(p.displayed.map((d) => d.id)).toEqual(['b', 'a']);
    expect(Array.from(p.sourceIndex)).toEqual([1, 0]);
    expect(p.source).toHaveLength(3);
  });
  it('rejects a missing column, naming it and the file', () => {
    const bad = [{ id: 'a', uploader: 'U1', name: 'x', avatar_hash: null, employer: null, title: null, school: null }] as unknown as ProfileRow[];
    const msg = issues(() => pairProfiles(bad, [row('a')], { displayedFile: 'shown.csv' }));
    expect(msg).toMatch(/shown\.csv/);
    expect(msg).toMatch(/missing column 'tags'/);
  });
  it('rejects duplicate ids with both lines', () => {
    const msg = issues(() => pairProfiles([row('a'), row('a')], [row('a')], { displayedFile: 'shown.csv' }));
    expect(msg).toMatch(/line 3/);
    expect(msg).toMatch(/duplicate id: same as line 2/);
    expect(issues(() => pairProfiles([row('a')], [row('a'), row('b'), row('a')], { sourceFile: 'weibo.csv' }))).toMatch(/weibo\.csv line 4/);
  });
  it('rejects unpaired displayed ids unless asked to drop them', () => {
    const msg = issues(() => pairProfiles([row('a'), row('zz')], [row('a')], { sourceFile: 'weibo.csv' }));
    expect(msg).toMatch(/"zz"/);
    expect(msg).toMatch(/no profile with this id in weibo\.csv/);
    const p = pairProfiles([row('a'), row('zz')], [row('a')], { unpaired: 'drop' });
    expect(p.unpaired).toEqual(['zz']);
    expect(p.displayed).toHaveLength(1);
  });
  it('rejects empty ids, bad hashes and hashes of different lengths', () => {
    expect(issues(() => pairProfiles([row('')], [row('a')]))).toMatch(/empty id/);
    expect(issues(() => pairProfiles([row('a', { avatar_hash: 'xyz' })], [row('a')]))).toMatch(/not a hexadecimal hash/);
    expect(issues(() => pairProfiles([row('a')], [row('a', { avatar_hash: 'ffff' })]))).toMatch(/same hash/);
    expect(issues(() => pairProfiles([], [row('a')]))).toMatch(/no rows/);
  });
});

describe('compareTables', () => {
  it('builds the per-pair level matrix and the shown-field bits', () => {
    const disp = [row('a'), row('b', { name: '張偉', tags: null, employer: '字节跳动' })];
    const src = [row('a'), row('b', { employer: '北京字节跳动科技有限公司' })];
    const cmps = defaultComparisons();
    const m = compareTables(pairProfiles(disp, src), cmps);
    expect(m.fields).toEqual(['avatar', 'name', 'employer', 'title', 'school', 'tags']);
    const lab = (i: number, f: string) => m.labels[m.fields.indexOf(f)]![m.levels[i * 6 + m.fields.indexOf(f)]!];
    expect(lab(0, 'name')).toBe('same');
    expect(lab(1, 'name')).toBe('same');
    expect(lab(1, 'employer')).toBe('basically the same');
    expect(lab(1, 'tags')).toBe('missing');
    expect(m.shown[0]).toBe(0b111111);
    expect(m.shown[1]).toBe(0b011111);
    const rows = levelRows(m, cmps);
    expect(rows[1]!.employer).toBe('basically the same 基本相同');
  });
  it('needs at least one comparison', () => {
    expect(() => compareTables(pairProfiles([row('a')], [row('a')]), [])).toThrow(RangeError);
  });
});
