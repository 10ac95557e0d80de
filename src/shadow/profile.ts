/**
 * The shadow profile of a non-user: everything a platform can compute about a person who
 * never registered, from other people's uploaded address books and profiles.
 *
 * - friends waiting: the registered users holding the number (distinct uploaders);
 * - what they saved it under: a consensus full name (mode of the full names parsed from the
 *   saved names, `parseSavedName`), the surname, nicknames, relation words (老同事, 同学, 妈 ...)
 *   and bracketed hints (company, hobby);
 * - inferred employer and school: the value most holders list on their own profile (current
 *   or former employer; school), accepted when at least `minVotes` (2) holders and a share
 *   `minShare` (0.2) of them agree. This is attribute inference from contacts (Mislove et al.
 *   2010; Sarigöl, Garcia & Schweitzer 2014; Garcia 2017): it works for community-bound
 *   attributes and fails when the contacts share a place the person never belonged to;
 * - relation labels per holder (`relationLabel`): from the saved name's relation word if
 *   any, else "former colleague"/"colleague" when the inferred employer is the holder's
 *   former/current employer, else "classmate" on the inferred school, else "contact";
 * - second-degree reach: the recommended-contact estimator of `closeness.ts`.
 *
 * All raw numbers were replaced by keyed hashes on load; the profile holds a token only.
 * Names are held as loaded; display through `profileSummaryRows` / `holderRows`, which mask.
 *
 * @example
 * const p = shadowProfile(view, { phone: '19900012345' }); // hashed at once with view.hasher
 * p.friendsWaiting;          // 36 on the synthetic data
 * p.recommended.count;       // 119 at theta = 0.5
 * p.employer?.value;         // the employer most holders list
 */
import { maskName } from '../report/mask';
import { DEFAULT_THETA, recommendContacts, type RecommendResult } from './closeness';
import { keyFromToken, tokenFromKey } from './hash';
import { parseSavedName, RELATION_LEXICON, type ParsedSavedName, type RelationClass } from './lexicon';
import { findNumber } from './number-index';
import { normalizePhone } from './phone';
import type { PlatformView } from './view';

export type RelationLabel = RelationClass | 'contact';

export interface SourceRef {
  file: string;
  row: number;
  column: string;
}

export interface HolderRecord {
  user: number;
  userId: string;
  /** Holder's profile name (unmasked: display through `holderRows`). */
  userName: string;
  entry: number;
  savedName: string | null;
  parsed: ParsedSavedName;
  uploadedAt: string;
  /** The address-book entry (saved_name column) that holds the target's number. */
  source: SourceRef;
  /** The holder's row in the users table (column: name). */
  profileSource: SourceRef;
  employer: string | null;
  formerEmployer: string | null;
  school: string | null;
  commonShare: number;
  closeness: number;
  label: RelationLabel;
  labelBasis: string;
}

export interface AttributeInference {
  value: string;
  votes: number;
  of: number;
  share: number;
  /** votes >= minVotes and share >= minShare. */
  accepted: boolean;
  /** User ids of the holders whose profile lists the value. */
  holders: string[];
}

export interface ShadowProfile {
  token: string;
  asOf: string;
  keyFingerprint: string;
  /** The number belongs to a user registered before asOf (then this is not a shadow profile). */
  registeredUser: string | null;
  friendsWaiting: number;
  /** Sorted by closeness, highest first (ties by user id). */
  holders: HolderRecord[];
  name: { value: string | null; votes: number; of: number; sources: SourceRef[] };
  surname: { value: string | null; votes: number };
  nicknames: string[];
  relationWords: Array<{ word: string; relationClass: RelationClass; count: number }>;
  hints: string[];
  employer: AttributeInference | null;
  school: AttributeInference | null;
  recommended: RecommendResult;
  /** The three holders ranked closest: the friends an invitation would name. */
  namedFriends: HolderRecord[];
}

export interface ProfileOptions {
  theta?: number;
  minVotes?: number;
  minShare?: number;
}

export const EMPLOYER_MIN_VOTES = 2;
export const EMPLOYER_MIN_SHARE = 0.2;

/** Resolve a target (raw number, hashed at once, or token) to its token. */
export function targetToken(view: Pick<PlatformView, 'hasher'>, target: { phone: string } | { token: string }): string {
  if ('token' in target) return target.token;
  const p = normalizePhone(target.phone);
  if (!p.ok) throw new RangeError(`target number is invalid: ${p.reason}`);
  return view.hasher.hashE164(p.e164).token;
}

/** Shadow profile of one number as of the view's date. */
export function shadowProfile(view: PlatformView, target: { phone: string } | { token: string }, options: ProfileOptions = {}): ShadowProfile {
  const token = targetToken(view, target);
  const { hi, lo } = keyFromToken(token);
  const g = findNumber(view.index, hi, lo);
  return profileOfGroup(view, g, token, options);
}

/** Shadow profile of index group `g` (-1: a number nobody holds). */
export function profileOfGroup(view: PlatformView, g: number, token?: string, options: ProfileOptions = {}): ShadowProfile {
  const theta = options.theta ?? DEFAULT_THETA;
  const minVotes = options.minVotes ?? EMPLOYER_MIN_VOTES;
  const minShare = options.minShare ?? EMPLOYER_MIN_SHARE;
  const { index, books, users } = view;
  const tok = token ?? tokenFromKey(index.keyHi[g]!, index.keyLo[g]!);
  const userOf = g >= 0 ? index.userOf[g]! : -1;
  const holders: HolderRecord[] = [];
  if (g >= 0) {
    for (let i = index.offsets[g]!; i < index.offsets[g + 1]!; i++) {
      const u = index.holders[i]!;
      const e = index.payload![i]!;
      const saved = books.savedName[e] ?? null;
      holders.push({
        user: u, userId: users.userId[u]!, userName: users.name[u]!, entry: e, savedName: saved,
        parsed: parseSavedName(saved), uploadedAt: new Date(books.uploadedAt[e]!).toISOString(),
        source: { file: books.provenance.fileName, row: books.row[e]!, column: 'saved_name' },
        profileSource: { file: users.provenance.fileName, row: users.row[u]!, column: 'name' },
        employer: users.employer[u] ?? null, formerEmployer: users.formerEmployer[u] ?? null, school: users.school[u] ?? null,
        commonShare: 0, closeness: 0, label: 'contact', labelBasis: '',
      });
    }
  }
  holders.sort((a, b) => a.user - b.user);
  const k = holders.length;

  // Name consensus.
  const nameVotes = new Map<string, HolderRecord[]>();
  const surnameVotes = new Map<string, number>();
  const nick = new Set<string>();
  const words = new Map<string, { relationClass: RelationClass; count: number }>();
  const hints = new Set<string>();
  for (const h of holders) {
    const p = h.parsed;
    if (p.fullName) nameVotes.set(p.fullName, [...(nameVotes.get(p.fullName) ?? []), h]);
    if (p.surname) surnameVotes.set(p.surname, (surnameVotes.get(p.surname) ?? 0) + 1);
    if (p.nickname) nick.add(p.nickname);
    for (const w of p.relationWords) {
      const cls = RELATION_LEXICON.find((x) => x.word === w)?.relationClass ?? p.relationClass!;
      const prev = words.get(w);
      words.set(w, { relationClass: prev?.relationClass ?? cls, count: (prev?.count ?? 0) + 1 });
    }
    if (p.org) hints.add(p.org);
  }
  const topName = mode([...nameVotes.entries()].map(([v, hs]) => [v, hs.length] as [string, number]));
  const topSurname = mode([...surnameVotes.entries()]);

  const employer = infer(holders, (h) => uniq([h.employer, h.formerEmployer]), minVotes, minShare);
  const school = infer(holders, (h) => uniq([h.school]), minVotes, minShare);

  // Closeness and second degree.
  const rec = recommendContacts({
    holders: Int32Array.from(holders, (h) => h.user),
    intimacy: Float64Array.from(holders, (h) => h.parsed.intimacy),
    graph: view.graph,
    theta,
  });
  holders.forEach((h, j) => {
    h.commonShare = rec.commonShare[j]!;
    h.closeness = rec.closeness[j]!;
    const { label, basis } = relationLabel(h, employer, school);
    h.label = label;
    h.labelBasis = basis;
  });
  holders.sort((a, b) => b.closeness - a.closeness || a.userId.localeCompare(b.userId));

  return {
    token: tok,
    asOf: view.asOf,
    keyFingerprint: view.hasher.fingerprint,
    registeredUser: userOf >= 0 ? users.userId[userOf]! : null,
    friendsWaiting: k,
    holders,
    name: {
      value: topName?.[0] ?? null,
      votes: topName?.[1] ?? 0,
      of: k,
      sources: topName ? nameVotes.get(topName[0])!.map((h) => h.source) : [],
    },
    surname: { value: topSurname?.[0] ?? null, votes: topSurname?.[1] ?? 0 },
    nicknames: [...nick].sort(),
    relationWords: [...words.entries()].map(([word, v]) => ({ word, ...v })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)),
    hints: [...hints].sort(),
    employer,
    school,
    recommended: rec,
    namedFriends: holders.slice(0, 3),
  };
}

/**
 * The label a platform would attach to a holder's relation with the non-user. Order: the
 * holder's own relation word in the saved name; then the inferred employer (accepted) being
 * the holder's former employer ("former colleague") or current employer ("colleague"); then
 * the inferred school ("classmate"); else "contact".
 */
export function relationLabel(
  h: Pick<HolderRecord, 'parsed' | 'employer' | 'formerEmployer' | 'school'>,
  employer: AttributeInference | null,
  school: AttributeInference | null,
): { label: RelationLabel; basis: string } {
  if (h.parsed.relationClass) return { label: h.parsed.relationClass, basis: `saved name: ${h.parsed.relationWords.join(', ')}` };
  if (employer?.accepted) {
    if (h.formerEmployer === employer.value) return { label: 'former colleague', basis: 'inferred employer = holder\'s former employer' };
    if (h.employer === employer.value) return { label: 'colleague', basis: 'inferred employer = holder\'s employer' };
  }
  if (school?.accepted && h.school === school.value) return { label: 'classmate', basis: 'inferred school = holder\'s school' };
  return { label: 'contact', basis: 'no relation evidence' };
}

function uniq(xs: Array<string | null>): string[] {
  return [...new Set(xs.filter((x): x is string => x !== null && x !== ''))];
}

function mode(entries: Array<[string, number]>): [string, number] | null {
  let best: [string, number] | null = null;
  for (const e of entries) if (!best || e[1] > best[1] || (e[1] === best[1] && e[0] < best[0])) best = e;
  return best;
}

function infer(holders: HolderRecord[], values: (h: HolderRecord) => string[], minVotes: number, minShare: number): AttributeInference | null {
  const votes = new Map<string, string[]>();
  for (const h of holders) for (const v of values(h)) votes.set(v, [...(votes.get(v) ?? []), h.userId]);
  const top = mode([...votes.entries()].map(([v, hs]) => [v, hs.length] as [string, number]));
  if (!top) return null;
  const of = holders.length;
  const share = of ? top[1] / of : 0;
  return { value: top[0], votes: top[1], of, share, accepted: top[1] >= minVotes && share >= minShare, holders: votes.get(top[0])!.sort() };
}

/** Mask the personal name inside a saved name (刘洋(星河) -> 刘*(星河)); kin terms and nicknames stay. */
export function maskSavedName(saved: string | null): string {
  if (!saved) return '';
  const p = parseSavedName(saved);
  return p.fullName ? saved.split(p.fullName).join(maskName(p.fullName)) : saved;
}

/** The profile as field/value/evidence rows, names masked: safe to display. */
export function profileSummaryRows(p: ShadowProfile): Array<Record<string, string | number>> {
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  return [
    { field: 'number (keyed hash)', value: p.token, evidence: `key ${p.keyFingerprint}; as of ${p.asOf}` },
    { field: 'registered user?', value: p.registeredUser ?? 'no (non-user)', evidence: 'users registered before the date' },
    { field: 'friends waiting (holders)', value: p.friendsWaiting, evidence: 'distinct uploaders whose book holds the number' },
    { field: 'name (consensus)', value: maskName(p.name.value), evidence: `${p.name.votes} of ${p.name.of} holders saved this full name` },
    { field: 'surname', value: p.surname.value ?? '', evidence: `${p.surname.votes} saved names carry it` },
    { field: 'nicknames', value: p.nicknames.join(' ') || '—', evidence: 'saved names like 小X / 老X / X哥' },
    { field: 'relation words', value: p.relationWords.map((w) => `${w.word}×${w.count}`).join(' ') || '—', evidence: 'lexicon in src/shadow/lexicon.ts' },
    { field: 'bracketed hints', value: p.hints.join(' ') || '—', evidence: 'text in brackets in saved names' },
    {
      field: 'employer (inferred)', value: p.employer ? `${p.employer.value}${p.employer.accepted ? '' : ' (not accepted)'}` : '—',
      evidence: p.employer ? `${p.employer.votes} of ${p.employer.of} holders (${pct(p.employer.share)}) list it as current or former employer` : 'no holder lists an employer',
    },
    {
      field: 'school (inferred)', value: p.school ? `${p.school.value}${p.school.accepted ? '' : ' (not accepted)'}` : '—',
      evidence: p.school ? `${p.school.votes} of ${p.school.of} holders (${pct(p.school.share)})` : 'no holder lists a school',
    },
    { field: 'recommended contacts', value: p.recommended.count, evidence: `users with closeness-weighted common friends >= ${p.recommended.theta}` },
    { field: 'named friends (top 3 closeness)', value: p.namedFriends.map((h) => maskName(h.userName)).join('、'), evidence: 'holders ranked by closeness c(h)' },
  ];
}

/** One row per holder, names masked. */
export function holderRows(p: ShadowProfile): Array<Record<string, string | number>> {
  return p.holders.map((h) => ({
    holder: h.userId,
    name: maskName(h.userName),
    'saved as': maskSavedName(h.savedName),
    intimacy: h.parsed.intimacy,
    'common share': round(h.commonShare),
    closeness: round(h.closeness),
    label: h.label,
    basis: h.labelBasis,
    source: `${h.source.file} row ${h.source.row}`,
  }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
