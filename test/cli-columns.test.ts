import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, ROOT, runCli, tempDir } from './cli-helpers';

// Every command declared with defineCommand takes --columns <file> / --column ours=theirs
// (issue 17): evidence in its own (here Chinese) headers, the map's SHA-256 in the inputs.
describe('column maps on the command line', () => {
  const dir = tempDir('columns');
  afterAll(() => cleanup(dir));
  const zh: Record<string, string> = { date: '日期', capture: '取证', inspected: '检查数', source_origin: '来源微博数', note: '备注' };
  const lines = readFileSync(join(ROOT, 'datasets', 'retention', 'observations.csv'), 'utf8').split('\n');
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',').map((h) => zh[h] ?? h).join(',');
  const obs = join(dir, 'captures-zh.csv');
  writeFileSync(obs, [header, ...lines.slice(1)].join('\n'));
  const map = join(dir, 'columns.yaml');
  writeFileSync(map, Object.entries(zh).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');

  it('a map file gives the same figures as the original headers, and is listed with its SHA-256', async () => {
    const ref = await runCli(['retention', '--quiet'], join(dir, 'ref'));
    const mapped = await runCli(['retention', '--quiet', '--observations', obs, '--columns', map], join(dir, 'mapped'));
    expect(ref.code).toBe(0);
    expect(mapped.code).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'ref', 'retention.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'mapped', 'retention.json'), 'utf8'));
    expect(b.comparison).toEqual(a.comparison);
    expect(b.inputs.map((i: { fileName: string }) => i.fileName)).toContain('columns.yaml');
  });
  it('--column entries work without a file; an unmapped required column is an evidence error listing the headers', async () => {
    const args = Object.entries(zh).flatMap(([k, v]) => ['--column', `${k}=${v}`]);
    expect((await runCli(['retention', '--quiet', '--observations', obs, ...args], join(dir, 'opts'))).code).toBe(0);
    const bad = await runCli(['retention', '--quiet', '--observations', obs, '--column', 'date=日期'], join(dir, 'bad'));
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/inspected/);
    expect(bad.stderr).toMatch(/检查数/);
  });
  it('link reads displayed profiles with Chinese headers (编号, 姓名, 单位 …) through the committed map', async () => {
    const r = await runCli(['link', '--quiet', '--displayed', join(ROOT, 'test', 'fixtures', 'columns', 'displayed-zh.csv'), '--columns', join(ROOT, 'test', 'fixtures', 'columns', 'columns-zh.yaml'), '--no-truth'], join(dir, 'zh'));
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'zh', 'link.json'), 'utf8'));
    expect(json.inputs.map((i: { fileName: string }) => i.fileName)).toEqual(expect.arrayContaining(['displayed-zh.csv', 'columns-zh.yaml']));
    const without = await runCli(['link', '--quiet', '--displayed', join(ROOT, 'test', 'fixtures', 'columns', 'displayed-zh.csv'), '--no-truth'], join(dir, 'zh-none'));
    expect(without.code).toBe(3);
    expect(without.stderr).toMatch(/编号/);
  });
  it('a malformed --column is a usage error', async () => {
    const r = await runCli(['retention', '--quiet', '--column', 'date'], join(dir, 'malformed'));
    expect(r.code).toBe(2);
  });
});
