import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io/errors';
import { aliasTable, applyAlias, loadAliasTable, normalizeText, parseAliasTable } from '../src/text';

describe('alias tables', () => {
  it('parses CSV with comments and a BOM', () => {
    const t = parseAliasTable('\uFEFF# schools\nalias,canonical\n北大,北京大学\n"PKU",北京大学\n\n', 'csv');
    expect(applyAlias(t, normalizeText('pku'))).toBe('北京大学');
    expect(applyAlias(t, '北京大学')).toBe('北京大学');
    expect(applyAlias(t, '清华')).toBe('清华');
  });
  it('parses JSON objects and arrays', () => {
    expect(parseAliasTable('{"北大":"北京大学"}', 'json').get('北大')).toBe('北京大学');
    expect(parseAliasTable('[{"alias":"清华","canonical":"清华大学"}]', 'json').get('清华')).toBe('清华大学');
  });
  it('rejects a conflicting alias, naming the row', () => {
    try {
      aliasTable([['南大', '南京大学'], ['南大', '南开大学']], 'x.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EvidenceError);
      expect((e as Error).message).toMatch(/x\.csv/);
      expect((e as Error).message).toMatch(/南开大学/);
    }
  });
  it('rejects a bad header, empty cells and bad JSON', () => {
    expect(() => parseAliasTable('from,to\n北大,北京大学', 'csv', 'a.csv')).toThrow(/alias.*canonical/);
    expect(() => parseAliasTable('alias,canonical\n北大,\n', 'csv', 'a.csv')).toThrow(/line 2/);
    expect(() => parseAliasTable('{', 'json', 'a.json')).toThrow(EvidenceError);
    expect(() => parseAliasTable('[{"alias":1}]', 'json', 'a.json')).toThrow(/item 1/);
  });
  it('loads a file by extension and refuses other extensions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alias-'));
    const p = join(dir, 's.csv');
    writeFileSync(p, 'alias,canonical\n北大,北京大学\n');
    expect(loadAliasTable(p).get('北大')).toBe('北京大学');
    const q = join(dir, 's.txt');
    writeFileSync(q, '');
    expect(() => loadAliasTable(q)).toThrow(/\.csv or \.json/);
  });
});
