/**
 * Compare 1,000 displayed profiles with their paired source profiles on every field
 * (avatar, name, employer, title, school, tags), normalisation included (pairing,
 * validation, NFKC/OpenCC/pinyin preparation, comparison levels). Target: under 1 s.
 */
import { benchmark } from '../lib';
import { compareTables, defaultComparisons, generateSyntheticEvidence, matchRates, pairProfiles } from '../../src/matching';
import { normalizeText, pinyinOf } from '../../src/text';

const seed = 7;
void benchmark({
  name: 'matching-compare-1k',
  issue: 'matching',
  params: { pairs: 1000, sourceRows: 1200, fields: 6, seed },
  target: { seconds: 1 },
  setup: () => {
    // warm the lazily built converters (OpenCC dictionary, pinyin) outside the timed part
    normalizeText('張偉');
    pinyinOf('张伟');
    return generateSyntheticEvidence({ seed, displayed: 1000, extraSource: 200 });
  },
  run: (ev) => {
    const t0 = performance.now();
    const paired = pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
    const m = compareTables(paired, defaultComparisons());
    const r = matchRates(m);
    return { throughput: 1000 / ((performance.now() - t0) / 1000), throughputUnit: 'pairs/s', extra: { overallRate: r.overall.rate, overallK: r.overall.k } };
  },
});
