/**
 * Generator of the committed SYNTHETIC retention evidence in `datasets/retention/`, imitating
 * FACTS.md inference 5: cooperation ended in August 2014; the defendant said Weibo-sourced
 * data of non-users was deleted in stages and finished in February-March 2015
 * ("逐步清理非脉脉用户来自新浪微博的相关信息，并最终于2015年2、3月删除完毕"); evidence months after
 * the termination still showed large amounts of Weibo users' basic data
 * ("在双方于2014年8月合作终止后数月间，脉脉软件中仍存在大量新浪微博用户基本信息").
 *
 * Synthetic choices (stated in the README): contract end 2014-08-31 (the judgment gives the
 * month only; the last day is the most favourable to the defendant), three claimed stages
 * ending 2015-03-31 (the end of the stated window, again the most favourable reading), seven
 * capture dates and sample sizes, and the true process used to draw the counts: exponential
 * decay with a half-life of `TRUE_HALF_LIFE_DAYS` days, k ~ Binomial(n, exp(-λ t)), seeded.
 *
 * @example
 * const files = generateRetentionDataset(RETENTION_DATASET_SEED);
 * Object.keys(files)   // ['claim.json', 'observations.csv', 'README.md']
 */
import { sha256Bytes } from '../io/provenance';
import { deriveSeed, seededRandom } from '../stats/random';
import { daysBetween, type DeletionClaim } from './claim';

export const RETENTION_DATASET_SEED = 20140831;
export const TRUE_HALF_LIFE_DAYS = 180;

export const SYNTHETIC_CLAIM: DeletionClaim = {
  contractEnd: '2014-08-31',
  claimedBy: 'Defendant and its expert assistant (judgment: deleted in stages, finished in Feb-Mar 2015); stage dates and shares SYNTHETIC',
  stages: [
    { date: '2014-11-30', shareDeleted: 0.3, note: 'synthetic stage 1' },
    { date: '2015-01-31', shareDeleted: 0.4, note: 'synthetic stage 2' },
    { date: '2015-03-31', shareDeleted: 0.3, note: 'synthetic stage 3: deletion claimed complete' },
  ],
};

export const CAPTURE_PLAN: ReadonlyArray<{ date: string; inspected: number }> = [
  { date: '2014-09-16', inspected: 200 },
  { date: '2014-10-21', inspected: 150 },
  { date: '2014-12-09', inspected: 200 },
  { date: '2015-01-20', inspected: 120 },
  { date: '2015-03-12', inspected: 150 },
  { date: '2015-04-28', inspected: 150 },
  { date: '2015-06-16', inspected: 100 },
];

const sha256 = sha256Bytes;

/** The synthetic observations: counts drawn from the true decay. */
export function syntheticObservations(seed = RETENTION_DATASET_SEED): Array<{ date: string; capture: string; inspected: number; source_origin: number; note: string }> {
  const rng = seededRandom(deriveSeed(seed, 'retention-observations'));
  const lambda = Math.LN2 / TRUE_HALF_LIFE_DAYS;
  return CAPTURE_PLAN.map((c, i) => {
    const p = Math.exp(-lambda * Math.max(0, daysBetween(SYNTHETIC_CLAIM.contractEnd, c.date)));
    let k = 0;
    for (let j = 0; j < c.inspected; j++) if (rng() < p) k++;
    return { date: c.date, capture: `capture-${i + 1}`, inspected: c.inspected, source_origin: k, note: 'SYNTHETIC notarised capture' };
  });
}

/** All files of datasets/retention/ (name -> content), README included. */
export function generateRetentionDataset(seed = RETENTION_DATASET_SEED): Record<string, string> {
  const obs = syntheticObservations(seed);
  const files: Record<string, string> = {};
  files['claim.json'] = JSON.stringify(SYNTHETIC_CLAIM, null, 2) + '\n';
  files['observations.csv'] = 'date,capture,inspected,source_origin,note\n' + obs.map((o) => `${o.date},${o.capture},${o.inspected},${o.source_origin},${o.note}`).join('\n') + '\n';
  const hashes = Object.keys(files).sort().map((f) => `| \`${f}\` | ${Buffer.byteLength(files[f]!, 'utf8')} | \`${sha256(files[f]!)}\` |`);
  files['README.md'] = `# datasets/retention: SYNTHETIC post-termination evidence (Weibo v. Maimai, inference 5)

**SYNTHETIC.** Imitates the evidence described in the judgment (FACTS.md, inference 5):
cooperation ended in **August 2014**; the defendant said Weibo-sourced data of non-users was
deleted in stages, finished in **February-March 2015**; evidence months after the termination
still showed large amounts of Weibo users' basic data.

- Generator: \`src/retention/datasets.ts\`, function \`generateRetentionDataset(seed)\`; script
  \`npx tsx scripts/datasets/retention.ts\` (a test regenerates the folder and checks every byte).
- Seed: **${seed}**.
- Dates are China Standard Time calendar days.

## Files
| file | content |
|---|---|
| \`claim.json\` | contract end and claimed deletion stages (\`date\`, \`shareDeleted\`: share of the records held at the contract end deleted by the end of that day) |
| \`observations.csv\` | \`date,capture,inspected,source_origin,note\`: per capture, records inspected from a panel of non-user profiles that carried Weibo data at the contract end, and how many still showed it |

## Synthetic choices (not in the judgment)
- Contract end **${SYNTHETIC_CLAIM.contractEnd}** (the judgment gives August 2014; the last day favours the defendant).
- Claimed stages: ${SYNTHETIC_CLAIM.stages.map((s) => `${s.date} ${s.shareDeleted * 100}%`).join(', ')} (complete on the last day of the stated window).
- Capture dates and sample sizes: ${CAPTURE_PLAN.map((c) => `${c.date} (n=${c.inspected})`).join(', ')}.
- Counts drawn from exponential decay with a half-life of **${TRUE_HALF_LIFE_DAYS} days** after the contract end:
  source_origin ~ Binomial(inspected, 2^(-days/${TRUE_HALF_LIFE_DAYS})).

## SHA-256
| file | bytes | sha256 |
|---|---|---|
${hashes.join('\n')}
`;
  return files;
}
