import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFacts, caseFigureRows, CASE_SOURCES, wangMiao, weiboMaimai, type CaseFact, type CaseSourceFile } from '../src/case';

/**
 * The Chinese source texts are committed in datasets/case/. Looked up, in order:
 * $PP_CASE_SOURCES, <repo>/datasets/case. Missing sources fail the test: the quotes must be checkable.
 */
const repo = resolve(__dirname, '..');
const candidates = [process.env.PP_CASE_SOURCES, join(repo, 'datasets', 'case')]
  .filter((d): d is string => !!d);
const sourceDir = candidates.find((d) => Object.keys(CASE_SOURCES).every((f) => existsSync(join(d, f))));
const sourceText = (file: CaseSourceFile): string => {
  if (!sourceDir) throw new Error(`case source texts not found; looked in: ${candidates.join(', ')}`);
  return readFileSync(join(sourceDir, file), 'utf8');
};

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const pad = (m: string) => m.padStart(2, '0');

/** Independent reader of a figure as written in Chinese text → the typed value. */
function parseChineseFigure(text: string): number | string | string[] {
  let m: RegExpMatchArray | null;
  if ((m = text.match(/^(\d{4})年(\d{1,2})月(\d{1,2})日$/))) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  if ((m = text.match(/^(\d{4})年(\d{1,2})、(\d{1,2})月$/))) return `${m[1]}-${pad(m[2])}/${m[1]}-${pad(m[3])}`;
  if ((m = text.match(/^(\d{4})年(\d{1,2})月$/))) return `${m[1]}-${pad(m[2])}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  if ((m = text.match(/^(\d+(?:\.\d+)?)%$/))) return Number(m[1]) / 100;
  if ((m = text.match(/^(\d+(?:\.\d+)?)万$/))) return Math.round(Number(m[1]) * 10_000);
  if ((m = text.match(/^(\d+)多$/))) return Number(m[1]);
  if (text === '百万') return 1_000_000;
  if (text in CN_DIGITS) return CN_DIGITS[text];
  if (/^\d+$/.test(text)) return Number(text);
  if (/[、和]/.test(text) && text.length < 40) return text.split(/、|和/);
  return text;
}

const groups: Array<[string, Record<string, CaseFact>]> = [['weiboMaimai', weiboMaimai], ['wangMiao', wangMiao]];
const everyFact = groups.flatMap(([g, facts]) => Object.entries(facts).map(([k, f]) => [`${g}.${k}`, f] as const));

describe('case facts (src/case) against the Chinese source texts', () => {
  it('finds the two source texts', () => {
    expect(sourceDir, `looked in ${candidates.join(', ')}`).toBeDefined();
  });

  it.each(everyFact)('%s: the quote occurs verbatim in its source file', (_name, fact) => {
    const text = sourceText(fact.source.file);
    expect(text.includes(fact.quote)).toBe(true);
  });

  it.each(everyFact)('%s: the quote contains the figure, and the figure as written reads as the value', (_name, fact) => {
    expect(fact.quote.includes(fact.inQuote)).toBe(true);
    const parsed = parseChineseFigure(fact.inQuote);
    expect(parsed).toEqual(Array.isArray(fact.value) ? [...fact.value] : fact.value);
  });

  it('carries the figures of FACTS.md', () => {
    expect(weiboMaimai.registeredUsersAug2014.value).toBe(800_000);
    expect(weiboMaimai.shareViaWeiboLogin.value).toBe(0.2);
    expect(weiboMaimai.usersLater.value).toBe(5_000_000);
    expect(weiboMaimai.usersLater.bound).toBe('lower');
    expect(weiboMaimai.nonUsersInCertificate704.value).toBe(300);
    expect(weiboMaimai.nonUsersInCertificate704.bound).toBe('lower');
    expect(weiboMaimai.uploadersInCertificate704.value).toBe(3);
    expect(weiboMaimai.peakMonthlyVisitsMaimaiAccount.value).toBe(16_000);
    expect(weiboMaimai.peakMonthlyVisitsTaoyouAccount.value).toBe(9_000);
    expect(weiboMaimai.usualMonthlyVisits.value).toBe(2_000);
    expect(weiboMaimai.cooperationEnded.value).toBe('2014-08');
    expect(weiboMaimai.deletionClaimedFinished.value).toBe('2015-02/2015-03');
    expect(weiboMaimai.damages.value).toBe(2_000_000);
    expect(weiboMaimai.costs.value).toBe(208_998);
    expect(weiboMaimai.firstInstanceCaseNumber.value).toContain('12602');
    expect(weiboMaimai.secondInstanceCaseNumber.value).toContain('588');
    expect(weiboMaimai.openApiScopes.value).toEqual(['头像', '名称', '标签']);
    expect(weiboMaimai.advancedApiScopes.value).toEqual(['职业信息', '教育信息']);
    expect(wangMiao.smsDate.value).toBe('2018-03-10');
    expect(wangMiao.recommendedContacts.value).toBe(119);
    expect(wangMiao.friendsWaiting.value).toBe(36);
    expect(wangMiao.uploadMandatoryUntil.value).toBe('2019-01');
    expect(wangMiao.smsText.value.startsWith('【脉脉职场】')).toBe(true);
  });

  it('the figure reader is not a tautology: it rejects a wrong value', () => {
    expect(parseChineseFigure('80万')).not.toEqual(8_000_000);
    expect(parseChineseFigure('2015年2、3月')).toBe('2015-02/2015-03');
    expect(parseChineseFigure('20.8998万')).toBe(208_998);
  });
});

describe('allFacts', () => {
  it('returns one row per fact, formatted for a table', () => {
    const rows = allFacts();
    expect(rows).toHaveLength(everyFact.length);
    const r = rows.find((x) => x.key === 'registeredUsersAug2014');
    expect(r).toMatchObject({ case: 'weiboMaimai', value: '800,000', inQuote: '80万', file: '000_875436f317887e1c.txt' });
    expect(rows.find((x) => x.key === 'shareViaWeiboLogin')?.value).toBe('20%');
    expect(rows.find((x) => x.key === 'certificateNumber')?.value).toBe('704');
    expect(rows.find((x) => x.key === 'openApiScopes')?.value).toBe('头像、名称、标签');
  });
  it('masks the plaintiff’s name by default and shows it only when asked', () => {
    const masked = allFacts().filter((r) => r.case === 'wangMiao');
    for (const r of masked) {
      expect(r.quote).not.toContain('王淼');
      expect(r.value).not.toContain('王淼');
    }
    expect(masked.find((r) => r.key === 'smsText')?.value).toContain('王*');
    expect(allFacts({ unmask: true }).find((r) => r.key === 'smsText')?.value).toContain('王淼');
  });
});

describe('caseFigureRows: the one builder of a report\'s case-figures table', () => {
  it('gives the value with its bound, the figure as written and the source file', () => {
    const rows = caseFigureRows([['non-users shown', weiboMaimai.nonUsersInCertificate704], ['registered users', weiboMaimai.registeredUsersAug2014]]);
    expect(rows[0]).toEqual({ figure: 'non-users shown', value: '300+ (lower bound)', 'as written': '300多', source: '000_875436f317887e1c.txt' });
    expect(rows[1]!.value).toBe('800,000');
    const sms = caseFigureRows([['sms', wangMiao.smsText]]);
    for (const name of wangMiao.smsText.personalNames ?? []) expect(JSON.stringify(sms)).not.toContain(name);
  });
});
