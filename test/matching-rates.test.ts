import { describe, expect, it } from 'vitest';
import { compareTables, defaultComparisons, matchRates, pairProfiles, rateWithIntervals, type ProfileRow } from '../src/matching';

// Published values: Newcombe (1998) "Two-sided confidence intervals for the single
// proportion: comparison of seven methods", Stat Med 17:857-872, Table I:
// 81/263: Wilson (method 3) 0.2553-0.3662, Clopper-Pearson (method 5) 0.2527-0.3676;
// 15/148: Wilson 0.0624-0.1605, exact 0.0578-0.1617; 0/20: Wilson 0-0.1611, exact 0-0.1684;
// 1/29: Wilson 0.0061-0.1718, exact 0.0009-0.1776.
describe('rateWithIntervals against Newcombe (1998) Table I', () => {
  const cases: Array<[number, number, number, number, number, number]> = [
    [81, 263, 0.2553, 0.3662, 0.2527, 0.3676],
    [15, 148, 0.0624, 0.1605, 0.0578, 0.1617],
    [0, 20, 0, 0.1611, 0, 0.1684],
    [1, 29, 0.0061, 0.1718, 0.0009, 0.1776],
  ];
  for (const [k, n, wl, wh, cl, ch] of cases) {
    it(`${k}/${n}`, () => {
      const r = rateWithIntervals(k, n);
      expect(r.rate).toBeCloseTo(k / n, 12);
      expect(r.wilsonLow).toBeCloseTo(wl, 4);
      expect(r.wilsonHigh).toBeCloseTo(wh, 4);
      expect(r.clopperPearsonLow).toBeCloseTo(cl, 4);
      expect(r.clopperPearsonHigh).toBeCloseTo(ch, 4);
    });
  }
  it('gives NaN for an empty denominator', () => {
    expect(Number.isNaN(rateWithIntervals(0, 0).rate)).toBe(true);
  });
});

const row = (id: string, uploader: string, f: Partial<ProfileRow> = {}): ProfileRow => ({
  id, uploader, name: '张伟', avatar_hash: null, employer: '腾讯', title: '产品经理', school: null, tags: null, ...f,
});

describe('matchRates', () => {
  // U1: a (all agree), b (title differs); U2: c (all agree), d (shows nothing compared)
  const disp = [
    row('a', 'U1'), row('b', 'U1', { title: '律师' }), row('c', 'U2', { employer: '騰訊' }),
    row('d', 'U2', { name: null, employer: null, title: null }),
  ];
  const src = [row('a', ''), row('b', ''), row('c', ''), row('d', '')];
  const m = compareTables(pairProfiles(disp, src), defaultComparisons());
  const r = matchRates(m);
  it('counts per field with missing pairs left out', () => {
    const title = r.fields.find((f) => f.field === 'title')!;
    expect([title.same, title.different, title.missing, title.compared]).toEqual([2, 1, 1, 3]);
    expect(title.rate).toBeCloseTo(2 / 3, 12);
    const avatar = r.fields.find((f) => f.field === 'avatar')!;
    expect(avatar.compared).toBe(0);
    expect(Number.isNaN(avatar.rate)).toBe(true);
  });
  it('overall: all shown fields agree, profiles showing nothing left out', () => {
    expect(r.overall.k).toBe(2);
    expect(r.overall.n).toBe(3);
    expect(r.overall.nothingShown).toBe(1);
  });
  it('per uploader', () => {
    expect(r.byUploader.map((u) => [u.group, u.k, u.n])).toEqual([['U1', 1, 2], ['U2', 1, 1]]);
    expect(r.fieldsByUploader.filter((f) => f.uploader === 'U2' && f.field === 'employer')[0]!.same).toBe(1);
  });
});
