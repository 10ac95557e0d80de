/**
 * Pure figure builders for notebook 04 (plotly.js specs; display with `pp.plot.showFigure`).
 * Each takes result rows from `experiments.ts` and returns a `Figure`; nothing is computed
 * here beyond grouping.
 *
 * @example
 * const fig = fanoCeilingChart(fanoCeilingCurve([2, 10, 100, 1000], [1, 2, 4]));
 * fig.data.length; // => 3 (one line per information level)
 */
import type { Figure } from '../plot/figure';
import { lineChart } from '../plot/charts';
import { PALETTE, REFERENCE_GREY, paletteColour } from '../plot/palette';
import type { HolderCountRow, SelectiveCurve } from './analysis';
import type { CalibrationRow } from './calibration';
import type { SensitivityResult } from './sensitivity';
import type { AccuracyRow, FanoRow } from './world';
import { METHOD_LABELS, type MethodName } from './methods';


function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Accuracy against the registered share, one line per field: the best method at each share
 * (solid) and the copy ceiling (dotted).
 */
export function accuracyVsShareChart(rows: AccuracyRow[], options: { title?: string; methods?: Array<MethodName | 'joint'> } = {}): Figure {
  const fields = uniq(rows.map((r) => r.field));
  const shares = uniq(rows.map((r) => r.share)).sort((a, b) => a - b);
  const data: Array<Record<string, unknown>> = [];
  fields.forEach((f, i) => {
    const color = PALETTE[i % PALETTE.length];
    const best = shares.map((s) => {
      const rs = rows.filter((r) => r.field === f && r.share === s && r.method !== 'copyCeiling' && (!options.methods || options.methods.includes(r.method as MethodName)));
      return rs.length ? Math.max(...rs.map((r) => r.accuracy)) : null;
    });
    data.push({ type: 'scatter', mode: 'lines+markers', name: `${f}: best method`, x: shares, y: best, line: { color } });
    const cc = shares.map((s) => rows.find((r) => r.field === f && r.share === s && r.method === 'copyCeiling')?.accuracy ?? null);
    if (cc.some((v) => v !== null)) data.push({ type: 'scatter', mode: 'lines', name: `${f}: copy ceiling`, x: shares, y: cc, line: { color, dash: 'dot' } });
  });
  return {
    data,
    layout: {
      title: { text: options.title ?? 'Inference accuracy vs size of the data source' },
      xaxis: { title: { text: 'registered share of the population (log scale)' }, type: 'log' },
      yaxis: { title: { text: 'accuracy (share of targets right)' }, range: [0, 1] },
    },
  };
}

/** Accuracy of each method for one field against the share (method comparison). */
export function methodComparisonChart(rows: AccuracyRow[], field: string): Figure {
  const sel = rows.filter((r) => r.field === field);
  const shares = uniq(sel.map((r) => r.share)).sort((a, b) => a - b);
  const methods = uniq(sel.map((r) => r.method));
  return {
    data: methods.map((m, i) => ({
      type: 'scatter',
      mode: 'lines+markers',
      name: METHOD_LABELS[m as MethodName] ?? m,
      x: shares,
      y: shares.map((s) => sel.find((r) => r.share === s && r.method === m)?.accuracy ?? null),
      line: { color: PALETTE[i % PALETTE.length], ...(m === 'copyCeiling' ? { dash: 'dot' } : {}) },
    })),
    layout: {
      title: { text: `Methods compared: ${field}` },
      xaxis: { title: { text: 'registered share (log scale)' }, type: 'log' },
      yaxis: { title: { text: 'accuracy' }, range: [0, 1] },
    },
  };
}

/** Fano ceiling against cardinality, one line per amount of information Y carries. */
export function fanoCeilingChart(curve: Array<{ cardinality: number; bits: number; ceiling: number }>): Figure {
  const levels = uniq(curve.map((c) => c.bits)).sort((a, b) => a - b);
  return {
    data: levels.map((b, i) => {
      const pts = curve.filter((c) => c.bits === b).sort((p, q) => p.cardinality - q.cardinality);
      return {
        type: 'scatter',
        mode: 'lines',
        name: `I(X;Y) = ${b} bit${b === 1 ? '' : 's'}`,
        x: pts.map((p) => p.cardinality),
        y: pts.map((p) => p.ceiling),
        line: { color: PALETTE[i % PALETTE.length] },
      };
    }),
    layout: {
      title: { text: "Fano ceiling: best possible accuracy vs number of values (X uniform)" },
      xaxis: { title: { text: '|X| (number of possible values, log scale)' }, type: 'log' },
      yaxis: { title: { text: 'maximum accuracy' }, range: [0, 1] },
    },
  };
}

/** Fano ceilings (plug-in, Miller-Madow, model-based) and best observed accuracy vs share, for one field. */
export function fanoByShareChart(rows: FanoRow[], field: string): Figure {
  const sel = rows.filter((r) => r.field === field).sort((a, b) => a.share - b.share);
  const x = sel.map((r) => r.share);
  return {
    data: [
      { type: 'scatter', mode: 'lines+markers', name: 'Fano ceiling, plug-in H (biased high)', x, y: sel.map((r) => r.ceilingPlugin), line: { color: PALETTE[0], dash: 'dash' } },
      { type: 'scatter', mode: 'lines+markers', name: 'Fano ceiling, Miller-Madow H', x, y: sel.map((r) => r.ceilingMillerMadow), line: { color: PALETTE[3], dash: 'dash' } },
      { type: 'scatter', mode: 'lines+markers', name: 'Fano ceiling, model-based H', x, y: sel.map((r) => r.ceilingModel), line: { color: PALETTE[1] } },
      { type: 'scatter', mode: 'lines+markers', name: 'best method reached', x, y: sel.map((r) => r.bestObserved), line: { color: PALETTE[2] } },
    ],
    layout: {
      title: { text: `Fano ceiling vs registered share: ${field}` },
      xaxis: { title: { text: 'registered share (log scale)' }, type: 'log' },
      yaxis: { title: { text: 'accuracy' }, range: [0, 1] },
    },
  };
}

/** Heatmaps of p* (best joint accuracy) over known share × cardinality, one panel per homophily. */
export function sensitivityHeatmap(result: SensitivityResult): Figure {
  const hs = uniq(result.cells.map((c) => c.homophily)).sort((a, b) => a - b);
  const shares = uniq(result.cells.map((c) => c.knownShare)).sort((a, b) => a - b);
  const cards = uniq(result.cells.map((c) => c.cardinality)).sort((a, b) => a - b);
  const data: Array<Record<string, unknown>> = [];
  const layout: Record<string, unknown> = {
    title: { text: `Best joint CF accuracy p* (needed: ${result.requiredAccuracy.toFixed(3)})`, y: 0.98 },
    grid: { rows: 1, columns: hs.length, pattern: 'independent' },
    margin: { l: 70, r: 20, t: 100, b: 50 },
    height: 420,
  };
  const annotations: Array<Record<string, unknown>> = [];
  hs.forEach((h, i) => {
    const z = cards.map((k) => shares.map((s) => result.cells.find((c) => c.homophily === h && c.knownShare === s && c.cardinality === k)?.pStar ?? null));
    const text = cards.map((k) => shares.map((s) => {
      const c = result.cells.find((q) => q.homophily === h && q.knownShare === s && q.cardinality === k);
      return c ? `${c.pStar.toFixed(2)}${c.plausible ? ' ✓' : ''}` : '';
    }));
    const ax = i === 0 ? '' : String(i + 1);
    data.push({
      type: 'heatmap',
      x: shares.map(String),
      y: cards.map(String),
      z,
      text,
      texttemplate: '%{text}',
      zmin: 0,
      zmax: 1,
      colorscale: 'Viridis',
      showscale: i === hs.length - 1,
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      hovertemplate: `h=${h}<br>known share=%{x}<br>|X|=%{y}<br>p*=%{z:.3f}<extra></extra>`,
    });
    layout[`xaxis${ax}`] = { title: { text: 'registered share' }, type: 'category' };
    layout[`yaxis${ax}`] = { title: { text: i === 0 ? 'values per field |X|' : '' }, type: 'category' };
    annotations.push({ text: `homophily h = ${h}`, showarrow: false, xref: `x${ax} domain`, yref: `y${ax} domain`, x: 0.5, y: 1.02, yanchor: 'bottom' });
  });
  layout.annotations = annotations;
  return { data, layout };
}

/** SNAP calibration: accuracy vs known share per attribute (best method and copy ceiling), with a published reference line. */
export function calibrationChart(rows: CalibrationRow[], references: Array<{ label: string; accuracy: number }> = []): Figure {
  const graphs = uniq(rows.map((r) => r.graph));
  // One series per graph and attribute (the graph named only when there are several).
  const key = (r: CalibrationRow) => (graphs.length > 1 ? `${r.graph}: ${r.attribute}` : r.attribute);
  const attrs = uniq(rows.map(key));
  const shares = uniq(rows.map((r) => r.knownShare)).sort((a, b) => a - b);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null);
  const data: Array<Record<string, unknown>> = [];
  attrs.forEach((a, i) => {
    const color = PALETTE[i % PALETTE.length];
    const of = rows.filter((r) => key(r) === a);
    const methods = uniq(of.filter((r) => r.method !== 'copyCeiling' && r.method !== 'mostFrequent').map((r) => r.method));
    const best = shares.map((s) => {
      const vals = methods.map((m) => mean(of.filter((r) => r.knownShare === s && r.method === m).map((r) => r.accuracy)) ?? 0);
      return vals.length ? Math.max(...vals) : null;
    });
    data.push({ type: 'scatter', mode: 'lines+markers', name: `${a}: best method`, x: shares, y: best, line: { color } });
    data.push({
      type: 'scatter', mode: 'lines', name: `${a}: copy ceiling`, x: shares,
      y: shares.map((s) => mean(of.filter((r) => r.knownShare === s && r.method === 'copyCeiling').map((r) => r.accuracy))),
      line: { color, dash: 'dot' },
    });
  });
  for (const ref of references) {
    data.push({ type: 'scatter', mode: 'lines', name: ref.label, x: [shares[0], shares[shares.length - 1]], y: [ref.accuracy, ref.accuracy], line: { color: REFERENCE_GREY, dash: 'dashdot' } });
  }
  return {
    data,
    layout: {
      title: { text: `Real data (${graphs.join(', ')}): accuracy vs share of labelled users known` },
      xaxis: { title: { text: 'share of labelled users whose value is known' } },
      yaxis: { title: { text: 'accuracy on hidden users' }, range: [0, 1] },
    },
  };
}

/** Likelihood of the observed k of n as a function of the per-profile accuracy p (log10 scale). */
export function likelihoodChart(k: number, n: number, marks: Array<{ label: string; p: number }>, logLik: (p: number) => number): Figure {
  const ps: number[] = [];
  for (let i = 1; i < 200; i++) ps.push(i / 200);
  ps.push(0.999);
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: `log10 P(${k} of ${n} | p)`, x: ps, y: ps.map((p) => logLik(p) / Math.LN10) },
      ...marks.map((m, i) => ({ type: 'scatter', mode: 'markers+text', name: m.label, x: [m.p], y: [logLik(m.p) / Math.LN10], text: [m.label], textposition: 'top left', marker: { size: 10, color: PALETTE[(i + 1) % PALETTE.length] } })),
    ],
    layout: {
      title: { text: `How likely is ${k} of ${n} agreeing, for each per-profile accuracy p?` },
      xaxis: { title: { text: 'per-profile probability that all displayed fields agree, p' }, range: [0, 1] },
      yaxis: { title: { text: 'log10 likelihood' } },
    },
  };
}

/** Coverage-precision curves (selective display) for one field or 'joint', one line per method, with the precision the claim needs. */
export function selectiveChart(curves: SelectiveCurve[], field: string, required: number): Figure {
  const sel = curves.filter((c) => c.field === field);
  const fig = lineChart(
    sel.map((c) => ({ name: METHOD_LABELS[c.method], x: c.coverage, y: c.precision.map((p) => p ?? NaN) })),
    { title: `Selective display: precision of the most confident predictions (${field})`, xTitle: 'coverage (share of non-users shown)', yTitle: 'precision among those shown' },
  );
  fig.data.forEach((t, i) => ((t as Record<string, unknown>).line = { color: paletteColour(i) }));
  fig.data.push({ type: 'scatter', mode: 'lines', name: `needed for ${'the claim'} (${required.toFixed(3)})`, x: [0, 1], y: [required, required], line: { color: REFERENCE_GREY, dash: 'dash' } });
  ((fig.layout ?? {}).yaxis as Record<string, unknown>).range = [0, 1.02];
  return fig;
}

/** Accuracy against the number of holders: measured on the evidence graph and extrapolated in the model, per field and jointly. */
export function holdersChart(rows: HolderCountRow[]): Figure {
  const h = rows.map((r) => r.holders);
  const fields = rows[0]?.model.perField.map((f) => f.field) ?? [];
  const data: Array<Record<string, unknown>> = fields.map((f, i) => ({
    type: 'scatter', mode: 'lines+markers', name: `${f}: vote (model)`, x: h, y: rows.map((r) => r.model.perField.find((x) => x.field === f)!.vote), line: { color: paletteColour(i) },
  }));
  fields.forEach((f, i) => data.push({ type: 'scatter', mode: 'lines', name: `${f}: copy ceiling (model)`, x: h, y: rows.map((r) => r.model.perField.find((x) => x.field === f)!.copyCeiling), line: { color: paletteColour(i), dash: 'dot' } }));
  data.push({ type: 'scatter', mode: 'lines+markers', name: 'all fields jointly: best measured on the graph', x: h, y: rows.map((r) => r.graph?.best.accuracy ?? null), line: { color: REFERENCE_GREY, width: 3 } });
  return {
    data,
    layout: {
      title: { text: 'Accuracy vs number of registered users holding the non-user\'s number' },
      xaxis: { title: { text: 'holders (log scale)' }, type: 'log' },
      yaxis: { title: { text: 'accuracy' }, range: [0, 1.02] },
    },
  };
}

/** The cluster-aware p-value against the intra-uploader correlation rho (log10 scale). */
export function pValueByRhoChart(log10ByRho: Array<[number, number]>, alpha: number): Figure {
  const fig = lineChart([{ name: 'log10 P(k or more of n | p*, rho)', x: log10ByRho.map(([r]) => r), y: log10ByRho.map(([, l]) => l) }], {
    title: 'p-value with the uploaders as the unit, as profiles within an uploader succeed or fail together', xTitle: 'intra-uploader correlation rho (0 = independent profiles, 1 = all-or-nothing per uploader)', yTitle: 'log10 p-value',
  });
  fig.data.push({ type: 'scatter', mode: 'lines', name: `α = ${alpha}`, x: [0, 1], y: [Math.log10(alpha), Math.log10(alpha)], line: { color: REFERENCE_GREY, dash: 'dash' } });
  return fig;
}
