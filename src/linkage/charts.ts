/**
 * Pure figure builders for linkage (plotly.js specs, shown with `pp.plot.showFigure`):
 * m and u per level, the match-weight histogram, the waterfall of one pair (Splink's chart)
 * and the threshold sweep. No figure holds one value per pair: histograms are binned here, so
 * a figure for 30 million pairs is a few kilobytes.
 */
import type { Figure } from '../plot/figure';
import type { FellegiSunterModel } from './types';
import { levelWeight } from './estimate';
import type { PairExplanation } from './explain';
import type { SweepRow } from './evaluate';

function levelName(l: { label: string; labelZh?: string }): string {
  return l.labelZh ? `${l.label} ${l.labelZh}` : l.label;
}

/** m and u of every non-null level, side by side on a log axis, with log2(m/u) in the hover text. */
export function mUChart(model: FellegiSunterModel, title = 'm and u per comparison level'): Figure {
  const x: string[][] = [[], []];
  const m: number[] = [];
  const u: number[] = [];
  const text: string[] = [];
  model.fields.forEach((f, fi) =>
    f.levels.forEach((l, li) => {
      if (l.isNull) return;
      x[0]!.push(f.name);
      x[1]!.push(levelName(l));
      m.push(model.m[fi]![li]!);
      u.push(model.u[fi]![li]!);
      text.push(`log2(m/u) = ${levelWeight(model, fi, li).toFixed(2)}`);
    }),
  );
  return {
    data: [
      { type: 'bar', name: 'm = P(level | match)', x, y: m, text, hovertemplate: '%{x}<br>m = %{y:.4g}<br>%{text}<extra></extra>', marker: { color: '#2b6cb0' } },
      { type: 'bar', name: 'u = P(level | non-match)', x, y: u, text, hovertemplate: '%{x}<br>u = %{y:.4g}<br>%{text}<extra></extra>', marker: { color: '#c05621' } },
    ],
    layout: {
      title: { text: title },
      barmode: 'group',
      yaxis: { type: 'log', title: { text: 'probability (log scale)' } },
      xaxis: { title: { text: 'field / level' } },
      legend: { orientation: 'h', y: -0.25 },
    },
  };
}

/** Counts of values per bin of width `binWidth` starting at floor(min). */
function bin(values: ArrayLike<number>, binWidth: number, lo: number, nBins: number, mask?: Uint8Array, want?: number): number[] {
  const counts = new Array<number>(nBins).fill(0);
  for (let i = 0; i < values.length; i++) {
    if (mask && mask[i] !== want) continue;
    const b = Math.min(nBins - 1, Math.max(0, Math.floor((values[i]! - lo) / binWidth)));
    counts[b]++;
  }
  return counts;
}

/**
 * Histogram of match weights (posterior log2 odds). With `isTrue` (per pair, 1 = true link),
 * true links and non-links are stacked in two colours; a vertical line marks the threshold.
 */
export function matchWeightHistogram(
  matchWeight: Float64Array,
  options: { isTrue?: Uint8Array; threshold?: number; binWidth?: number; title?: string } = {},
): Figure {
  const bw = options.binWidth ?? 1;
  if (!(bw > 0)) throw new RangeError(`binWidth must be positive, got ${bw}`);
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < matchWeight.length; i++) {
    const w = matchWeight[i]!;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  }
  const lo = Math.floor(min / bw) * bw;
  const nBins = Math.max(1, Math.floor((max - lo) / bw) + 1);
  const centres = Array.from({ length: nBins }, (_, b) => lo + (b + 0.5) * bw);
  const data: Array<Record<string, unknown>> = options.isTrue
    ? [
        { type: 'bar', name: 'true link', x: centres, y: bin(matchWeight, bw, lo, nBins, options.isTrue, 1), marker: { color: '#2f855a' }, width: bw },
        { type: 'bar', name: 'not a link', x: centres, y: bin(matchWeight, bw, lo, nBins, options.isTrue, 0), marker: { color: '#a0aec0' }, width: bw },
      ]
    : [{ type: 'bar', name: 'candidate pairs', x: centres, y: bin(matchWeight, bw, lo, nBins), marker: { color: '#4a5568' }, width: bw }];
  const shapes = thresholdLine(options.threshold);
  return {
    data,
    layout: {
      title: { text: options.title ?? 'Match weight of candidate pairs' },
      barmode: 'stack',
      bargap: 0,
      xaxis: { title: { text: 'match weight = log2 posterior odds (prior + sum of log2 m/u)' } },
      yaxis: { type: 'log', title: { text: 'pairs (log scale)' } },
      shapes,
    },
  };
}

/** A dashed red vertical line across the plot at the match-weight threshold, none when undefined. */
function thresholdLine(threshold: number | undefined): Array<Record<string, unknown>> {
  return threshold !== undefined
    ? [{ type: 'line', x0: threshold, x1: threshold, yref: 'paper', y0: 0, y1: 1, line: { color: '#e53e3e', dash: 'dash' } }]
    : [];
}

/** Waterfall of one pair: prior, each field's log2(m/u) (+ TF adjustment), final match weight. */
export function waterfallChart(e: PairExplanation, title?: string): Figure {
  const x = ['prior', ...e.fields.map((f) => `${f.field}: ${f.levelZh || f.level}`), 'match weight'];
  const y = [e.prior.weight, ...e.fields.map((f) => f.weight + f.tfAdjustment), e.matchWeight];
  const text = y.map((v) => v.toFixed(2));
  return {
    data: [
      {
        type: 'waterfall',
        orientation: 'v',
        measure: ['absolute', ...e.fields.map(() => 'relative'), 'total'],
        x,
        y,
        text,
        textposition: 'outside',
        increasing: { marker: { color: '#2f855a' } },
        decreasing: { marker: { color: '#c53030' } },
        totals: { marker: { color: '#2b6cb0' } },
        connector: { line: { color: '#a0aec0' } },
      },
    ],
    layout: {
      title: { text: title ?? `Why pair ${e.left} / ${e.right} scores ${e.matchWeight.toFixed(1)} (probability ${e.probability.toPrecision(3)})` },
      yaxis: { title: { text: 'log2 weight' } },
      showlegend: false,
    },
  };
}

/** Threshold sweep: precision / recall / F1 (when truth is known) and the model's estimated FDR / FNR. */
export function thresholdSweepChart(rows: SweepRow[], options: { threshold?: number; title?: string } = {}): Figure {
  const x = rows.map((r) => r.matchWeight);
  const data: Array<Record<string, unknown>> = [];
  if (rows.some((r) => r.precision !== undefined)) {
    data.push(
      { type: 'scatter', mode: 'lines', name: 'precision', x, y: rows.map((r) => r.precision ?? null), line: { color: '#2b6cb0' } },
      { type: 'scatter', mode: 'lines', name: 'recall', x, y: rows.map((r) => r.recall ?? null), line: { color: '#2f855a' } },
      { type: 'scatter', mode: 'lines', name: 'F1', x, y: rows.map((r) => r.f1 ?? null), line: { color: '#000000', width: 3 } },
    );
  }
  data.push(
    { type: 'scatter', mode: 'lines', name: 'estimated FDR (model)', x, y: rows.map((r) => r.estimatedFdr), line: { color: '#c05621', dash: 'dot' } },
    { type: 'scatter', mode: 'lines', name: 'estimated FNR (model)', x, y: rows.map((r) => r.estimatedFnr), line: { color: '#805ad5', dash: 'dot' } },
  );
  const shapes = thresholdLine(options.threshold);
  return {
    data,
    layout: {
      title: { text: options.title ?? 'Threshold sweep' },
      xaxis: { title: { text: 'threshold on match weight (log2 posterior odds)' } },
      yaxis: { title: { text: 'rate' }, range: [0, 1.02] },
      shapes,
      legend: { orientation: 'h', y: -0.25 },
    },
  };
}
