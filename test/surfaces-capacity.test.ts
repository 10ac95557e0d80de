import { describe, expect, it } from 'vitest';
import * as capacity from '../src/capacity';
import { commandJson, expectSameFigures, notebookDefaults } from './surfaces';

describe('capacity: notebook 05 and `profile-provenance capacity` give the same figures', () => {
  it('on the notebook defaults', async () => {
    const p = notebookDefaults('05-capacity');
    const evidence = await capacity.loadCapacityEvidence({ monthly: p.monthlyPath as string, requests: p.requestsPath as string }, { asOf: p.asOf as string });
    // Range parameters are object literals in the notebook (not read by the parameter parser): the defaults stand for them.
    const params = {
      ...capacity.CAPACITY_DEFAULTS, from: p.periodFrom as string, to: p.periodTo as string, users: p.users as number, draws: p.draws as number,
      seed: p.seed as number, ksReplicates: p.ksReplicates as number, classifierSeed: p.classifierSeed as number,
      classifierTuningSeed: p.classifierTuningSeed as number, accountsPerScenario: 10,
    };
    const result = capacity.analyseCapacity(evidence, params);
    const cli = await commandJson('capacity', [
      '--monthly', p.monthlyPath as string, '--requests', p.requestsPath as string, '--as-of', p.asOf as string, '--from', params.from, '--to', params.to,
      '--draws', String(params.draws), '--seed', String(params.seed), '--ks-replicates', String(params.ksReplicates),
      '--classifier-seed', String(params.classifierSeed), '--classifier-tuning-seed', String(params.classifierTuningSeed), '--accounts-per-scenario', '10',
    ]);
    expectSameFigures(result, cli, ['capacity', 'volume', 'coverage', 'frontier', 'frontierInsideAssumptions', 'shareCapacityCoversVolume', 'rates', 'accounts', 'classifier', 'breakEven', 'parameters']);
    expect((cli.accounts as unknown[]).length).toBeGreaterThan(0);
    // The output contract: one held-out row per behaviour family with its error rate and interval.
    const oos = (cli.classifier as { outOfSample: Array<{ family: string; errorRate: number; interval: [number, number]; role: string }> }).outOfSample;
    expect(oos.map((r) => r.family)).toEqual(capacity.BEHAVIOUR_FAMILIES.map((f) => f.id).filter((f) => !capacity.TUNING_FAMILIES.includes(f)));
    for (const r of oos) expect(r.interval[0]).toBeLessThanOrEqual(r.errorRate);
    expect(p.users).toBe(capacity.CAPACITY_DEFAULTS.users);
  });
});
