import { describe, expect, it } from 'vitest';
import * as avatars from '../src/avatars';
import { commandJson, expectSameFigures, notebookDefaults } from './surfaces';

describe('avatars: notebook 03 and `profile-provenance avatars` give the same figures', () => {
  it('on the notebook defaults', async () => {
    const p = notebookDefaults('03-avatars');
    const evidence = await avatars.loadAvatarsEvidence({ manifest: p.manifestPath as string });
    const result = await avatars.analyseAvatars(evidence, {
      ...avatars.AVATARS_DEFAULTS, reference: p.reference as string, claimed: (p.claimedPlatforms as string).split(','),
      threshold: p.threshold as number, maxFalseMatchRate: p.maxFalseMatchRate as number, tuningShare: p.tuningShare as number,
      measureImages: p.measureImages as number, replicates: p.replicates as number, seed: p.seed as number,
    });
    const cli = await commandJson('avatars', ['--manifest', p.manifestPath as string, '--seed', String(p.seed)]);
    expectSameFigures(result, cli, ['cropTable', 'falseMatch', 'chosen', 'rates', 'summary', 'attribution', 'propositions', 'simulation', 'parameters']);
    // Dependence table: rho = 0 is the mixture itself; rho = 1 counts each uploader group once.
    const dep = result.propositions.dependence;
    const n = result.propositions.assessed;
    expect(dep.find((d) => d.rho === 0)!.byShare).toEqual(result.propositions.mixture.map((x) => ({ share: x.share, log10Lr: x.log10Lr })));
    const one = dep.find((d) => d.rho === 1)!;
    expect(one.effectivePeople).toBeCloseTo(Math.min(n, avatars.AVATARS_DEFAULTS.clusters), 9);
    one.byShare.forEach((x, i) => expect(x.log10Lr).toBeCloseTo(result.propositions.mixture[i]!.log10Lr * one.effectivePeople / n, 9));
    // The notebook's threshold is the one rule's, and the rule's is what this measurement chooses on its tuning half.
    expect(p.threshold).toBe(avatars.AVATAR_SIMILARITY.threshold);
    expect(result.chosen.tolerant.threshold).toBe(avatars.AVATAR_SIMILARITY.threshold);
    // Crop tolerance: at a 5% crop the crop-tolerant distance misses fewer copies than the full frame.
    const five = result.cropTable.find((r) => r.crop === '5%')!;
    expect(five.tolerantFalseNonMatch).toBeLessThan(five.plainFalseNonMatch);
    // Simulation: under H_p no person gets LR <= 1/100 more often than under H_d.
    const [hp, hd] = result.simulation;
    expect(hp!.atMostHundredth).toBeLessThanOrEqual(hd!.atMostHundredth);
    expect(hd!.atLeast100).toBeLessThanOrEqual(hp!.atLeast100);
  }, 240_000);
});
