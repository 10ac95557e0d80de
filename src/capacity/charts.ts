/**
 * Pure figure builders for the access-log findings (data in, plotly `Figure` out). Notebooks
 * display them with `pp.plot.showFigure(fig)`.
 *
 * @example
 * const fig = monthlyVisitsChart(monthly);          // grouped bars per account
 * const fig2 = interArrivalChart([{ label: '脉脉', summary }]);
 */
import type { Figure } from '../plot/figure';
import type { Log10Histogram } from './analysis';
import type { CountLog } from './load';
import type { RateSummary } from './rate';

/** What the pace charts read of a rate summary (a full `RateSummary` or the JSON form in a result). */
export type PaceSeries = Array<{
  label: string;
  summary: Pick<RateSummary, 'records' | 'hourOfDay' | 'nightHours' | 'offsetMinutes'> & {
    gaps: { n: number };
    histogram: { minLog10: number; binsPerDecade: number; counts: ArrayLike<number> };
  };
}>;

const PALETTE = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b7791f', '#c53030'];

/** Grouped bars of visits per account per period (month or day). */
export function monthlyVisitsChart(counts: Pick<CountLog, 'grain' | 'accounts'> & { rows: Array<{ account: string; period: string; visits: number }> }, options: { title?: string } = {}): Figure {
  const periods = [...new Set(counts.rows.map((r) => r.period))].sort();
  const data = counts.accounts.map((account, i) => {
    const byPeriod = new Map(counts.rows.filter((r) => r.account === account).map((r) => [r.period, r.visits]));
    return { type: 'bar', name: account, x: periods, y: periods.map((p) => byPeriod.get(p) ?? 0), marker: { color: PALETTE[i % PALETTE.length] } };
  });
  return {
    data,
    layout: {
      title: { text: options.title ?? `Logged visits per account per ${counts.grain} (CST)` },
      barmode: 'group',
      xaxis: { title: { text: counts.grain === 'month' ? 'month (CST)' : 'day (CST)' }, type: 'category' },
      yaxis: { title: { text: 'visits' } },
    },
  };
}

/** Inter-arrival time distributions (share of gaps per log10 bin), one line per account. */
export function interArrivalChart(series: PaceSeries, options: { title?: string; binsPerPoint?: number } = {}): Figure {
  const merge = options.binsPerPoint ?? 5;
  const data = series.map(({ label, summary }, i) => {
    const h = summary.histogram;
    const total = summary.gaps.n || 1;
    const x: number[] = [];
    const y: number[] = [];
    for (let b = 0; b < h.counts.length; b += merge) {
      let c = 0;
      for (let k = b; k < Math.min(h.counts.length, b + merge); k++) c += h.counts[k]!;
      x.push(10 ** (h.minLog10 + (b + merge / 2) / h.binsPerDecade));
      y.push(c / total);
    }
    // trim empty tails
    let a = 0;
    let z = y.length - 1;
    while (a < y.length && y[a] === 0) a++;
    while (z > a && y[z] === 0) z--;
    return { type: 'scatter', mode: 'lines+markers', name: label, x: x.slice(Math.max(0, a - 1), z + 2), y: y.slice(Math.max(0, a - 1), z + 2), line: { color: PALETTE[i % PALETTE.length] } };
  });
  return {
    data,
    layout: {
      title: { text: options.title ?? 'Time between consecutive requests' },
      xaxis: { title: { text: 'gap (seconds, log scale)' }, type: 'log' },
      yaxis: { title: { text: 'share of gaps' } },
    },
  };
}

/** Share of requests per hour of day (local time of the summaries, CST by default), night shaded. */
export function hourOfDayChart(series: PaceSeries, options: { title?: string } = {}): Figure {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const data = series.map(({ label, summary }, i) => {
    const total = summary.records || 1;
    return { type: 'bar', name: label, x: hours, y: summary.hourOfDay.map((c) => c / total), marker: { color: PALETTE[i % PALETTE.length] } };
  });
  const [a, b] = series[0]?.summary.nightHours ?? [0, 7];
  const off = series[0]?.summary.offsetMinutes ?? 480;
  return {
    data,
    layout: {
      title: { text: options.title ?? 'Requests by hour of day' },
      barmode: 'group',
      xaxis: { title: { text: `hour of day (UTC${off >= 0 ? '+' : '-'}${Math.abs(off) / 60})` }, dtick: 1 },
      yaxis: { title: { text: 'share of requests' } },
      shapes: [{ type: 'rect', xref: 'x', yref: 'paper', x0: a - 0.5, x1: b - 0.5, y0: 0, y1: 1, fillcolor: '#718096', opacity: 0.12, line: { width: 0 } }],
      annotations: [{ x: (a + b) / 2 - 0.5, y: 1, yref: 'paper', text: 'night', showarrow: false }],
    },
  };
}

/** Histogram of simulated capacities (log10 bins, from `log10Histogram`) with vertical lines at the volumes to compare. */
export function capacityChart(dist: { draws: number; seed: number; log10Histogram: Log10Histogram }, volumes: Array<{ label: string; value: number }>, options: { title?: string } = {}): Figure {
  const h = dist.log10Histogram;
  const shapes = volumes.map((v) => ({ type: 'line', xref: 'x', yref: 'paper', x0: Math.log10(v.value), x1: Math.log10(v.value), y0: 0, y1: 1, line: { color: '#c53030', dash: 'dash' } }));
  const annotations = volumes.map((v, i) => ({ x: Math.log10(v.value), y: 1 - 0.08 * i, yref: 'paper', text: v.label, showarrow: false, xanchor: 'left', font: { color: '#c53030' } }));
  return {
    data: [{ type: 'bar', x: h.counts.map((_, i) => h.start + (i + 0.5) * h.width), y: h.counts, width: h.width, marker: { color: '#2b6cb0' }, name: 'capacity' }],
    layout: {
      title: { text: options.title ?? `Distinct profiles the logged visits could have retrieved (${dist.draws.toLocaleString('en-US')} draws, seed ${dist.seed})` },
      xaxis: { title: { text: 'log10(distinct profiles)' } },
      yaxis: { title: { text: 'draws' } },
      shapes,
      annotations,
    },
  };
}

/** Horizontal bars of request rates (per second, log scale): logged vs required. */
export function rateComparisonChart(rows: Array<{ label: string; perSecond: number }>, options: { title?: string } = {}): Figure {
  return {
    data: [{
      type: 'bar', orientation: 'h', y: rows.map((r) => r.label), x: rows.map((r) => r.perSecond),
      text: rows.map((r) => r.perSecond.toPrecision(3)), textposition: 'auto',
      marker: { color: rows.map((_, i) => PALETTE[i % PALETTE.length]) },
    }],
    layout: {
      title: { text: options.title ?? 'Request rate: logged vs needed (requests per second)' },
      xaxis: { title: { text: 'requests per second (log scale)' }, type: 'log' },
      yaxis: { automargin: true },
      margin: { l: 260 },
    },
  };
}

/** Error rate per behaviour family with 95% Wilson intervals (held-out and tuning rows alike). */
export function classifierErrorChart(rows: ReadonlyArray<{ family: string; truth: string; errorRate: number; interval: [number, number] }>, options: { title?: string } = {}): Figure {
  return {
    data: [{
      type: 'bar', x: rows.map((r) => r.family), y: rows.map((r) => r.errorRate),
      marker: { color: rows.map((r) => (r.truth === 'automated' ? '#c05621' : '#2b6cb0')) },
      error_y: { type: 'data', symmetric: false, array: rows.map((r) => r.interval[1] - r.errorRate), arrayminus: rows.map((r) => r.errorRate - r.interval[0]) },
    }],
    layout: {
      title: { text: options.title ?? 'Classifier error rate by behaviour family' },
      xaxis: { title: { text: 'behaviour family (blue: human-paced, orange: automated)' } },
      yaxis: { title: { text: 'error rate' }, range: [0, 1] },
    },
  };
}

/**
 * The frontier: profiles per page needed against pages per visit (log-log), one line per volume
 * and revisit share; the assumed ranges shaded, the case's reading marked.
 */
export function frontierChart(
  rows: ReadonlyArray<{ pagesPerVisit: number; revisitShare: number; needed: Record<string, number> }>,
  options: { assumed: { pagesPerVisit: [number, number]; profilesPerPage: [number, number] }; casePoint: { pagesPerVisit: number; profilesPerPage: number; label: string }; title?: string },
): Figure {
  const volumes = Object.keys(rows[0]?.needed ?? {});
  const shares = [...new Set(rows.map((r) => r.revisitShare))];
  const data = volumes.flatMap((v, i) =>
    shares.map((s, j) => {
      const rs = rows.filter((r) => r.revisitShare === s);
      return { type: 'scatter', mode: 'lines', name: `${v}, revisits ${s}`, x: rs.map((r) => r.pagesPerVisit), y: rs.map((r) => r.needed[v]), line: { color: PALETTE[i % PALETTE.length], dash: j === 0 ? 'solid' : 'dot' } };
    }),
  );
  data.push({ type: 'scatter', mode: 'markers+text', name: options.casePoint.label, x: [options.casePoint.pagesPerVisit], y: [options.casePoint.profilesPerPage], text: [options.casePoint.label], textposition: 'top right', marker: { size: 10, color: '#000', symbol: 'x' } } as never);
  const a = options.assumed;
  return {
    data,
    layout: {
      title: { text: options.title ?? 'Frontier: profiles per page the logged visits would need (above a line: sufficient for that volume)' },
      xaxis: { title: { text: 'pages per logged visit (log)' }, type: 'log' },
      yaxis: { title: { text: 'profiles with the data per page (log)' }, type: 'log' },
      shapes: [{ type: 'rect', x0: a.pagesPerVisit[0], x1: a.pagesPerVisit[1], y0: a.profilesPerPage[0], y1: a.profilesPerPage[1], fillcolor: '#718096', opacity: 0.15, line: { width: 0 } }],
      annotations: [{ x: Math.log10(a.pagesPerVisit[1]), y: Math.log10(a.profilesPerPage[1]), text: 'assumed ranges', showarrow: false, xanchor: 'left' }],
    },
  };
}
