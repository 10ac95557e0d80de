import { describe, expect, it } from 'vitest';
import { formatCell, tableHtml, toRows } from '../src/report/table';
import { syntheticNoticeHtml } from '../src/report/notices';
import { provenanceManifest } from '../src/io/provenance';

describe('tableHtml', () => {
  it('renders every row up to maxRows and says how many were left out', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ id: i, rate: i / 7 }));
    const { html, text } = tableHtml(rows, { caption: 'Rates', maxRows: 10 });
    expect(html.match(/<tr>/g)).toHaveLength(11); // header + 10 rows
    expect(html).toContain('first 10 of 12 rows');
    expect(text.split('\n')[1]).toBe('id\trate');
  });
  it('escapes HTML in cells', () => {
    expect(tableHtml([{ name: '<img src=x onerror=alert(1)>' }]).html).toContain('&lt;img');
  });
  it('accepts columns of typed arrays and DataFrame-like objects', () => {
    expect(toRows({ a: new Int32Array([1, 2]), b: ['x', 'y'] })).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
    expect(toRows({ columns: ['a'], values: [[1], [2]] })).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => toRows(42)).toThrow(/array of records/);
  });
});

describe('formatCell', () => {
  it('formats numbers with fixed significant digits', () => {
    expect(formatCell(0.123456)).toBe('0.1235');
    expect(formatCell(1234567)).toBe('1,234,567');
    expect(formatCell(1e-7)).toBe('1.000e-7');
    expect(formatCell(Infinity)).toBe('∞');
    expect(formatCell(null)).toBe('');
  });
});

describe('syntheticNoticeHtml', () => {
  it('labels the data as synthetic with generator and seed', () => {
    const h = syntheticNoticeHtml({ dataset: 'datasets/x', generator: 'src/x.ts gen', seed: 7 });
    expect(h).toContain('SYNTHETIC DATA');
    expect(h).toContain('seed <code>7</code>');
  });
});

describe('provenanceManifest (the one manifest builder)', () => {
  const entry = { fileName: 'a.csv', path: 'x/a.csv', bytes: 10, rows: 2, columns: ['id', 'name'], sha256: 'ab', loadedAt: '2026-01-01T00:00:00Z', encoding: 'utf-8', format: 'csv' };
  it('leaves the wall-clock load time out by default, so reports are reproducible', () => {
    const [row] = provenanceManifest([entry]);
    expect(row).not.toHaveProperty('loaded at');
    expect(row).toMatchObject({ file: 'a.csv', sha256: 'ab', columns: 2 });
  });
  it('shows it when asked', () => {
    const [row] = provenanceManifest([entry], { withLoadTime: true });
    expect(row!['loaded at']).toBe('2026-01-01T00:00:00Z');
  });
});
