/**
 * `profile-provenance shadow`: what a platform knew about a NON-user from its users' uploaded
 * address books (the Wang Miao case). The same steps as notebook 07-shadow,
 * through `src/shadow`: phone numbers HMAC-hashed on load (the key from --key or PP_HMAC_KEY;
 * no default key), the platform view on a date, the shadow profile of one number, second-degree
 * reach against the threshold, a disclosure audit of the invitation SMS, and, when the ground
 * truth of a simulation is given, the error rates of the platform's relation labels and employer
 * inference. No raw number ever reaches an output: numbers appear as keyed-hash tokens.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { wangMiao as wm } from '../case';
import * as contacts from '../shadow';
import { maskName } from '../report/mask';
import { HEADINGS, type Block, type ReportDocument, type Section } from '../report/document';
import {
  cleanProvenance, commandProgress, commandRunInfo, datasetPath, displayPath, execute, fileOption, parseInstant, parseIntegerIn, parseNumber,
  listOption, requireFile, usesDefaults, withCommonOptions, UsageError, type CommonOptions,
} from './common';

interface ShadowOptions extends CommonOptions {
  books: string;
  users: string;
  persons?: string;
  ties?: string;
  truth: boolean;
  key?: string;
  target?: string;
  targetToken?: string;
  asOf: string;
  theta: number;
  thetas: number[];
  smsRecommended: number;
  tag?: string;
  excludeInvalid: boolean;
  exposurePersons: number;
  exposureReps: number;
  optionalUpload: number;
}

const DEFAULT_BOOKS = datasetPath('shadow', 'address_books.csv');
const DEFAULT_USERS = datasetPath('shadow', 'users.csv');
const DEFAULT_PERSONS = datasetPath('shadow', 'persons.csv');
const DEFAULT_TIES = datasetPath('shadow', 'ties.csv');
/** The planted non-user of the synthetic data set (synthetic block 19900xxxxxx); hashed at once. */
const SYNTHETIC_TARGET = '199 0001 2345';
const CASE_TAG = { text: '有两把刷子', source: 'annotation written by the tagging user on the platform (not address-book data); text as in the case' };

export function registerShadow(program: Command, setCode: (c: number) => void): void {
  const cmd = program
    .command('shadow')
    .summary("what did the platform know about a non-user from its users' address books? (shadow profile)")
    .description(
      'Non-user shadow profile (the Wang Miao case; notebook 07-shadow). Loads uploaded address ' +
        'books and the registered users, replaces every phone number by an HMAC-SHA-256 keyed hash on load, builds ' +
        "the platform's view on a date, and reconstructs what it knew about one number: friends waiting (holders), " +
        'consensus name, relation words, inferred employer and school, recommended contacts against the threshold, ' +
        'the three friends an invitation would name, and an audit of the invitation SMS (each datum, whose it is, ' +
        'how it was derived, file:row:column sources). With the ground truth of a simulation (--persons, --ties) it ' +
        'measures how often the platform\'s "colleague" labels and employer inferences are right. ' +
        'The HMAC key is required (--key or env PP_HMAC_KEY, at least 16 bytes; prefer the environment variable, a ' +
        'command line is visible to other users). Raw numbers never appear in any output, even with --unmask ' +
        '(which unmasks names only).',
    )
    .addOption(fileOption('--books <file>', 'uploaded address books: columns uploader_id, saved_name, phone, uploaded_at', DEFAULT_BOOKS))
    .addOption(fileOption('--users <file>', 'registered users: columns user_id, name, phone, employer, former_employer?, school?, registered_at', DEFAULT_USERS))
    .addOption(new Option('--persons <file>', 'ground truth of a simulation: every phone owner (default with the synthetic data set: datasets/shadow/persons.csv)'))
    .addOption(new Option('--ties <file>', 'ground truth of a simulation: true relations (default with the synthetic data set: datasets/shadow/ties.csv)'))
    .option('--no-truth', 'do not load a ground truth (real evidence has none)')
    .addOption(new Option('--key <secret>', 'HMAC-SHA-256 key for phone numbers (at least 16 bytes); required').env('PP_HMAC_KEY'))
    .addOption(new Option('--target <phone>', "the non-user's number, hashed at once and never displayed (default with the synthetic data set: its planted non-user)"))
    .addOption(new Option('--target-token <token>', "the non-user's keyed-hash token (ph:...) instead of --target").conflicts('target'))
    .option('--as-of <datetime>', 'the date of the message: data uploaded before it (ISO date-time; no offset = China Standard Time)', parseInstant('--as-of'), '2018-03-10T00:00:00+08:00')
    .option('--theta <x>', 'threshold of the recommended-contact estimator', parseNumber('--theta', 0), contacts.DEFAULT_THETA)
    .addOption(listOption('--thetas <list>', 'thresholds for the reach curve (comma-separated)', 0, Infinity, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 1, 1.25, 1.5, 2]))
    .option('--sms-recommended <n>', 'recommended-contact count stated in the message (the case: 119)', parseIntegerIn('--sms-recommended', 0), wm.recommendedContacts.value)
    .option('--tag <text>', "a user's annotation quoted in the message (default with the synthetic data set: the case's tag)")
    .option('--exclude-invalid', 'exclude (and list) invalid numbers instead of failing the load', false)
    .option('--exposure-persons <n>', 'population of the exposure-vs-adoption simulation (0 skips it; notebook 07 uses 10000)', parseIntegerIn('--exposure-persons', 0, 1_000_000), 0)
    .option('--exposure-reps <n>', 'replicates per adoption level in the exposure simulation', parseIntegerIn('--exposure-reps', 1, 1000), 5)
    .option('--optional-upload <p>', 'share of new users uploading once upload became optional (exposure simulation)', parseNumber('--optional-upload', 0, 1), 0.4);
  withCommonOptions(cmd, contacts.CONTACTS_DATASET_SEED);
  cmd.addHelpText(
    'after',
    '\nOutput: <out>/shadow.json (inputs with SHA-256, key fingerprint, target token, the profile with names masked,\n' +
      'holders, reach curve, the SMS audit, label error rates against the truth when given) and <out>/shadow.html\n' +
      '(the expert report). Phone numbers appear only as keyed-hash tokens; names are masked unless --unmask.\n\n' +
      'Example:\n  PP_HMAC_KEY=$(cat key.txt) npx profile-provenance shadow --books books.csv --users users.csv \\\n' +
      "    --no-truth --target '138 1234 5678' --as-of 2018-03-10T00:00:00+08:00 -o out\n",
  );
  cmd.action(async (o: ShadowOptions) => setCode(await execute(o, () => runShadow(o))));
}

async function runShadow(o: ShadowOptions) {
  if (!o.key) throw new UsageError('--key <secret> (or env PP_HMAC_KEY) is required: phone numbers are keyed-hashed on load and there is no default key');
  if (Buffer.byteLength(o.key, 'utf8') < contacts.MIN_KEY_BYTES) throw new UsageError(`--key must be at least ${contacts.MIN_KEY_BYTES} bytes (got ${Buffer.byteLength(o.key, 'utf8')}); use 32 random bytes`);
  const booksPath = requireFile('--books', o.books);
  const usersPath = requireFile('--users', o.users);
  const synthetic = usesDefaults([[o.books, DEFAULT_BOOKS], [o.users, DEFAULT_USERS]]);
  if ((o.persons === undefined) !== (o.ties === undefined)) throw new UsageError('--persons and --ties go together: give both or neither');
  let truthPaths: [string, string] | null = null;
  if (o.truth) {
    if (o.persons !== undefined && o.ties !== undefined) truthPaths = [requireFile('--persons', o.persons), requireFile('--ties', o.ties)];
    else if (synthetic) truthPaths = [requireFile('--persons', DEFAULT_PERSONS), requireFile('--ties', DEFAULT_TIES)];
  }
  let target: { phone: string } | { token: string };
  if (o.targetToken !== undefined) {
    if (!/^ph:[a-p]{16}$/.test(o.targetToken)) throw new UsageError(`option --target-token must be a token ph: followed by 16 letters a-p, got '${o.targetToken}'`);
    target = { token: o.targetToken };
  } else if (o.target !== undefined) {
    const p = contacts.normalizePhone(o.target);
    if (!p.ok) throw new UsageError(`option --target is not a valid phone number (${p.reason})`);
    target = { phone: o.target };
  } else if (synthetic) {
    target = { phone: SYNTHETIC_TARGET };
  } else {
    throw new UsageError('--target <phone> or --target-token <token> is required with your own evidence');
  }
  const tag = o.tag !== undefined ? { text: o.tag, source: 'given with --tag' } : synthetic ? CASE_TAG : undefined;
  const name = (s: string | null | undefined) => (o.unmask ? (s ?? '') : maskName(s));

  const bar = commandProgress(o, 5 + (o.exposurePersons > 0 ? 2 : 0), 'shadow');
  const hasher = contacts.createPhoneHasher(o.key);
  const books = await contacts.loadAddressBooks(booksPath, { hasher, onInvalid: o.excludeInvalid ? 'exclude' : 'throw' });
  const users = await contacts.loadPlatformUsers(usersPath, { hasher });
  bar.tick();
  const view = contacts.buildPlatformView(books, users, { asOf: o.asOf, hasher });
  const profile = contacts.shadowProfile(view, target, { theta: o.theta });
  bar.tick();

  // Display rows: the area's masked rows; with --unmask the names come back from the profile.
  const summaryRows = contacts.profileSummaryRows(profile).map((r) => {
    if (!o.unmask) return r;
    if (r.field === 'name (consensus)') return { ...r, value: profile.name.value ?? '' };
    if (r.field === 'named friends (top 3 closeness)') return { ...r, value: profile.namedFriends.map((h) => h.userName).join('、') };
    return r;
  });
  const holders = contacts.holderRows(profile).map((r, i) => (o.unmask ? { ...r, name: profile.holders[i]!.userName, 'saved as': profile.holders[i]!.savedName ?? '' } : r));
  const curve = contacts.reachCurve(profile.recommended, o.thetas);
  const interval = contacts.thetaIntervalForCount(profile.recommended, o.smsRecommended);
  const overTime = contacts.holdersOverTime(books, users, profile.token);
  const audit = contacts.auditMessage(profile, tag ? { tag } : {});
  const unmasked: Record<string, string> = {
    '{recipientName}': profile.name.value ?? '',
    ...Object.fromEntries(profile.namedFriends.map((h, i) => [`{friend${i + 1}}`, h.userName])),
  };
  const disclosures = audit.disclosures.map((d) => (o.unmask && d.placeholder in unmasked ? { ...d, shown: unmasked[d.placeholder]! } : d));
  bar.tick();

  // Ground truth (simulations only).
  let truthResult: Record<string, unknown> | null = null;
  const truthBlocks: Block[] = [];
  let truthProvenance: object[] = [];
  if (truthPaths) {
    const truth = await contacts.loadGroundTruth(truthPaths[0], truthPaths[1], hasher);
    truthProvenance = truth.provenance;
    const mine = contacts.labelsAgainstTruth(profile, truth).map((r, i) => ({ rank: i + 1, ...r, name: name(profile.holders[i]!.userName) }));
    const ev = contacts.evaluateRelationLabels(view, truth);
    const t = truth.tokenToPerson.get(profile.token);
    const employer = {
      inferred: profile.employer?.value ?? null, votes: profile.employer?.votes ?? 0, of: profile.employer?.of ?? 0,
      trueEmployer: t === undefined ? null : truth.employer[t]!, trueFormerEmployer: t === undefined ? null : truth.formerEmployer[t] ?? null,
    };
    truthResult = { holdersVsTruth: mine, targetEmployer: employer, labelEvaluation: ev };
    truthBlocks.push(
      { kind: 'table', rows: mine.slice(0, 8).map((r) => ({ rank: r.rank, holder: r.holder, name: r.name, label: r.label, basis: r.basis, 'true relation': r.truth, correct: r.correct })), options: { caption: 'The closest holders (an invitation names the first three): platform label vs truth' } },
      { kind: 'table', rows: [{ 'inferred employer': employer.inferred ?? '—', votes: `${employer.votes} of ${employer.of}`, 'true employer': employer.trueEmployer ?? 'unknown', 'true former employer': employer.trueFormerEmployer ?? '—' }], options: { caption: 'The employer the platform would infer, and the truth' } },
      { kind: 'table', rows: ev.claims.map((c) => ({ 'label basis': c.basis, '"colleague" labels': c.n, 'truly colleagues': c.correct, precision: c.precision, 'Wilson 95% low': c.ci95[0], 'Wilson 95% high': c.ci95[1], 'error rate': 1 - c.precision })), options: { caption: `(Former) colleague labels over all ${ev.nonUsers} non-users (${ev.pairs} holder–non-user pairs)`, digits: 3 } },
      { kind: 'table', rows: [{ 'non-users with an inferred employer': ev.employer.inferred, correct: ev.employer.correct, accuracy: ev.employer.accuracy, 'Wilson 95% low': ev.employer.ci95[0], 'Wilson 95% high': ev.employer.ci95[1] }], options: { caption: 'Inferred employer of non-users vs truth (current or former)', digits: 3 } },
    );
  }
  bar.tick();

  // Exposure against adoption (a simulation; optional).
  let exposure: Record<string, unknown> | null = null;
  const exposureBlocks: Block[] = [];
  if (o.exposurePersons > 0) {
    const world = contacts.generateContactsWorld({ seed: o.seed, persons: o.exposurePersons, target: null });
    const ew = contacts.exposureWorld(world);
    const levels = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
    const mandatory = contacts.summariseExposure(contacts.simulateExposure(ew, { adoption: levels, reps: o.exposureReps, seed: o.seed }));
    bar.tick();
    const optional = contacts.summariseExposure(contacts.simulateExposure(ew, { adoption: levels, reps: o.exposureReps, seed: o.seed, uploadProbability: o.optionalUpload }));
    bar.tick();
    exposure = { persons: o.exposurePersons, reps: o.exposureReps, seed: o.seed, optionalUploadProbability: o.optionalUpload, mandatory, optional };
    exposureBlocks.push(
      { kind: 'figure', figure: contacts.exposureFigure(mandatory, { title: 'Non-users with a shadow profile (upload mandatory)' }) },
      { kind: 'table', rows: levels.map((a, i) => ({ adoption: a, 'known (mandatory)': mandatory[i]!.numberKnown, 'employer inferred (mandatory)': mandatory[i]!.employerInferred, 'rich (mandatory)': mandatory[i]!.rich, 'employer accuracy (mandatory)': mandatory[i]!.employerAccuracy, [`known (p = ${o.optionalUpload})`]: optional[i]!.numberKnown, [`employer inferred (p = ${o.optionalUpload})`]: optional[i]!.employerInferred })), options: { caption: `Simulated exposure: mean over ${o.exposureReps} replicates, population ${o.exposurePersons}, seed ${o.seed}`, digits: 3 } },
    );
  }
  bar.tick();
  bar.done();

  const provenance = [books.provenance, users.provenance, ...truthProvenance].map(cleanProvenance);
  const parameters = {
    books: displayPath(booksPath), users: displayPath(usersPath), persons: truthPaths ? displayPath(truthPaths[0]) : null, ties: truthPaths ? displayPath(truthPaths[1]) : null,
    target: profile.token, asOf: o.asOf, theta: o.theta, thetas: o.thetas, smsRecommended: o.smsRecommended, tag: tag?.text ?? null,
    excludeInvalid: o.excludeInvalid, exposurePersons: o.exposurePersons, exposureReps: o.exposureReps, optionalUpload: o.optionalUpload,
  };
  const run = commandRunInfo('shadow', o, { synthetic, keyFingerprint: hasher.fingerprint });
  const loaded = {
    entries: books.entries,
    landlines: books.kind.reduce((s, k) => s + k, 0),
    serviceExcluded: books.excluded.filter((x) => x.kind === 'service').length,
    invalidExcluded: books.excluded.filter((x) => x.kind === 'invalid').length,
    registeredUsers: users.count,
    entriesUsedAsOf: view.entriesUsed,
    keyFingerprint: hasher.fingerprint,
  };
  const results = {
    run, inputs: provenance, parameters, loaded, excluded: books.excluded,
    profile: {
      token: profile.token, asOf: profile.asOf, registeredUser: profile.registeredUser, friendsWaiting: profile.friendsWaiting,
      name: { value: name(profile.name.value), votes: profile.name.votes, of: profile.name.of },
      summary: summaryRows, holders,
      recommended: { theta: profile.recommended.theta, count: profile.recommended.count, candidates: profile.recommended.candidates.length },
      namedFriends: profile.namedFriends.map((h) => ({ userId: h.userId, name: name(h.userName), label: h.label, closeness: h.closeness })),
    },
    reach: { curve, smsRecommended: o.smsRecommended, thetaInterval: interval },
    holdersOverTime: overTime,
    sms: { message: o.unmask ? audit.message : audit.displayMessage, disclosures },
    truth: truthResult,
    exposure,
  };

  const plaintiff = wm.smsText.personalNames[0];
  const smsQuoted = o.unmask ? wm.smsText.value : wm.smsText.value.split(plaintiff).join(maskName(plaintiff));
  const sections: Section[] = [
    {
      heading: HEADINGS.method,
      blocks: [
        { kind: 'paragraph', text: `Every phone number is normalised (E.164) and replaced on load by an HMAC-SHA-256 keyed hash (key fingerprint ${hasher.fingerprint}); the analysis sees tokens only. The platform's view on ${o.asOf} uses the address-book entries uploaded before it and the users registered before it. Holders are the distinct registered uploaders whose book holds the number; closeness c(h) weighs how intimately each saved the number and how many of their contacts are shared; recommended contacts are users whose closeness-weighted common friends with the number reach θ = ${o.theta} (src/shadow/closeness.ts). An employer is inferred when at least ${contacts.EMPLOYER_MIN_VOTES} holders and ${Math.round(contacts.EMPLOYER_MIN_SHARE * 100)}% of them list it.` },
        { kind: 'keyValues', caption: 'What was loaded', values: loaded },
        ...(books.excluded.length ? [{ kind: 'table' as const, rows: books.excluded.slice(0, 10).map((x) => ({ ...x })), options: { caption: `Excluded entries (${books.excluded.length}; first 10, values masked)` } }] : []),
      ],
    },
    {
      heading: HEADINGS.results,
      blocks: [
        { kind: 'table', rows: summaryRows, options: { caption: `Shadow profile of ${profile.token} as of ${o.asOf}${o.unmask ? '' : ' (names masked)'}` } },
        { kind: 'figure', figure: contacts.holdersOverTimeFigure(overTime, { markDate: o.asOf, markValue: profile.friendsWaiting, mandatoryUntil: `${wm.uploadMandatoryUntil.value}-01` }) },
        { kind: 'table', rows: holders, options: { caption: 'Holders of the number, closest first', maxRows: 200, digits: 3 } },
        {
          kind: 'table',
          rows: [
            { quantity: 'users with any common friend (s > 0)', value: profile.recommended.candidates.length },
            { quantity: `recommended at θ = ${o.theta}`, value: profile.recommended.count },
            { quantity: 'the count stated in the message', value: o.smsRecommended },
            { quantity: `θ giving exactly ${o.smsRecommended}`, value: interval ? `${interval.lo.toFixed(4)} < θ ≤ ${interval.hi.toFixed(4)}` : 'none' },
          ],
          options: { caption: 'Second-degree reach' },
        },
        { kind: 'figure', figure: contacts.reachCurveFigure(curve, { caseValue: o.smsRecommended, defaultTheta: o.theta }) },
        { kind: 'paragraph', text: `Reconstructed message${o.unmask ? '' : ' (names masked)'}: ${o.unmask ? audit.message : audit.displayMessage}` },
        { kind: 'table', rows: disclosures.map((d) => ({ ...d })), options: { caption: 'Disclosure audit: each datum, whose it is, how it was derived, its sources (file:row:column)' } },
        ...truthBlocks,
      ],
    },
    {
      heading: HEADINGS.strength,
      blocks: truthBlocks.length
        ? [{ kind: 'paragraph', text: "The error rates above are measured against the simulation's ground truth (Wilson 95% intervals): they say how far a platform's relation labels and employer inferences can be trusted, not what is true of a real person. No likelihood ratio is given: the question is what the platform's data disclosed, which the profile and the audit show directly." }]
        : [{ kind: 'paragraph', text: "No ground truth was given, so the error rates of the platform's labels are not measured here; the profile and the audit show what the data disclosed, each datum with its file:row:column sources." }],
    },
    {
      heading: HEADINGS.sensitivity,
      blocks: [
        { kind: 'table', rows: curve, options: { caption: 'Recommended contacts against the threshold θ (the estimator and its threshold are the platform\'s choice)' } },
        ...exposureBlocks,
      ],
    },
  ];
  const document: ReportDocument = {
    title: { en: 'Non-user shadow profile from uploaded address books', zh: '非用户的影子档案：来自用户上传的通讯录' },
    question: `What could the platform know, on ${o.asOf}, about the holder of a number who never registered, from its users' uploaded address books, and where does each datum of an invitation message come from? The case's message: ${smsQuoted}`,
    ...(synthetic
      ? {
          synthetic: {
            dataset: 'datasets/shadow', generator: 'src/shadow/synthetic.ts generateContactsWorld', seed: contacts.CONTACTS_DATASET_SEED,
            imitates: `the platform's data on ${wm.smsDate.value}: ${wm.friendsWaiting.value} friends waiting, ${wm.recommendedContacts.value} recommended contacts (caseFacts.wangMiao)`,
            files: ['address_books.csv', 'users.csv', ...(truthPaths ? ['persons.csv', 'ties.csv'] : [])],
          },
        }
      : {}),
    provenance,
    sections,
    limitations: [
      'The recommended-contact estimator and its threshold are a reconstruction; the platform did not disclose its own, so the count depends on θ (see the reach curve).',
      'Relation labels from saved names rest on a lexicon (src/shadow/lexicon.ts); labels from shared employers or schools are inferences, and their error rates can be measured only on simulated data with a ground truth.',
      'Keyed hashing protects numbers in the outputs; anyone holding the key can test a guessed number. Keep the key apart from the report.',
    ],
    runInfo: { ...run, parameters: JSON.stringify(parameters) },
    lang: o.lang,
  };
  return { command: 'shadow', results, document };
}
