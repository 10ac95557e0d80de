import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/stats/random';
import { type DeletionClaim } from '../src/retention/claim';
import { compareWithClaim } from '../src/retention/compare';
import { loadObservations } from '../src/retention/load';
import { fitDecayModels, fitRetentionDecay, quasiProfileInterval } from '../src/retention/models';

function draw(seed: number, p: (t: number) => number, ts: number[], n: number) {
  const rng = seededRandom(seed);
  return ts.map((t) => {
    let k = 0;
    for (let j = 0; j < n; j++) if (rng() < p(t)) k++;
    return { t, n, k };
  });
}

describe('quasi-binomial decay shapes compared by QAIC', () => {
  it('φ̂ = Pearson X² / (m − 3) of the floor shape, by hand from its fitted curve', () => {
    const pts = draw(1, (t) => 0.9 * Math.exp(-t / 200), [20, 60, 100, 150, 220, 300, 400], 200);
    const m = fitDecayModels(pts);
    const g = m.models.find((x) => x.shape === 'exponential with floor')!;
    let x2 = 0;
    for (const { t, n, k } of pts) {
      const q = g.floor + (g.remaining0 - g.floor) * Math.exp(-g.lambda * t);
      x2 += (k - n * q) ** 2 / (n * q * (1 - q));
    }
    expect(m.dispersion.pearsonChi2).toBeCloseTo(x2, 6);
    expect(m.dispersion.phiHat).toBeCloseTo(x2 / (pts.length - 3), 6);
    expect(m.dispersion.phi).toBe(Math.max(1, m.dispersion.phiHat));
    for (const x of m.models) expect(x.qaic).toBeCloseTo((-2 * x.logLikelihood) / m.dispersion.phi + 2 * (x.parameters + 1), 9);
  });
  it('prefers the floor shape when deletion stopped at 30%, and a free remaining(0) when it started at 60%', () => {
    const floor = fitDecayModels(draw(2, (t) => 0.3 + 0.65 * Math.exp(-t / 60), [15, 40, 80, 120, 200, 300, 420, 500], 400));
    expect(floor.selected).toBe('exponential with floor');
    expect(floor.models.find((x) => x.shape === 'exponential with floor')!.floor).toBeGreaterThan(0.25);
    const start = fitDecayModels(draw(3, (t) => 0.6 * Math.exp(-t / 150), [15, 40, 80, 120, 200, 300], 400));
    const free = start.models.find((x) => x.shape === 'exponential')!;
    expect(free.remaining0).toBeGreaterThan(0.5);
    expect(free.remaining0).toBeLessThan(0.7);
    expect(start.models.find((x) => x.shape === 'exponential, remaining(0) = 1')!.deltaQaic).toBeGreaterThan(10);
  });
  it('the interval widens with the dispersion (by √φ at first order)', () => {
    const pts = draw(4, (t) => 0.95 * Math.exp(-t / 180), [20, 60, 120, 200, 300], 200);
    const i1 = quasiProfileInterval(pts, 'exponential', 1, 0.95);
    const i4 = quasiProfileInterval(pts, 'exponential', 4, 0.95);
    const w1 = i1[1] - i1[0], w4 = i4[1] - i4[0];
    expect(w4 / w1).toBeGreaterThan(1.8);
    expect(w4 / w1).toBeLessThan(2.2);
  });
});

describe('"within months" (数月间): a capture dated as an interval', () => {
  const claim: DeletionClaim = { contractEnd: '2014-08-31', stages: [{ date: '2014-11-30', shareDeleted: 0.5 }, { date: '2015-03-31', shareDeleted: 0.5 }] };
  it('is loaded from date + date_latest, compared at its earliest date with the assumption stated, fitted at the middle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-interval-'));
    const csv = join(dir, 'court.csv');
    writeFileSync(csv, 'date,date_latest,capture,inspected,source_origin\n2014-09-01,2015-02-28,court: within months,100,60\n2015-05-01,,later,100,20\n');
    const { observations } = await loadObservations(csv, { asOf: '2015-12-31' });
    expect(observations[0]).toMatchObject({ date: '2014-09-01', dateLatest: '2015-02-28' });
    const rows = compareWithClaim(claim, observations);
    // at 2014-09-01 the claim allows 100%: 60 of 100 cannot contradict it, whatever the true date in the interval
    expect(rows[0]!.claimedRemaining).toBe(1);
    expect(rows[0]!.contradicts).toBe(false);
    expect(rows[0]!.statement).toMatch(/earliest date the record allows/);
    expect(rows[1]!.contradicts).toBe(true);
    expect(rows[1]!.statement).toMatch(/^Assuming the 100 inspected records are a random sample/);
    const fit = fitRetentionDecay('2014-08-31', observations);
    expect(fit.points[0]!.t).toBe((1 + 181) / 2);
    expect(fit.models).toHaveLength(3);
  });
  it('refuses an interval that ends before it starts, naming the column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-interval-'));
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'date,date_latest,capture,inspected,source_origin\n2015-02-01,2015-01-01,x,10,1\n');
    await expect(loadObservations(csv, { asOf: '2015-12-31' })).rejects.toThrow(/date_latest/);
  });
});
