import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, runCli, tempDir } from './cli-helpers';

// Output sets (issue 16, items 7, 8, 12, 14): checked before computing, written as a set.
describe('the output set of a command', () => {
  const dir = tempDir('outset');
  afterAll(() => cleanup(dir));

  it('a failed --pdf leaves the previous set intact, writes nothing partial, and exits 4 when Chromium is missing', async () => {
    const first = await runCli(['retention', '--quiet'], dir);
    expect(first.code).toBe(0);
    const before = readFileSync(join(dir, 'retention.json'));
    const beforeHtml = readFileSync(join(dir, 'retention.html'));
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(dir, 'no-such-chromium');
    try {
      const r = await runCli(['retention', '--quiet', '--pdf', '--misattribution', '0.2'], dir);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/CHROMIUM_PATH/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(readFileSync(join(dir, 'retention.json')).equals(before)).toBe(true);
    expect(readFileSync(join(dir, 'retention.html')).equals(beforeHtml)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['retention.html', 'retention.json']);
  });

  it('-o naming a file, an empty -o, or a folder that cannot be written: usage error (2) before any computing', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r1 = await runCli(['retention', '--quiet'], file);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/exists and is not a folder/);
    const r2 = await runCli(['retention', '--quiet'], '');
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/must not be empty/);
    if (process.getuid?.() !== 0) {
      const ro = join(dir, 'ro');
      writeFileSync(join(dir, 'placeholder'), '');
      chmodSync(dir, 0o500);
      try {
        const r3 = await runCli(['retention', '--quiet'], ro);
        expect(r3.code).toBe(2);
      } finally {
        chmodSync(dir, 0o700);
      }
    }
    expect(statSync(file).isFile()).toBe(true);
  });

  it('a seed that cannot be represented exactly is refused, not rounded', async () => {
    const r = await runCli(['retention', '--quiet', '--seed', '99999999999999999999'], join(dir, 'seed'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--seed/);
    expect(existsSync(join(dir, 'seed', 'retention.json'))).toBe(false);
  });
});
