/**
 * Permutation null: 10,000 random re-pairings of 300 displayed profiles over a 300-row
 * source table, every field (all 300 x 300 cells compared once, then typed-array lookups).
 * Target: under 5 s.
 */
import { benchmark } from '../lib';
import { compareTables, defaultComparisons, generateSyntheticEvidence, pairProfiles, permutationNull } from '../../src/matching';

const seed = 7;
void benchmark({
  name: 'matching-null-10k',
  issue: 'matching',
  params: { pairs: 300, sourceRows: 300, permutations: 10_000, fields: 6, seed },
  target: { seconds: 5 },
  setup: () => {
    const ev = generateSyntheticEvidence({ seed, displayed: 300, extraSource: 0 });
    const paired = pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
    const comparisons = defaultComparisons();
    return { paired, comparisons, matrix: compareTables(paired, comparisons) };
  },
  run: ({ paired, comparisons, matrix }) => {
    const t0 = performance.now();
    const nul = permutationNull(paired, comparisons, matrix, { permutations: 10_000, seed });
    const all = nul.statistics[0]!;
    return {
      throughput: (10_000 * 300) / ((performance.now() - t0) / 1000), throughputUnit: 'permuted pairs/s',
      extra: { observed: all.observed, expected: all.expected, pValue: all.pValue, exhaustiveCells: nul.exhaustiveCells },
    };
  },
});
