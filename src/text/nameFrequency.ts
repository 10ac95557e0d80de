/**
 * National surname frequencies for the chance that an unrelated person carries the same name.
 *
 * Source: 公安部户政管理研究中心《二〇二〇年全国姓名报告》 (Household Administration Research
 * Centre of the Ministry of Public Security, 2020 national name report, published 8 February
 * 2021, as reported by the press; the centre's own release is not stored here), and its 2019
 * predecessor《二〇一九年全国姓名报告》 (20 January 2020). What is citable is PARTIAL:
 * - 2020: the ranking of the ten most common surnames (王 李 张 刘 陈 杨 黄 赵 吴 周, unchanged
 *   from 2019), the combined share of the top five (30.8% of registered residents), and the
 *   head counts of compound surnames (欧阳 1,112,000; 上官 88,000; 皇甫 64,000; 令狐 55,000;
 *   诸葛 48,000; 司徒 47,000; 司马 23,000; 申屠 19,000; 夏侯 11,000; 贺兰 10,000; 完颜 6,000;
 *   慕容 5,000; 尉迟 4,000; 长孙 3,000);
 * - the per-surname shares of the top ten are the 2019 figures of the project's one surname
 *   table, `src/text/surnames.ts` (王 7.12% ... 周 1.94%); their top five sum to 30.57%,
 *   consistent with the 2020 report's 30.8%.
 * The reports publish no frequency for given names or for most surnames: a surname outside the
 * table is given the share of the tenth (1.94%), an UPPER bound (every surname below rank 10 is
 * rarer), so the chance of a coincidental name is overstated, never understated. Compound
 * surname shares divide the head counts by 1,411,778,724 (mainland population, Seventh National
 * Census 2020).
 *
 * @example
 * surnameOf('欧阳娜娜');          // '欧阳'
 * surnameShare('王');             // 0.0712
 * surnameShare('单');             // 0.0194 (not in the table: the upper bound)
 */
import { CENSUS_2020_POPULATION, COMPOUND_SURNAMES, COMPOUND_SURNAME_HEADCOUNTS, SURNAMES_BY_RANK, SURNAME_ORIGIN } from './surnames';

/** Surname -> share of registered residents: the cited ranks of `SURNAMES_BY_RANK` and the compound head counts. */
export const NATIONAL_SURNAME_SHARES: Readonly<Record<string, number>> = Object.freeze({
  ...Object.fromEntries(SURNAMES_BY_RANK.filter((_, rank) => SURNAME_ORIGIN(rank) === 'report').map(([s, percent]) => [s, Number((percent / 100).toPrecision(12))])),
  ...Object.fromEntries(Object.entries(COMPOUND_SURNAME_HEADCOUNTS).map(([s, n]) => [s, n / CENSUS_2020_POPULATION])),
});

/** Share given to a surname outside the table: the tenth surname's share (an upper bound). */
export const UNLISTED_SURNAME_SHARE = NATIONAL_SURNAME_SHARES[SURNAMES_BY_RANK[9]![0]]!;

/** Where the figures come from, for a report's reference list. */
export const NATIONAL_NAME_REPORT =
  '公安部户政管理研究中心《二〇二〇年全国姓名报告》(2021) and《二〇一九年全国姓名报告》(2020): top-10 surname shares (2019 figures), compound-surname head counts (2020); partial figures only';

/** The surname of a simplified-Chinese name: a listed compound surname, else the first character. */
export function surnameOf(name: string): string {
  for (const c of COMPOUND_SURNAMES) if (name.startsWith(c) && [...name].length > 2) return c;
  return [...name][0] ?? '';
}

/** National share of the name's surname (upper bound `UNLISTED_SURNAME_SHARE` when not listed). */
export function surnameShare(surname: string): number {
  return NATIONAL_SURNAME_SHARES[surname] ?? UNLISTED_SURNAME_SHARE;
}
