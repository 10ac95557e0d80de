/**
 * `profile-provenance screenshots` refusals: a bad image is an evidence error (exit 3) naming the
 * file, --review without reviewer/time is a usage error (exit 2); nothing is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exitCodes';
import { ROOT, cleanup, filesIn, runCli, tempDir } from './cli-helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

describe('screenshots command on the committed synthetic set', () => {
  it('writes the table, review sheet and page, avatar crops, JSON with confidences and boxes; names masked', async () => {
    const d = tempDir('cli-shots');
    dirs.push(d);
    const r = await runCli(['screenshots', '--quiet', '--limit', '1', '-o', d], d);
    expect(r.code).toBe(EXIT.ok);
    expect(filesIn(d).sort()).toEqual(['avatars', 'screenshots-review.csv', 'screenshots-review.html', 'screenshots.csv', 'screenshots.html', 'screenshots.json']);
    expect(filesIn(join(d, 'avatars'))).toEqual(['card-001.png']);
    const truthName = readFileSync(join(ROOT, 'datasets/screenshots/truth.csv'), 'utf8').split('\n')[1]!.split(',')[3]!;
    const json = readFileSync(join(d, 'screenshots.json'), 'utf8');
    for (const f of ['screenshots.json', 'screenshots.csv', 'screenshots.html', 'screenshots-review.html']) expect(readFileSync(join(d, f), 'utf8')).not.toContain(truthName);
    const res = JSON.parse(json);
    const name = res.cards[0].cells.find((c: { field: string }) => c.field === 'name');
    expect(name.text).toBe(`${truthName[0]}**`);
    expect(name.box).toHaveLength(4);
    expect(name.confidence).toBeGreaterThan(0.9);
    expect(res.accuracy.cards).toBe(1);
    expect(res.matching.pairs).toBe(1);
  }, 90_000);
});

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
