/**
 * THE surname table of the project: the 100 most common surnames of mainland China in the
 * ranking order of the Ministry of Public Security's household-registration reports, with the
 * share of residents (percent) each is given. Every area that needs surnames takes them from
 * here: the chance that an unrelated person carries a name (`nameFrequency.ts`), the synthetic
 * generators (matching, linkage, shadow), name parsing (shadow's lexicon) and masking (compound
 * surnames kept whole).
 *
 * Where each figure comes from (origin per rank, `SURNAME_ORIGIN`):
 * - ranks 1-10 ('report'): 公安部户政管理研究中心《二〇一九年全国姓名报告》 (Household
 *   Administration Research Centre, 20 January 2020): 王 7.12%, 李 7.00%, 张 6.74%, 刘 5.10%,
 *   陈 4.61%, 杨 3.22%, 黄 2.45%, 赵 2.19%, 吴 2.05%, 周 1.94%; the 2020 report (8 February 2021)
 *   kept this order and gives the top five together as 30.8% (these sum to 30.57%);
 * - ranks 11-100 ('approximate'): the order of the commonly published top-100 list, shares a
 *   smooth continuation below 1.94%, rounded. They are NOT cited frequencies: a chance-agreement
 *   figure never uses them (`surnameShare` gives any surname below rank 10 the tenth's share, an
 *   upper bound); the generators use them only to give synthetic names a realistic skew.
 * Compound surnames: the 2020 report's head counts (`COMPOUND_SURNAME_HEADCOUNTS`), divided by
 * the Seventh National Census population where a share is needed.
 *
 * @example
 * SURNAMES_BY_RANK[0];            // ['王', 7.12]
 * SURNAME_ORIGIN(12);             // 'approximate'
 * COMPOUND_SURNAMES.includes('欧阳'); // true
 */

/** [surname, share of residents in percent], most common first (see the module comment). */
export const SURNAMES_BY_RANK: ReadonlyArray<readonly [string, number]> = [
  ['王', 7.12], ['李', 7.0], ['张', 6.74], ['刘', 5.1], ['陈', 4.61], ['杨', 3.22], ['黄', 2.45], ['赵', 2.19], ['吴', 2.05], ['周', 1.94],
  ['徐', 1.7], ['孙', 1.6], ['马', 1.5], ['朱', 1.4], ['胡', 1.35], ['郭', 1.3], ['何', 1.2], ['林', 1.15], ['罗', 1.1], ['高', 1.08],
  ['郑', 1.0], ['梁', 0.95], ['谢', 0.9], ['宋', 0.85], ['唐', 0.82], ['许', 0.8], ['韩', 0.78], ['冯', 0.75], ['邓', 0.73], ['曹', 0.7],
  ['彭', 0.68], ['曾', 0.66], ['肖', 0.64], ['田', 0.62], ['董', 0.6], ['袁', 0.58], ['潘', 0.56], ['于', 0.54], ['蒋', 0.52], ['蔡', 0.5],
  ['余', 0.49], ['杜', 0.48], ['叶', 0.47], ['程', 0.46], ['苏', 0.45], ['魏', 0.44], ['吕', 0.43], ['丁', 0.42], ['任', 0.41], ['沈', 0.4],
  ['姚', 0.39], ['卢', 0.38], ['姜', 0.37], ['崔', 0.36], ['钟', 0.35], ['谭', 0.34], ['陆', 0.33], ['汪', 0.32], ['范', 0.31], ['金', 0.3],
  ['石', 0.29], ['廖', 0.28], ['贾', 0.27], ['夏', 0.26], ['韦', 0.25], ['付', 0.25], ['方', 0.24], ['白', 0.24], ['邹', 0.23], ['孟', 0.23],
  ['熊', 0.22], ['秦', 0.22], ['邱', 0.21], ['江', 0.21], ['尹', 0.2], ['薛', 0.2], ['闫', 0.19], ['段', 0.19], ['雷', 0.18], ['侯', 0.18],
  ['龙', 0.17], ['史', 0.17], ['陶', 0.16], ['黎', 0.16], ['贺', 0.15], ['顾', 0.15], ['毛', 0.14], ['郝', 0.14], ['龚', 0.13], ['邵', 0.13],
  ['万', 0.12], ['钱', 0.12], ['严', 0.11], ['覃', 0.11], ['武', 0.11], ['戴', 0.1], ['莫', 0.1], ['孔', 0.1], ['向', 0.09], ['汤', 0.09],
];

/** Where the share at a 0-based rank comes from: the 2019 report (ranks 1-10) or a rounded continuation. */
export function SURNAME_ORIGIN(rank: number): 'report' | 'approximate' {
  return rank < 10 ? 'report' : 'approximate';
}

/** Mainland population, Seventh National Census (2020). */
export const CENSUS_2020_POPULATION = 1_411_778_724;

/** Head counts of compound surnames in the 2020 national name report. */
export const COMPOUND_SURNAME_HEADCOUNTS: Readonly<Record<string, number>> = {
  欧阳: 1_112_000, 上官: 88_000, 皇甫: 64_000, 令狐: 55_000, 诸葛: 48_000, 司徒: 47_000, 司马: 23_000,
  申屠: 19_000, 夏侯: 11_000, 贺兰: 10_000, 完颜: 6_000, 慕容: 5_000, 尉迟: 4_000, 长孙: 3_000,
};

/**
 * Two-character surnames recognised as such (kept whole when a name is masked, split off when a
 * name is parsed): those with a head count above, and other traditional compound surnames.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  ...Object.keys(COMPOUND_SURNAME_HEADCOUNTS),
  '东方', '公孙', '宇文', '轩辕', '端木', '独孤', '南宫', '西门', '闻人', '呼延', '澹台', '公冶', '太史',
];
