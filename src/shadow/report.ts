/**
 * The layout of a shadow-profile result: every table, figure and sentence that notebook
 * 07-shadow and `profile-provenance shadow` show, built once from the result. Block ids let the
 * notebook show them one at a time (`pp.report.showBlock(report, 'smsOrigins')`).
 */
import { caseFiguresBlock, wangMiao as wm } from '../case';
import { maskName } from '../report/mask';
import { HEADINGS, type Block } from '../report/document';
import type { InferenceReport } from '../report/inference';
import { syntheticNoticesFor } from '../report/notices';
import type { ShadowResult } from './analysis';
import { exposureFigure, holdersOverTimeFigure, reachCurveFigure } from './charts';
import { EMPLOYER_MIN_SHARE, EMPLOYER_MIN_VOTES } from './profile';

export interface ShadowReportOptions {
  /** Mask the plaintiff's name in the quoted SMS (default true); the result's own names follow its `unmask` parameter. */
  mask?: boolean;
}

/** Each figure of the case's SMS with its origin in the record (who said it, or what the court found). */
export function smsOriginRows(): Array<Record<string, string>> {
  return [
    { figure: 'recipient’s name', inSms: maskName(wm.smsText.personalNames[0]), origin: 'computed from address books', record: `court’s finding: the platform took his number from users’ uploaded address books and computed his network from the users linked to it; defendant: ${wm.numberFromUploadedBooks.inQuote}` },
    { figure: '“former colleague” (前同事)', inSms: '前同事', origin: 'fixed copywriting', record: `defendant: ${wm.colleagueWordingIsCopywriting.inQuote}; ${wm.smsCopyDesignedBySite.inQuote}` },
    { figure: 'the tag “有两把刷子”', inSms: '有两把刷子', origin: "a user's rating (defendant's account)", record: 'defendant: users may not have known that rating a friend sends an SMS' },
    { figure: 'recommended professional contacts', inSms: String(wm.recommendedContacts.value), origin: 'computed from address books', record: `defendant: ${wm.contactsEstimatedByBigData.quote.slice(wm.contactsEstimatedByBigData.quote.indexOf('短信中所称'), wm.contactsEstimatedByBigData.quote.indexOf(';'))}` },
    { figure: 'three named friends', inSms: '刘某、戴某、王某', origin: 'computed from address books; that they are acquaintances, not former colleagues: plaintiff’s statement', record: `plaintiff: ${wm.namedFriendsAreAcquaintances.quote}` },
    { figure: 'friends waiting', inSms: String(wm.friendsWaiting.value), origin: 'computed from address books', record: 'in the SMS; the record states no method (read here as the registered users holding his number)' },
  ];
}

export function shadowReport(result: ShadowResult, options: ShadowReportOptions = {}): InferenceReport {
  const mask = options.mask ?? true;
  const p = result.parameters;
  const prof = result.profile;
  const reach = result.reach;
  const pop = result.population;
  const synthetic = syntheticNoticesFor(result.inputs.slice(0, 2)).length > 0;
  const plaintiff = wm.smsText.personalNames[0];
  const smsQuoted = mask ? wm.smsText.value.split(plaintiff).join(maskName(plaintiff)) : wm.smsText.value;
  const interval = reach.thetaInterval;
  const t = result.truth;
  const truthBlocks: Block[] = t
    ? [
        { id: 'holdersVsTruth', kind: 'table', rows: t.holdersVsTruth.slice(0, 8).map((r) => ({ rank: r.rank, holder: r.holder, name: r.name, 'label the platform could compute': r.label, basis: r.basis, 'true relation': r.truth, correct: r.correct })), options: { caption: 'The closest holders (an invitation names the first three): the label the platform could have computed vs the simulation’s truth' } },
        { id: 'targetEmployer', kind: 'table', rows: [{ 'inferred employer': t.targetEmployer.inferred ?? '—', votes: `${t.targetEmployer.votes} of ${t.targetEmployer.of}`, 'true employer': t.targetEmployer.trueEmployer ?? 'unknown', 'true former employer': t.targetEmployer.trueFormerEmployer ?? '—' }], options: { caption: 'The employer the platform could infer, and the truth' } },
        { id: 'labelClaims', kind: 'table', rows: t.labelEvaluation.claims.map((c) => ({ 'label basis': c.basis, '"colleague" labels': c.n, 'truly colleagues': c.correct, precision: c.precision, 'Wilson 95% low': c.ci95[0], 'Wilson 95% high': c.ci95[1], 'error rate': 1 - c.precision })), options: { caption: `(Former) colleague labels the platform could compute, over all ${t.labelEvaluation.nonUsers} non-users (${t.labelEvaluation.pairs} holder–non-user pairs)`, digits: 3 } },
        { id: 'employerAccuracy', kind: 'table', rows: [{ 'non-users with an inferred employer': t.labelEvaluation.employer.inferred, correct: t.labelEvaluation.employer.correct, accuracy: t.labelEvaluation.employer.accuracy, 'Wilson 95% low': t.labelEvaluation.employer.ci95[0], 'Wilson 95% high': t.labelEvaluation.employer.ci95[1] }], options: { caption: 'Inferred employer of non-users vs truth (current or former)', digits: 3 } },
      ]
    : [{ id: 'holdersVsTruth', kind: 'paragraph', text: 'No ground truth was given (real evidence has none): the labels the platform could compute are not scored.' }];
  const e = result.exposure;
  const exposureBlocks: Block[] = e
    ? [
        { id: 'exposureChart', kind: 'figure', figure: exposureFigure(e.mandatory, { title: 'Non-users with a shadow profile (upload mandatory)' }) },
        { id: 'exposure', kind: 'table', rows: e.levels.map((a, i) => ({ adoption: a, 'known (mandatory)': e.mandatory[i]!.numberKnown!, 'employer inferred (mandatory)': e.mandatory[i]!.employerInferred!, 'rich (mandatory)': e.mandatory[i]!.rich!, 'employer accuracy (mandatory)': e.mandatory[i]!.employerAccuracy!, [`known (p = ${e.optionalUploadProbability})`]: e.optional[i]!.numberKnown!, [`employer inferred (p = ${e.optionalUploadProbability})`]: e.optional[i]!.employerInferred! })), options: { caption: `Simulated exposure: mean over ${e.reps} replicates, population ${e.persons}, seed ${e.seed}`, digits: 3 } },
      ]
    : [{ id: 'exposure', kind: 'paragraph', text: 'The exposure simulation was not run (population 0).' }];
  const at1 = reach.curve.find((c) => c.theta === 1);
  return {
    title: { en: 'Non-user shadow profile from uploaded address books', zh: '非用户的影子档案：来自用户上传的通讯录' },
    question: `What could the platform know, on ${p.asOf}, about the holder of a number who never registered, from its users' uploaded address books, and where does each datum of an invitation message come from? The case's message: ${smsQuoted}`,
    sections: [
      {
        heading: HEADINGS.method,
        blocks: [
          caseFiguresBlock([
            ['SMS date', wm.smsDate],
            ['friends waiting', wm.friendsWaiting],
            ['recommended professional contacts', wm.recommendedContacts],
            ['address-book upload mandatory until', wm.uploadMandatoryUntil],
          ], { caption: 'Case figures (src/case: each value, its bound, the words it is quoted from in the news report of the judgment)' }),
          { id: 'smsQuote', kind: 'paragraph', text: smsQuoted },
          { id: 'smsOrigins', kind: 'table', rows: smsOriginRows(), options: { caption: 'Each figure of the SMS and its origin in the record' } },
          { id: 'method', kind: 'paragraph', text: `Every phone number is normalised (E.164) and replaced on load by an HMAC-SHA-256 keyed hash (key fingerprint ${result.loaded.keyFingerprint}); the analysis sees tokens only. The platform's view on ${p.asOf} uses the address-book entries uploaded before it and the users registered before it. Holders are the distinct registered uploaders whose book holds the number; closeness c(h) weighs how intimately each saved the number and how many of their contacts are shared; recommended contacts are users whose closeness-weighted common friends with the number reach θ = ${p.theta} (src/shadow/closeness.ts). An employer is inferred when at least ${EMPLOYER_MIN_VOTES} holders and ${Math.round(EMPLOYER_MIN_SHARE * 100)}% of them list it.` },
          { id: 'loaded', kind: 'keyValues', caption: 'What was loaded', values: result.loaded },
          { id: 'excluded', kind: 'table', rows: result.excluded.slice(0, 10).map((x) => ({ ...x })), options: { caption: `Excluded entries (${result.excluded.length}; first 10, values masked)` } },
        ],
      },
      {
        heading: HEADINGS.results,
        blocks: [
          { id: 'profile', kind: 'table', rows: prof.summary, options: { caption: `Shadow profile of ${prof.token} as of ${p.asOf}${p.unmask ? '' : ' (names masked)'}` } },
          { id: 'holdersOverTime', kind: 'figure', figure: holdersOverTimeFigure(result.holdersOverTime, { markDate: p.asOf, markValue: prof.friendsWaiting, mandatoryUntil: `${wm.uploadMandatoryUntil.value}-01` }) },
          { id: 'holders', kind: 'table', rows: prof.holders, options: { caption: 'Holders of the number, closest first', maxRows: 200, digits: 3 } },
          {
            id: 'reach', kind: 'table',
            rows: [
              { quantity: 'users with any common friend (s > 0)', value: prof.recommended.candidates },
              { quantity: `recommended at θ = ${p.theta}`, value: prof.recommended.count },
              { quantity: 'the count stated in the message', value: reach.smsRecommended },
              { quantity: `θ giving exactly ${reach.smsRecommended}`, value: interval ? `${interval.lo.toFixed(4)} < θ ≤ ${interval.hi.toFixed(4)}` : 'none' },
            ],
            options: { caption: 'Second-degree reach of the target' },
          },
          { id: 'reachCurve', kind: 'figure', figure: reachCurveFigure(reach.curve, { caseValue: reach.smsRecommended, defaultTheta: p.theta }) },
          { id: 'illustration', kind: 'paragraph', text: illustration(result, synthetic) },
          {
            id: 'population', kind: 'table',
            rows: [
              { quantity: 'non-users held in some book', value: pop.nonUsers },
              { quantity: `recommended contacts at θ = ${pop.theta}: median / 90th / 99th percentile / max`, value: `${pop.recommended.p50} / ${pop.recommended.p90} / ${pop.recommended.p99} / ${pop.recommended.max}` },
              { quantity: 'friends waiting: median / 90th percentile / max', value: `${pop.friendsWaiting.p50} / ${pop.friendsWaiting.p90} / ${pop.friendsWaiting.max}` },
              { quantity: `share of non-users with ≥ ${reach.smsRecommended} recommended contacts`, value: pop.shareAtLeastSmsRecommended.toFixed(4) },
              { quantity: `share of non-users with ≥ ${wm.friendsWaiting.value} friends waiting`, value: pop.shareAtLeastSmsFriends.toFixed(4) },
              { quantity: 'target: share of non-users with fewer recommended contacts', value: pop.targetPercentile === null ? 'target is not a non-user here' : pop.targetPercentile.toFixed(4) },
              { quantity: 'one-pass count for the target = per-target estimator', value: pop.targetAgrees === null ? '—' : String(pop.targetAgrees) },
              { quantity: 'two-hop steps walked (work of the one pass)', value: pop.steps },
            ],
            options: { caption: 'Second-degree reach of every non-user, one pass over the CSR (src/shadow/reach.ts)' },
          },
          { id: 'message', kind: 'paragraph', text: `Reconstructed message${p.unmask ? '' : ' (names masked)'}: ${result.sms.message}` },
          { id: 'disclosures', kind: 'table', rows: result.sms.disclosures.map((d) => ({ ...d })), options: { caption: 'Disclosure audit: each datum, its origin, whose it is, how it was derived, its sources (file:row:column)' } },
          ...truthBlocks,
        ],
      },
      {
        heading: HEADINGS.strength,
        blocks: [
          {
            id: 'strength', kind: 'paragraph',
            text: t
              ? "The error rates above are measured against the simulation's ground truth (Wilson 95% intervals): they say how far labels a platform could compute from shared employers can be trusted, not what is true of a real person, and not what Maimai did (the record calls its relation word copywriting). No likelihood ratio is given: the question is what the platform's data disclosed, which the profile and the audit show directly."
              : "No ground truth was given, so the error rates of the labels the platform could compute are not measured here; the profile and the audit show what the data disclosed, each datum with its file:row:column sources.",
          },
          { id: 'findings', kind: 'paragraph', text: findings(result, at1?.recommended ?? null) },
        ],
      },
      {
        heading: HEADINGS.sensitivity,
        blocks: [
          { id: 'reachCurveTable', kind: 'table', rows: reach.curve, options: { caption: "Recommended contacts against the threshold θ (the estimator and its threshold are the platform's choice)" } },
          ...exposureBlocks,
        ],
      },
    ],
    limitations: [
      'The recommended-contact estimator and its threshold are a reconstruction; the platform did not disclose its own, so the count depends on θ (see the reach curve).',
      'The relation word of the message is, on the defendant’s account, fixed copywriting; labels computed from shared employers or schools are shown only as what the platform could have computed, and their error rates can be measured only on simulated data with a ground truth.',
      'Keyed hashing protects numbers in the outputs; anyone holding the key can test a guessed number. Keep the key apart from the report.',
    ],
  };
}

/** Whether the match with the SMS figures is by construction (the synthetic data set) or found on the evidence. */
function illustration(r: ShadowResult, synthetic: boolean): string {
  const fw = r.profile.friendsWaiting, rc = r.profile.recommended.count;
  if (synthetic) {
    return `ILLUSTRATION, not a reproduction: the synthetic data set was generated so that the planted non-user has ${wm.friendsWaiting.value} friends waiting and ${wm.recommendedContacts.value} recommended contacts at θ = ${r.parameters.theta} (its generator redraws the target's circle until it does; datasets/shadow/README.md). That this run gives ${fw} and ${rc} is therefore by construction; it shows how such figures can be computed from address books, not that the platform computed them this way.`;
  }
  return `On this evidence the number has ${fw} holders and ${rc} recommended contacts at θ = ${r.parameters.theta}; the message stated ${r.reach.smsRecommended}.`;
}

/** The court's finding, step by step, with this run's figures (computed, never typed). */
function findings(r: ShadowResult, atTheta1: number | null): string {
  const prof = r.profile;
  const named = prof.namedFriends.map((f) => f.label).join('", "');
  const truth = r.truth ? `; in the simulation's truth they are: ${r.truth.holdersVsTruth.slice(0, 3).map((x) => x.truth).join(', ')}` : '';
  return [
    `On ${prof.asOf.slice(0, 10)}, ${prof.friendsWaiting} registered users held the non-user's number (SMS: ${wm.friendsWaiting.value}).`,
    `${prof.name.votes} of them saved a full name; the platform's consensus name is ${prof.name.value || '—'}.`,
    `At θ = ${r.parameters.theta} the estimator recommends ${prof.recommended.count} contacts (SMS: ${wm.recommendedContacts.value})${atTheta1 === null ? '' : `; θ = 1 gives ${atTheta1}`}.`,
    `The labels the platform could have computed for the three named friends are "${named}"${truth}; the message's "前同事" is, on the defendant's account, fixed copywriting.`,
  ].join(' ');
}
