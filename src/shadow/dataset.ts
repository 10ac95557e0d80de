/**
 * The committed synthetic evidence set `datasets/shadow/`: the files a platform would hold
 * (uploaded address books, registered users) and the ground truth only a simulation has
 * (every person, every true tie). `contactsDatasetFiles` is pure: the same world gives the
 * same bytes, so a test can regenerate the folder and compare SHA-256 digests.
 *
 * @example
 * const files = contactsDatasetFiles(generateContactsWorld({ seed: 8 }));
 * Object.keys(files); // ['address_books.csv', 'users.csv', 'persons.csv', 'ties.csv', 'README.md']
 */
import { sha256Bytes } from '../io/provenance';
import { beijingIso, type ContactsWorld } from './synthetic';

export const CONTACTS_DATASET_SEED = 8;

function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  return [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}

/** File name -> content (UTF-8) of the data set, README included. */
export function contactsDatasetFiles(world: ContactsWorld): Record<string, string> {
  const { persons, saves } = world;
  const uploaders = persons
    .filter((p) => p.uploadedAt !== null)
    .sort((a, b) => a.uploadedAt! - b.uploadedAt! || a.index - b.index);
  const bookRows: Array<Array<string | null>> = [];
  for (const p of uploaders) {
    for (const s of saves[p.index]!) bookRows.push([p.userId!, s.savedName, s.phoneText, beijingIso(p.uploadedAt!)]);
  }
  const users = persons.filter((p) => p.userId !== null).sort((a, b) => a.userId!.localeCompare(b.userId!));
  const files: Record<string, string> = {
    'address_books.csv': toCsv(['uploader_id', 'saved_name', 'phone', 'uploaded_at'], bookRows),
    'users.csv': toCsv(
      ['user_id', 'name', 'phone', 'employer', 'former_employer', 'school', 'registered_at'],
      users.map((p) => [p.userId, p.name, p.phone, p.employer, p.formerEmployer, p.profileSchool, beijingIso(p.registeredAt!)]),
    ),
    'persons.csv': toCsv(
      ['person_id', 'name', 'phone', 'landline', 'employer', 'former_employer', 'school', 'user_id', 'registered_at', 'uploaded_book'],
      persons.map((p) => [p.personId, p.name, p.phone, p.landline, p.employer, p.formerEmployer, p.school, p.userId,
        p.registeredAt === null ? null : beijingIso(p.registeredAt), p.uploadedAt !== null]),
    ),
    'ties.csv': toCsv(
      ['person_a', 'person_b', 'relation', 'closeness'],
      world.ties.map((t) => [persons[t.a]!.personId, persons[t.b]!.personId, t.relation, t.closeness.toFixed(2)]),
    ),
  };
  files['README.md'] = readme(world, files, bookRows.length);
  return files;
}

export function sha256Text(s: string): string {
  return sha256Bytes(s);
}

function readme(world: ContactsWorld, files: Record<string, string>, bookRows: number): string {
  const c = world.config;
  const t = world.target;
  const lines = (name: string) => files[name]!.split('\n').length - 2;
  const rows = Object.keys(files)
    .map((f) => `| \`${f}\` | ${lines(f)} | \`${sha256Text(files[f]!)}\` |`)
    .join('\n');
  return `# datasets/shadow — SYNTHETIC address books (non-user shadow profiles)

**SYNTHETIC DATA — 合成数据，非真实证据.** Nothing here is evidence from the Wang Miao case
(Haidian court, reported 2021-03-10; see \`../../../shared/case/FACTS.md\`, case 2). It imitates
what a professional-network platform held when it texted a non-user on **2018-03-10** that
"**36** friends are waiting" and that it "recommended **119** professional contacts"
(\`pp.caseFacts.wangMiao\`).

- Generator: \`src/shadow/synthetic.ts\` \`generateContactsWorld\` (config
  \`DEFAULT_WORLD_CONFIG\`), written by \`src/shadow/dataset.ts\` \`contactsDatasetFiles\`;
  run \`npx tsx scripts/datasets/shadow.ts\` to regenerate (byte-identical).
- Seed: **${c.seed}**. Persons: ${c.persons}. Employers: ${c.employers}. Upload of the address
  book mandatory at sign-up until ${c.mandatoryUntil.slice(0, 10)}, optional after (p = ${c.optionalUploadProbability}).
- Phone numbers: synthetic 11-digit mobile numbers in the block **19900xxxxxx** and a few
  landlines \`0553-6xxxxxx\`, written in mixed formats (+86, 0086, spaces, dashes, brackets)
  plus carrier/bank service numbers, to exercise normalisation. To our knowledge the Chinese
  numbering plan reserves no range for fiction: these strings may belong to real subscribers.
  Never dial them. The non-user's number is \`19900012345\` (person P00001).
- Names, employers and schools are invented.

## Files

| file | rows | SHA-256 |
|---|---|---|
${rows}

The platform's view (what an analysis may use):
- \`address_books.csv\` (${bookRows} entries): \`uploader_id\`, \`saved_name\` (as the uploader
  saved the number), \`phone\` (as written), \`uploaded_at\` (ISO, +08:00).
- \`users.csv\`: registered users with \`phone\`, \`employer\`, \`former_employer\`, \`school\`
  (left empty by some users) and \`registered_at\`.

Ground truth (only a simulation has it; used to measure error rates):
- \`persons.csv\`: every phone owner, registered or not, with true employer/school.
- \`ties.csv\`: every true social tie with its relation (family, friend, colleague,
  former colleague, classmate, acquaintance) and closeness in [0, 1].

## The planted non-user
${t ? `Person \`${world.persons[t.index]!.personId}\` never registers. On the SMS date ${t.friendsWaiting} registered users hold his
number and the closeness-weighted common-friend estimator (\`src/shadow/closeness.ts\`,
theta = ${c.target!.theta}) recommends ${t.recommendedContacts} contacts. His circle was drawn ${t.attempts} time(s) with derived
seeds until both figures matched the case (conditioning, not coincidence). 16 registered
acquaintances from a sports club all used to work at one large employer, so a platform infers
that employer for him and labels them "former colleagues"; in truth he never worked there (the
court: the friends named in the SMS were acquaintances, not former colleagues). The three
friends ranked closest carry the surnames 刘, 戴, 王 as in the reported SMS.` : 'None.'}
`;
}
