import { normalQuantile } from './normalQuantile';
import { checkProportion } from './wilsonInterval';

/**
 * Agresti–Coull ("add z²/2 successes and failures") confidence interval for k/n.
 *
 * Agresti, A. & Coull, B. A. (1998) "Approximate is better than 'exact' for interval
 * estimation of binomial proportions", *The American Statistician* 52(2), 119–126:
 * ñ = n + z², p̃ = (k + z²/2)/ñ, p̃ ± z √(p̃(1 − p̃)/ñ), clipped to [0, 1].
 * Its centre equals the Wilson interval's centre; it is slightly wider.
 *
 * @example
 * agrestiCoullInterval(0, 20); // => [0, 0.1898...] (lower bound clipped at 0)
 */
export function agrestiCoullInterval(k: number, n: number, level = 0.95): [number, number] {
  checkProportion(k, n, level, 'agrestiCoullInterval');
  const z = normalQuantile(1 - (1 - level) / 2);
  const nt = n + z * z;
  const pt = (k + (z * z) / 2) / nt;
  const half = z * Math.sqrt((pt * (1 - pt)) / nt);
  return [Math.max(0, pt - half), Math.min(1, pt + half)];
}
