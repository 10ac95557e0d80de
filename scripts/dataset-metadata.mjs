#!/usr/bin/env node
// Writes datasets/<name>/dataset.json: the metadata every surface reads to label results computed
// on a committed data set (synthetic or reference), with the SHA-256 of each file. A result is
// labelled SYNTHETIC when any input's SHA-256 is listed here under a synthetic data set, so the
// label follows the bytes, not the path. `test/io-datasets.test.ts` checks every SHA-256.
// Run after regenerating a data set: `node scripts/dataset-metadata.mjs`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DECLARED = {
  matching: {
    synthetic: true, generator: 'src/matching/generator.ts generateSyntheticEvidence', seed: 704,
    imitates: 'certificate 704: 3 uploaders, 300+ displayed non-users (Weibo v. Maimai, inference 1)', answerKey: ['truth.csv'],
  },
  linkage: {
    synthetic: true, generator: 'src/linkage/synthetic.ts generateLinkageData + src/linkage/profileDataset.ts linkageDatasetFiles', seed: 20140801,
    imitates: 'certificate 704: 3 uploaders, 300+ displayed non-users; a source extract with decoys and common names', answerKey: ['truth.csv'],
  },
  avatars: {
    synthetic: true, generator: 'src/avatars/dataset.ts generateAvatarDataset', seed: 2014,
    imitates: 'the avatar-app defence: avatars of the same people on Weibo, QQ and Renren, identical, re-encoded or different per platform (Weibo v. Maimai, inference 2)',
  },
  'collaborative-filtering': {
    synthetic: true, generator: 'src/collaborative-filtering/dataset.ts buildInferenceDataset (generateSocialGraph + observe)', seed: 704,
    imitates: 'the collaborative-filtering defence: a contact graph where the platform knows registered users only (Weibo v. Maimai, inference 3)',
  },
  capacity: {
    synthetic: true, generator: 'src/capacity/datasets.ts generateLogsDataset', seed: 20140701,
    imitates: 'peaks of 16,000 (脉脉) and 9,000 (淘友网) visits a month in Jul-Aug 2014, otherwise ~2,000 (Weibo v. Maimai, inference 4)',
  },
  retention: {
    synthetic: true, generator: 'src/retention/datasets.ts generateRetentionDataset', seed: 20140831,
    imitates: 'termination Aug 2014; deletion claimed finished Feb-Mar 2015; captures months later still showing Weibo data (Weibo v. Maimai, inference 5)',
  },
  shadow: {
    synthetic: true, generator: 'src/shadow/synthetic.ts generateContactsWorld', seed: 8,
    imitates: "the platform's data on 2018-03-10: 36 friends waiting, 119 recommended contacts (Wang Miao v. Taoyou Tianxia)", answerKey: ['persons.csv', 'ties.csv'],
  },
  screenshots: {
    synthetic: true, generator: 'src/screenshots/writeDataset.ts (cards rendered in Chromium from datasets/matching/displayed.csv)', seed: 704,
    imitates: 'notarised screenshots of profile cards (certificate 704): phone status bar, JPEG, slight rotation, a notary stamp over text',
    answerKey: ['truth.csv'],
  },
  case: { synthetic: false, origin: 'the two source texts of the cases (see README.md)' },
};

function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n !== 'dataset.json' && n !== 'README.md') out.push(p);
    }
  };
  walk(dir);
  return out;
}

const only = process.argv.slice(2);
for (const [name, meta] of Object.entries(DECLARED)) {
  if (only.length && !only.includes(name)) continue;
  const dir = join(root, 'datasets', name);
  if (!existsSync(dir)) continue;
  const sha = {};
  for (const f of files(dir)) sha[relative(dir, f).split('\\').join('/')] = createHash('sha256').update(readFileSync(f)).digest('hex');
  const doc = { dataset: `datasets/${name}`, ...meta, files: sha };
  writeFileSync(join(dir, 'dataset.json'), JSON.stringify(doc, null, 2) + '\n');
  console.log(`datasets/${name}/dataset.json: ${Object.keys(sha).length} files`);
}
