/**
 * Figures for the matching report (pure builders: data in, plotly `Figure` out; display
 * with `plot.showFigure`).
 */
import type { Figure } from '../plot/figure';
import type { NullStatistic, PermutationNull } from './null';
import type { FieldRate } from './rates';
import type { SensitivityRow } from './sensitivity';

const BLUE = '#2b6cb0';
const GREY = '#a0aec0';
const RED = '#c53030';

/**
 * Per-field agreement rates ("same or basically the same" among pairs with both values)
 * with 95% interval error bars (Wilson by default, or Clopper-Pearson), and the rate
 * expected between unrelated profiles beside each when given.
 */
export function fieldRatesChart(
  rates: readonly FieldRate[],
  options: { interval?: 'wilson' | 'clopper-pearson'; expected?: readonly number[]; title?: string } = {},
): Figure {
  const cp = options.interval === 'clopper-pearson';
  const x = rates.map((r) => r.field);
  const y = rates.map((r) => r.rate);
  const data: Array<Record<string, unknown>> = [{
    type: 'bar', name: 'observed (displayed vs paired source)', x, y, marker: { color: BLUE },
    error_y: {
      type: 'data', symmetric: false,
      array: rates.map((r) => (cp ? r.clopperPearsonHigh : r.wilsonHigh) - r.rate),
      arrayminus: rates.map((r) => r.rate - (cp ? r.clopperPearsonLow : r.wilsonLow)),
    },
    text: rates.map((r) => `${r.k}/${r.n}`), hovertemplate: '%{x}: %{y:.1%} (%{text})<extra></extra>',
  }];
  if (options.expected) {
    data.push({ type: 'bar', name: 'expected between unrelated profiles', x, y: Array.from(options.expected), marker: { color: GREY } });
  }
  return {
    data,
    layout: {
      title: { text: options.title ?? `Agreement per field (same or basically the same), 95% ${cp ? 'Clopper-Pearson' : 'Wilson'} intervals` },
      barmode: 'group',
      yaxis: { title: { text: 'share of compared pairs' }, range: [0, 1.05], tickformat: '.0%' },
      xaxis: { title: { text: 'field' } },
      legend: { orientation: 'h', y: -0.2 },
    },
  };
}

/**
 * The permutation null distribution of one statistic (histogram of the B permuted values)
 * with the observed value as a vertical line.
 */
export function nullDistributionChart(nullDist: PermutationNull, statistic = 'allShownAgree', options: { title?: string; xTitle?: string } = {}): Figure {
  const st: NullStatistic | undefined = nullDist.statistics.find((s) => s.name === statistic);
  if (!st) throw new RangeError(`no statistic '${statistic}' (have: ${nullDist.statistics.map((s) => s.name).join(', ')})`);
  let values: ArrayLike<number>;
  if (statistic === 'allShownAgree') values = nullDist.allShownAgree;
  else if (statistic === 'score') values = nullDist.score;
  else {
    const f = nullDist.fields.indexOf(statistic.replace(/^agree:/, ''));
    const F = nullDist.fields.length;
    values = Int32Array.from({ length: nullDist.permutations }, (_, b) => nullDist.fieldAgree[b * F + f]!);
  }
  let max = st.observed;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return {
    data: [
      { type: 'histogram', name: `${nullDist.permutations.toLocaleString('en')} random re-pairings`, x: Array.from(values), marker: { color: GREY } },
      { type: 'scatter', mode: 'lines', name: `observed: ${st.observed}`, x: [st.observed, st.observed], y: [0, nullDist.permutations], line: { color: RED, width: 3 }, yaxis: 'y' },
    ],
    layout: {
      title: { text: options.title ?? `Coincidence baseline: ${statistic} under random re-pairing vs observed (permutation p = ${st.pValue.toPrecision(2)})` },
      xaxis: { title: { text: options.xTitle ?? statistic }, range: [-1, max * 1.05 + 1] },
      yaxis: { title: { text: 'permutations' }, type: 'log' },
      legend: { orientation: 'h', y: -0.2 },
    },
  };
}

/**
 * Sensitivity curve: the overall agreement rate (with its Wilson band) and the rate
 * expected between unrelated profiles as the threshold moves; the combined log10 likelihood
 * ratio on a second axis.
 */
export function sensitivityChart(rows: readonly SensitivityRow[], options: { xTitle?: string; title?: string } = {}): Figure {
  const x = rows.map((r) => r.value);
  return {
    data: [
      { type: 'scatter', mode: 'lines', x, y: rows.map((r) => r.wilsonHigh), line: { width: 0 }, showlegend: false, hoverinfo: 'skip' },
      { type: 'scatter', mode: 'lines', x, y: rows.map((r) => r.wilsonLow), line: { width: 0 }, fill: 'tonexty', fillcolor: 'rgba(43,108,176,0.2)', name: '95% Wilson interval' },
      { type: 'scatter', mode: 'lines+markers', x, y: rows.map((r) => r.overallRate), name: 'observed: all shown fields agree', line: { color: BLUE } },
      { type: 'scatter', mode: 'lines+markers', x, y: rows.map((r) => r.expectedOverallRate), name: 'expected between unrelated profiles', line: { color: GREY, dash: 'dash' } },
      { type: 'scatter', mode: 'lines+markers', x, y: rows.map((r) => r.log10LrMixture), name: 'log10 combined likelihood ratio (right axis)', yaxis: 'y2', line: { color: RED, dash: 'dot' } },
    ],
    layout: {
      title: { text: options.title ?? 'Sensitivity to the definition of "basically the same"' },
      xaxis: { title: { text: options.xTitle ?? 'strictness (1 = identical only)' } },
      yaxis: { title: { text: 'share of displayed profiles' }, range: [0, 1.05], tickformat: '.0%' },
      yaxis2: { title: { text: 'log10 LR' }, overlaying: 'y', side: 'right', rangemode: 'tozero' },
      legend: { orientation: 'h', y: -0.25 },
    },
  };
}

/** Observed agreement rates beside the rates simulated alternative sources would produce. */
export function alternativeSourcesChart(rows: ReadonlyArray<{ source: string; rates: readonly FieldRate[] }>, options: { title?: string } = {}): Figure {
  return {
    data: rows.map((r, k) => ({
      type: 'bar', name: r.source, x: r.rates.map((f) => f.field), y: r.rates.map((f) => f.rate),
      marker: { color: k === 0 ? BLUE : undefined },
    })),
    layout: {
      title: { text: options.title ?? 'Agreement per field: observed vs what alternative sources would produce' },
      barmode: 'group',
      yaxis: { title: { text: 'share of compared pairs' }, range: [0, 1.05], tickformat: '.0%' },
      legend: { orientation: 'h', y: -0.2 },
    },
  };
}
