import { describe, expect, it } from 'vitest';
import { capacityChart, classifierErrorChart, hourOfDayChart, interArrivalChart, monthlyVisitsChart, rateComparisonChart } from '../src/capacity/charts';
import { log10Histogram } from '../src/capacity/analysis';
import { capacityDistribution } from '../src/capacity/capacity';
import type { CountLog } from '../src/capacity/load';
import { analyseRate } from '../src/capacity/rate';

const T0 = Date.UTC(2014, 5, 30, 16) / 1000;

describe('log charts (pure Figure builders)', () => {
  it('monthly bars: one trace per account, zero for a missing month', () => {
    const counts: CountLog = {
      grain: 'month', accounts: ['a', 'b'], offsetMinutes: 480, asOfMs: 0, provenance: null,
      diagnostics: { partialPeriods: [], missingPeriods: [] },
      rows: [{ account: 'a', period: '2014-07', visits: 5, line: 2 }, { account: 'b', period: '2014-08', visits: 7, line: 3 }],
    };
    const f = monthlyVisitsChart(counts);
    expect(f.data).toHaveLength(2);
    expect(f.data[0]).toMatchObject({ name: 'a', x: ['2014-07', '2014-08'], y: [5, 0] });
    expect(f.data[1]).toMatchObject({ name: 'b', y: [0, 7] });
  });
  it('hour-of-day shares sum to 1 and inter-arrival shares to at most 1', () => {
    const s = analyseRate([0, 1, 2, 3600 * 5, 3600 * 12].map((h) => T0 + h), { ksReplicates: 0 });
    const f = hourOfDayChart([{ label: 'x', summary: s }]);
    expect((f.data[0]!.y as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const g = interArrivalChart([{ label: 'x', summary: s }]);
    const sum = (g.data[0]!.y as number[]).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
  });
  it('capacity histogram in log10 with one line per volume; rate bars; classifier bars', () => {
    const d = capacityDistribution(100, { pagesPerVisit: 1, profilesPerPage: { min: 1, max: 10 }, revisitShare: 0 }, { draws: 50, seed: 1 });
    const f = capacityChart({ ...d, log10Histogram: log10Histogram(d.samples, 20) }, [{ label: '300', value: 300 }, { label: '8M', value: 8e6 }]);
    expect((f.data[0]!.y as number[]).reduce((a, b) => a + b, 0)).toBe(50);
    expect((f.data[0]!.x as number[]).length).toBe(20);
    expect((f.layout!.shapes as Array<{ x0: number }>).map((s) => s.x0)).toEqual([Math.log10(300), Math.log10(8e6)]);
    const r = rateComparisonChart([{ label: 'logged', perSecond: 0.005 }, { label: 'needed', perSecond: 0.2 }]);
    expect(r.data[0]!.x).toEqual([0.005, 0.2]);
    const rows = [{ family: 'a', truth: 'automated', errorRate: 0.5, interval: [0.2, 0.8] as [number, number] }, { family: 'h', truth: 'human-paced', errorRate: 0, interval: [0, 0.1] as [number, number] }];
    const c = classifierErrorChart(rows);
    expect(c.data[0]!.x).toEqual(['a', 'h']);
    expect((c.data[0]!.error_y as { array: number[] }).array).toEqual([0.30000000000000004, 0.1]);
  });
});
