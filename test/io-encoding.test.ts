import * as fs from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, gbStructure, readTable } from '../src/io';
import { evidenceError, fixture, people } from './fixtures/io/helpers';

const read = (name: string): Uint8Array => fs.readFileSync(fixture(name));

describe('decodeText', () => {
  it('reads plain UTF-8 as utf-8', () => {
    const { text, encoding } = decodeText(read('people.csv'), { fileName: 'people.csv' });
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('id,name,age,city\nu1,张伟,34,北京')).toBe(true);
  });

  it('strips a UTF-8 byte-order mark and records it', () => {
    const bytes = read('bom.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { text, encoding } = decodeText(bytes, { fileName: 'bom.csv' });
    expect(encoding).toBe('utf-8-bom');
    expect(text.charCodeAt(0)).toBe('i'.charCodeAt(0));
  });

  it('detects GBK bytes (not valid UTF-8) and decodes them as GB18030', () => {
    const bytes = read('gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, encoding } = decodeText(bytes, { fileName: 'gbk.csv' });
    expect(encoding).toBe('gb18030');
    expect(text).toContain('u8,黄晓明,37,武汉');
  });

  it('decodes a GB18030 4-byte character (𠮷, U+20BB7) even when chardet ranks EUC-KR first', () => {
    const bytes = read('gb18030.csv');
    const pos = Buffer.from(bytes).indexOf(Buffer.from(iconv.encode('𠮷', 'gb18030')));
    expect(iconv.encode('𠮷', 'gb18030').length).toBe(4);
    expect(pos).toBeGreaterThan(0);
    const { text, encoding } = decodeText(bytes, { fileName: 'gb18030.csv' });
    expect(encoding).toBe('gb18030');
    expect(text).toContain('u7,𠮷野家,30,重庆');
  });

  it('decodes UTF-16LE with a BOM (Excel "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\tname\nu1\t张伟\n', 'utf16le')]);
    expect(decodeText(bytes, { fileName: 'x.tsv' })).toEqual({ text: 'id\tname\nu1\t张伟\n', encoding: 'utf-16le-bom' });
  });

  it('refuses bytes it cannot identify, naming the file and the guesses', async () => {
    // Shift_JIS Japanese: not UTF-8, not GB.
    const bytes = iconv.encode('id,name\nu1,やまだ たろう\nu2,すずき はなこ\nu3,たなか いちろう\n', 'shift_jis');
    const err = await evidenceError(() => decodeText(bytes, { fileName: 'sjis.csv' }));
    expect(err.issues[0]!.file).toBe('sjis.csv');
    expect(err.message).toMatch(/cannot determine encoding/);
    expect(err.message).toMatch(/re-save the file as UTF-8/);
    expect(err.message).not.toMatch(/options\.encoding/); // the CLI has no such option
  });

  it('uses options.encoding when given', () => {
    const bytes = iconv.encode('id,name\nu1,やまだ\n', 'shift_jis');
    expect(decodeText(bytes, { fileName: 'sjis.csv', encoding: 'shift_jis' }).text).toBe('id,name\nu1,やまだ\n');
  });

  it('rejects an unknown encoding label', async () => {
    const err = await evidenceError(() => decodeText(Buffer.from('a'), { fileName: 'a.csv', encoding: 'klingon-8' }));
    expect(err.message).toMatch(/unknown encoding 'klingon-8'/);
  });
});

describe('gbStructure', () => {
  it('tells GB-only byte forms from EUC-compatible ones', () => {
    expect(gbStructure(iconv.encode('北京', 'gbk'))).toBe('euc-compatible'); // GB2312 range: A1-FE both bytes
    expect(gbStructure(iconv.encode('北京𠮷', 'gb18030'))).toBe('four-byte');
    expect(gbStructure(iconv.encode('北京丂', 'gbk'))).toBe('gbk-extension'); // 丂 = 81 40
    expect([...iconv.encode('丂', 'gbk')]).toEqual([0x81, 0x40]);
    expect(gbStructure(Uint8Array.from([0xb1, 0x20]))).toBe('invalid');
  });
});

describe('encoding in provenance', () => {
  it('records the detected encoding of each file', async () => {
    const encodings = await Promise.all(
      ['people.csv', 'bom.csv', 'gbk.csv', 'gb18030.csv'].map(async (f) => (await readTable(fixture(f), people)).provenance.encoding),
    );
    expect(encodings).toEqual(['utf-8', 'utf-8-bom', 'gb18030', 'gb18030']);
  });

  it('gives the same rows from the UTF-8, BOM and GBK versions of a table', async () => {
    const utf8 = await readTable(fixture('people.csv'), people);
    const bom = await readTable(fixture('bom.csv'), people);
    const gbk = await readTable(fixture('gbk.csv'), people);
    expect(bom.rows).toEqual(utf8.rows);
    expect(gbk.rows.slice(0, 6)).toEqual(utf8.rows);
    expect(bom.provenance.sha256).not.toBe(utf8.provenance.sha256);
  });
});
