import { describe, expect, expectTypeOf, it } from 'vitest';
import { MAX_ISSUES, parseTable, readTable, type RowOf, type TableSchema } from '../src/io';
import { evidenceError, fixture, people } from './fixtures/io/helpers';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('schema validation on real fixture files', () => {
  it('duplicate ids: names the column, the value and both rows', async () => {
    const path = fixture('duplicate-ids.csv');
    const err = await evidenceError(readTable(path, people));
    expect(err.issues).toEqual([
      {
        file: path,
        row: 5,
        rowKind: 'line',
        column: 'id',
        value: 'u2',
        message: "duplicate value in unique column 'id': same as line 3",
      },
    ]);
    expect(err.message).toContain(`${path} line 5, column 'id', value "u2": duplicate value`);
  });

  it('missing column: names it and lists the columns found', async () => {
    const err = await evidenceError(readTable(fixture('missing-column.csv'), people));
    expect(err.issues[0]).toMatchObject({ column: 'age' });
    expect(err.message).toContain("missing column 'age' (schema 'people'); columns found: 'id', 'name', 'city'");
  });

  it('absurd value: age 999 over max 150, with file, line, column and value', async () => {
    const err = await evidenceError(readTable(fixture('absurd-age.csv'), people));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ row: 3, column: 'age', value: '999' });
    expect(err.message).toMatch(/absurd-age\.csv line 3, column 'age', value "999": above the maximum 150/);
  });
});

describe('validateTable rules', () => {
  const schema = {
    name: 'rules',
    columns: [
      { name: 'id', type: 'string', unique: true, pattern: /^u\d+$/g },
      { name: 'gender', type: 'string', oneOf: ['男', '女'] },
      { name: 'score', type: 'number', min: 0, max: 1 },
      { name: 'day', type: 'date', min: '2009-08-14', nullable: true },
      { name: 'note', type: 'string', required: false, nullable: true },
    ],
  } as const satisfies TableSchema;

  it('collects every problem with its line and column, and returns nothing', async () => {
    const text = [
      'id,gender,score,day',
      'u1,男,0.5,2014-08-01',
      'x2,女,0.5,2014-08-01', // pattern
      'u3,M,0.5,2014-08-01', // oneOf
      'u4,女,1.5,2014-08-01', // max
      'u5,女,0.5,2009-01-01', // min on a date
      'u6,,0.5,', // empty non-nullable gender; empty nullable day is fine
      'u7,男,abc,2014-08-01', // type
    ].join('\n');
    const err = await evidenceError(parseTable(csv(text), schema, { fileName: 'r.csv' }));
    expect(err.issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'id'],
      [4, 'gender'],
      [5, 'score'],
      [6, 'day'],
      [7, 'gender'],
      [8, 'score'],
    ]);
    expect(err.issues[1]!.message).toMatch(/not one of the allowed values "男", "女"/);
    expect(err.issues[3]!.message).toMatch(/below the minimum 2009-08-14/);
    expect(err.issues[4]!.message).toMatch(/empty cell/);
    expect(err.message.split('\n')[0]).toBe(
      '6 problems in r.csv (line = file line number, as a text editor shows it; in CSV/TSV the header is line 1 and the first data row line 2):',
    );
  });

  it('a global-flag pattern does not alternate between rows (lastIndex)', async () => {
    const text = 'id,gender,score,day\nu1,男,0,\nu2,男,0,\nu3,男,0,\n';
    const t = await parseTable(csv(text), schema, { fileName: 'r.csv' });
    expect(t.rows.map((r) => r.id)).toEqual(['u1', 'u2', 'u3']);
  });

  it('absent optional columns give null; extra columns are listed, dropped unless kept', async () => {
    const text = 'id,gender,score,day,extra,more\nu1,男,0.25,2014/8/1,x,y\n';
    const t = await parseTable(csv(text), schema, { fileName: 'r.csv' });
    expect(t.rows).toEqual([{ id: 'u1', gender: '男', score: 0.25, day: '2014-08-01', note: null }]);
    expect(t.provenance.extraColumns).toEqual(['extra', 'more']);
    expect(t.provenance.columns).toEqual(['id', 'gender', 'score', 'day', 'extra', 'more']);
    const kept = await parseTable(csv(text), schema, { fileName: 'r.csv', keepExtraColumns: true });
    expect(kept.rows[0]).toMatchObject({ extra: 'x', more: 'y' });
  });

  it('duplicates are compared after conversion (2014/8/1 equals 2014-08-01)', async () => {
    const s = { name: 'd', columns: [{ name: 'day', type: 'date', unique: true }] } as const satisfies TableSchema;
    const err = await evidenceError(parseTable(csv('day\n2014-08-01\n2014/8/1\n'), s, { fileName: 'd.csv' }));
    expect(err.issues[0]).toMatchObject({ row: 3, value: '2014/8/1' });
    expect(err.issues[0]!.message).toMatch(/same as line 2/);
  });

  it('suggests a header that differs only in case', async () => {
    const err = await evidenceError(parseTable(csv('id,name,Age,city\nu1,a,1,b\n'), people, { fileName: 'c.csv' }));
    expect(err.message).toMatch(/'Age' differs only in case/);
  });

  it(`stops after ${MAX_ISSUES} problems and says more exist`, async () => {
    const lines = ['id,name,age,city'];
    for (let i = 0; i < 80; i++) lines.push(`u${i},n,${200 + i},c`);
    const err = await evidenceError(parseTable(csv(lines.join('\n')), people, { fileName: 'many.csv' }));
    expect(err.issues).toHaveLength(MAX_ISSUES);
    expect(err.truncated).toBe(true);
    expect(err.issues[MAX_ISSUES - 1]!.row).toBe(MAX_ISSUES + 1);
    expect(err.message).toMatch(/^50\+ problems in many\.csv/);
    expect(err.message).toMatch(/stopped after 50 problems/);
  });

  it('exactly 50 problems is not reported as truncated', async () => {
    const lines = ['id,name,age,city'];
    for (let i = 0; i < 50; i++) lines.push(`u${i},n,${200 + i},c`);
    const err = await evidenceError(parseTable(csv(lines.join('\n')), people, { fileName: 'fifty.csv' }));
    expect(err.issues).toHaveLength(50);
    expect(err.truncated).toBe(false);
  });

  it('infers row types from an as-const schema', async () => {
    const t = await readTable<RowOf<typeof people>>(fixture('people.csv'), people);
    expectTypeOf(t.rows[0]!.age).toEqualTypeOf<number | null>();
    expectTypeOf(t.rows[0]!.id).toEqualTypeOf<string>();
    expect(typeof t.rows[0]!.age).toBe('number');
  });
});
