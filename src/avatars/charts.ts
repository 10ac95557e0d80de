/**
 * Figures (plotly.js specs) for the avatar analyses; notebooks show them with
 * `pp.plot.showFigure`.
 */
import type { Figure } from '../plot/figure';
import type { AttributionSummary } from './attribution';
import { HASH_KINDS, type HashKind } from './hash';
import { type RobustnessMeasurement, type Thresholds, rocByHash, sameDistances } from './robustness';

function counts(ds: ArrayLike<number>): number[] {
  const h = new Array<number>(65).fill(0);
  for (let i = 0; i < ds.length; i++) h[ds[i]!]!++;
  return h;
}

/**
 * Distance distributions of one hash: same image (after each distortion) vs different images,
 * as shares, with the threshold marked.
 */
export function distanceDistributionFigure(m: RobustnessMeasurement, hash: HashKind, threshold?: number): Figure {
  const x = Array.from({ length: 65 }, (_, i) => i);
  const same = sameDistances(m, hash);
  const diff = m.different.distances[hash];
  const share = (h: number[], n: number): number[] => h.map((c) => c / n);
  const shapes = threshold === undefined ? [] : [{ type: 'line', x0: threshold + 0.5, x1: threshold + 0.5, y0: 0, y1: 1, yref: 'paper', line: { dash: 'dash', color: '#333' } }];
  return {
    data: [
      { type: 'bar', name: `same image, distorted (n=${same.length})`, x, y: share(counts(same), same.length), marker: { color: '#2e86de' }, opacity: 0.75 },
      { type: 'bar', name: `different images (n=${diff.length})`, x, y: share(counts(diff), diff.length), marker: { color: '#e67e22' }, opacity: 0.75 },
    ],
    layout: {
      title: { text: `${hash}: Hamming distance, same vs different images${threshold === undefined ? '' : ` (threshold ${threshold})`}` },
      barmode: 'overlay', xaxis: { title: { text: 'Hamming distance (bits of 64)' }, range: [-0.5, 64.5] },
      yaxis: { title: { text: 'share of pairs' } }, shapes,
    },
  };
}

/** ROC curves of the three hashes (log-scaled false-match rate), thresholds marked. */
export function rocFigure(m: RobustnessMeasurement, thresholds?: Thresholds): Figure {
  const roc = rocByHash(m);
  const colours: Record<HashKind, string> = { aHash: '#8e44ad', dHash: '#27ae60', pHash: '#2e86de' };
  const data: Array<Record<string, unknown>> = [];
  for (const k of HASH_KINDS) {
    const pts = roc[k].points;
    data.push({
      type: 'scatter', mode: 'lines+markers', name: `${k} (AUC ${roc[k].auc.toFixed(4)})`,
      x: pts.map((p) => Math.max(p.falseMatchRate, 1e-5)), y: pts.map((p) => p.truePositiveRate),
      text: pts.map((p) => `t=${p.threshold}`), line: { color: colours[k] }, marker: { size: 4 },
    });
    if (thresholds) {
      const p = pts[thresholds[k]]!;
      data.push({ type: 'scatter', mode: 'markers', name: `${k} default t=${thresholds[k]}`, x: [Math.max(p.falseMatchRate, 1e-5)], y: [p.truePositiveRate], marker: { size: 12, symbol: 'star', color: colours[k] } });
    }
  }
  return {
    data,
    layout: {
      title: { text: 'ROC per hash: share of same-image pairs matched vs share of different-image pairs matched' },
      xaxis: { title: { text: 'false-match rate (log; 0 drawn at 1e-5)' }, type: 'log' },
      yaxis: { title: { text: '1 - false-non-match rate' }, range: [0, 1.02] },
    },
  };
}

/** Bar chart of the attribution summary. */
export function attributionFigure(s: AttributionSummary): Figure {
  const labels = [`${s.reference} only`, ...s.claimed.map((c) => `${c} only`), `${s.reference} + other (indistinguishable)`, `${s.claimed.join('+')} not ${s.reference}`, 'none'];
  const values = [s.onlyReference, ...s.claimed.map((c) => s.onlyClaimed[c] ?? 0), s.severalWithReference, s.severalClaimedOnly, s.none];
  return {
    data: [{ type: 'bar', x: labels, y: values, text: values.map(String), textposition: 'auto', marker: { color: '#2e86de' } }],
    layout: { title: { text: `Displayed avatars by matching platform(s) (${s.displayed} avatars, rule ${s.rule})` }, yaxis: { title: { text: 'avatars' } } },
  };
}
