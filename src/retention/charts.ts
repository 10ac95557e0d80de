/**
 * Pure figure builders for the retention findings (data in, plotly `Figure` out).
 *
 * @example
 * const fig = retentionTimelineChart(findings);   // claimed schedule vs observed shares, fitted decay
 * pp.plot.showFigure(fig);
 */
import type { Figure } from '../plot/figure';
import { addDays, daysBetween } from './claim';
import { decayAt } from './decay';
import type { RetentionFindings } from './findings';

/**
 * Timeline: the claimed share remaining (step line), each capture's observed share with its
 * Clopper-Pearson interval (red when it contradicts the claim), the fitted exponential decay
 * with its band, and markers at the contract end and the claimed completion.
 */
export function retentionTimelineChart(f: RetentionFindings, options: { title?: string; extendDays?: number } = {}): Figure {
  const { claim, comparison, fit } = f;
  const lastObs = comparison.length ? comparison[comparison.length - 1]!.date : claim.contractEnd;
  const lastClaim = claim.stages.length ? claim.stages[claim.stages.length - 1]!.date : claim.contractEnd;
  const end = addDays(lastObs > lastClaim ? lastObs : lastClaim, options.extendDays ?? 60);
  // claimed step line
  const cx: string[] = [claim.contractEnd];
  const cy: number[] = [1];
  let remaining = 1;
  for (const s of claim.stages) {
    remaining = Math.max(0, remaining - s.shareDeleted);
    cx.push(addDays(s.date, 1));
    cy.push(Math.round(remaining * 1e9) / 1e9);
  }
  cx.push(end);
  cy.push(cy[cy.length - 1]!);
  // fitted curve
  const span = daysBetween(claim.contractEnd, end);
  const fx: string[] = [];
  const fy: number[] = [];
  const flo: number[] = [];
  const fhi: number[] = [];
  for (let d = 0; d <= span; d += 7) {
    const date = addDays(claim.contractEnd, d);
    const v = decayAt(fit, date);
    fx.push(date);
    fy.push(v.estimate);
    flo.push(v.lower);
    fhi.push(v.upper);
  }
  const obs = comparison;
  const colour = obs.map((r) => (r.contradicts ? '#c53030' : '#2f855a'));
  const completion = f.claimCompletion;
  const shapes: Array<Record<string, unknown>> = [
    { type: 'line', xref: 'x', yref: 'paper', x0: claim.contractEnd, x1: claim.contractEnd, y0: 0, y1: 1, line: { color: '#4a5568', dash: 'dot' } },
  ];
  const annotations: Array<Record<string, unknown>> = [
    { x: claim.contractEnd, y: 1.04, yref: 'paper', text: 'contract end', showarrow: false, xanchor: 'left' },
  ];
  if (completion) {
    shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: addDays(completion, 1), x1: addDays(completion, 1), y0: 0, y1: 1, line: { color: '#c05621', dash: 'dot' } });
    annotations.push({ x: addDays(completion, 1), y: 1.04, yref: 'paper', text: 'claimed complete', showarrow: false, xanchor: 'left' });
  }
  return {
    data: [
      { type: 'scatter', mode: 'lines', x: fx, y: fhi, line: { width: 0 }, showlegend: false, hoverinfo: 'skip' },
      { type: 'scatter', mode: 'lines', x: fx, y: flo, line: { width: 0 }, fill: 'tonexty', fillcolor: 'rgba(43,108,176,0.15)', name: `fitted decay, ${Math.round(fit.level * 100)}% band` },
      { type: 'scatter', mode: 'lines', x: fx, y: fy, line: { color: '#2b6cb0' }, name: `fitted exponential (half-life ${Number.isFinite(fit.halfLifeDays) ? fit.halfLifeDays.toFixed(0) : '∞'} d)` },
      { type: 'scatter', mode: 'lines', x: cx, y: cy, line: { color: '#c05621', shape: 'hv', width: 3 }, name: 'claimed share remaining' },
      {
        type: 'scatter', mode: 'markers', x: obs.map((r) => r.date), y: obs.map((r) => r.share),
        text: obs.map((r) => `${r.label}: ${r.sourceOrigin}/${r.inspected}`), marker: { color: colour, size: 10 },
        error_y: { type: 'data', symmetric: false, array: obs.map((r) => r.clopperPearson[1] - r.share), arrayminus: obs.map((r) => r.share - r.clopperPearson[0]) },
        name: 'observed share (Clopper-Pearson 95%); red = contradicts claim',
      },
    ],
    layout: {
      title: { text: options.title ?? 'Source-platform records still present after the contract end: claimed vs observed' },
      xaxis: { title: { text: 'date (CST)' }, type: 'date' },
      yaxis: { title: { text: 'share of records still present' }, range: [0, 1.05], tickformat: '.0%' },
      shapes,
      annotations,
      legend: { orientation: 'h', y: -0.2 },
      height: 480,
    },
  };
}
