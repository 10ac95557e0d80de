/**
 * `profile-provenance shadow`: what a platform knew about a NON-user from its users' uploaded
 * address books (the Wang Miao case). A declaration: the analysis is `shadow.analyseShadow`, the
 * layout `shadow.shadowReport`, both shared with notebook 07-shadow. The HMAC key comes from
 * --key or PP_HMAC_KEY and never reaches an output (only its fingerprint); numbers appear only as
 * keyed-hash tokens, even with --unmask (which unmasks names only).
 */
import { Option } from 'commander';
import * as shadow from '../shadow';
import { syntheticNoticesFor } from '../report/notices';
import { defineCommand } from './define';
import { listOption, parseInstant, parseIntegerIn, parseNumber, UsageError } from './common';

interface ShadowOptions {
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

const D = shadow.SHADOW_DEFAULTS;

export const shadowCommand = defineCommand<ShadowOptions>({
  name: 'shadow', notebook: '07-shadow', dataset: 'shadow', defaultSeed: D.seed,
  summary: "what did the platform know about a non-user from its users' address books? (shadow profile)",
  description:
    'Non-user shadow profile (the Wang Miao case). Loads uploaded address books and the registered users, replaces every phone number ' +
    "by an HMAC-SHA-256 keyed hash on load, builds the platform's view on a date, and reconstructs what it knew about one number: friends " +
    'waiting (holders), consensus name, the labels it could compute, recommended contacts against the threshold, the reach of every non-user, ' +
    'and an audit of the invitation SMS (each datum, its origin, whose it is, file:row:column sources). With the answer key of a simulation it ' +
    'measures how often labels computed from shared employers are right. The HMAC key is required (--key or env PP_HMAC_KEY, at least 16 ' +
    'bytes; prefer the environment variable, a command line is visible to other users).',
  output: 'The JSON holds the inputs with SHA-256, the key fingerprint, the target token, the profile (names masked), holders, reach curve, reach of every non-user, the SMS audit, label error rates against the answer key when used.',
  example: "PP_HMAC_KEY=$(cat key.txt) npx profile-provenance shadow --books books.csv --users users.csv --no-truth --target '138 1234 5678' -o out",
  inputs: {
    books: { flag: '--books <file>', description: 'uploaded address books: columns uploader_id, saved_name, phone, uploaded_at', default: 'address_books.csv' },
    users: { flag: '--users <file>', description: 'registered users: columns user_id, name, phone, employer, former_employer?, school?, registered_at', default: 'users.csv' },
  },
  answerKey: { description: 'ground truth of a simulation: persons.csv,ties.csv (every phone owner; true relations)' },
  options: (cmd) =>
    cmd
      .addOption(new Option('--key <secret>', 'HMAC-SHA-256 key for phone numbers (at least 16 bytes); required').env('PP_HMAC_KEY'))
      .addOption(new Option('--target <phone>', "the non-user's number, hashed at once and never displayed (default with the synthetic data set: its planted non-user)"))
      .addOption(new Option('--target-token <token>', "the non-user's keyed-hash token (ph:...) instead of --target").conflicts('target'))
      .option('--as-of <datetime>', 'the date of the message: data uploaded before it (ISO date-time; no offset = China Standard Time)', parseInstant('--as-of'), D.asOf)
      .option('--theta <x>', 'threshold of the recommended-contact estimator', parseNumber('--theta', 0), D.theta)
      .addOption(listOption('--thetas <list>', 'thresholds for the reach curve (comma-separated)', 0, Infinity, D.thetas))
      .option('--sms-recommended <n>', 'recommended-contact count stated in the message (the case: 119)', parseIntegerIn('--sms-recommended', 0), D.smsRecommended)
      .option('--tag <text>', "a user's annotation quoted in the message (default with the synthetic data set: the case's tag)")
      .option('--exclude-invalid', 'exclude (and list) invalid numbers instead of failing the load', false)
      .option('--exposure-persons <n>', 'population of the exposure-vs-adoption simulation (0 skips it; notebook 07 uses 10000)', parseIntegerIn('--exposure-persons', 0, 1_000_000), D.exposurePersons)
      .option('--exposure-reps <n>', 'replicates per adoption level in the exposure simulation', parseIntegerIn('--exposure-reps', 1, 1000), D.exposureReps)
      .option('--optional-upload <p>', 'share of new users uploading once upload became optional (exposure simulation)', parseNumber('--optional-upload', 0, 1), D.optionalUpload),
  async run({ options: o, paths, answerKey, display, columns }) {
    if (!o.key) throw new UsageError('--key <secret> (or env PP_HMAC_KEY) is required: phone numbers are keyed-hashed on load and there is no default key');
    if (Buffer.byteLength(o.key, 'utf8') < shadow.MIN_KEY_BYTES) throw new UsageError(`--key must be at least ${shadow.MIN_KEY_BYTES} bytes (got ${Buffer.byteLength(o.key, 'utf8')}); use 32 random bytes`);
    if (Number.isNaN(Date.parse(o.asOf))) throw new UsageError(`option --as-of must be an ISO date-time, got '${o.asOf}'`);
    if (answerKey && answerKey.length !== 2) throw new UsageError('--truth takes two files: persons.csv,ties.csv');
    if (o.targetToken !== undefined && !/^ph:[a-p]{16}$/.test(o.targetToken)) throw new UsageError(`option --target-token must be a token ph: followed by 16 letters a-p, got '${o.targetToken}'`);
    if (o.target !== undefined && !shadow.normalizePhone(o.target).ok) throw new UsageError('option --target is not a valid phone number');
    const evidence = await shadow.loadShadowEvidence(
      { books: paths.books!, users: paths.users!, truth: answerKey ? [answerKey[0]!, answerKey[1]!] : null },
      { key: o.key, excludeInvalid: o.excludeInvalid, columns },
    );
    const synthetic = syntheticNoticesFor(evidence.inputs.slice(0, 2)).length > 0;
    const target = o.targetToken !== undefined ? { token: o.targetToken } : o.target !== undefined ? { phone: o.target } : synthetic ? shadow.SHADOW_SYNTHETIC_TARGET : null;
    if (!target) throw new UsageError('--target <phone> or --target-token <token> is required with your own evidence');
    const result = shadow.analyseShadow(evidence, {
      target, asOf: o.asOf, theta: o.theta, thetas: o.thetas, smsRecommended: o.smsRecommended,
      tag: o.tag !== undefined ? { text: o.tag, source: 'given with --tag' } : synthetic ? shadow.CASE_TAG : null,
      exposurePersons: o.exposurePersons, exposureReps: o.exposureReps, optionalUpload: o.optionalUpload, seed: o.seed, unmask: !display.mask,
    });
    return { result: { ...result }, report: shadow.shadowReport(result, display), runInfo: { keyFingerprint: evidence.hasher.fingerprint } };
  },
});
