import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctorChecks, doctorText, machineProbe, type DoctorProbe } from '../src/cli/doctorCommand';

const root = mkdtempSync(join(tmpdir(), 'pp-doctor-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A machine with nothing installed (as a fresh container), except what `have` lists. */
function bare(have: Partial<DoctorProbe> = {}): DoctorProbe {
  return {
    nodeVersion: '18.19.0', root, exists: () => false, run: () => ({ status: 1, stdout: '' }), chromium: () => null, writable: () => false, isRoot: false,
    ...have,
  };
}

describe('doctor', () => {
  it('on a bare machine every check fails with the exact fix', () => {
    const checks = doctorChecks(bare());
    expect(checks.every((c) => !c.ok)).toBe(true);
    const fix = (name: string) => checks.find((c) => c.check.startsWith(name))!.fix;
    expect(fix('Node.js')).toMatch(/20\.19/);
    expect(fix('npm packages')).toBe(`cd ${root} && npm install`);
    expect(fix('Jupyter')).toContain('sudo apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient jupyter-client');
    expect(fix('tslab kernelspec')).toContain('npm run test:notebooks');
    expect(fix('notebook server')).toContain('jupyter-notebook');
    expect(fix('Chromium')).toContain('apt-get install -y --no-install-recommends chromium');
    expect(fix('CJK fonts')).toContain('fonts-noto-cjk');
    expect(fix('write access: project')).toContain(root);
    const text = doctorText(checks);
    expect(text).toContain(`${checks.length} of ${checks.length} checks failed`);
    expect(text.match(/^MISSING/gm)).toHaveLength(checks.length);
  });

  it('as root the fixes drop sudo; a kernelspec pointing at existing files passes', () => {
    mkdirSync(join(root, '.jupyter-local', 'kernels', 'tslab'), { recursive: true });
    const node = process.execPath;
    const tslab = join(root, 'tslab-bin');
    writeFileSync(tslab, '');
    writeFileSync(join(root, '.jupyter-local', 'kernels', 'tslab', 'kernel.json'), JSON.stringify({ argv: [node, tslab, 'kernel'] }));
    const checks = doctorChecks(bare({ isRoot: true, exists: existsSync, nodeVersion: '20.19.2' }));
    expect(checks.find((c) => c.check === 'Node.js')!.ok).toBe(true);
    expect(checks.find((c) => c.check.startsWith('tslab kernelspec'))!.ok).toBe(true);
    expect(checks.find((c) => c.check.startsWith('Chromium'))!.fix).toMatch(/^apt-get update && apt-get install/);
  });

  it('on this machine it runs, and Node passes', () => {
    const checks = doctorChecks(machineProbe());
    expect(checks.find((c) => c.check === 'Node.js')).toMatchObject({ ok: true, fix: '' });
    expect(checks.find((c) => c.check.startsWith('write access: temporary'))!.ok).toBe(true);
  });
});
