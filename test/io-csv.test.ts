import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTable, readTable } from '../src/io';
import { evidenceError, fixture, people } from './fixtures/io/helpers';

const parse = (text: string, fileName = 'mem.csv', options: Record<string, unknown> = {}) =>
  parseTable(Buffer.from(text, 'utf8'), people, { fileName, ...options });

describe('CSV structure errors (real malformed fixture files)', () => {
  it('truncated quote: names file and the line where the quote opened', async () => {
    const path = fixture('truncated-quote.csv');
    const err = await evidenceError(readTable(path, people));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ file: path, row: 3, rowKind: 'line' });
    expect(err.message).toContain('truncated-quote.csv line 3');
    expect(err.message).toMatch(/truncated quote/);
  });

  it('wrong delimiter: semicolon-separated file read as CSV says "wrong delimiter?" and names the file', async () => {
    const err = await evidenceError(readTable(fixture('semicolon.csv'), people));
    expect(err.message).toMatch(/wrong delimiter\?/);
    expect(err.message).toContain('semicolon.csv');
    expect(err.issues[0]).toMatchObject({ row: 1, value: 'id;name;age;city' });
  });

  it('the same file loads with options.delimiter', async () => {
    const t = await readTable(fixture('semicolon.csv'), people, { delimiter: ';' });
    expect(t.rows).toEqual([
      { id: 'u1', name: '张伟', age: 34, city: '北京' },
      { id: 'u2', name: '王芳', age: 28, city: '上海' },
    ]);
  });

  it('detects tab and pipe delimiters too', async () => {
    for (const d of ['\t', '|']) {
      const err = await evidenceError(parse(`id${d}name${d}age${d}city\nu1${d}a${d}1${d}b\n`));
      expect(err.message).toMatch(/wrong delimiter\?/);
    }
  });

  it('empty file', async () => {
    const err = await evidenceError(readTable(fixture('empty.csv'), people));
    expect(fs.statSync(fixture('empty.csv')).size).toBe(0);
    expect(err.message).toMatch(/empty\.csv: file is empty/);
  });

  it('whitespace-only file is empty too', async () => {
    const err = await evidenceError(parse('\n\n  \n'));
    expect(err.message).toMatch(/file is empty/);
  });

  it('header only', async () => {
    const err = await evidenceError(readTable(fixture('header-only.csv'), people));
    expect(err.message).toMatch(/header-only\.csv line 1: header only/);
  });

  it('ragged rows: too many and too few fields, each with its line', async () => {
    const err = await evidenceError(readTable(fixture('ragged.csv'), people));
    expect(err.issues.map((i) => i.row)).toEqual([3, 4]);
    expect(err.issues[0]!.message).toMatch(/5 fields but the header has 4/);
    expect(err.issues[0]!.value).toBe('u2,王芳,28,上海,多余');
    expect(err.issues[1]!.message).toMatch(/2 fields but the header has 4 \(missing 'age', 'city'\)/);
    expect(err.issues[1]!.column).toBe('age');
  });

  it('empty and duplicate header names', async () => {
    const err = await evidenceError(parse('id,name,age,city,\nu1,a,1,b,\n'));
    expect(err.message).toMatch(/header field 5 is empty/);
    const dup = await evidenceError(parse('id,name,age,city,name\nu1,a,1,b,c\n'));
    expect(dup.issues[0]).toMatchObject({ column: 'name', row: 1 });
    expect(dup.message).toMatch(/duplicate header name \(fields 2 and 5\)/);
  });
});

describe('CSV line numbers', () => {
  it('use file lines: a quoted field spanning two lines shifts the next record to line 4', async () => {
    const err = await evidenceError(readTable(fixture('multiline.csv'), people));
    expect(err.issues[0]).toMatchObject({ row: 4, column: 'age', value: 'abc' });
    expect(err.message).toContain('header is line 1 and the first data row line 2');
  });

  it('skip blank lines but keep counting them', async () => {
    const err = await evidenceError(parse('id,name,age,city\n\nu1,a,1,b\n\n\nu2,b,x,c\n'));
    expect(err.issues[0]).toMatchObject({ row: 6, column: 'age', value: 'x' });
  });

  it('count CRLF line endings the same way', async () => {
    const err = await evidenceError(parse('id,name,age,city\r\nu1,a,1,b\r\nu2,b,x,c\r\n'));
    expect(err.issues[0]!.row).toBe(3);
  });
});

describe('CSV parsing', () => {
  it('keeps quoted commas, quotes and newlines inside values', async () => {
    const t = await parse('id,name,age,city\nu1,"Wang, ""Fang""",28,"line1\nline2"\n');
    expect(t.rows[0]).toEqual({ id: 'u1', name: 'Wang, "Fang"', age: 28, city: 'line1\nline2' });
  });

  it('reads .tsv with tabs', async () => {
    const t = await parse('id\tname\tage\tcity\nu1\t张伟\t34\t北京\n', 'mem.tsv');
    expect(t.provenance.format).toBe('tsv');
    expect(t.rows).toEqual([{ id: 'u1', name: '张伟', age: 34, city: '北京' }]);
  });

  it('trims spaces around header names but keeps string values exactly', async () => {
    const t = await parse(' id , name ,age,city\nu1, 张伟 ,34,北京\n');
    expect(t.rows[0]).toEqual({ id: 'u1', name: ' 张伟 ', age: 34, city: '北京' });
  });

  it('loads the valid fixture completely', async () => {
    const t = await readTable(fixture('people.csv'), people);
    expect(t.rows).toHaveLength(6);
    expect(t.rows[2]).toEqual({ id: 'u3', name: '李娜', age: null, city: '广州' });
  });
});
