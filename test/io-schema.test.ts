import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { assertValidSchema, describeSchema, parseTable, TYPE_DESCRIPTIONS, type TableSchema } from '../src/io';
import { people } from './fixtures/io/helpers';

describe('describeSchema', () => {
  it('prints each rule of the schema as a table row', () => {
    const rows = describeSchema(people);
    expect(rows.map((r) => r.accepts)).toEqual(['string', 'string', 'integer', 'string'].map((t) => TYPE_DESCRIPTIONS[t as 'string']));
    expect(rows[2]!.accepts).toMatch(/no thousands separators/);
    expect(rows.map(({ accepts: _a, ...rest }) => rest)).toEqual([
      { column: 'id', type: 'string', required: 'yes', empty: 'not allowed', unique: 'yes', range: '', rule: 'matches /^u\\d+$/', description: '' },
      { column: 'name', type: 'string', required: 'yes', empty: 'not allowed', unique: '', range: '', rule: '', description: '' },
      { column: 'age', type: 'integer', required: 'yes', empty: 'allowed (null)', unique: '', range: '0 … 150', rule: '', description: '' },
      { column: 'city', type: 'string', required: 'yes', empty: 'not allowed', unique: '', range: '', rule: '', description: '' },
    ]);
  });

  it('shows open ranges, oneOf and optional columns', () => {
    const rows = describeSchema({
      name: 's',
      columns: [
        { name: 'g', type: 'string', oneOf: ['男', '女'], required: false, description: 'gender' },
        { name: 'd', type: 'date', min: '2009-08-14' },
      ],
    });
    expect(rows[0]).toMatchObject({ required: 'no', rule: 'one of "男", "女"', description: 'gender' });
    expect(rows[1]!.range).toBe('2009-08-14 … +∞');
  });
});

describe('assertValidSchema', () => {
  const bad = (columns: unknown[]): TableSchema => ({ name: 'bad', columns }) as unknown as TableSchema;

  it('accepts the fixture schema', () => {
    expect(() => assertValidSchema(people)).not.toThrow();
  });

  it('rejects declaration mistakes with a TypeError naming the field', () => {
    expect(() => assertValidSchema(bad([{ name: 'a', type: 'int' }]))).toThrow(/invalid table schema 'bad': columns\.0\.type/);
    expect(() => assertValidSchema(bad([{ name: 'a', type: 'integer', min: '0' }]))).toThrow(/min must be a finite number/);
    expect(() => assertValidSchema(bad([{ name: 'a', type: 'date', max: '2014-13-01' }]))).toThrow(/max must be a YYYY-MM-DD/);
    expect(() => assertValidSchema(bad([{ name: 'a', type: 'string', min: 1 }]))).toThrow(/min is not supported for a string/);
    expect(() => assertValidSchema(bad([{ name: 'a', type: 'string' }, { name: 'a', type: 'string' }]))).toThrow(/declared twice/);
    expect(() => assertValidSchema(bad([{ name: 'a', type: 'string', uniq: true }]))).toThrow(TypeError);
    expect(() => assertValidSchema(bad([]))).toThrow(/at least one column/);
    expect(() => assertValidSchema(bad([{ name: 'a', type: 'string', pattern: '^u' }]))).toThrow(/pattern must be a RegExp/);
  });

  it('accepts a RegExp from another realm (notebook vm context)', () => {
    const foreign = vm.runInNewContext('/^u\\d+$/') as RegExp;
    expect(foreign instanceof RegExp).toBe(false);
    expect(() => assertValidSchema(bad([{ name: 'a', type: 'string', pattern: foreign }]))).not.toThrow();
  });

  it('is checked before any data is read', async () => {
    await expect(parseTable(new Uint8Array(), bad([{ name: 'a', type: 'int' }]), { fileName: 'x.csv' })).rejects.toThrow(TypeError);
  });
});
