import * as iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EvidenceError, columnMapFromOptions, parseColumnOption, readColumnMap, readTable, sha256FileSync, type TableSchema } from '../src/io';
import { evidenceFolder, issuesOf } from './evidence-helpers';

const schema = {
  name: 'displayed',
  columns: [
    { name: 'display_id', type: 'string', unique: true },
    { name: 'uploader', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'employer', type: 'string', nullable: true },
    { name: 'avatar_hash', type: 'string', nullable: true, pattern: /^[0-9a-f]{16}$/ },
    { name: 'tags', type: 'string', required: false, nullable: true },
  ],
} as const satisfies TableSchema;

const MAP = { display_id: '编号', uploader: '上传者', name: '姓名', employer: '单位', avatar_hash: '头像哈希', tags: '标签' };
const f = evidenceFolder('io-columns-');
const CHINESE = '编号,上传者,姓名,单位,职位,头像哈希,标签\nD1,U1,王伟,微博,产品经理,00ff00ff00ff00ff,旅行;摄影\nD2,U2,李娜,,,,\n';

describe('readTable with a column map { ours: theirs }', () => {
  it('reads Chinese headers under our names; provenance keeps the file headers and the map applied', async () => {
    const p = f.file('shown.csv', CHINESE);
    const before = readFileSync(p);
    const { rows, provenance } = await readTable(p, schema, { columns: MAP });
    expect(rows).toEqual([
      { display_id: 'D1', uploader: 'U1', name: '王伟', employer: '微博', avatar_hash: '00ff00ff00ff00ff', tags: '旅行;摄影' },
      { display_id: 'D2', uploader: 'U2', name: '李娜', employer: null, avatar_hash: null, tags: null },
    ]);
    expect(provenance.columns).toEqual(['编号', '上传者', '姓名', '单位', '职位', '头像哈希', '标签']);
    expect(provenance.columnMap).toEqual(MAP);
    expect(provenance.extraColumns).toEqual(['职位']);
    expect(readFileSync(p)).toEqual(before); // evidence never modified
  });

  it('also works on a GBK-encoded CSV and on JSON; entries for other tables are ignored', async () => {
    const gbk = f.file('shown-gbk.csv', '');
    writeFileSync(gbk, iconv.encode(CHINESE, 'gbk'));
    const a = await readTable(gbk, schema, { columns: { ...MAP, source_id: '来源账号' } });
    expect(a.rows[0]!.name).toBe('王伟');
    expect(a.provenance.encoding).toMatch(/gb/);
    const json = f.file('shown.json', JSON.stringify([{ 编号: 'D9', 上传者: 'U3', 姓名: '张三', 单位: null, 头像哈希: null }]));
    expect((await readTable(json, schema, { columns: MAP })).rows[0]).toMatchObject({ display_id: 'D9', name: '张三', tags: null });
  });

  it('a file already in our names needs no map, and a map naming absent headers is harmless then', async () => {
    const p = f.file('ours.csv', 'display_id,uploader,name,employer,avatar_hash\nD1,U1,王伟,,\n');
    expect((await readTable(p, schema, { columns: MAP })).rows).toHaveLength(1);
  });

  it('unmapped required columns: one error naming the file, the missing columns and every header of the file', async () => {
    const p = f.file('theirs.csv', 'displayed_id,uploader,姓名,单位,avatar_phash\nD1,U1,王伟,微博,00ff00ff00ff00ff\n');
    const err = await readTable(p, schema, { columns: { name: '姓名', employer: '单位', avatar_hash: '头像' } }).catch((e) => e);
    expect(err).toBeInstanceOf(EvidenceError);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0].file).toBe(p);
    expect(err.message).toContain("not found after the column map: 'display_id', 'avatar_hash'");
    expect(err.message).toContain("mapped but missing: 'avatar_hash' <- '头像' (no such header)");
    expect(err.message).toContain("The file's headers: 'displayed_id', 'uploader', '姓名', '单位', 'avatar_phash'");
    expect(err.message).toContain('--column display_id=<your header>');
  });

  it('names a bad cell by the file header it came from', async () => {
    const p = f.file('bad.csv', '编号,上传者,姓名,单位,头像哈希\nD1,U1,王伟,微博,not-a-hash\n');
    const issues = await issuesOf(readTable(p, schema, { columns: MAP }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: p, row: 2, column: '头像哈希 (= avatar_hash)', value: 'not-a-hash' });
  });

  it('refuses a map that would give one column twice, or one header to two columns', async () => {
    const p = f.file('both.csv', 'display_id,uploader,name,姓名,employer,avatar_hash\nD1,U1,王伟,王伟,,\n');
    const both = await issuesOf(readTable(p, schema, { columns: { name: '姓名' } }));
    expect(both[0]!.message).toContain("cannot map header '姓名' to 'name': the file already has a column 'name'");
    const twice = await issuesOf(readTable(p, schema, { columns: { name: '姓名', uploader: '姓名' } }));
    expect(twice[0]!.message).toContain("header '姓名' is already mapped to 'name'");
  });
});

describe('parseColumnOption / columnMapFromOptions', () => {
  it('splits ours=theirs at the first =, trimming; refuses anything else with the expected form', () => {
    expect(parseColumnOption('name=姓名')).toEqual(['name', '姓名']);
    expect(parseColumnOption(' avatar_hash = 头像哈希 ')).toEqual(['avatar_hash', '头像哈希']);
    expect(parseColumnOption('title=a=b')).toEqual(['title', 'a=b']);
    for (const bad of ['name', '=姓名', 'name=', '']) expect(() => parseColumnOption(bad)).toThrow(/expected ours=theirs/);
  });

  it('later options override a base map from a file', () => {
    expect(columnMapFromOptions(['name=名字', 'school=学校'], { name: '姓名', employer: '单位' })).toEqual({ name: '名字', employer: '单位', school: '学校' });
  });
});

describe('readColumnMap', () => {
  it('reads a YAML map with Chinese headers, with provenance (SHA-256 of the bytes)', async () => {
    const p = f.file('columns.yaml', '# our column: your header\ndisplay_id: 编号\nname: 姓名\nemployer: 单位\ntitle: 职位\nschool: 学校\ntags: 标签\navatar_hash: 头像哈希\n');
    const { map, provenance } = await readColumnMap(p);
    expect(map).toEqual({ display_id: '编号', name: '姓名', employer: '单位', title: '职位', school: '学校', tags: '标签', avatar_hash: '头像哈希' });
    expect(provenance).toMatchObject({ path: p, fileName: 'columns.yaml', format: 'yaml', rows: 7, sha256: sha256FileSync(p) });
  });

  it('reads JSON too', async () => {
    const p = f.file('columns.json', JSON.stringify({ name: '姓名' }));
    expect((await readColumnMap(p)).map).toEqual({ name: '姓名' });
  });

  it('refuses, naming the file: bad YAML, a list, a non-text header, a header used twice, no entries, another extension', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['a.yaml', 'name: [姓名\n', /not valid YAML/],
      ['b.yaml', '- name\n- 姓名\n', /must be a mapping/],
      ['c.yaml', 'name: 3\nemployer:\n', /must be a non-empty text/],
      ['d.yaml', 'name: 姓名\nuploader: 姓名\n', /already mapped to 'name'/],
      ['e.yaml', '{}\n', /no entries/],
      ['f.txt', 'name: 姓名\n', /\.yaml, \.yml or \.json/],
    ];
    for (const [name, text, re] of cases) {
      const p = f.file(name, text);
      const err = await readColumnMap(p).catch((e) => e);
      expect(err, name).toBeInstanceOf(EvidenceError);
      expect(err.message, name).toMatch(re);
      expect(err.message, name).toContain(p);
    }
  });
});
