import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { weiboMaimai } from '../src/case/weiboMaimai';
import { claimCompletionDate } from '../src/retention/claim';
import { generateRetentionDataset, RETENTION_DATASET_SEED, SYNTHETIC_CLAIM } from '../src/retention/datasets';

const committed = join(__dirname, '..', 'datasets', 'retention');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const tmp = mkdtempSync(join(tmpdir(), 'ret-ds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('datasets/retention (SYNTHETIC)', () => {
  it('the script regenerates every committed file byte for byte', () => {
    execFileSync(join(__dirname, '..', 'node_modules', '.bin', 'tsx'), [join(__dirname, '..', 'scripts', 'datasets', 'retention.ts'), tmp]);
    const names = readdirSync(committed).sort();
    expect(readdirSync(tmp).sort()).toEqual(names);
    for (const n of names) expect(sha(readFileSync(join(tmp, n))), n).toBe(sha(readFileSync(join(committed, n))));
  });
  it('README says SYNTHETIC, the seed and every data file hash', () => {
    const files = generateRetentionDataset(RETENTION_DATASET_SEED);
    expect(files['README.md']).toMatch(/SYNTHETIC/);
    expect(files['README.md']).toContain(String(RETENTION_DATASET_SEED));
    for (const [n, c] of Object.entries(files)) if (n !== 'README.md') expect(files['README.md']).toContain(sha(c));
  });
  it('the claim matches the judgment: termination in August 2014, completion in Feb-Mar 2015', () => {
    expect(SYNTHETIC_CLAIM.contractEnd.slice(0, 7)).toBe(weiboMaimai.cooperationEnded.value);
    const [from, to] = String(weiboMaimai.deletionClaimedFinished.value).split('/');
    const done = claimCompletionDate(SYNTHETIC_CLAIM)!.slice(0, 7);
    expect(done >= from! && done <= to!).toBe(true);
  });
});
