/**
 * A figure is a plain plotly.js spec (data traces + layout): pure data, built by the figure
 * builders in each area, serialisable into a report, rendered by plotly.js.
 */
export interface Figure {
  data: Array<Record<string, unknown>>;
  layout?: Record<string, unknown>;
}

/** Stable JSON of a figure: typed arrays become plain arrays, keys keep insertion order. */
export function figureJson(fig: Figure): string {
  return JSON.stringify(fig, (_k, v) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v));
}

/** A short deterministic id for a figure (FNV-1a of its JSON), so the same figure gives the same bytes. */
export function figureId(fig: Figure): string {
  const s = figureJson(fig);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Layout defaults shared by every chart in the toolkit. */
export function withDefaults(fig: Figure): Figure {
  return {
    data: fig.data,
    layout: {
      font: { family: 'Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif', size: 13 },
      margin: { l: 60, r: 20, t: 50, b: 50 },
      height: 420,
      template: undefined,
      ...fig.layout,
    },
  };
}
