import { describe, expect, it } from 'vitest';
import * as retention from '../src/retention';
import { commandJson, expectSameFigures, notebookDefaults } from './surfaces';

describe('retention: notebook 06 and `profile-provenance retention` give the same figures', () => {
  it('on the notebook defaults', async () => {
    const p = notebookDefaults('06-retention');
    const evidence = await retention.loadRetentionEvidence({ claim: p.claimPath as string, observations: p.observationsPath as string }, { asOf: p.asOf as string });
    const result = retention.analyseRetention(evidence, {
      ...retention.RETENTION_DEFAULTS, level: p.level as number, alpha: p.alpha as number, misattributionRate: p.misattributionRate as number,
      completeBelowShare: p.completeBelowShare as number, decay: p.decayMethod === 'bootstrap' ? 'bootstrap' : 'profile',
      replicates: p.bootstrapReplicates as number, seed: p.seed as number,
    });
    const cli = await commandJson('retention', ['--claim', p.claimPath as string, '--observations', p.observationsPath as string, '--as-of', p.asOf as string, '--seed', String(p.seed)]);
    expectSameFigures(result, cli, ['comparison', 'fit', 'statements', 'sensitivity', 'minimumContradictingCounts', 'projected', 'earliestPossibleCompletion', 'parameters']);
    expect((cli.comparison as unknown[]).length).toBeGreaterThan(0);
    // The output contract: the dispersion and at least two decay shapes, each with its criterion value.
    const fit = cli.fit as { dispersion: { phi: number }; models: Array<{ shape: string; qaic: number }> };
    expect(fit.dispersion.phi).toBeGreaterThanOrEqual(1);
    expect(fit.models.length).toBeGreaterThanOrEqual(2);
    for (const m of fit.models) expect(Number.isFinite(m.qaic)).toBe(true);
  });
});
