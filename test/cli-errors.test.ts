/**
 * Exit codes scripts can rely on, with messages naming what is wrong: 2 for usage (bad number,
 * unknown option, unknown command, missing file, missing HMAC key), 3 for evidence (a file that
 * fails validation: file, line and column named). Nothing is written when a command fails.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exitCodes';
import { cleanup, filesIn, runCli, tempDir } from './cli-helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const fresh = (p: string) => {
  const d = tempDir(p);
  dirs.push(d);
  return d;
};

let savedKey: string | undefined;
beforeEach(() => {
  savedKey = process.env.PP_HMAC_KEY;
  delete process.env.PP_HMAC_KEY;
});
afterEach(() => {
  if (savedKey !== undefined) process.env.PP_HMAC_KEY = savedKey;
});

describe('usage errors exit 2 and name the option', () => {
  it.each([
    [['match', '--strictness', '2'], '--strictness'],
    [['capacity', '--draws', 'many'], '--draws'],
    [['capacity', '--revisit-share', '0.2..1.5'], '--revisit-share'],
    [['capacity', '--from', '2014-13'], '--from'],
    [['retention', '--level', 'high'], '--level'],
    [['retention', '--as-of', '2015-02-30'], '--as-of'],
    [['avatars', '--threshold', 'near'], '--threshold'],
    [['plausibility', '--k', '3.5'], '--k'],
    [['link', '--link-threshold', '1.5'], '--link-threshold'],
    [['shadow', '--key', 'a long enough key here', '--theta', '-1'], '--theta'],
  ])('%j', async (args, option) => {
    const out = join(fresh('cli-err'), 'out');
    const r = await runCli([...args, '--quiet'], out);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(option);
    expect(filesIn(out)).toEqual([]);
  });

  it('an unknown option or command', async () => {
    const a = await runCli(['retention', '--no-such-option']);
    expect(a.code).toBe(EXIT.usage);
    expect(a.stderr).toContain("unknown option '--no-such-option'");
    const b = await runCli(['crawl']);
    expect(b.code).toBe(EXIT.usage);
    expect(b.stderr).toContain("unknown command 'crawl'");
  });

  it('a missing evidence file names the option and the path', async () => {
    const out = join(fresh('cli-err'), 'out');
    const r = await runCli(['retention', '--quiet', '--observations', 'no/such/captures.csv'], out);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('--observations');
    expect(r.stderr).toContain('no/such/captures.csv');
    expect(filesIn(out)).toEqual([]);
  });

  it('shadow refuses to run without an HMAC key, naming --key and PP_HMAC_KEY', async () => {
    const out = join(fresh('cli-err'), 'out');
    const r = await runCli(['shadow', '--quiet'], out);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('--key');
    expect(r.stderr).toContain('PP_HMAC_KEY');
    expect(filesIn(out)).toEqual([]);
  });

  it('shadow takes the key from PP_HMAC_KEY', async () => {
    process.env.PP_HMAC_KEY = 'a key from the environment';
    const out = join(fresh('cli-err'), 'out');
    const r = await runCli(['shadow', '--quiet', '--no-truth'], out);
    expect(r.code).toBe(EXIT.ok);
    expect(filesIn(out).sort()).toEqual(['shadow.html', 'shadow.json']);
  });

  it('--help exits 0', async () => {
    const r = await runCli(['capacity', '--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr + '').toBeDefined();
  });
});

describe('evidence errors exit 3 and name file, line and column', () => {
  it('a bad cell: file, line and column named; nothing written', async () => {
    const dir = fresh('cli-evidence');
    const csv = join(dir, 'captures.csv');
    writeFileSync(csv, 'date,capture,inspected,source_origin,note\n2014-09-16,c1,200,188,\n2014-10-21,c2,150,lots,\n');
    const out = join(dir, 'out');
    const r = await runCli(['retention', '--quiet', '--observations', csv], out);
    expect(r.code).toBe(EXIT.evidence);
    expect(r.stderr).toContain('captures.csv');
    expect(r.stderr).toContain('line 3');
    expect(r.stderr).toContain("column 'source_origin'");
    expect(filesIn(out)).toEqual([]);
  });

  it('a missing column: file and column named', async () => {
    const dir = fresh('cli-evidence');
    const csv = join(dir, 'visits.csv');
    writeFileSync(csv, 'account,month\nA,2014-07\n');
    const out = join(dir, 'out');
    const r = await runCli(['capacity', '--quiet', '--monthly', csv, '--no-requests'], out);
    expect(r.code).toBe(EXIT.evidence);
    expect(r.stderr).toContain('visits.csv');
    expect(r.stderr).toContain('visits');
    expect(filesIn(out)).toEqual([]);
  });

  it('a rule of the evidence broken (more still present than inspected): line and column named', async () => {
    const dir = fresh('cli-evidence');
    const csv = join(dir, 'captures.csv');
    writeFileSync(csv, 'date,capture,inspected,source_origin,note\n2014-09-16,c1,200,188,\n2014-10-21,c2,150,151,\n');
    const r = await runCli(['retention', '--quiet', '--observations', csv], join(dir, 'out'));
    expect(r.code).toBe(EXIT.evidence);
    expect(r.stderr).toMatch(/captures\.csv line 3, column 'source_origin'/);
  });
});
