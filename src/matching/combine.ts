/**
 * Combining per-profile likelihood ratios when profiles are NOT independent: the uploader's
 * network is the unit of sampling (its contacts were shown together, by one process, from one
 * address book), so hundreds of per-profile LRs are never multiplied (Aitken, Taroni & Bozza
 * 2021 on dependent items; Kish 1965 on cluster samples).
 *
 * Dependence models (the default first; the others in the sensitivity table):
 * - `median-min`: each network counts as ONE typical profile (the median per-profile log10 LR of
 *   the profiles it shows with at least one field); the combined figure is the smallest over
 *   networks: the networks may share one source, so the whole is no stronger than its weakest
 *   network;
 * - `q25-min`: as above with the lower quartile (a network's weaker profiles);
 * - `median-sum`: networks independent, one typical profile each (sum of the medians);
 * - `effective-n:rho`: the network's mean log10 LR x its effective number of profiles
 *   n / (1 + (n - 1) rho) (Kish's design effect), smallest over networks.
 */
import { effectiveSampleSize } from '../stats/effectiveSampleSize';
import { quantileSorted } from '../stats/quantileSorted';

export type DependenceModel = 'median-min' | 'q25-min' | 'median-sum' | `effective-n:${number}`;

export const DEPENDENCE_MODELS: readonly DependenceModel[] = ['median-min', 'q25-min', 'median-sum', 'effective-n:0.9', 'effective-n:0.5', 'effective-n:0.1'];

export interface GroupFigure {
  group: string;
  profiles: number;
  log10Lr: number;
}

function byGroup(groups: readonly string[], values: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  groups.forEach((g, i) => {
    let a = out.get(g);
    if (!a) out.set(g, (a = []));
    a.push(values[i]!);
  });
  return out;
}

/** Per-network figure under a model (median, lower quartile, or mean x effective n). */
export function perGroupLog10(groups: readonly string[], values: readonly number[], model: DependenceModel): GroupFigure[] {
  const out: GroupFigure[] = [];
  for (const [group, vs] of byGroup(groups, values)) {
    const sorted = Float64Array.from(vs).sort();
    let v: number;
    if (model === 'q25-min') v = quantileSorted(sorted, 0.25);
    else if (model.startsWith('effective-n:')) {
      const rho = Number(model.slice('effective-n:'.length));
      const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
      v = mean * effectiveSampleSize(vs.length, vs.length, rho);
    } else v = quantileSorted(sorted, 0.5);
    out.push({ group, profiles: vs.length, log10Lr: v });
  }
  return out;
}

/** The combined log10 LR under a dependence model (see the module comment). */
export function combineLog10(perGroup: readonly GroupFigure[], model: DependenceModel): number {
  if (perGroup.length === 0) return 0;
  if (model === 'median-sum') return perGroup.reduce((a, g) => a + g.log10Lr, 0);
  return Math.min(...perGroup.map((g) => g.log10Lr));
}
