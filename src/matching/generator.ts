/**
 * Seeded generator of a SYNTHETIC evidence set shaped like notarial certificate No. 704
 * (Weibo v. Maimai: 3 app users uploaded their address books; their first-degree networks
 * showed 300+ non-users whose avatar, name, occupation and tags were "the same or basically
 * the same" as on Weibo).
 *
 * It draws a population of source-platform profiles (names with realistic surname
 * frequencies, employers with a long tail of small firms, titles, schools, long-tail tags,
 * perceptual avatar hashes, some users on the platform's default avatar, some writing
 * traditional characters) and the accused app's display of some of them:
 * - copied profiles, with the noise real copying leaves: avatars re-encoded (a few hash bits
 *   flipped), traditional converted to simplified, registered company names shown in their
 *   everyday form, title synonyms, school abbreviations, tag lists truncated, fields
 *   missing, and STALE values where the person changed the source profile after the copy
 *   was taken (the source table is captured later, at trial);
 * - non-copied profiles (share `1 - copiedShare`): the same person as the source row (the
 *   name came from an uploaded address book) but every other field from somewhere else,
 *   drawn from the population.
 *
 * Every random step uses `stats/random` with a stream per purpose (`deriveSeed`), so the
 * same options give byte-identical tables.
 */
import { aliasSampler, deriveSeed, randomInt, seededRandom, shuffleInPlace, type Rng } from '../stats/random';
import type { ProfileRow } from './profile';
import {
  EMPLOYERS, FIRM_FORMS, FIRM_INDUSTRIES, FIRM_NAME_CHARS, FIRM_REGIONS, GIVEN_NAME_CHARS, HOMOPHONES, POPULAR_TAGS,
  RARE_TAG_MODIFIERS, RARE_TAG_THINGS, SCHOOLS, SURNAMES, TITLES, TRADITIONAL,
} from './vocab';
import { DEFAULT_SCHOOL_ALIAS_PAIRS } from '../text/school';
import { weiboMaimai } from '../case/weiboMaimai';

/** Probabilities of each kind of copy noise (per copied profile and field). */
export interface CopyNoise {
  /** avatar not shown on the display */
  avatarMissing: number;
  /** distribution of flipped hash bits after re-encoding: [bits, weight] */
  avatarBitFlips: ReadonlyArray<readonly [number, number]>;
  /** name re-typed with a homophone character */
  nameHomophone: number;
  /** employer / title changed on the source after the copy (stale display) */
  stale: number;
  /** employer shown in its everyday form instead of the registered name */
  employerShortForm: number;
  employerMissing: number;
  titleSynonym: number;
  titleMissing: number;
  schoolAlias: number;
  schoolMissing: number;
  /** display keeps only the first k tags */
  tagsShownMax: number;
  /** source gained new tags after the copy */
  tagsAddedLater: number;
  /** source dropped tags after the copy */
  tagsDroppedLater: number;
  tagsMissing: number;
}

export const DEFAULT_COPY_NOISE: CopyNoise = {
  avatarMissing: 0.05,
  avatarBitFlips: [[0, 30], [1, 20], [2, 15], [3, 10], [4, 8], [5, 6], [6, 4], [8, 4], [12, 3]],
  nameHomophone: 0.03,
  stale: 0.07,
  employerShortForm: 0.5,
  employerMissing: 0.08,
  titleSynonym: 0.15,
  titleMissing: 0.08,
  schoolAlias: 0.25,
  schoolMissing: 0.12,
  tagsShownMax: 5,
  tagsAddedLater: 0.15,
  tagsDroppedLater: 0.05,
  tagsMissing: 0.1,
};

export interface SyntheticOptions {
  seed?: number;
  /** app users who uploaded address books (certificate 704: 3) */
  uploaders?: number;
  /** non-users shown in their networks (certificate 704: "300+") */
  displayed?: number;
  /** extra source profiles not displayed (they widen the coincidence baseline) */
  extraSource?: number;
  /** share of displayed profiles copied from the source */
  copiedShare?: number;
  /** share of source users writing traditional characters */
  traditionalShare?: number;
  /** share of source users on the platform's default avatar */
  defaultAvatarShare?: number;
  /**
   * Non-copied displayed profiles keep the person's name (it came from an uploaded address
   * book) when true (default); false makes them wholly unrelated to the paired source row.
   */
  nonCopiedKeepName?: boolean;
  /** share of source fields left empty by the user: [employer, title, school, tags] */
  sourceEmptyShare?: { employer: number; title: number; school: number; tags: number };
  /**
   * Network homophily: the chance that a displayed person who has an employer (school) works
   * (studied) where the uploader's network does, one employer and one school per uploader drawn
   * from the population. 0 (the default, the committed data set) draws everyone independently, so
   * an uploader's contacts share employers and schools only by chance; the simulation study uses
   * more, so that the within-network baseline has something to find.
   */
  homophily?: number;
  noise?: Partial<CopyNoise>;
}

/**
 * Defaults follow certificate 704 (`caseFacts.weiboMaimai`): 3 uploaders, "300多" (more than
 * 300) non-users, taken as 300 + 36 = 336.
 */
export const DEFAULT_SYNTHETIC_OPTIONS: Required<Omit<SyntheticOptions, 'noise'>> = {
  seed: 704,
  uploaders: weiboMaimai.uploadersInCertificate704.value,
  displayed: weiboMaimai.nonUsersInCertificate704.value + 36,
  extraSource: 164,
  copiedShare: 0.94,
  traditionalShare: 0.06,
  defaultAvatarShare: 0.1,
  nonCopiedKeepName: true,
  sourceEmptyShare: { employer: 0.12, title: 0.15, school: 0.2, tags: 0.15 },
  homophily: 0,
};

/** The source platform's default avatar hash in the synthetic set (treated as missing). */
export const SYNTHETIC_DEFAULT_AVATAR_HASH = 'c3c3c3c3e7e7ffff';

export interface TruthRow {
  id: string;
  uploader: string;
  copied: boolean;
  /** noise applied, e.g. 'avatar:3bits;employer:short;tags:truncated' */
  noise: string;
}

export interface SyntheticEvidence {
  displayed: ProfileRow[];
  source: ProfileRow[];
  truth: TruthRow[];
  defaultAvatarHash: string;
  options: Required<Omit<SyntheticOptions, 'noise'>> & { noise: CopyNoise };
}

/** A person on the source platform, before formatting. */
interface Person {
  surname: string;
  given: string;
  traditional: boolean;
  avatar: string | null; // null = default avatar
  employer: number; // index into the employer list, -1 = empty
  title: number; // index into TITLES, -1 = empty
  school: number; // index into SCHOOLS, -1 = empty
  tags: string[];
}

interface Vocab {
  employers: Array<{ registered: string; short: string }>;
  employerSampler: (rng: Rng) => number;
  surnameSampler: (rng: Rng) => number;
  givenSampler: (rng: Rng) => number;
  titleSampler: (rng: Rng) => number;
  schoolSampler: (rng: Rng) => number;
  tagSampler: (rng: Rng) => number;
  tags: string[];
}

function hex64(rng: Rng): string {
  let s = '';
  for (let k = 0; k < 4; k++) s += Math.floor(rng() * 65536).toString(16).padStart(4, '0');
  return s;
}

/** Flip `bits` distinct random bits of a 64-bit hex hash (a re-encoded copy of the picture). */
export function flipBits(hash: string, bits: number, rng: Rng): string {
  const positions = Array.from({ length: hash.length * 4 }, (_, i) => i);
  shuffleInPlace(rng, positions);
  const nibbles = Array.from(hash, (c) => parseInt(c, 16));
  for (let k = 0; k < bits; k++) {
    const p = positions[k]!;
    nibbles[p >> 2] = nibbles[p >> 2]! ^ (1 << (p & 3));
  }
  return nibbles.map((x) => x.toString(16)).join('');
}

function buildVocab(rng: Rng): Vocab {
  const employers = EMPLOYERS.map(([registered, short]) => ({ registered, short }));
  const weights = EMPLOYERS.map(([, , w]) => w);
  // long tail: 1,500 small firms, Zipf weights (s = 1) summing to about twice the big firms
  const tail = 1500;
  const chars = [...FIRM_NAME_CHARS];
  const seen = new Set(employers.map((e) => e.short));
  let bigTotal = weights.reduce((a, b) => a + b, 0);
  let h = 0;
  for (let k = 1; k <= tail; k++) h += 1 / k;
  for (let k = 1; k <= tail; k++) {
    let trade = '';
    // two- or three-character trade names (37^2 + 37^3 combinations: never exhausted)
    do {
      const len = rng() < 0.5 ? 2 : 3;
      trade = '';
      for (let c = 0; c < len; c++) trade += chars[randomInt(rng, chars.length)]!;
    } while (seen.has(trade));
    seen.add(trade);
    const region = FIRM_REGIONS[randomInt(rng, FIRM_REGIONS.length)]!;
    const industry = FIRM_INDUSTRIES[randomInt(rng, FIRM_INDUSTRIES.length)]!;
    const form = FIRM_FORMS[randomInt(rng, FIRM_FORMS.length)]!;
    employers.push({ registered: `${region}${trade}${industry}${form}`, short: `${trade}${industry}` });
    weights.push((2 * bigTotal) / h / k);
  }
  bigTotal = 0;
  const tags = [...POPULAR_TAGS];
  const tagWeights = POPULAR_TAGS.map((_, r) => 1 / (r + 1)); // Zipf over popular tags
  for (const m of RARE_TAG_MODIFIERS) {
    for (const t of RARE_TAG_THINGS) {
      tags.push(`${m}${t}`);
      tagWeights.push(0.004);
    }
  }
  return {
    employers,
    employerSampler: aliasSampler(weights),
    surnameSampler: aliasSampler(SURNAMES.map(([, w]) => w)),
    givenSampler: aliasSampler(GIVEN_NAME_CHARS.map(([, w]) => w)),
    titleSampler: aliasSampler(TITLES.map(([, w]) => w)),
    schoolSampler: aliasSampler(SCHOOLS.map(([, w]) => w)),
    tagSampler: aliasSampler(tagWeights),
    tags,
  };
}

/** A personal tag: place + modifier + thing (2,592 combinations, so rarely shared). */
function personalTag(rng: Rng): string {
  const place = FIRM_REGIONS[randomInt(rng, FIRM_REGIONS.length)]!.replace(/市$/u, '');
  return `${place}${RARE_TAG_MODIFIERS[randomInt(rng, RARE_TAG_MODIFIERS.length)]!}${RARE_TAG_THINGS[randomInt(rng, RARE_TAG_THINGS.length)]!}`;
}

function drawTags(rng: Rng, v: Vocab, count: number): string[] {
  const out: string[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    // one in six tags is personal: a unique free-text tag nobody else has
    const t = rng() < 1 / 6 ? personalTag(rng) : v.tags[v.tagSampler(rng)]!;
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

function drawPerson(rng: Rng, v: Vocab, o: Required<Omit<SyntheticOptions, 'noise'>>): Person {
  const surname = SURNAMES[v.surnameSampler(rng)]![0];
  const givenLen = rng() < 0.25 ? 1 : 2;
  let given = '';
  for (let k = 0; k < givenLen; k++) given += GIVEN_NAME_CHARS[v.givenSampler(rng)]![0];
  const e = o.sourceEmptyShare;
  return {
    surname,
    given,
    traditional: rng() < o.traditionalShare,
    avatar: rng() < o.defaultAvatarShare ? null : hex64(rng),
    employer: rng() < e.employer ? -1 : v.employerSampler(rng),
    title: rng() < e.title ? -1 : v.titleSampler(rng),
    school: rng() < e.school ? -1 : v.schoolSampler(rng),
    tags: rng() < e.tags ? [] : drawTags(rng, v, 1 + randomInt(rng, 8)),
  };
}

function toTraditional(s: string): string {
  return Array.from(s, (c) => TRADITIONAL[c] ?? c).join('');
}

function formatName(p: Person): string {
  const s = p.surname + p.given;
  return p.traditional ? toTraditional(s) : s;
}

function sourceRow(id: string, p: Person, v: Vocab, defaultHash: string): ProfileRow {
  const t = (s: string) => (p.traditional ? toTraditional(s) : s);
  return {
    id,
    name: formatName(p),
    avatar_hash: p.avatar ?? defaultHash,
    employer: p.employer < 0 ? null : t(v.employers[p.employer]!.registered),
    title: p.title < 0 ? null : t(TITLES[p.title]![0]),
    school: p.school < 0 ? null : t(SCHOOLS[p.school]![0]),
    tags: p.tags.length ? p.tags.join(',') : null,
  };
}

const SCHOOL_ALIASES_BY_NAME = (() => {
  const m = new Map<string, string[]>();
  for (const [alias, canonical] of DEFAULT_SCHOOL_ALIAS_PAIRS) {
    if (/^[a-z ]+$/i.test(alias) && alias.length > 6) continue; // English names: rarely shown
    let a = m.get(canonical);
    if (!a) m.set(canonical, (a = []));
    a.push(alias);
  }
  return m;
})();

/** Generate the synthetic evidence set (see the module comment). */
export function generateSyntheticEvidence(options: SyntheticOptions = {}): SyntheticEvidence {
  const o = { ...DEFAULT_SYNTHETIC_OPTIONS, ...options, sourceEmptyShare: { ...DEFAULT_SYNTHETIC_OPTIONS.sourceEmptyShare, ...options.sourceEmptyShare } };
  const noise: CopyNoise = { ...DEFAULT_COPY_NOISE, ...options.noise };
  if (!Number.isInteger(o.displayed) || o.displayed < 1) throw new RangeError(`displayed must be a positive integer, got ${o.displayed}`);
  if (!Number.isInteger(o.uploaders) || o.uploaders < 1) throw new RangeError(`uploaders must be a positive integer, got ${o.uploaders}`);
  const seed = o.seed;
  const v = buildVocab(seededRandom(deriveSeed(seed, 'vocab')));
  const rngPop = seededRandom(deriveSeed(seed, 'population'));
  const rngCopy = seededRandom(deriveSeed(seed, 'copy'));
  const rngLater = seededRandom(deriveSeed(seed, 'later'));
  const rngOther = seededRandom(deriveSeed(seed, 'other'));
  const rngUp = seededRandom(deriveSeed(seed, 'uploader'));
  const flips = aliasSampler(noise.avatarBitFlips.map(([, w]) => w));
  const total = o.displayed + o.extraSource;
  const people: Person[] = Array.from({ length: total }, () => drawPerson(rngPop, v, o));
  const ids = Array.from({ length: total }, (_, i) => `wb${String(100000 + i * 7 + 13)}`);

  const displayed: ProfileRow[] = [];
  const truth: TruthRow[] = [];
  const uploaderNames = Array.from({ length: o.uploaders }, (_, k) => `U${k + 1}`);
  const uploaderOf = Array.from({ length: o.displayed }, () => randomInt(rngUp, o.uploaders));
  if (!(o.homophily >= 0 && o.homophily <= 1)) throw new RangeError(`homophily must be in [0, 1], got ${o.homophily}`);
  if (o.homophily > 0) {
    // one employer and one school per network; a displayed person joins them with chance `homophily`
    const rngHome = seededRandom(deriveSeed(seed, 'homophily'));
    const home = uploaderNames.map(() => ({ employer: v.employerSampler(rngHome), school: v.schoolSampler(rngHome) }));
    for (let i = 0; i < o.displayed; i++) {
      const p = people[i]!;
      const h = home[uploaderOf[i]!]!;
      if (p.employer >= 0 && rngHome() < o.homophily) p.employer = h.employer;
      if (p.school >= 0 && rngHome() < o.homophily) p.school = h.school;
    }
  }
  // the state of the source at trial: start from the state at copy time, then apply later changes
  const atTrial: Person[] = people.map((p) => ({ ...p, tags: p.tags.slice() }));
  for (let i = 0; i < o.displayed; i++) {
    const p = people[i]!;
    const uploader = uploaderNames[uploaderOf[i]!]!;
    const notes: string[] = [];
    const copied = rngCopy() < o.copiedShare;
    let row: ProfileRow;
    if (copied) {
      // avatar
      let avatar: string | null = null;
      if (p.avatar == null) notes.push('avatar:default');
      else if (rngCopy() < noise.avatarMissing) notes.push('avatar:missing');
      else {
        const bits = noise.avatarBitFlips[flips(rngCopy)]![0];
        avatar = bits > 0 ? flipBits(p.avatar, bits, rngCopy) : p.avatar;
        notes.push(`avatar:${bits}bits`);
      }
      // name: displayed in simplified characters; sometimes re-typed with a homophone
      let name = p.surname + p.given;
      if (rngCopy() < noise.nameHomophone) {
        const chars = [...p.given];
        const k = randomInt(rngCopy, chars.length);
        const h = HOMOPHONES[chars[k]!];
        if (h) {
          chars[k] = h;
          name = p.surname + chars.join('');
          notes.push('name:homophone');
        }
      }
      // employer
      let employer: string | null = null;
      if (p.employer >= 0 && rngCopy() >= noise.employerMissing) {
        const e = v.employers[p.employer]!;
        employer = rngCopy() < noise.employerShortForm ? e.short : e.registered;
      } else if (p.employer >= 0) notes.push('employer:missing');
      // title
      let title: string | null = null;
      if (p.title >= 0 && rngCopy() >= noise.titleMissing) {
        const [t, , syn] = TITLES[p.title]!;
        title = syn.length && rngCopy() < noise.titleSynonym ? syn[randomInt(rngCopy, syn.length)]! : t;
        if (title !== t) notes.push('title:synonym');
      } else if (p.title >= 0) notes.push('title:missing');
      // school
      let school: string | null = null;
      if (p.school >= 0 && rngCopy() >= noise.schoolMissing) {
        const s = SCHOOLS[p.school]![0];
        const aliases = SCHOOL_ALIASES_BY_NAME.get(s);
        school = aliases && rngCopy() < noise.schoolAlias ? aliases[randomInt(rngCopy, aliases.length)]! : s;
        if (school !== s) notes.push('school:alias');
      } else if (p.school >= 0) notes.push('school:missing');
      // tags
      let tags: string[] = [];
      if (p.tags.length && rngCopy() >= noise.tagsMissing) {
        tags = p.tags.slice(0, noise.tagsShownMax);
        if (tags.length < p.tags.length) notes.push('tags:truncated');
      } else if (p.tags.length) notes.push('tags:missing');
      row = { id: ids[i]!, uploader, name, avatar_hash: avatar, employer, title, school, tags: tags.length ? tags.join('、') : null };
      // later changes to the source (the source table is captured at trial)
      const later = atTrial[i]!;
      if (rngLater() < noise.stale) {
        later.employer = v.employerSampler(rngLater);
        later.title = v.titleSampler(rngLater);
        notes.push('stale:employer+title');
      }
      if (later.tags.length && rngLater() < noise.tagsAddedLater) {
        for (const t of drawTags(rngLater, v, 1 + randomInt(rngLater, 3))) if (!later.tags.includes(t)) later.tags.unshift(t);
        notes.push('source:tags-added');
      }
      if (later.tags.length > 2 && rngLater() < noise.tagsDroppedLater) {
        later.tags = later.tags.slice(0, Math.max(1, Math.floor(later.tags.length / 2)));
        notes.push('source:tags-dropped');
      }
    } else {
      // not copied: the name from an address book, everything else from another source
      const other = drawPerson(rngOther, v, o);
      row = {
        id: ids[i]!, uploader, name: o.nonCopiedKeepName ? p.surname + p.given : formatName(other),
        avatar_hash: rngOther() < 0.5 ? null : hex64(rngOther),
        employer: other.employer < 0 ? null : v.employers[other.employer]!.short,
        title: other.title < 0 ? null : TITLES[other.title]![0],
        school: other.school < 0 ? null : SCHOOLS[other.school]![0],
        tags: other.tags.length ? other.tags.slice(0, noise.tagsShownMax).join('、') : null,
      };
      notes.push('not-copied');
    }
    displayed.push(row);
    truth.push({ id: ids[i]!, uploader, copied, noise: notes.join(';') });
  }
  const source = atTrial.map((p, i) => sourceRow(ids[i]!, p, v, SYNTHETIC_DEFAULT_AVATAR_HASH));
  // the source table is sorted by id (as an export would be); the display in uploader order
  source.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = displayed.map((_, i) => i).sort((a, b) => (displayed[a]!.uploader! < displayed[b]!.uploader! ? -1 : displayed[a]!.uploader! > displayed[b]!.uploader! ? 1 : a - b));
  return {
    displayed: order.map((i) => displayed[i]!),
    source,
    truth: order.map((i) => truth[i]!),
    defaultAvatarHash: SYNTHETIC_DEFAULT_AVATAR_HASH,
    options: { ...o, noise },
  };
}

/**
 * Independent synthetic displays of the given size with NO copying: each displayed profile
 * and each source profile is an independent draw from the population (ids paired
 * arbitrarily). For calibrating the null (p-values should be uniform) and for tests.
 */
export function generateIndependentEvidence(options: { seed?: number; displayed?: number; extraSource?: number } = {}): SyntheticEvidence {
  return generateSyntheticEvidence({ ...options, copiedShare: 0, nonCopiedKeepName: false });
}
