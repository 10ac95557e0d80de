import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable, toDataFrame } from '../src/io';
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
