/**
 * The real executable, end to end: `node bin/profile-provenance.js` (what `npx profile-provenance`
 * runs) on the compiled library in dist/ (built by `npm run build` / `npm run reproduce`, as in
 * CI), in a separate process: exit codes and the files written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, filesIn, tempDir } from './cli-helpers';

const BIN = join(ROOT, 'bin', 'profile-provenance.js');
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

const spawn = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PP_HMAC_KEY: '' } });

describe('bin/profile-provenance.js', () => {
  it('is built (npm run build compiles dist/cli/main.js)', () => {
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js')), 'run `npm run build` first').toBe(true);
  });

  it('retention end to end in a child process: exit 0, JSON and HTML written; usage error exits 2', () => {
    const out = tempDir('cli-bin');
    dirs.push(out);
    const ok = spawn(['retention', '--quiet', '--out', out]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(filesIn(out).sort()).toEqual(['retention.html', 'retention.json']);
    const results = JSON.parse(readFileSync(join(out, 'retention.json'), 'utf8'));
    expect(results.run.command).toBe('profile-provenance retention');
    expect(results.comparison.length).toBeGreaterThan(0);
    const bad = spawn(['retention', '--alpha', 'x', '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--alpha');
    const help = spawn(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit codes');
  });
});
