import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFrames, readTable, toDataFrame } from '../src/io';
import { tableHtml } from '../src/report';
import { fixture, people } from './fixtures/io/helpers';

const ROOT = path.resolve(__dirname, '..');

describe('toDataFrame', () => {
  it('builds a danfojs DataFrame with the rows, nulls kept', async () => {
    const t = await readTable(fixture('people.csv'), people);
    const df = toDataFrame(t.rows);
    expect(df.shape).toEqual([6, 4]);
    expect(df.columns).toEqual(['id', 'name', 'age', 'city']);
    expect(df.values[0]).toEqual(['u1', '张伟', 34, '北京']);
    expect((df.values[2] as unknown[])[2]).toBeNull();
  });

  it('takes a loaded table or columns (typed arrays too) as well as rows', async () => {
    const t = await readTable(fixture('people.csv'), people);
    expect(toDataFrame(t).values).toEqual(toDataFrame(t.rows).values);
    const cols = toDataFrame({ node: Int32Array.from([1, 2, 3]), score: Float64Array.from([0.5, 0.25, 1]) });
    expect(cols.columns).toEqual(['node', 'score']);
    expect(cols.values).toEqual([[1, 0.5], [2, 0.25], [3, 1]]);
    expect(() => toDataFrame({ a: [1, 2], b: [1] } as never)).toThrow(/expects rows/);
  });

  it('dataFrames(result): every table among a result\'s fields, by name; other fields left out', async () => {
    const t = await readTable(fixture('people.csv'), people);
    const result = { loaded: t, rates: [{ field: 'name', rate: 0.9 }, { field: 'school', rate: 0.5 }], columns: { k: [1, 2] }, lr: 12.5, empty: [], label: 'x' };
    const frames = dataFrames(result);
    expect(Object.keys(frames)).toEqual(['loaded', 'rates', 'columns']);
    expect(frames.rates!.shape).toEqual([2, 2]);
    expect(Object.keys(dataFrames([{ a: 1 }]))).toEqual(['table']);
  });

  it('filter, group by uploader and describe, then display with row labels', () => {
    const rows = [
      { id: 'D1', uploader: 'U1', fieldsShown: 4 }, { id: 'D2', uploader: 'U1', fieldsShown: 2 }, { id: 'D3', uploader: 'U2', fieldsShown: 6 },
    ];
    const df = toDataFrame(rows);
    expect(df.query((df.column('uploader').values as unknown[]).map((u) => u === 'U1')).shape).toEqual([2, 3]);
    expect(df.query(df.column('fieldsShown').gt(3)).shape).toEqual([2, 3]);
    const g = df.groupby(['uploader']).agg({ id: 'count', fieldsShown: 'mean' });
    expect(g.values).toEqual([['U1', 2, 3], ['U2', 1, 6]]);
    const d = df.describe();
    const { text } = tableHtml(d);
    expect(text.split('\n')[0]).toBe('index\tfieldsShown');
    expect(text).toContain('mean\t4');
  });

  it('gives an empty frame its columns, and refuses to guess them', () => {
    expect(toDataFrame([], ['a', 'b']).columns).toEqual(['a', 'b']);
    expect(() => toDataFrame([])).toThrow(/no rows and no columns/);
  });

  it('importing src/io loads neither danfojs-node nor exceljs (lazy)', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--require',
        'tsx/cjs',
        '-e',
        "require('./src/io'); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/](danfojs-node|exceljs)[\\\\/]/.test(k)).length))",
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('0');
  });
});
