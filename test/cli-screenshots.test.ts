/**
 * `profile-provenance screenshots` refusals: a bad image is an evidence error (exit 3) naming the
 * file, --review without reviewer/time is a usage error (exit 2); nothing is written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exitCodes';
import { cleanup, filesIn, runCli, tempDir } from './cli-helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

describe('screenshots command refusals', () => {
  it('a corrupt image: exit 3, the file named, no output', async () => {
    const d = tempDir('cli-shots');
    dirs.push(d);
    const bad = join(d, 'page-3.png');
    writeFileSync(bad, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const out = join(d, 'out');
    const r = await runCli(['screenshots', '--quiet', '--images', bad, '--no-source', '--no-truth', '-o', out], out);
    expect(r.code).toBe(EXIT.evidence);
    expect(r.stderr).toMatch(/page-3\.png/);
    expect(filesIn(out)).toEqual([]);
  });

  it('--review without --reviewer: exit 2', async () => {
    const d = tempDir('cli-shots');
    dirs.push(d);
    const sheet = join(d, 'review.csv');
    writeFileSync(sheet, 'file,field,read,confidence,corrected\n');
    const r = await runCli(['screenshots', '--quiet', '--review', sheet, '-o', join(d, 'out')], join(d, 'out'));
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/--reviewer/);
  });
});
