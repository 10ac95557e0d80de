import { describe, expect, it } from 'vitest';
import { convertCell, EMPTY, type ColumnSpec, type ColumnType } from '../src/io';

const col = (type: ColumnType): ColumnSpec => ({ name: 'c', type });
const value = (raw: unknown, type: ColumnType, options = {}) => {
  const r = convertCell(raw as never, col(type), options);
  if (r === EMPTY) return 'EMPTY';
  return r.ok ? r.value : `ERR ${r.message}`;
};

describe('convertCell', () => {
  it('treats undefined, null and blank text as empty', () => {
    for (const t of ['string', 'integer', 'date'] as const) {
      expect(value(undefined, t)).toBe('EMPTY');
      expect(value(null, t)).toBe('EMPTY');
      expect(value('   ', t)).toBe('EMPTY');
    }
  });

  it('integer: plain digits; refuses thousands separators, decimals and unsafe integers', () => {
    expect(value('42', 'integer')).toBe(42);
    expect(value(' -7 ', 'integer')).toBe(-7);
    expect(value(42, 'integer')).toBe(42);
    expect(value('1,234', 'integer')).toMatch(/^ERR thousands separators are not accepted: write plain digits \(e\.g\. 1234\)/);
    expect(value('1，234', 'integer')).toMatch(/thousands separators/);
    expect(value('12.5', 'integer')).toBe('ERR not a whole number');
    expect(value(12.5, 'integer')).toBe('ERR not a whole number');
    expect(value('9007199254740993', 'integer')).toMatch(/beyond ±2\^53/);
    expect(value('abc', 'integer')).toMatch(/^ERR not an integer/);
  });

  it('number: plain decimals and exponents only', () => {
    expect(value('-12.5', 'number')).toBe(-12.5);
    expect(value('.5', 'number')).toBe(0.5);
    expect(value('1e3', 'number')).toBe(1000);
    expect(value('-0', 'number')).toBe(0);
    expect(Object.is(value('-0', 'number'), -0)).toBe(false);
    expect(value('12,5', 'number')).toMatch(/decimal comma/);
    expect(value('1,234.5', 'number')).toMatch(/thousands separators/);
    for (const bad of ['NaN', 'Infinity', '0x10', '1e']) {
      expect(value(bad, 'number')).toMatch(/^ERR/);
    }
  });

  it('boolean: true/false, 1/0, 是/否', () => {
    expect(['true', 'TRUE', '1', '是', 1, true].map((v) => value(v, 'boolean'))).toEqual([true, true, true, true, true, true]);
    expect(['false', 'False', '0', '否', 0, false].map((v) => value(v, 'boolean'))).toEqual([false, false, false, false, false, false]);
    expect(value('yes', 'boolean')).toMatch(/^ERR not a boolean/);
    expect(value(2, 'boolean')).toMatch(/^ERR/);
  });

  it('date: YYYY-MM-DD or YYYY/MM/DD returned as YYYY-MM-DD; real calendar days only', () => {
    expect(value('2014-08-01', 'date')).toBe('2014-08-01');
    expect(value('2014/8/1', 'date')).toBe('2014-08-01');
    expect(value('2016-02-29', 'date')).toBe('2016-02-29');
    expect(value('2015-02-29', 'date')).toBe('ERR no such calendar day (2015-02-29)');
    expect(value('2014-08/01', 'date')).toMatch(/^ERR not a date/);
    expect(value('01/08/2014', 'date')).toMatch(/^ERR not a date/);
    expect(value(new Date(Date.UTC(2014, 7, 1)), 'date')).toBe('2014-08-01');
    expect(value(new Date(Date.UTC(2014, 7, 1, 10)), 'date')).toMatch(/time of day/);
    expect(value(41852, 'date')).toMatch(/Excel serial date/);
  });

  it('datetime: ISO 8601 with zone kept as text; without a zone it is China Standard Time, written out', () => {
    expect(value('2014-08-01T10:00:00+08:00', 'datetime')).toBe('2014-08-01T10:00:00+08:00');
    expect(value('2014-08-01T02:00:00.5Z', 'datetime')).toBe('2014-08-01T02:00:00.5Z');
    expect(value('2014-08-01 10:00:00', 'datetime')).toBe('2014-08-01T10:00:00+08:00');
    expect(value('2014-02-30T10:00:00Z', 'datetime')).toMatch(/^ERR day out of range .*no such calendar day/);
    expect(value('0014-08-01T10:00:00Z', 'datetime')).toMatch(/^ERR implausible year 14/);
    const excel = new Date(Date.UTC(2014, 7, 1, 10, 30, 0));
    expect(value(excel, 'datetime')).toBe('2014-08-01T10:30:00+08:00');
    expect(value(excel, 'datetime', { xlsxUtcOffset: '+00:00' })).toBe('2014-08-01T10:30:00+00:00');
    expect(value(excel, 'datetime', { xlsxUtcOffset: '+08:00' })).toBe('2014-08-01T10:30:00+08:00');
  });

  it('string: exact text; JSON numbers become text unless digits were already lost', () => {
    expect(value(' a b ', 'string')).toBe(' a b ');
    expect(value(13800138000, 'string')).toBe('13800138000');
    expect(value(12345678901234567890, 'string')).toMatch(/digits were already lost/);
    expect(value({ a: 1 }, 'string')).toMatch(/nested object/);
  });
});
