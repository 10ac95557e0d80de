/**
 * Figures for the non-user notebook (pure: data in, plotly Figure out).
 *
 * @example
 * pp.plot.showFigure(pp.shadow.reachCurveFigure(curve, { caseValue: 119, defaultTheta: 0.5 }));
 */
import type { Figure } from '../plot/figure';
import type { AddressBooks, PlatformUsers } from './load';
import { keyFromToken } from './hash';

/** Recommended-contact count against the threshold theta, with the case's figure marked. */
export function reachCurveFigure(
  curve: ReadonlyArray<{ theta: number; recommended: number }>,
  options: { caseValue?: number; defaultTheta?: number; title?: string } = {},
): Figure {
  const data: Array<Record<string, unknown>> = [
    { type: 'scatter', mode: 'lines', name: 'recommended contacts', x: curve.map((c) => c.theta), y: curve.map((c) => c.recommended), line: { shape: 'hv', color: '#2b6cb0' } },
  ];
  const shapes: Array<Record<string, unknown>> = [];
  if (options.caseValue !== undefined) {
    shapes.push({ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: options.caseValue, y1: options.caseValue, line: { dash: 'dot', color: '#c0392b' } });
  }
  if (options.defaultTheta !== undefined) {
    shapes.push({ type: 'line', yref: 'paper', y0: 0, y1: 1, x0: options.defaultTheta, x1: options.defaultTheta, line: { dash: 'dash', color: '#555' } });
  }
  return {
    data,
    layout: {
      title: { text: options.title ?? 'Recommended contacts depend on an undisclosed threshold θ' },
      xaxis: { title: { text: 'threshold θ on closeness-weighted common friends' } },
      yaxis: { title: { text: 'recommended contacts' }, type: 'log' },
      shapes,
      annotations: options.caseValue !== undefined
        ? [{ xref: 'paper', x: 1, y: Math.log10(options.caseValue), xanchor: 'right', yanchor: 'bottom', text: `SMS: ${options.caseValue}`, showarrow: false, font: { color: '#c0392b' } }]
        : [],
    },
  };
}

/** Share of non-users at each richness level against adoption, with replicate bands. */
export function exposureFigure(summary: ReadonlyArray<Record<string, number>>, options: { title?: string } = {}): Figure {
  const x = summary.map((s) => s.adoption!);
  const levels: Array<[string, string, string]> = [
    ['numberKnown', 'number known (≥ 1 holder)', '#2b6cb0'],
    ['named', 'named (a holder saved a full name)', '#2f855a'],
    ['employerInferred', 'employer inferred', '#b7791f'],
    ['rich', 'rich (employer + ≥ 10 holders)', '#c0392b'],
  ];
  const data: Array<Record<string, unknown>> = [];
  for (const [key, name, color] of levels) {
    data.push({
      type: 'scatter', mode: 'lines+markers', name, x, y: summary.map((s) => s[key]!), line: { color },
      error_y: { type: 'data', symmetric: false, array: summary.map((s) => s[`${key}Hi`]! - s[key]!), arrayminus: summary.map((s) => s[key]! - s[`${key}Lo`]!), thickness: 1 },
    });
  }
  data.push({ type: 'scatter', mode: 'lines', name: 'analytic 1 − (1 − a·p)^d', x, y: summary.map((s) => s.analyticNumberKnown!), line: { dash: 'dot', color: '#2b6cb0' } });
  return {
    data,
    layout: {
      title: { text: options.title ?? 'Non-users with a shadow profile, by platform adoption' },
      xaxis: { title: { text: 'adoption (share of the population registered and uploading)' }, tickformat: '.0%' },
      yaxis: { title: { text: 'share of non-users' }, tickformat: '.0%', range: [0, 1] },
    },
  };
}

/**
 * Friends waiting over time: distinct registered uploaders holding a number, by date (a
 * step function from the upload dates). Shows how a non-user's exposure grew before the SMS.
 */
export function holdersOverTime(
  books: AddressBooks,
  users: Pick<PlatformUsers, 'indexOf'>,
  token: string,
): Array<{ date: string; holders: number }> {
  const { hi, lo } = keyFromToken(token);
  const first = new Map<string, number>();
  for (let e = 0; e < books.entries; e++) {
    if (books.keyHi[e] !== hi || books.keyLo[e] !== lo) continue;
    const u = books.uploaderId[e]!;
    if (!users.indexOf.has(u)) continue;
    const t = books.uploadedAt[e]!;
    if (!first.has(u) || t < first.get(u)!) first.set(u, t);
  }
  const times = [...first.values()].sort((a, b) => a - b);
  return times.map((t, i) => ({ date: new Date(t).toISOString(), holders: i + 1 }));
}

export function holdersOverTimeFigure(
  series: ReadonlyArray<{ date: string; holders: number }>,
  options: { markDate?: string; markValue?: number; mandatoryUntil?: string } = {},
): Figure {
  const shapes: Array<Record<string, unknown>> = [];
  const annotations: Array<Record<string, unknown>> = [];
  if (options.markDate) {
    shapes.push({ type: 'line', yref: 'paper', y0: 0, y1: 1, x0: options.markDate, x1: options.markDate, line: { dash: 'dash', color: '#c0392b' } });
    annotations.push({ x: options.markDate, yref: 'paper', y: 1, text: `SMS${options.markValue !== undefined ? `: ${options.markValue} friends` : ''}`, showarrow: false, xanchor: 'right', font: { color: '#c0392b' } });
  }
  if (options.mandatoryUntil) {
    shapes.push({ type: 'line', yref: 'paper', y0: 0, y1: 1, x0: options.mandatoryUntil, x1: options.mandatoryUntil, line: { dash: 'dot', color: '#555' } });
    annotations.push({ x: options.mandatoryUntil, yref: 'paper', y: 0.9, text: 'upload optional from here', showarrow: false, xanchor: 'left' });
  }
  return {
    data: [{ type: 'scatter', mode: 'lines', line: { shape: 'hv', color: '#2b6cb0' }, name: 'friends waiting', x: series.map((s) => s.date), y: series.map((s) => s.holders) }],
    layout: {
      title: { text: 'Registered users holding the non-user\'s number, by upload date' },
      xaxis: { title: { text: 'upload date' }, type: 'date' },
      yaxis: { title: { text: 'friends waiting' } },
      shapes,
      annotations,
    },
  };
}
