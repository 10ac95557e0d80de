/**
 * Segmented alias tables on typed arrays: one Walker/Vose alias table per group, all groups
 * stored back to back, so a 5M-node graph can draw "a member of group g, with probability
 * proportional to activity weight" in O(1) without per-group objects.
 * Walker (1977), "An efficient method for generating discrete random variables with general
 * distributions", ACM TOMS 3(3); Vose (1991), IEEE TSE 17(9).
 *
 * Each slot is packed as three uint32 values [acceptance threshold, member, alias member] so a
 * draw touches one cache line (the generator is memory-bound at 100M edges).
 *
 * @example
 * const t = buildSegmentedAlias(Int32Array.from([0, 0, 1]), 2, Float64Array.from([1, 3, 1]));
 * sampleSegment(t, 0, seededRandom(1)); // => 0 or 1, 1 three times as often
 */
import { buildAliasTable, type Rng } from '../stats/random';

export interface SegmentedAlias {
  /** groups + 1 offsets (in slots). */
  start: Uint32Array;
  /** 3 uint32 per slot: threshold (accept if floor(u·2^32) <= threshold), member, alias member. */
  slots: Uint32Array;
}

const TWO32 = 4294967296;

/**
 * Build alias tables for `groupOf[i]` in 0..groups-1 with weights `weight[i]` (>= 0), one
 * `buildAliasTable` per group; a group whose weights are all 0 draws its members uniformly.
 * Items with a negative group are left out.
 */
export function buildSegmentedAlias(groupOf: Int32Array, groups: number, weight: Float64Array | Float32Array): SegmentedAlias {
  const n = groupOf.length;
  const start = new Uint32Array(groups + 1);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    if (g >= 0) start[g + 1]++;
  }
  for (let g = 0; g < groups; g++) start[g + 1] += start[g]!;
  const total = start[groups]!;
  const members = new Int32Array(total);
  const cursor = start.slice(0, groups);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    if (g >= 0) members[cursor[g]++] = i;
  }
  // Each group's weights, gathered into its slots, then turned into its alias table in place.
  const prob = new Float64Array(total);
  for (let j = 0; j < total; j++) prob[j] = weight[members[j]!]!;
  const alias = new Int32Array(total);
  const work = new Int32Array(total);
  for (let g = 0; g < groups; g++) {
    const a = start[g]!;
    const size = start[g + 1]! - a;
    if (size > 0) buildAliasTable(prob, prob, alias, a, size, work);
  }
  const slots = new Uint32Array(total * 3);
  for (let g = 0; g < groups; g++) {
    const a = start[g]!;
    const b = start[g + 1]!;
    for (let j = a; j < b; j++) {
      slots[3 * j] = Math.min(TWO32 - 1, Math.floor(prob[j]! * TWO32));
      slots[3 * j + 1] = members[j]!;
      slots[3 * j + 2] = members[a + alias[j]!]!;
    }
  }
  return { start, slots };
}

/** Draw a member of group g (weighted); -1 if the group is empty. */
export function sampleSegment(t: SegmentedAlias, g: number, rng: Rng): number {
  const a = t.start[g]!;
  const size = t.start[g + 1]! - a;
  if (size === 0) return -1;
  const j = 3 * (a + Math.floor(rng() * size));
  return Math.floor(rng() * TWO32) <= t.slots[j]! ? t.slots[j + 1]! : t.slots[j + 2]!;
}
