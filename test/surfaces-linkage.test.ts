import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as linkage from '../src/linkage';
import { ROOT } from './cli-helpers';
import { commandJson, expectSameFigures, notebookDefaults } from './surfaces';

describe('linkage: notebook 02 and `profile-provenance link` give the same figures', () => {
  it('on the notebook defaults, answer key included', async () => {
    const p = notebookDefaults('02-linkage');
    const evidence = await linkage.loadLinkageEvidence({ displayed: p.displayedPath as string, source: p.sourcePath as string }, { answerKey: p.truthPath ? [p.truthPath as string] : null });
    const result = linkage.analyseLinkage(evidence, {
      seed: p.seed as number, uPairs: p.uPairs as number, maxPairs: p.maxPairs as number, linkThreshold: p.linkThreshold as number,
      confidentThreshold: p.confidentThreshold as number, termFrequency: p.termFrequency as boolean, unmasked: p.unmasked as boolean, mEstimate: p.mEstimate as 'em' | 'per-rule',
    });
    const cli = await commandJson('link', ['--displayed', p.displayedPath as string, '--source', p.sourcePath as string, '--seed', String(p.seed)]);
    expectSameFigures(result, cli, ['counts', 'blocking', 'model', 'links', 'errorRates', 'nameFrequency', 'strongest', 'strengthBands', 'truth', 'parameters', 'mCheck']);
    expect(result.truth).not.toBeNull();
    expect(result.truth!.quality[0]!.f1).toBeGreaterThan(0.9);
  }, 120_000);

  it('an empty source_id in the answer key means "no source account"', async () => {
    const p = notebookDefaults('02-linkage');
    const dir = join(ROOT, '.tmp', `linkage-key-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const key = join(dir, 'key.csv');
    writeFileSync(key, 'display_id,source_id\nD001,S2722\nD002,\n');
    const evidence = await linkage.loadLinkageEvidence({ displayed: p.displayedPath as string, source: p.sourcePath as string }, { answerKey: [key] });
    expect(evidence.answerKey!.pairs).toEqual([['D001', 'S2722'], ['D002', null]]);
    const r = linkage.analyseLinkage(evidence, linkage.LINKAGE_DEFAULTS);
    expect(r.truth!.truePairs).toBe(1);
    expect(r.truth!.noSource).toBe(1);
  }, 120_000);
});
