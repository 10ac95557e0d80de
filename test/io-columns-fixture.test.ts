/** The Chinese-header fixture is the committed synthetic linkage set with its header renamed, and reads back through its map. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readColumnMap, readTable } from '../src/io';
import { LINKAGE_DISPLAYED_SCHEMA, loadLinkageTables } from '../src/linkage';

const root = join(__dirname, '..');
const fx = join(__dirname, 'fixtures', 'columns');

describe('test/fixtures/columns', () => {
  it('displayed-zh.csv = datasets/linkage/displayed.csv, first 40 rows, header in Chinese', () => {
    const lines = readFileSync(join(root, 'datasets', 'linkage', 'displayed.csv'), 'utf8').split('\n').slice(0, 41);
    lines[0] = '编号,上传者,姓名,头像哈希,单位,职位,学校,标签';
    expect(readFileSync(join(fx, 'displayed-zh.csv'), 'utf8')).toBe(lines.join('\n') + '\n');
  });

  it('reads through columns-zh.yaml into the same rows as the original under our names', async () => {
    const { map } = await readColumnMap(join(fx, 'columns-zh.yaml'));
    const mapped = await readTable(join(fx, 'displayed-zh.csv'), LINKAGE_DISPLAYED_SCHEMA, { columns: map });
    const original = await loadLinkageTables(join(root, 'datasets', 'linkage', 'displayed.csv'), join(root, 'datasets', 'linkage', 'source.csv'));
    expect(mapped.rows).toEqual(original.displayedRows.slice(0, 40));
  });
});
