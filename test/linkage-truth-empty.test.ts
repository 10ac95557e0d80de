/** Answer keys: an empty source_id means "no source account", not a refused row. */
import { describe, expect, it } from 'vitest';
import { readTable } from '../src/io';
import { LINKAGE_TRUTH_SCHEMA, loadLinkageTruth } from '../src/linkage';
import { evidenceFolder, issuesOf } from './evidence-helpers';

const f = evidenceFolder('linkage-truth-');

describe('linkage answer key with unlinked profiles', () => {
  it('reads an empty source_id as null and leaves that profile out of the true pairs', async () => {
    const p = f.file('truth.csv', 'display_id,source_id\nD1,S7\nD2,\nD3,S9\nD4,\n');
    const t = await loadLinkageTruth(p);
    expect([...t.pairs]).toEqual([['D1', 'S7'], ['D3', 'S9']]);
    expect(t.provenance.rows).toBe(4);
  });

  it('in the evidence\'s own headers through a column map', async () => {
    const p = f.file('答案.csv', '展示编号,来源账号\nD1,S7\nD2,\n');
    const { rows } = await readTable(p, LINKAGE_TRUTH_SCHEMA, { columns: { display_id: '展示编号', source_id: '来源账号' } });
    expect(rows).toEqual([{ display_id: 'D1', source_id: 'S7' }, { display_id: 'D2', source_id: null }]);
  });

  it('still refuses an empty display_id and a display_id listed twice', async () => {
    const p = f.file('bad.csv', 'display_id,source_id\n,S1\nD1,\nD1,S2\n');
    const issues = await issuesOf(loadLinkageTruth(p));
    expect(issues.map((i) => [i.row, i.column])).toEqual([[2, 'display_id'], [4, 'display_id']]);
  });
});
