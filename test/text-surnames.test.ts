/**
 * One surname table (issue 12): every area takes its surnames from src/text/surnames.ts, and
 * the national chance-agreement figures are its cited ranks and the compound head counts.
 */
import { describe, expect, it } from 'vitest';
import { COMPOUND_SURNAMES, COMPOUND_SURNAME_HEADCOUNTS, SURNAMES_BY_RANK, SURNAME_ORIGIN } from '../src/text/surnames';
import { NATIONAL_SURNAME_SHARES, UNLISTED_SURNAME_SHARE, surnameOf, surnameShare } from '../src/text/nameFrequency';
import { SURNAMES as MATCHING_SURNAMES } from '../src/matching/vocab';
import { SURNAME_SHARES as LINKAGE_SURNAMES } from '../src/linkage/vocabulary';
import { SURNAMES as SHADOW_SURNAMES } from '../src/shadow/lexicon';
import { maskName } from '../src/report/mask';

describe('the surname table', () => {
  it('lists 100 distinct surnames, most common first, the top ten from the 2019 report', () => {
    expect(SURNAMES_BY_RANK).toHaveLength(100);
    expect(new Set(SURNAMES_BY_RANK.map(([s]) => s)).size).toBe(100);
    for (let i = 1; i < 100; i++) expect(SURNAMES_BY_RANK[i]![1]).toBeLessThanOrEqual(SURNAMES_BY_RANK[i - 1]![1]);
    expect(SURNAMES_BY_RANK.slice(0, 10).map(([s]) => s).join('')).toBe('王李张刘陈杨黄赵吴周');
    expect(SURNAME_ORIGIN(9)).toBe('report');
    expect(SURNAME_ORIGIN(10)).toBe('approximate');
  });
  it('gives chance agreement only from cited figures: the top ten and the compound head counts', () => {
    expect(Object.keys(NATIONAL_SURNAME_SHARES)).toHaveLength(10 + Object.keys(COMPOUND_SURNAME_HEADCOUNTS).length);
    expect(NATIONAL_SURNAME_SHARES['吴']).toBe(0.0205);
    expect(UNLISTED_SURNAME_SHARE).toBe(0.0194);
    expect(surnameShare('徐')).toBe(UNLISTED_SURNAME_SHARE); // rank 11: approximate, so the upper bound
    expect(surnameShare('欧阳')).toBeCloseTo(1_112_000 / 1_411_778_724, 12);
  });
  it('is the table every area uses', () => {
    expect(MATCHING_SURNAMES.slice(0, 100)).toEqual(SURNAMES_BY_RANK);
    expect(LINKAGE_SURNAMES).toBe(SURNAMES_BY_RANK);
    expect(SHADOW_SURNAMES).toEqual(SURNAMES_BY_RANK.map(([s]) => s));
    for (const c of COMPOUND_SURNAMES) {
      expect(maskName(`${c}明明`)).toBe(`${c}**`);
      expect(surnameOf(`${c}明明`)).toBe(c);
    }
  });
});
