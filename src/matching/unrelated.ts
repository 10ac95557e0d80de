/**
 * Chance agreement under "unrelated" for the provenance levels, from the evidence itself:
 * every unrelated pair within each uploader's network (a displayed profile against the source
 * profile of ANOTHER displayed person of the same network: one network's contacts share
 * employers and schools, so pairs across networks would understate coincidence).
 *
 * - `marginal` u_f(level): the share of each level among those pairs (null levels left out,
 *   +1/2 per level, Jeffreys);
 * - `jointLog10(i)`: log10 P(profile i's levels on its shown fields other than the name |
 *   unrelated) from the JOINT agreement patterns (fields not assumed independent: employer,
 *   title and school are correlated): the Krichevsky-Trofimov share (c + 1/2) / (N + 1) of the
 *   eligible pairs (those showing at least i's fields) with exactly i's levels, never below the
 *   product of the marginals (so positive dependence raises it) and never below 1/2 of one profile
 *   among the n profiles of i's own network, 0.5 / (n + 1): the N pairs re-use each displayed
 *   profile many times and are not N independent draws, so a pattern seen rarely or never is given
 *   no less than the network's profiles can resolve;
 * - the name: P(an unrelated person writes the same name) = national surname share
 *   (src/text/nameFrequency.ts) x the given name's share among the source profiles (KT), the
 *   displayed name's own frequency; other name levels from the marginal.
 */
import { compareField, type Comparison } from '../compare/comparison';
import { surnameOf, surnameShare } from '../text/nameFrequency';
import type { PairedTables } from './compare';
import { permutationStrata } from './null';
import type { PreparedProfile } from './profile';

export interface UnrelatedPairs {
  fields: string[];
  /** level vectors of the unrelated pairs, pair-major: levels[p * F + f] */
  levels: Uint8Array;
  /** displayed row of each pair */
  displayedRow: Int32Array;
  pairs: number;
  /** u_f(level), NaN on null levels */
  marginal: Float64Array[];
  /** which level of each field is null */
  isNull: boolean[][];
}

/** Every unrelated pair within each uploader's network, compared on `comparisons`. */
export function unrelatedPairs(paired: PairedTables, comparisons: readonly Comparison<PreparedProfile>[]): UnrelatedPairs {
  const strata = permutationStrata(paired, true);
  const F = comparisons.length;
  let total = 0;
  for (let s = 0; s < strata.members.length; s++) total += strata.members[s]!.length * (strata.pools[s]!.length - 1);
  const levels = new Uint8Array(total * F);
  const displayedRow = new Int32Array(total);
  let p = 0;
  for (let s = 0; s < strata.members.length; s++) {
    const pool = strata.pools[s]!;
    for (const i of strata.members[s]!) {
      const own = paired.sourceIndex[i]!;
      const d = paired.displayed[i]!;
      for (const j of pool) {
        if (j === own) continue;
        const src = paired.source[j]!;
        for (let f = 0; f < F; f++) levels[p * F + f] = compareField(comparisons[f]!, d, src);
        displayedRow[p++] = i;
      }
    }
  }
  const isNull = comparisons.map((c) => c.levels.map((l) => l.isNull === true));
  const marginal = comparisons.map((c, f) => {
    const counts = new Float64Array(c.levels.length);
    for (let q = 0; q < total; q++) counts[levels[q * F + f]!]++;
    let n = 0;
    for (let l = 0; l < counts.length; l++) if (!isNull[f]![l]) n += counts[l]! + 0.5;
    return Float64Array.from(counts, (x, l) => (isNull[f]![l] ? NaN : (x + 0.5) / n));
  });
  return { fields: comparisons.map((c) => c.name), levels, displayedRow, pairs: total, marginal, isNull };
}

/**
 * log10 P(levels on the shown fields except `skipField` | unrelated) for each observed level
 * vector (row-major, like LevelMatrix.levels): joint KT share, floored at the marginal product.
 */
export function jointLog10(u: UnrelatedPairs, observed: Uint8Array, skipField: number): Float64Array {
  const F = u.fields.length;
  const n = observed.length / F;
  const out = new Float64Array(n);
  // Group the profiles by the set of fields they show (a bit mask); count the unrelated pairs'
  // patterns once per mask: eligible pairs (non-null on every field of the mask) by pattern key.
  // each profile's network size: its own unrelated pairs (one per other member of its network) + 1
  const networkSize = new Int32Array(n).fill(1);
  for (let p = 0; p < u.pairs; p++) { const r = u.displayedRow[p]!; if (r < n) networkSize[r]!++; }
  const maskOf = new Uint32Array(n);
  const logProduct = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let mask = 0;
    for (let f = 0; f < F; f++) {
      const l = observed[i * F + f]!;
      if (f === skipField || u.isNull[f]![l]) continue;
      mask |= 1 << f;
      logProduct[i] = logProduct[i]! + Math.log10(u.marginal[f]![l]!);
    }
    maskOf[i] = mask;
  }
  const key = (levels: Uint8Array, base: number, mask: number) => {
    let k = 0;
    for (let f = 0; f < F; f++) if (mask & (1 << f)) k = k * 16 + levels[base + f]!;
    return k;
  };
  for (const mask of new Set(maskOf)) {
    if (mask === 0) continue;
    const counts = new Map<number, number>();
    let eligible = 0;
    for (let p = 0; p < u.pairs; p++) {
      let ok = true;
      for (let f = 0; f < F && ok; f++) if (mask & (1 << f) && u.isNull[f]![u.levels[p * F + f]!]) ok = false;
      if (!ok) continue;
      eligible++;
      const k = key(u.levels, p * F, mask);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (let i = 0; i < n; i++) {
      if (maskOf[i] !== mask) continue;
      const same = counts.get(key(observed, i * F, mask)) ?? 0;
      // the pairs are not independent draws (each displayed profile is in many of them): no share below
      // what the profiles of i's own network can resolve, 1/2 of one profile in (n + 1), n = the network's size
      out[i] = Math.max(Math.log10(Math.max((same + 0.5) / (eligible + 1), 0.5 / (networkSize[i]! + 1))), logProduct[i]!);
    }
  }
  return out;
}

/**
 * Per displayed profile: P(name level | unrelated) for every name level: the exact and
 * after-normalisation levels share the displayed name's own chance (national surname share x given
 * name share among the other source profiles, KT), split by the share t of source names that
 * normalisation changes (traditional script, full width: KT): "as written" 1 - t for a display in
 * the plain form, t for a display itself rewritten; the rest keep the marginal proportions.
 */
export function nameLevelProbabilities(
  paired: PairedTables, nameComparison: Comparison<PreparedProfile>, marginal: ArrayLike<number>,
): Float64Array[] {
  const labels = nameComparison.levels.map((l) => l.label);
  const sameLevels = labels.map((l) => l === 'exact' || l === 'same after normalisation');
  const givenCounts = new Map<string, number>();
  let named = 0;
  let rewritten = 0;
  for (const s of paired.source) {
    if (!s.name.text) continue;
    named++;
    if (s.name.raw !== s.name.text) rewritten++;
    const g = s.name.text.slice(surnameOf(s.name.text).length);
    givenCounts.set(g, (givenCounts.get(g) ?? 0) + 1);
  }
  let otherMass = 0;
  for (let l = 0; l < labels.length; l++) if (!sameLevels[l] && !Number.isNaN(marginal[l]!)) otherMass += marginal[l]!;
  // the same name is written the same way unless one side writes it in another script or width: the
  // share t of source names that normalisation changes (KT), not an even split
  const tNorm = (rewritten + 0.5) / (named + 1);
  return paired.displayed.map((d, i) => {
    const text = d.name.text;
    const surname = surnameOf(text);
    const given = text.slice(surname.length);
    const partner = paired.source[paired.sourceIndex[i]!]!;
    const ownGiven = partner.name.text && partner.name.text.slice(surnameOf(partner.name.text).length) === given ? 1 : 0;
    const others = Math.max(0, named - (partner.name.text ? 1 : 0));
    const pGiven = ((givenCounts.get(given) ?? 0) - ownGiven + 0.5) / (others + 1);
    const pSame = Math.min(0.5, surnameShare(surname) * pGiven);
    // a display in the plain form matches "as written" when the other also writes it plainly (1 - t);
    // a display itself rewritten (traditional script, full width) only when the other writes it so too (t)
    const writtenAlike = d.name.raw !== d.name.text ? tNorm : 1 - tNorm;
    const out = new Float64Array(labels.length);
    for (let l = 0; l < labels.length; l++) {
      const m = marginal[l]!;
      out[l] = Number.isNaN(m) ? NaN : sameLevels[l] ? pSame * (labels[l] === 'exact' ? writtenAlike : 1 - writtenAlike) : (m / (otherMass || 1)) * (1 - pSame);
    }
    return out;
  });
}
