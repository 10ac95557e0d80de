import { maskName } from '../report/mask';
import type { CaseFact, CaseSourceFile, FactBound } from './types';
import { wangMiao } from './wangMiao';
import { weiboMaimai } from './weiboMaimai';

/** One row of the case-facts table a report prints. */
export interface CaseFactRow {
  /** 'weiboMaimai' or 'wangMiao' */
  case: 'weiboMaimai' | 'wangMiao';
  /** property name, e.g. 'registeredUsersAug2014' (use as `pp.caseFacts.<case>.<key>`) */
  key: string;
  /** the value for display: numbers with thousands separators, proportions as %, lists joined with '、' */
  value: string;
  unit: string;
  bound: FactBound;
  description: string;
  /** the figure as written in the quote */
  inQuote: string;
  /** the quoted Chinese sentence (personal names masked unless `unmask`) */
  quote: string;
  file: CaseSourceFile;
  note: string;
}

/**
 * Every case figure as a flat row, for a report table (`pp.report.showTable(pp.caseFacts.allFacts())`).
 *
 * Personal names listed in a fact's `personalNames` are masked in `quote`, `value` and
 * `inQuote` with `maskName` (王淼 → 王*) unless `{ unmask: true }` is passed — reports mask
 * personal data by default even when, as here, the name appears in a published text.
 *
 * @param options `unmask`: show names as in the source (default false)
 * @example
 * const rows = allFacts();
 * rows.find((r) => r.key === 'registeredUsersAug2014')?.value; // => '800,000'
 */
export function allFacts(options: { unmask?: boolean } = {}): CaseFactRow[] {
  const rows: CaseFactRow[] = [];
  const groups: Array<['weiboMaimai' | 'wangMiao', Record<string, CaseFact>]> = [
    ['weiboMaimai', weiboMaimai],
    ['wangMiao', wangMiao],
  ];
  for (const [caseName, facts] of groups) {
    for (const [key, fact] of Object.entries(facts)) {
      const mask = (text: string): string => maskFactNames(fact, text, options);
      rows.push({
        case: caseName,
        key,
        value: mask(formatValue(fact)),
        unit: fact.unit,
        bound: fact.bound,
        description: fact.description,
        inQuote: mask(fact.inQuote),
        quote: mask(fact.quote),
        file: fact.source.file,
        note: fact.source.note,
      });
    }
  }
  return rows;
}

/** One row of a report's table of the case figures it uses. */
export type CaseFigureRow = {
  figure: string;
  /** the value as used, with its bound ('300+ (lower bound)', '约… (approximate)') */
  value: string;
  /** the figure exactly as written in the source sentence */
  'as written': string;
  /** which source text (file) the sentence is in */
  source: string;
};

/**
 * The case figures a report relies on, one row each, labelled as the report names them: the
 * value with its bound, the figure as written in the source, and the source file. The one
 * builder of every notebook's and command's "case figures" table.
 *
 * @example
 * caseFigureRows([['non-users shown', weiboMaimai.nonUsersInCertificate704]]);
 * // => [{ figure: 'non-users shown', value: '300+ (lower bound)', 'as written': '300多', source: '000_875436f317887e1c.txt' }]
 */
export function caseFigureRows(entries: ReadonlyArray<readonly [string, CaseFact]>, options: { unmask?: boolean } = {}): CaseFigureRow[] {
  return entries.map(([figure, fact]) => {
    const value = maskFactNames(fact, formatValue(fact), options);
    const bound = fact.bound === 'lower' ? '+ (lower bound)' : fact.bound === 'approximate' ? ' (approximate)' : '';
    return { figure, value: value + bound, 'as written': maskFactNames(fact, fact.inQuote, options), source: fact.source.file };
  });
}

/**
 * The "case figures" table block of a report (id 'caseFigures'), rows by `caseFigureRows`.
 *
 * @example
 * caseFiguresBlock([['non-users shown', weiboMaimai.nonUsersInCertificate704]]).rows[0].value; // => '300+ (lower bound)'
 */
export function caseFiguresBlock(
  entries: ReadonlyArray<readonly [string, CaseFact]>,
  options: { caption?: string; unmask?: boolean } = {},
): { id: 'caseFigures'; kind: 'table'; rows: CaseFigureRow[]; options: { caption: string } } {
  return {
    id: 'caseFigures', kind: 'table', rows: caseFigureRows(entries, options),
    options: { caption: options.caption ?? 'Case figures (src/case: each value, its bound, the words it is quoted from and the source text)' },
  };
}

function maskFactNames(fact: CaseFact, text: string, options: { unmask?: boolean }): string {
  if (options.unmask || !fact.personalNames) return text;
  let out = text;
  for (const name of fact.personalNames) out = out.split(name).join(maskName(name));
  return out;
}

function formatValue(fact: CaseFact): string {
  const v = fact.value;
  if (typeof v === 'number') {
    if (fact.unit.startsWith('proportion')) return `${Number((v * 100).toPrecision(6))}%`;
    if (fact.unit.includes('number')) return String(v);
    return v.toLocaleString('en-US');
  }
  if (typeof v === 'string') return v;
  return v.join('、');
}
