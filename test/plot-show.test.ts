import { describe, expect, it } from 'vitest';
import { barChart, figureBundle, figureHtml, figureId, histogram, lineChart, plotlyLoaderBundle } from '../src/plot';

describe('figureBundle', () => {
  const fig = barChart(['same', 'different'], [0.9, 0.1], { title: 'Match rates', intervals: [[0.85, 0.94], [0.06, 0.15]] });

  it('carries plotly JSON as an object (not a string), an HTML fallback and text', () => {
    const b = figureBundle(fig);
    expect(typeof b['application/vnd.plotly.v1+json']).toBe('object');
    expect((b['application/vnd.plotly.v1+json'] as { data: unknown[] }).data).toHaveLength(1);
    expect(b['text/html']).toMatch(/Plotly\.newPlot/);
    expect(b['text/plain']).toBe('[plotly figure: Match rates]');
  });

  it('is deterministic: the same figure gives the same bytes and id', () => {
    expect(figureHtml(fig)).toBe(figureHtml(barChart(['same', 'different'], [0.9, 0.1], { title: 'Match rates', intervals: [[0.85, 0.94], [0.06, 0.15]] })));
    expect(figureId(fig)).not.toBe(figureId(barChart(['same'], [1])));
  });

  it('writes asymmetric error bars from intervals', () => {
    const trace = fig.data[0] as { error_y: { array: number[]; arrayminus: number[] } };
    expect(trace.error_y.array[0]).toBeCloseTo(0.04, 10);
    expect(trace.error_y.arrayminus[0]).toBeCloseTo(0.05, 10);
  });

  it('serialises typed arrays as plain arrays', () => {
    const h = histogram(new Float64Array([1, 2, 3]));
    const json = figureBundle(h)['application/vnd.plotly.v1+json'] as { data: Array<{ x: number[] }> };
    expect(json.data[0]!.x).toEqual([1, 2, 3]);
    const l = lineChart([{ name: 's', x: new Int32Array([1, 2]), y: new Float32Array([0.5, 0.25]) }], { logY: true });
    expect((figureBundle(l)['application/vnd.plotly.v1+json'] as { layout: { yaxis: { type: string } } }).layout.yaxis.type).toBe('log');
  });

  it('escapes </script> inside figure text so the HTML cannot break out', () => {
    const evil = barChart(['</script><b>x</b>'], [1]);
    expect(figureHtml(evil)).not.toContain('</script><b>');
  });

  it('inlines plotly.js once, offline (no network URL)', () => {
    const loader = plotlyLoaderBundle()['text/html'] as string;
    expect(loader.length).toBeGreaterThan(1_000_000);
    expect(loader).toMatch(/^<script/);
    expect(loader).not.toMatch(/<script[^>]+src=/);
  });
});
