import { describe, expect, it } from 'vitest';
import * as cf from '../src/collaborative-filtering';
import { commandJson, expectSameFigures, notebookDefaults } from './surfaces';

describe('collaborative filtering: notebook 04 and `profile-provenance collaborative-filtering` give the same figures', () => {
  it('on the notebook defaults, with both real graphs (SNAP ego-Facebook, LastFM Asia); sensitivity grid and simulated world left out on both sides', async () => {
    const p = notebookDefaults('04-collaborative-filtering');
    const fields = (p.fields as string).split(',');
    const evidence = await cf.loadCollaborativeFilteringEvidence({ graph: p.graphPath as string, attributes: p.attributesPath as string, snap: p.snapDir as string, lastfm: p.lastfmDir as string }, { fields });
    const holders = { min: p.holdersMin as number, max: p.holdersMax as number };
    const result = cf.analyseCollaborativeFiltering(evidence, {
      ...cf.COLLABORATIVE_FILTERING_DEFAULTS, fields, k: p.k as number, n: p.n as number, targets: p.targets as number, holders,
      pSource: p.pSource as number, alpha: p.alpha as number, rho: p.rho as number, expertRatio: p.expertRatio as number, seed: p.seed as number,
      grid: null, world: null,
    });
    const cli = await commandJson('collaborative-filtering', [
      '--graph', p.graphPath as string, '--attributes', p.attributesPath as string, '--fields', fields.join(','), '--k', String(p.k), '--n', String(p.n),
      '--targets', String(p.targets), '--holders', `${holders.min}..${holders.max}`, '--p-source', String(p.pSource), '--alpha', String(p.alpha),
      '--rho', String(p.rho), '--expert-ratio', String(p.expertRatio), '--seed', String(p.seed), '--no-grid',
      '--snap', p.snapDir as string, '--lastfm', p.lastfmDir as string,
    ]);
    expectSameFigures(result, cli, ['simulation', 'pStarUpper', 'selective', 'display', 'holders', 'direct', 'test', 'countsFrontier', 'expertRatio', 'testSize', 'parameters', 'calibration', 'validation']);
    expect((cli.simulation as { targets: number }).targets).toBeGreaterThan(0);
    const graphs = (cli.calibration as { graphs: Array<{ graph: string }> }).graphs.map((g) => g.graph);
    expect(graphs).toEqual(['SNAP ego-Facebook', 'LastFM Asia']);
    expect((cli.validation as { byGraph: Array<{ graph: string }> }).byGraph.map((g) => g.graph)).toEqual(graphs);
  }, 180_000);
});
