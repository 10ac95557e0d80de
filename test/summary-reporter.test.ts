import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import SummaryReporter, { underCi } from './summary-reporter';

/** A stand-in for vitest's TestModule with the fields the reporter reads. */
function fakeModule(states: Array<'passed' | 'failed' | 'skipped'>): TestModule {
  const tests = states.map((state, i) => ({ fullName: `case ${i}`, result: () => ({ state, note: state === 'skipped' ? 'needs X' : undefined }) }));
  return { moduleId: '/repo/test/a.test.ts', state: () => 'passed', children: { allTests: () => tests[Symbol.iterator]() } } as unknown as TestModule;
}

describe('summary reporter', () => {
  const saved = { ci: process.env.CI, exitCode: process.exitCode };
  afterEach(() => {
    process.env.CI = saved.ci;
    if (saved.ci === undefined) delete process.env.CI;
    process.exitCode = saved.exitCode;
    vi.restoreAllMocks();
  });

  it('reads CI the way CI services set it', () => {
    expect(underCi({ CI: 'true' })).toBe(true);
    expect(underCi({ CI: '1' })).toBe(true);
    expect(underCi({})).toBe(false);
    expect(underCi({ CI: 'false' })).toBe(false);
    expect(underCi({ CI: '0' })).toBe(false);
  });

  it('lists each skipped test with its note, and fails the run under CI', () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    process.env.CI = 'true';
    process.exitCode = undefined;
    new SummaryReporter().onTestRunEnd([fakeModule(['passed', 'skipped', 'failed'])]);
    const text = out.join('');
    vi.restoreAllMocks();
    expect(text).toContain('tests: 1 passed, 1 failed, 1 skipped');
    expect(text).toContain('test/a.test.ts > case 1 (needs X)');
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
  });

  it('outside CI a skip is listed but does not change the exit code; no skip prints no list', () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    delete process.env.CI;
    process.exitCode = undefined;
    new SummaryReporter().onTestRunEnd([fakeModule(['skipped'])]);
    new SummaryReporter().onTestRunEnd([fakeModule(['passed'])]);
    vi.restoreAllMocks();
    expect(process.exitCode).toBeUndefined();
    expect(out.join('').match(/skipped tests/g)).toHaveLength(1);
  });
});
