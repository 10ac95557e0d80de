import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io/errors';
import { loadClaim, loadObservations } from '../src/retention/load';
import { evidenceFolder, issuesOf } from './evidence-helpers';

const { dir, file } = evidenceFolder('ret-load-');
const H = 'date,capture,inspected,source_origin,note\n';

describe('loadObservations', () => {
  it('loads and SORTS by date (order carries no meaning)', async () => {
    const p = file('o1.csv', `${H}2015-04-28,c6,150,61,\n2014-09-16,c1,200,188,first\n`);
    const { observations, provenance } = await loadObservations(p, { asOf: '2015-12-31' });
    expect(observations.map((o) => o.label)).toEqual(['c1', 'c6']);
    expect(observations[0]).toEqual({ date: '2014-09-16', label: 'c1', inspected: 200, sourceOrigin: 188, note: 'first' });
    expect(provenance.rows).toBe(2);
  });
  it('REFUSES source_origin above inspected, negative counts, duplicate labels, future dates', async () => {
    expect((await issuesOf(loadObservations(file('o2.csv', `${H}2015-01-01,c1,10,11,\n`), { asOf: '2015-12-31' })))[0]).toMatchObject({ row: 2, column: 'source_origin' });
    expect((await issuesOf(loadObservations(file('o3.csv', `${H}2015-01-01,c1,10,-1,\n`), { asOf: '2015-12-31' })))[0]).toMatchObject({ row: 2, column: 'source_origin' });
    expect((await issuesOf(loadObservations(file('o4.csv', `${H}2015-01-01,c1,10,1,\n2015-02-01,c1,10,1,\n`), { asOf: '2015-12-31' })))[0]).toMatchObject({ column: 'capture' });
    const fut = await issuesOf(loadObservations(file('o5.csv', `${H}2015-01-01,c1,10,1,\n2016-02-01,c2,10,1,\n`), { asOf: '2015-12-31' }));
    expect(fut[0]).toMatchObject({ row: 3, column: 'date' });
    expect(fut[0]!.message).toMatch(/future-dated/);
  });
  it('requires asOf', async () => {
    await expect(loadObservations(file('o6.csv', `${H}2015-01-01,c1,10,1,\n`), { asOf: '' })).rejects.toThrow(/asOf/);
  });
});

describe('loadClaim', () => {
  it('loads a valid schedule and hashes the file', async () => {
    const p = file('claim.json', JSON.stringify({ contractEnd: '2014-08-31', stages: [{ date: '2015-03-31', shareDeleted: 1 }] }));
    const { claim, sha256 } = await loadClaim(p);
    expect(claim.stages).toEqual([{ date: '2015-03-31', shareDeleted: 1 }]);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('REFUSES bad JSON, missing fields and impossible schedules', async () => {
    await expect(loadClaim(file('c1.json', '{'))).rejects.toThrow(EvidenceError);
    await expect(loadClaim(file('c2.json', '{"stages": []}'))).rejects.toThrow(/contractEnd/);
    await expect(loadClaim(file('c3.json', '{"contractEnd":"2014-08-31","stages":[{"date":"2015-01-01"}]}'))).rejects.toThrow(/shareDeleted/);
    await expect(loadClaim(file('c4.json', '{"contractEnd":"2014-08-31","stages":[{"date":"2015-01-01","shareDeleted":0.8},{"date":"2015-02-01","shareDeleted":0.8}]}'))).rejects.toThrow(/more than all/);
    await expect(loadClaim(join(dir, 'missing.json'))).rejects.toThrow(/cannot open/);
  });
});
