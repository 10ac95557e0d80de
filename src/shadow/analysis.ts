/**
 * The shadow-profile inference in one call, shared by notebook 07-shadow and `profile-provenance
 * shadow`: `loadShadowEvidence` (io + keyed hashing on load) → `analyseShadow` (pure, seeded,
 * typed, JSON-serialisable; numbers only as keyed-hash tokens, names masked unless asked) →
 * `shadowReport` (tables, figures and sentences built from the result).
 *
 * The key never enters the result: only its fingerprint. A target given as a raw number is
 * hashed at once; the result and its parameters carry the token.
 *
 * @example
 * const evidence = await loadShadowEvidence({ books: 'address_books.csv', users: 'users.csv', truth: null }, { key: process.env.PP_HMAC_KEY! });
 * const result = analyseShadow(evidence, { ...SHADOW_DEFAULTS, target: { phone: '138 1234 5678' } });
 * result.profile.friendsWaiting;
 */
import { wangMiao as wm } from '../case';
import type { ColumnMap } from '../io/columns';
import type { FileProvenance } from '../io/provenance';
import { maskName } from '../report/mask';
import { auditMessage, type Disclosure } from './audit';
import { DEFAULT_THETA, reachCurve, thetaIntervalForCount } from './closeness';
import { holdersOverTime } from './charts';
import { exposureWorld, simulateExposure, summariseExposure } from './exposure';
import { createPhoneHasher, tokenFromKey, type PhoneHasher } from './hash';
import { evaluateRelationLabels, labelsAgainstTruth, loadGroundTruth, type GroundTruth, type LabelEvaluation } from './labels';
import { loadAddressBooks, loadPlatformUsers, type AddressBooks, type ExcludedNumber, type PlatformUsers } from './load';
import { holderRows, profileSummaryRows, shadowProfile } from './profile';
import { secondDegreeReachAll } from './reach';
import { generateContactsWorld } from './synthetic';
import { buildPlatformView } from './view';
import { quantileSorted } from '../stats/quantileSorted';

export interface ShadowEvidence {
  books: AddressBooks;
  users: PlatformUsers;
  /** Ground truth of a simulation (persons.csv + ties.csv), or null (real evidence has none). */
  truth: GroundTruth | null;
  /** Hashes raw numbers (a target) under the same key; the key itself is not kept. */
  hasher: PhoneHasher;
  inputs: FileProvenance[];
}

/** Read the books and users (every number HMAC-hashed on load) and, for a simulation, its ground truth. */
export async function loadShadowEvidence(
  paths: { books: string; users: string; truth: [persons: string, ties: string] | null },
  options: { key: string | Uint8Array; excludeInvalid?: boolean; columns?: ColumnMap },
): Promise<ShadowEvidence> {
  const hasher = createPhoneHasher(options.key);
  const read = options.columns ? { read: { columns: options.columns } } : {};
  const books = await loadAddressBooks(paths.books, { hasher, onInvalid: options.excludeInvalid ? 'exclude' : 'throw', ...read });
  const users = await loadPlatformUsers(paths.users, { hasher, ...read });
  const truth = paths.truth ? await loadGroundTruth(paths.truth[0], paths.truth[1], hasher) : null;
  const inputs: FileProvenance[] = [books.provenance, users.provenance, ...(truth?.provenance ?? [])].map((p) => ({ ...p }));
  return { books, users, truth, hasher, inputs };
}

/** The planted non-user of the synthetic data set (synthetic block 19900xxxxxx); hashed at once, never displayed. */
export const SHADOW_SYNTHETIC_TARGET = { phone: '199 0001 2345' } as const;
/** The tag of the case's SMS, used with the synthetic data set. */
export const CASE_TAG = { text: '有两把刷子', source: 'a registered user’s rating of the recipient on the platform (defendant’s account; not address-book data); text as in the case' };

export interface ShadowParams {
  /** The non-user's number (hashed at once) or its token. */
  target: { phone: string } | { token: string };
  /** The date of the message: data uploaded before it (ISO date-time with offset). */
  asOf: string;
  theta: number;
  /** Thresholds for the reach curve. */
  thetas: number[];
  /** Recommended-contact count stated in the message (the case: 119). */
  smsRecommended: number;
  /** A user's annotation quoted in the message, with its origin; null for none. */
  tag: { text: string; source: string } | null;
  /** Population of the exposure simulation (0 skips it). */
  exposurePersons: number;
  exposureReps: number;
  /** Share of new users uploading once upload became optional. */
  optionalUpload: number;
  seed: number;
  /** Names in the result unmasked (numbers are never shown: tokens only). */
  unmask: boolean;
}

export const SHADOW_DEFAULTS: ShadowParams = {
  target: SHADOW_SYNTHETIC_TARGET, asOf: '2018-03-10T00:00:00+08:00', theta: DEFAULT_THETA,
  thetas: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 1, 1.25, 1.5, 2], smsRecommended: wm.recommendedContacts.value, tag: CASE_TAG,
  exposurePersons: 0, exposureReps: 5, optionalUpload: 0.4, seed: 8, unmask: false,
};

export interface ShadowResult {
  inputs: FileProvenance[];
  /** The parameters, with the target as its token. */
  parameters: Omit<ShadowParams, 'target'> & { target: string };
  loaded: { entries: number; landlines: number; serviceExcluded: number; invalidExcluded: number; registeredUsers: number; entriesUsedAsOf: number; keyFingerprint: string };
  excluded: ExcludedNumber[];
  profile: {
    token: string; asOf: string; registeredUser: string | null; friendsWaiting: number;
    name: { value: string; votes: number; of: number };
    summary: Array<Record<string, string | number>>;
    holders: Array<Record<string, string | number>>;
    employer: { value: string | null; votes: number; of: number; accepted: boolean } | null;
    recommended: { theta: number; count: number; candidates: number };
    namedFriends: Array<{ userId: string; name: string; label: string; closeness: number }>;
  };
  reach: { curve: Array<{ theta: number; recommended: number }>; smsRecommended: number; thetaInterval: { lo: number; hi: number } | null };
  /** Second-degree reach of every non-user in one pass (reach.ts). */
  population: {
    nonUsers: number; theta: number; steps: number;
    recommended: { p50: number; p90: number; p99: number; max: number; mean: number };
    friendsWaiting: { p50: number; p90: number; max: number };
    shareAtLeastSmsRecommended: number; shareAtLeastSmsFriends: number;
    /** Share of non-users with fewer recommended contacts than the target. */
    targetPercentile: number | null;
    /** The one-pass count for the target equals the per-target estimator's. */
    targetAgrees: boolean | null;
  };
  holdersOverTime: ReturnType<typeof holdersOverTime>;
  sms: { message: string; disclosures: Disclosure[] };
  truth: {
    holdersVsTruth: Array<{ rank: number; holder: string; name: string; label: string; basis: string; truth: string; correct: boolean | null }>;
    targetEmployer: { inferred: string | null; votes: number; of: number; trueEmployer: string | null; trueFormerEmployer: string | null };
    labelEvaluation: LabelEvaluation;
  } | null;
  exposure: { persons: number; reps: number; seed: number; optionalUploadProbability: number; levels: number[]; mandatory: Array<Record<string, number>>; optional: Array<Record<string, number>> } | null;
}

const EXPOSURE_LEVELS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];

/** Run the whole shadow-profile analysis (see the module comment). */
export function analyseShadow(evidence: ShadowEvidence, params: ShadowParams = SHADOW_DEFAULTS): ShadowResult {
  const p = params;
  if (Number.isNaN(Date.parse(p.asOf))) throw new RangeError(`asOf must be an ISO date-time, got '${p.asOf}'`);
  const { books, users, truth, hasher } = evidence;
  const name = (s: string | null | undefined) => (p.unmask ? (s ?? '') : maskName(s));
  const view = buildPlatformView(books, users, { asOf: p.asOf, hasher });
  const profile = shadowProfile(view, p.target, { theta: p.theta });

  const summary = profileSummaryRows(profile).map((r) => {
    if (!p.unmask) return r;
    if (r.field === 'name (consensus)') return { ...r, value: profile.name.value ?? '' };
    if (r.field === 'named friends (top 3 closeness)') return { ...r, value: profile.namedFriends.map((h) => h.userName).join('、') };
    return r;
  });
  const holders = holderRows(profile).map((r, i) => (p.unmask ? { ...r, name: profile.holders[i]!.userName, 'saved as': profile.holders[i]!.savedName ?? '' } : r));
  const audit = auditMessage(profile, p.tag ? { tag: p.tag } : {});
  const unmasked: Record<string, string> = {
    '{recipientName}': profile.name.value ?? '',
    ...Object.fromEntries(profile.namedFriends.map((h, i) => [`{friend${i + 1}}`, h.userName])),
  };
  const disclosures = audit.disclosures.map((d) => (p.unmask && d.placeholder in unmasked ? { ...d, shown: unmasked[d.placeholder]! } : d));

  // Every non-user in one pass.
  const all = secondDegreeReachAll(view, { theta: p.theta });
  const rec = Float64Array.from(all.recommended).sort();
  const fw = Float64Array.from(all.friendsWaiting).sort();
  const k = profile.registeredUser === null ? Array.from(all.groups).findIndex((g) => tokenFromKey(view.index.keyHi[g]!, view.index.keyLo[g]!) === profile.token) : -1;
  const share = (xs: Int32Array, min: number) => (xs.length ? xs.filter((x) => x >= min).length / xs.length : 0);
  const population = {
    nonUsers: all.groups.length, theta: p.theta, steps: all.steps,
    recommended: { p50: quantileSorted(rec, 0.5), p90: quantileSorted(rec, 0.9), p99: quantileSorted(rec, 0.99), max: rec[rec.length - 1] ?? 0, mean: rec.reduce((a, b) => a + b, 0) / (rec.length || 1) },
    friendsWaiting: { p50: quantileSorted(fw, 0.5), p90: quantileSorted(fw, 0.9), max: fw[fw.length - 1] ?? 0 },
    shareAtLeastSmsRecommended: share(all.recommended, p.smsRecommended),
    shareAtLeastSmsFriends: share(all.friendsWaiting, wm.friendsWaiting.value),
    targetPercentile: k >= 0 ? all.recommended.filter((x) => x < all.recommended[k]!).length / all.recommended.length : null,
    targetAgrees: k >= 0 ? all.recommended[k] === profile.recommended.count : null,
  };

  let truthResult: ShadowResult['truth'] = null;
  if (truth) {
    const t = truth.tokenToPerson.get(profile.token);
    truthResult = {
      holdersVsTruth: labelsAgainstTruth(profile, truth).map((r, i) => ({ rank: i + 1, ...r, name: name(profile.holders[i]!.userName) })),
      targetEmployer: {
        inferred: profile.employer?.value ?? null, votes: profile.employer?.votes ?? 0, of: profile.employer?.of ?? 0,
        trueEmployer: t === undefined ? null : truth.employer[t]!, trueFormerEmployer: t === undefined ? null : truth.formerEmployer[t] ?? null,
      },
      labelEvaluation: evaluateRelationLabels(view, truth),
    };
  }

  let exposure: ShadowResult['exposure'] = null;
  if (p.exposurePersons > 0) {
    const ew = exposureWorld(generateContactsWorld({ seed: p.seed, persons: p.exposurePersons, target: null }));
    const mandatory = summariseExposure(simulateExposure(ew, { adoption: EXPOSURE_LEVELS, reps: p.exposureReps, seed: p.seed }));
    const optional = summariseExposure(simulateExposure(ew, { adoption: EXPOSURE_LEVELS, reps: p.exposureReps, seed: p.seed, uploadProbability: p.optionalUpload }));
    exposure = { persons: p.exposurePersons, reps: p.exposureReps, seed: p.seed, optionalUploadProbability: p.optionalUpload, levels: EXPOSURE_LEVELS, mandatory, optional };
  }

  return {
    inputs: evidence.inputs,
    parameters: { ...p, target: profile.token },
    loaded: {
      entries: books.entries, landlines: books.kind.reduce((s, x) => s + x, 0),
      serviceExcluded: books.excluded.filter((x) => x.kind === 'service').length, invalidExcluded: books.excluded.filter((x) => x.kind === 'invalid').length,
      registeredUsers: users.count, entriesUsedAsOf: view.entriesUsed, keyFingerprint: hasher.fingerprint,
    },
    excluded: books.excluded,
    profile: {
      token: profile.token, asOf: profile.asOf, registeredUser: profile.registeredUser, friendsWaiting: profile.friendsWaiting,
      name: { value: name(profile.name.value), votes: profile.name.votes, of: profile.name.of },
      summary, holders,
      employer: profile.employer && { value: profile.employer.value, votes: profile.employer.votes, of: profile.employer.of, accepted: profile.employer.accepted },
      recommended: { theta: profile.recommended.theta, count: profile.recommended.count, candidates: profile.recommended.candidates.length },
      namedFriends: profile.namedFriends.map((h) => ({ userId: h.userId, name: name(h.userName), label: h.label, closeness: Math.round(h.closeness * 1000) / 1000 })),
    },
    reach: { curve: reachCurve(profile.recommended, p.thetas), smsRecommended: p.smsRecommended, thetaInterval: thetaIntervalForCount(profile.recommended, p.smsRecommended) },
    population,
    holdersOverTime: holdersOverTime(books, users, profile.token),
    sms: { message: p.unmask ? audit.message : audit.displayMessage, disclosures },
    truth: truthResult,
    exposure,
  };
}
