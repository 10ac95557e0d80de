/**
 * The one palette of every chart (area charts pick colours from here by index): Tableau 10's
 * first seven hues (Stone 2004, as in matplotlib's "tab10"), distinguishable in print and by
 * most colour-blind readers when paired with line styles.
 *
 * @example
 * paletteColour(0); // => '#1f77b4'
 * paletteColour(7); // => '#1f77b4' (wraps round)
 */
export const PALETTE: readonly string[] = Object.freeze(['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf']);

/** Neutral grey for reference lines (thresholds, published figures). */
export const REFERENCE_GREY = '#555';

export function paletteColour(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
