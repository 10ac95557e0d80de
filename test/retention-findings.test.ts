import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retentionFindings } from '../src/retention/findings';
import { loadClaim, loadObservations } from '../src/retention/load';
import { retentionTimelineChart } from '../src/retention/charts';

const dir = join(__dirname, '..', 'datasets', 'retention');

describe('retentionFindings on the committed synthetic evidence', async () => {
  const { observations } = await loadObservations(join(dir, 'observations.csv'), { asOf: '2015-12-31' });
  const { claim } = await loadClaim(join(dir, 'claim.json'));
  const f = retentionFindings(claim, observations);

  it('says which captures contradict the claim: those after the claimed completion, and capture-5', () => {
    expect(f.comparison.filter((r) => r.contradicts).map((r) => r.label)).toEqual(['capture-5', 'capture-6', 'capture-7']);
    expect(f.contradictions).toMatch(/^3 of 7 observations contradict/);
  });
  it('deletion was not complete on the last capture date; earliest completion is the day after', () => {
    expect(f.lastPresence!.date).toBe('2015-06-16');
    expect(f.earliestPossibleCompletion).toBe('2015-06-17');
    expect(f.claimCompletion).toBe('2015-03-31');
    expect(f.statements[2]).toMatch(/after the claimed completion \(2015-03-31\)/);
  });
  it('the fitted half-life covers the generating 180 days', () => {
    expect(f.fit.halfLifeInterval[0]).toBeLessThan(180);
    expect(f.fit.halfLifeInterval[1]).toBeGreaterThan(180);
  });
  it('with a large misattribution rate the late captures no longer prove presence', () => {
    const g = retentionFindings(claim, observations, { misattributionRate: 0.5 });
    expect(g.comparison.filter((r) => r.contradicts).map((r) => r.label)).toEqual([]);
    expect(g.lastPresence!.label).toBe('capture-4');
  });
  it('timeline chart: claimed step line, observed points with intervals, fitted band', () => {
    const fig = retentionTimelineChart(f);
    const obs = fig.data.find((d) => d.mode === 'markers')!;
    expect(obs.x).toEqual(observations.map((o) => o.date));
    const step = fig.data.find((d) => String(d.name).startsWith('claimed'))!;
    expect(step.y).toEqual([1, 0.7, 0.3, 0, 0]);
    expect((obs.marker as { color: string[] }).color.filter((c) => c === '#c53030')).toHaveLength(3);
  });
});
