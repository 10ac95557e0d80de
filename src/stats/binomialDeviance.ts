/**
 * The deviance term bd0(x, m) = x ln(x/m) + m − x, computed without cancellation when x is
 * close to m (series in v = (x − m)/(x + m)). Part of Loader, C. (2000) "Fast and accurate
 * computation of binomial probabilities" (R's `bd0`).
 *
 * @param x a count (real, ≥ 0)
 * @param m its expectation (> 0)
 * @example
 * binomialDeviance(10, 10); // => 0
 * binomialDeviance(3, 1);   // => 3 ln 3 + 1 − 3 = 1.2958368660043291
 */
export function binomialDeviance(x: number, m: number): number {
  if (!(m > 0) || !(x >= 0) || !Number.isFinite(x) || !Number.isFinite(m)) {
    throw new RangeError(`binomialDeviance: need x >= 0 and m > 0 finite, got ${x}, ${m}`);
  }
  if (x === 0) return m;
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}
