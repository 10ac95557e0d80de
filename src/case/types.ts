/** The two Chinese source texts the case figures are quoted from (see `shared/case/FACTS.md`). */
export type CaseSourceFile = '000_875436f317887e1c.txt' | '002_d52d02971f7b369b.txt';

/** File names of the source texts, with what each one is. */
export const CASE_SOURCES: Readonly<Record<CaseSourceFile, string>> = {
  '000_875436f317887e1c.txt':
    'Case write-up (2022 forum post) of Weibo (Beijing Weimeng) v. Maimai (Beijing Taoyou Tianxia), unfair competition; excerpts both judgments.',
  '002_d52d02971f7b369b.txt':
    'News report (2021-03-10, Beijing Youth Daily) of Wang Miao v. Taoyou Tianxia, privacy of a non-user, Haidian court.',
};

/** How the figure relates to the quantity it describes. */
export type FactBound = 'exact' | 'lower' | 'approximate';

/**
 * One figure from the case record: the value a notebook uses, and the Chinese sentence it
 * comes from so a reader can check it against the source text.
 */
export interface CaseFact<V extends number | string | readonly string[] = number | string | readonly string[]> {
  /** the figure, in base units (users, visits per month, yuan; proportions as 0..1; dates as ISO 'YYYY-MM[-DD]') */
  readonly value: V;
  /** unit of `value` */
  readonly unit: string;
  /** 'exact', 'lower' (the source says "more than", e.g. 300多 / 超过) or 'approximate' (约 / 左右) */
  readonly bound: FactBound;
  /** what the figure is, in English */
  readonly description: string;
  /** the sentence (or clause) of the source text, copied exactly */
  readonly quote: string;
  /** the figure exactly as it is written inside `quote`, e.g. '80万', '2014年8月', '三' */
  readonly inQuote: string;
  readonly source: {
    readonly file: CaseSourceFile;
    /** where in the text / how the figure is read */
    readonly note: string;
  };
  /** personal names that occur in `quote` (masked by `allFacts()` unless asked not to) */
  readonly personalNames?: readonly string[];
}
