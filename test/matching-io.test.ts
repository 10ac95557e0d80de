import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io/errors';
import { loadProfileTables, pairProfiles } from '../src/matching';

const dir = join(__dirname, '..', 'datasets', 'matching');

describe('loadProfileTables', () => {
  it('reads the committed evidence set with provenance', async () => {
    const ev = await loadProfileTables(join(dir, 'displayed.csv'), join(dir, 'source.csv'));
    expect(ev.displayed.length).toBeGreaterThan(300);
    expect(ev.source.length).toBeGreaterThan(ev.displayed.length);
    expect(ev.provenance.map((p) => p.fileName)).toEqual(['displayed.csv', 'source.csv']);
    expect(ev.provenance[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const paired = pairProfiles(ev.displayed, ev.source, { displayedFile: ev.displayedFile, sourceFile: ev.sourceFile });
    expect(paired.displayed).toHaveLength(ev.displayed.length);
  });
  it('rejects a file without a required column, naming it', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'matching-io-'));
    const text = readFileSync(join(dir, 'displayed.csv'), 'utf8').split('\n');
    const header = text[0]!.split(',');
    const drop = header.indexOf('uploader');
    const cut = text.map((l) => (l ? l.split(',').filter((_, i) => i !== drop).join(',') : l)).join('\n');
    writeFileSync(join(tmp, 'shown.csv'), cut);
    await expect(loadProfileTables(join(tmp, 'shown.csv'), join(dir, 'source.csv'))).rejects.toThrow(EvidenceError);
    await expect(loadProfileTables(join(tmp, 'shown.csv'), join(dir, 'source.csv'))).rejects.toThrow(/uploader/);
  });
  it('rejects duplicate ids in the source file', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'matching-io-'));
    const lines = readFileSync(join(dir, 'source.csv'), 'utf8').split('\n');
    writeFileSync(join(tmp, 'weibo.csv'), [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join('\n'));
    await expect(loadProfileTables(join(dir, 'displayed.csv'), join(tmp, 'weibo.csv'))).rejects.toThrow(/weibo\.csv/);
  });
});
