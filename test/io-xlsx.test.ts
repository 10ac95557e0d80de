import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetter, parseTable, readTable, type TableSchema } from '../src/io';
import { evidenceError, fixture, people } from './fixtures/io/helpers';

const withRegistered = {
  name: 'people+date',
  columns: [...people.columns, { name: 'registered', type: 'date' }],
} as const satisfies TableSchema;

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('s'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('XLSX (exceljs)', () => {
  it('reads the first sheet of the committed workbook, dates as YYYY-MM-DD', async () => {
    const t = await readTable(fixture('people.xlsx'), withRegistered);
    expect(t.rows).toEqual([
      { id: 'u1', name: '张伟', age: 34, city: '北京', registered: '2014-08-01' },
      { id: 'u2', name: '王芳', age: 28, city: '上海', registered: '2013-12-31' },
      { id: 'u3', name: '李娜', age: null, city: '广州', registered: '2012-02-29' },
    ]);
    expect(t.provenance).toMatchObject({ format: 'xlsx', sheet: 'profiles', encoding: 'n/a (xlsx)', rows: 3 });
  });

  it('reads a named sheet and reports sheet row numbers', async () => {
    const err = await evidenceError(readTable(fixture('people.xlsx'), people, { sheet: 'bad' }));
    expect(err.issues[0]).toMatchObject({ row: 3, rowKind: 'row', column: 'age', value: 999 });
    expect(err.message).toMatch(/people\.xlsx row 3, column 'age', value 999: above the maximum 150/);
  });

  it('lists the sheets when the named one is missing', async () => {
    const err = await evidenceError(readTable(fixture('people.xlsx'), people, { sheet: 'nope' }));
    expect(err.message).toMatch(/no sheet named 'nope'; sheets: 'profiles', '说明', 'bad'/);
  });

  it('reports Excel error values, formulas without results and cells beyond the header', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['id', 'name', 'age', 'city']);
      ws.addRow(['u1', 'a', { error: '#N/A' }, 'c']);
      ws.addRow(['u2', 'b', { formula: 'A1+1' }, 'c']);
      ws.addRow(['u3', 'b', 3, 'c', 'stray']);
      ws.addRow(['u4', { richText: [{ text: '张' }, { text: '伟' }] }, { formula: '1+1', result: 2 }, 'c']);
    });
    const err = await evidenceError(parseTable(bytes, people, { fileName: 'w.xlsx' }));
    const messages = err.issues.map((i) => `${i.row} ${i.column ?? ''} ${i.message}`);
    expect(messages[0]).toBe('2 age cell C2: Excel error value #N/A');
    expect(messages[1]).toMatch(/^3 age cell C3: formula without a cached result/);
    expect(messages[2]).toBe('4  value in cell E4, beyond the last header column D');
    expect(messages).toHaveLength(3);
    expect(err.issues.some((i) => i.row === 5)).toBe(false); // rich text and a cached formula result are fine
  });

  it('date-time cells are China Standard Time wall-clock unless another zone is stated', async () => {
    const schema = { name: 't', columns: [{ name: 'at', type: 'datetime' }] } as const satisfies TableSchema;
    const bytes = await workbook((ws) => {
      ws.addRow(['at']);
      ws.addRow([new Date(Date.UTC(2014, 7, 1, 10, 30, 0))]);
    });
    const t = await parseTable(bytes, schema, { fileName: 't.xlsx' });
    expect(t.rows).toEqual([{ at: '2014-08-01T10:30:00+08:00' }]);
    const utc = await parseTable(bytes, schema, { fileName: 't.xlsx', xlsxUtcOffset: '+00:00' });
    expect(utc.rows).toEqual([{ at: '2014-08-01T10:30:00+00:00' }]);
  });

  it('refuses bytes that are not a workbook, and header-only sheets', async () => {
    const err = await evidenceError(parseTable(Buffer.from('id,name\n'), people, { fileName: 'fake.xlsx' }));
    expect(err.message).toMatch(/fake\.xlsx: not a readable \.xlsx workbook/);
    const headerOnly = await workbook((ws) => ws.addRow(['id', 'name', 'age', 'city']));
    expect((await evidenceError(parseTable(headerOnly, people, { fileName: 'h.xlsx' }))).message).toMatch(/header only/);
  });

  it('columnLetter follows Excel', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
