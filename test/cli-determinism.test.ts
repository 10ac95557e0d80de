/**
 * Same inputs and seed => byte-identical JSON results (no clock, no wall-clock dependent
 * ordering, stable key order): each command run twice into two folders, bytes compared. A
 * different seed changes the seeded results (so the comparison can fail).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, runCommand, tempDir } from './cli-helpers';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

async function jsonBytes(command: string, extra: string[] = []): Promise<Buffer> {
  const dir = tempDir(`cli-det-${command}`);
  dirs.push(dir);
  const r = await runCommand(command, extra, dir);
  expect(r.code).toBe(0);
  return readFileSync(join(dir, `${command}.json`));
}

describe('same inputs + seed => byte-identical JSON', () => {
  it.each([
    ['match', []],
    ['capacity', []],
    ['retention', ['--decay', 'bootstrap', '--replicates', '300']],
    ['shadow', ['--no-truth']],
    ['avatars', ['--measure-images', '8', '--replicates', '200']],
    ['plausibility', ['--no-grid']],
    ['link', []],
  ])('%s', async (command, extra) => {
    const a = await jsonBytes(command, extra as string[]);
    const b = await jsonBytes(command, extra as string[]);
    expect(a.length).toBeGreaterThan(1000);
    expect(b.equals(a)).toBe(true);
  });

  it('a different seed gives different results where the method is seeded', async () => {
    for (const [command, extra] of [['match', []], ['capacity', []], ['link', []], ['retention', ['--decay', 'bootstrap', '--replicates', '300']]] as const) {
      const a = await jsonBytes(command, [...extra]);
      const b = await jsonBytes(command, [...extra, '--seed', '11']);
      expect(b.equals(a), command).toBe(false);
    }
  });
});
