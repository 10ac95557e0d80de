/**
 * Minimise f over Rⁿ by the Nelder–Mead simplex (reflection 1, expansion 2, contraction ½,
 * shrink ½), from `x0` with initial steps `step`. Deterministic; stops when the simplex's
 * function values span less than `tolerance` or after `maxIterations`.
 *
 * Reference: Nelder & Mead, "A simplex method for function minimization", Computer Journal 7
 * (1965) 308–313; parameters as in Lagarias et al., SIAM J. Optim. 9 (1998) 112–147.
 *
 * @example
 * nelderMead(([x, y]) => (x! - 1) ** 2 + (y! + 2) ** 2, [0, 0]).x; // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  options: { step?: number; tolerance?: number; maxIterations?: number } = {},
): { x: number[]; value: number; iterations: number } {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const tol = options.tolerance ?? 1e-10;
  const maxIt = options.maxIterations ?? 2000 * Math.max(1, n);
  let simplex = [x0.slice(), ...Array.from({ length: n }, (_, i) => x0.map((v, j) => (j === i ? v + step : v)))];
  let values = simplex.map(f);
  let it = 0;
  for (; it < maxIt; it++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) <= tol * (Math.abs(values[0]!) + tol)) break;
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < values[0]!) {
      const xe = along(-2);
      const fe = f(xe);
      if (fe < fr) { simplex[n] = xe; values[n] = fe; } else { simplex[n] = xr; values[n] = fr; }
    } else if (fr < values[n - 1]!) {
      simplex[n] = xr; values[n] = fr;
    } else {
      const xc = fr < values[n]! ? along(-0.5) : along(0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, values[n]!)) { simplex[n] = xc; values[n] = fc; } else {
        for (let i = 1; i <= n; i++) { simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!)); values[i] = f(simplex[i]!); }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, value: values[best]!, iterations: it };
}
