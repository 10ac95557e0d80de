import { describe, expect, it } from 'vitest';
import { weiboMaimai } from '../src/case/weiboMaimai';
import { claimCompletionDate } from '../src/retention/claim';
import { generateRetentionDataset, RETENTION_DATASET_SEED, SYNTHETIC_CLAIM } from '../src/retention/datasets';
import { expectReadmeDeclaresDataset, expectScriptRegeneratesDataset } from './evidence-helpers';

describe('datasets/retention (SYNTHETIC)', () => {
  it('the script regenerates every committed file byte for byte', () => {
    expectScriptRegeneratesDataset('retention', 'ret-ds-');
  });
  it('README says SYNTHETIC, the seed and every data file hash', () => {
    expectReadmeDeclaresDataset(generateRetentionDataset(RETENTION_DATASET_SEED), RETENTION_DATASET_SEED);
  });
  it('the claim matches the judgment: termination in August 2014, completion in Feb-Mar 2015', () => {
    expect(SYNTHETIC_CLAIM.contractEnd.slice(0, 7)).toBe(weiboMaimai.cooperationEnded.value);
    const [from, to] = String(weiboMaimai.deletionClaimedFinished.value).split('/');
    const done = claimCompletionDate(SYNTHETIC_CLAIM)!.slice(0, 7);
    expect(done >= from! && done <= to!).toBe(true);
  });
});
