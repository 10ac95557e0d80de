import { describe, expect, it } from 'vitest';
import { formatCell, formatNumber, formatPercent, formatRange, renderReport, shortHash, tableHtml, tidyNumbersInText } from '../src/report';
import { nullStatisticRows } from '../src/matching/report';
import type { PermutationNull } from '../src/matching/null';

describe('one number formatter', () => {
  it('prints floating-point artefacts at 4 significant digits, integers with separators', () => {
    expect(formatNumber(20.024999999999977)).toBe('20.02');
    expect(formatNumber(7)).toBe('7');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1234.5678)).toBe('1,235');
    expect(formatNumber(0.000012346)).toBe('1.235e-5');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatRange(7, 20.024999999999977)).toBe('7 – 20.02');
    expect(formatPercent(0.9234)).toBe('92.3%');
    expect(formatCell(20.024999999999977)).toBe(formatNumber(20.024999999999977));
  });

  it('tidies artefacts inside prose, leaving versions, ids and short decimals alone', () => {
    expect(tidyNumbersInText('null 2.5%–97.5%: 7 – 20.024999999999977')).toBe('null 2.5%–97.5%: 7 – 20.02');
    expect(tidyNumbersInText('tslab 1.0.22, seed 20141231, p 0.0312, rate 0.30000000000000004')).toBe('tslab 1.0.22, seed 20141231, p 0.0312, rate 0.3');
    expect(tidyNumbersInText('id wb1.00000001x')).toBe('id wb1.00000001x');
  });

  it("the match report's coincidence table prints the null quantiles through it", () => {
    const n = { permutations: 999, statistics: [{ name: 'profiles agreeing on all shown fields', observed: 250, expected: 12.3456789, q025: 7, q975: 20.024999999999977, pValue: 0.001 }] } as unknown as PermutationNull;
    expect(nullStatisticRows(n)[0]!['null 2.5% – 97.5%']).toBe('7 – 20.02');
  });
});

describe('reports fit the page', () => {
  const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

  it('a hash cell is short on screen, full on hover (title) and in print; the text form keeps it whole', () => {
    const { html, text } = tableHtml([{ file: 'a.csv', sha256: sha }]);
    expect(html).toContain(`title="${sha}"`);
    expect(html).toContain(`<span class="pp-hash-short">${shortHash(sha)}</span>`);
    expect(shortHash(sha)).toBe('e3b0c44298fc…b855');
    expect(html).toContain(`<span class="pp-hash-full">${sha}</span>`);
    expect(html).toMatch(/@media print\{[^<]*\.pp-hash-full\{display:inline;word-break:break-all\}/);
    expect(html).toContain('<div class="pp-table-wrap">');
    expect(text).toContain(sha);
  });

  it('the report style wraps code and prose, and prints on A4 without the screen width limit', () => {
    const html = renderReport({
      title: { en: 't', zh: 't' }, question: 'q 0.30000000000000004?', provenance: [{ path: 'a.csv', fileName: 'a.csv', bytes: 1, sha256: sha, rows: 1 }],
      sections: [{ heading: { en: 'r', zh: 'r' }, blocks: [{ kind: 'paragraph', text: 'median 20.024999999999977' }] }], limitations: [], runInfo: {},
    });
    expect(html).toContain('pre{white-space:pre-wrap;overflow-wrap:anywhere');
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('<p>median 20.02</p>');
    expect(html).toContain('q 0.3?');
    expect(html).toContain(`title="${sha}"`);
  });
});
