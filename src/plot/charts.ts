/**
 * Small generic chart builders (pure: data in, Figure out). Area-specific charts live in
 * their area (e.g. src/linkage/charts.ts) and may build on these.
 */
import type { Figure } from './figure';

export interface BarOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  /** Symmetric or asymmetric error bars: [low, high] absolute values per bar. */
  intervals?: Array<[number, number]>;
}

/** A bar chart of labelled values, with optional interval error bars. */
export function barChart(labels: string[], values: number[], options: BarOptions = {}): Figure {
  const trace: Record<string, unknown> = { type: 'bar', x: labels, y: values, marker: { color: '#2b6cb0' } };
  if (options.intervals) {
    trace.error_y = {
      type: 'data',
      symmetric: false,
      array: options.intervals.map(([, hi], i) => hi - values[i]!),
      arrayminus: options.intervals.map(([lo], i) => values[i]! - lo),
    };
  }
  return {
    data: [trace],
    layout: { title: { text: options.title ?? '' }, xaxis: { title: { text: options.xTitle ?? '' } }, yaxis: { title: { text: options.yTitle ?? '' } } },
  };
}

/** A histogram of values. */
export function histogram(values: ArrayLike<number>, options: { title?: string; xTitle?: string; bins?: number } = {}): Figure {
  return {
    data: [{ type: 'histogram', x: Array.from(values), nbinsx: options.bins ?? 40, marker: { color: '#2b6cb0' } }],
    layout: { title: { text: options.title ?? '' }, xaxis: { title: { text: options.xTitle ?? '' } }, yaxis: { title: { text: 'count' } } },
  };
}

/** Lines of (x, y) series. */
export function lineChart(
  series: Array<{ name: string; x: ArrayLike<number | string>; y: ArrayLike<number> }>,
  options: { title?: string; xTitle?: string; yTitle?: string; logX?: boolean; logY?: boolean } = {},
): Figure {
  return {
    data: series.map((s) => ({ type: 'scatter', mode: 'lines+markers', name: s.name, x: Array.from(s.x), y: Array.from(s.y) })),
    layout: {
      title: { text: options.title ?? '' },
      xaxis: { title: { text: options.xTitle ?? '' }, type: options.logX ? 'log' : 'linear' },
      yaxis: { title: { text: options.yTitle ?? '' }, type: options.logY ? 'log' : 'linear' },
    },
  };
}
