/**
 * Regenerate datasets/collaborative-filtering/ (SYNTHETIC): `npx tsx scripts/datasets/collaborative-filtering.ts`.
 * Deterministic: same code => same bytes => same SHA-256 (checked by test/collaborative-filtering-dataset.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_PARAMS, DATASET_SEED, writeInferenceDataset } from '../../src/collaborative-filtering/dataset';

const dir = join(__dirname, '..', '..', 'datasets', 'collaborative-filtering');
const files = writeInferenceDataset(dir);
const readme = `# datasets/collaborative-filtering — SYNTHETIC

**Synthetic data. No real person is described here.** It imitates the situation of the
collaborative-filtering defence in Weibo v. Maimai (FACTS.md, inference 3): a contact graph in
which a platform knows the profiles of its registered users only, and must infer the rest.

- Generator: \`src/collaborative-filtering/dataset.ts\` → \`buildInferenceDataset()\` (calls
  \`generateSocialGraph\` from \`src/collaborative-filtering/generator.ts\` and \`observe\` from
  \`src/collaborative-filtering/observation.ts\`); written by \`writeInferenceDataset(dir)\`.
- Regenerate: \`npx tsx scripts/datasets/collaborative-filtering.ts\` (a test regenerates into a temp folder
  and compares the SHA-256 digests below).
- Seed: ${DATASET_SEED} (graph and attributes); ${DATASET_SEED + 1} (observation).
- Parameters: ${DATASET_PARAMS.nodes} nodes, ${DATASET_PARAMS.edges} edges drawn, homophily
  ${DATASET_PARAMS.homophily}, degree exponent 2.5, closeness Exp(mean ${DATASET_PARAMS.closeness.focusMean}) on focus
  edges and Exp(mean ${DATASET_PARAMS.closeness.randomMean}) on others, default attributes
  (\`DEFAULT_ATTRIBUTES\`: city 300 values, employer 20,000, school 3,000, title 1,000, tags
  50,000 with 80% personalised), registered share ${DATASET_PARAMS.registeredShare}, Weibo-login share
  0.20 of registered users (the case's "about 20%"), default self-report rates.
  The registered share here is a teaching value, not the case's (800,000 users among an
  assumed population is far smaller: see notebook 04).

## Files
| file | content | bytes | SHA-256 |
|---|---|---|---|
${files.map((f) => `| \`${f.name}\` | ${f.name.endsWith('.edges') ? 'one undirected edge per line: `u v closeness` (LF; `#` comment line first)' : 'node, registered (0/1), weibo_login (0/1), then per field the displayed value and `<field>_known` (0/1: the platform knows it)'} | ${f.bytes} | \`${f.sha256}\` |`).join('\n')}

Value codes: C = city, E = employer, S = school, T = title, G = tag line; a \`P\` after the
letter (e.g. \`GP17\`) marks a personalised value unique to node 17.
Load the graph with \`pp.collaborativeFiltering.loadEdgeList(path, { weighted: true })\`.
`;
writeFileSync(join(dir, 'README.md'), readme);
for (const f of files) console.log(`${f.name}  ${f.bytes} bytes  sha256 ${f.sha256}`);
