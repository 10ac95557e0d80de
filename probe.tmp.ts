import { DEFAULT_ALTERNATIVES, MATCHING_DEFAULTS as D, simulationStudy } from './src/matching';
import { samePictureMaxBits } from './src/avatars/rule';
const t=Date.now();
const s = simulationStudy({ copying: D.copying, alternatives: DEFAULT_ALTERNATIVES as any, samePictureBits: samePictureMaxBits(), nearBits: D.nearBits, similarity: D.similarity, rareTagShare: D.rareTagShare }, { seed: D.simulationSeed, profiles: D.simulationProfiles, uploaders: 3 });
console.log(Date.now()-t,'ms');
for (const c of s.misspecified) console.log(c.process.padEnd(34), c.vs.padEnd(13), 'median', c.median.toFixed(2), '>=100', c.shareAtLeast100.toFixed(3), '>=1e4', c.shareAtLeast10k.toFixed(3));
for (const r of s.requiredCoincidence.rows) console.log(r.factor, r.copiedShareAtLeast10k, r.statedSelfEntryShareAtLeast100, r.statedSelfEntryShareAtLeast10, r.ownSelfEntryShareAtLeast100);
