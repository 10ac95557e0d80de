/**
 * Synthetic source-platform extract and displayed profiles for linkage, at any scale
 * (thousands for a notebook, ten million for a benchmark), as integer-coded typed-array
 * columns. SYNTHETIC: no real person is described.
 *
 * What it imitates (FACTS.md, certificate No. 704): profiles an app displayed for non-users
 * (name, avatar, occupation, education, tags), most of them copied from accounts on a source
 * platform, plus an extract of that platform in which the expert must find the accounts. The
 * hard parts are built in:
 * - common names: surnames with realistic shares (王 / 李 / 张 about 7% each) and Zipf-distributed
 *   given-name characters, so 王伟-style names recur hundreds of times at scale;
 * - look-alike decoys: for a share of the copied accounts, another source account with the same
 *   (or same-sounding) name in the same city, sometimes the same employer, different avatar;
 * - copies that differ: homophone re-typing (张伟 -> 张玮), employer shown in another form
 *   (registered name vs trade name), re-encoded avatars (a few bits of the perceptual hash
 *   flipped), fields not shown, a nickname instead of the name;
 * - displayed profiles with no account in the extract (`matchedShare`).
 *
 * Columns (Int32Array, -1 = missing): name, city, employer (canonical * 4 + variant), title,
 * school (school * 64 + enrolment year - 1970), avatar (id into the shared avatar-hash store
 * `avatarHi`/`avatarLo`, 64-bit perceptual hashes), tags (up to three tag ids packed).
 *
 * Generator: `generateLinkageData({ displayed, source, seed, ... })`. Every random draw comes
 * from `seededRandom(deriveSeed(seed, stage))`: the same parameters give the same bytes.
 */
import { aliasSampler, deriveSeed, seededRandom } from '../stats/random';
import type { Rng } from '../stats/random';
import type { ColumnTable } from './compare';
import {
  CITIES, EMPLOYER_VARIANTS, SCHOOL_YEAR_RADIX, TAGS, TITLES, nameSpace, packTags, schoolCount,
} from './vocabulary';
import type { NameSpace } from './vocabulary';

export interface LinkageDataOptions {
  /** Displayed (accused-app) profiles. */
  displayed: number;
  /** Source-platform accounts in the extract (must be >= the matched displayed profiles + decoys). */
  source: number;
  seed: number;
  /** Share of displayed profiles whose account is in the extract (default 0.8). */
  matchedShare?: number;
  /** Share of matched accounts that get a look-alike decoy account (default 0.15). */
  decoyShare?: number;
  /** Canonical employers (default: source / 10, at least 200). */
  employers?: number;
  /** Extra accounts carrying the ten most common full names (default 0). */
  commonNameAccounts?: number;
}

export interface LinkageData {
  params: Required<LinkageDataOptions>;
  displayed: ColumnTable;
  source: ColumnTable;
  /** Source row of each displayed row's true account, -1 when it has none in the extract. */
  truth: Int32Array;
  /** For each source row, the displayed row it is a decoy for, else -1. */
  decoyFor: Int32Array;
  /** Perceptual hashes (64 bits as two halves) indexed by the avatar column. */
  avatarHi: Uint32Array;
  avatarLo: Uint32Array;
  names: NameSpace;
}

export const LINKAGE_COLUMNS = ['name', 'city', 'employer', 'title', 'school', 'avatar', 'tags'] as const;

function zipfWeights(n: number, s: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => 1 / Math.pow(k + 1, s));
}

interface Samplers {
  surname: (r: Rng) => number;
  char: (r: Rng) => number;
  city: (r: Rng) => number;
  employer: (r: Rng) => number;
  title: (r: Rng) => number;
  school: (r: Rng) => number;
  tag: (r: Rng) => number;
}

function samplers(ns: NameSpace, employers: number): Samplers {
  return {
    surname: aliasSampler(ns.surnameWeights),
    char: aliasSampler(zipfWeights(ns.chars.length, 0.7)),
    city: aliasSampler(zipfWeights(CITIES.length, 0.8)),
    employer: aliasSampler(zipfWeights(employers, 0.8)),
    title: aliasSampler(zipfWeights(TITLES.length, 0.9)),
    school: aliasSampler(zipfWeights(schoolCount(), 0.9)),
    tag: aliasSampler(zipfWeights(TAGS.length, 1)),
  };
}

function drawName(rng: Rng, s: Samplers, ns: NameSpace): number {
  const C = ns.chars.length;
  const sur = s.surname(rng);
  const given = rng() < 0.15 ? s.char(rng) : C + s.char(rng) * C + s.char(rng);
  return sur * ns.givenRadix + given;
}

/** Change one given-name character to a homophone (same toneless pinyin) when one exists. */
function homophoneOf(name: number, rng: Rng, ns: NameSpace): number {
  const G = ns.givenRadix, C = ns.chars.length;
  const sur = Math.floor(name / G);
  const g = name % G;
  if (g < C) {
    const h = ns.homophones[g]!;
    return h.length ? sur * G + h[Math.floor(rng() * h.length)]! : name;
  }
  let c1 = Math.floor((g - C) / C), c2 = (g - C) % C;
  if (rng() < 0.5 && ns.homophones[c2]!.length) c2 = ns.homophones[c2]![Math.floor(rng() * ns.homophones[c2]!.length)]!;
  else if (ns.homophones[c1]!.length) c1 = ns.homophones[c1]![Math.floor(rng() * ns.homophones[c1]!.length)]!;
  else if (ns.homophones[c2]!.length) c2 = ns.homophones[c2]![Math.floor(rng() * ns.homophones[c2]!.length)]!;
  return sur * G + C + c1 * C + c2;
}

function drawTags(rng: Rng, s: Samplers): number {
  const k = Math.floor(rng() * 4); // 0..3 tags
  const t: number[] = [];
  for (let i = 0; i < k; i++) {
    const x = s.tag(rng);
    if (!t.includes(x)) t.push(x);
  }
  return packTags(t);
}

function makeTable(n: number): ColumnTable {
  const columns: Record<string, Int32Array> = {};
  for (const c of LINKAGE_COLUMNS) columns[c] = new Int32Array(n).fill(-1);
  return { size: n, columns };
}

/** Flip `bits` distinct random bits of a 64-bit hash held as two halves. */
function flipBits(hi: number, lo: number, bits: number, rng: Rng): [number, number] {
  const used = new Set<number>();
  while (used.size < bits) used.add(Math.floor(rng() * 64));
  for (const b of used) {
    if (b < 32) lo = (lo ^ (1 << b)) >>> 0;
    else hi = (hi ^ (1 << (b - 32))) >>> 0;
  }
  return [hi, lo];
}

/**
 * Generate displayed profiles and a source extract (see the module comment).
 *
 * @example
 * const d = generateLinkageData({ displayed: 300, source: 3000, seed: 7 });
 * d.truth[0];   // source row of displayed profile 0's account, or -1
 */
export function generateLinkageData(options: LinkageDataOptions): LinkageData {
  const { displayed: nD, source: nS, seed } = options;
  const matchedShare = options.matchedShare ?? 0.8;
  const decoyShare = options.decoyShare ?? 0.15;
  const nE = options.employers ?? Math.max(200, Math.floor(nS / 10));
  const commonNameAccounts = options.commonNameAccounts ?? 0;
  for (const [k, v] of Object.entries({ displayed: nD, source: nS, employers: nE, commonNameAccounts })) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a non-negative integer, got ${v}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(matchedShare >= 0 && matchedShare <= 1)) throw new RangeError(`matchedShare must be in [0, 1], got ${matchedShare}`);
  if (!(decoyShare >= 0 && decoyShare <= 1)) throw new RangeError(`decoyShare must be in [0, 1], got ${decoyShare}`);
  if (nE * EMPLOYER_VARIANTS > 2 ** 31 - 1) throw new RangeError(`too many employers: ${nE}`);
  const nMatched = Math.round(nD * matchedShare);
  const nDecoys = Math.round(nMatched * decoyShare);
  if (nMatched + nDecoys + commonNameAccounts > nS) {
    throw new RangeError(
      `source extract of ${nS} rows cannot hold ${nMatched} matched accounts + ${nDecoys} decoys + ${commonNameAccounts} common-name accounts`,
    );
  }
  const ns = nameSpace();
  const s = samplers(ns, nE);
  const src = makeTable(nS);
  const dsp = makeTable(nD);
  const avatarHi = new Uint32Array(nS + nD);
  const avatarLo = new Uint32Array(nS + nD);
  let nAvatars = 0;

  // 1. Background accounts: every source row drawn independently.
  const rngS = seededRandom(deriveSeed(seed, 'linkage-source'));
  const c = src.columns;
  const cName = c.name!, cCity = c.city!, cEmp = c.employer!, cTitle = c.title!, cSchool = c.school!, cAv = c.avatar!, cTags = c.tags!;
  for (let j = 0; j < nS; j++) {
    const r = rngS;
    cName[j] = drawName(r, s, ns);
    cCity[j] = r() < 0.9 ? s.city(r) : -1;
    cEmp[j] = r() < 0.7 ? s.employer(r) * EMPLOYER_VARIANTS + (r() < 0.6 ? 0 : 1 + Math.floor(r() * 3)) : -1;
    cTitle[j] = r() < 0.6 ? s.title(r) : -1;
    cSchool[j] = r() < 0.65 ? s.school(r) * SCHOOL_YEAR_RADIX + 20 + Math.floor(r() * 34) : -1;
    if (r() < 0.8) {
      avatarHi[nAvatars] = (r() * 4294967296) >>> 0;
      avatarLo[nAvatars] = (r() * 4294967296) >>> 0;
      cAv[j] = nAvatars++;
    }
    cTags[j] = r() < 0.5 ? drawTags(r, s) : -1;
  }

  // 2. Choose the matched accounts, decoy rows and common-name rows: distinct random source rows.
  const rngP = seededRandom(deriveSeed(seed, 'linkage-placement'));
  const need = nMatched + nDecoys + commonNameAccounts;
  const perm = new Int32Array(nS);
  for (let j = 0; j < nS; j++) perm[j] = j;
  for (let k = 0; k < need; k++) {
    const t = k + Math.floor(rngP() * (nS - k));
    const x = perm[k]!;
    perm[k] = perm[t]!;
    perm[t] = x;
  }
  // Displayed order: a random permutation, the first nMatched displayed slots get accounts.
  const order = new Int32Array(nD);
  for (let i = 0; i < nD; i++) order[i] = i;
  for (let i = nD - 1; i > 0; i--) {
    const t = Math.floor(rngP() * (i + 1));
    const x = order[i]!;
    order[i] = order[t]!;
    order[t] = x;
  }
  const truth = new Int32Array(nD).fill(-1);
  for (let k = 0; k < nMatched; k++) truth[order[k]!] = perm[k]!;

  // 3. Displayed profiles: copies (with the differences a copy shows) or fresh profiles.
  const rngD = seededRandom(deriveSeed(seed, 'linkage-displayed'));
  const d = dsp.columns;
  for (let i = 0; i < nD; i++) {
    const r = rngD;
    const j = truth[i]!;
    if (j < 0) {
      d.name![i] = drawName(r, s, ns);
      d.city![i] = r() < 0.85 ? s.city(r) : -1;
      d.employer![i] = r() < 0.75 ? s.employer(r) * EMPLOYER_VARIANTS + Math.floor(r() * EMPLOYER_VARIANTS) : -1;
      d.title![i] = r() < 0.6 ? s.title(r) : -1;
      d.school![i] = r() < 0.6 ? s.school(r) * SCHOOL_YEAR_RADIX + 20 + Math.floor(r() * 34) : -1;
      if (r() < 0.8) {
        avatarHi[nAvatars] = (r() * 4294967296) >>> 0;
        avatarLo[nAvatars] = (r() * 4294967296) >>> 0;
        d.avatar![i] = nAvatars++;
      }
      d.tags![i] = r() < 0.5 ? drawTags(r, s) : -1;
      continue;
    }
    // name: 88% identical, 7% homophone re-typing, 5% a nickname
    const u = r();
    d.name![i] = u < 0.88 ? cName[j]! : u < 0.95 ? homophoneOf(cName[j]!, r, ns) : drawName(r, s, ns);
    // city: 10% not shown, 4% moved
    const uc = r();
    d.city![i] = uc < 0.1 ? -1 : uc < 0.14 ? s.city(r) : cCity[j]!;
    // employer: 10% not shown, 25% in another written form, else as on the source
    const e = cEmp[j]!;
    const ue = r();
    d.employer![i] = e < 0 || ue < 0.1 ? -1 : ue < 0.35 ? Math.floor(e / EMPLOYER_VARIANTS) * EMPLOYER_VARIANTS + ((e % EMPLOYER_VARIANTS) + 1 + Math.floor(r() * 3)) % EMPLOYER_VARIANTS : e;
    d.title![i] = cTitle[j]! < 0 || r() < 0.2 ? -1 : cTitle[j]!;
    d.school![i] = cSchool[j]! < 0 || r() < 0.2 ? -1 : cSchool[j]!;
    // avatar: 15% not shown; else re-encoded copy with 0-6 bits of the hash flipped
    const a = cAv[j]!;
    if (a >= 0 && r() >= 0.15) {
      const ub = r();
      const bits = ub < 0.4 ? 0 : ub < 0.9 ? 1 + Math.floor(r() * 3) : 4 + Math.floor(r() * 3);
      const [hi, lo] = flipBits(avatarHi[a]!, avatarLo[a]!, bits, r);
      avatarHi[nAvatars] = hi;
      avatarLo[nAvatars] = lo;
      d.avatar![i] = nAvatars++;
    }
    // tags: 40% not shown; else the source's tags, one dropped 30% of the time
    const tg = cTags[j]!;
    if (tg >= 0 && r() >= 0.4) {
      const tl = [tg >>> 20, (tg >>> 10) & 1023, tg & 1023].filter((x) => x > 0).map((x) => x - 1);
      if (tl.length > 1 && r() < 0.3) tl.splice(Math.floor(r() * tl.length), 1);
      d.tags![i] = packTags(tl);
    }
  }

  // 4. Decoys: look-alike accounts for some matched profiles (same or same-sounding name,
  //    same city; 30% also the same employer; their own avatar), overwriting background rows.
  const decoyFor = new Int32Array(nS).fill(-1);
  const rngX = seededRandom(deriveSeed(seed, 'linkage-decoys'));
  for (let k = 0; k < nDecoys; k++) {
    const r = rngX;
    const i = order[Math.floor(r() * nMatched)]!;
    const j = truth[i]!;
    const x = perm[nMatched + k]!;
    decoyFor[x] = i;
    cName[x] = r() < 0.7 ? cName[j]! : homophoneOf(cName[j]!, r, ns);
    cCity[x] = cCity[j]!;
    if (r() < 0.3) cEmp[x] = cEmp[j]!;
    if (r() < 0.2) cTitle[x] = cTitle[j]!;
  }
  // 5. Common-name accounts: the ten most common full names (top surnames x top given names).
  const rngC = seededRandom(deriveSeed(seed, 'linkage-common-names'));
  const C = ns.chars.length;
  for (let k = 0; k < commonNameAccounts; k++) {
    const x = perm[nMatched + nDecoys + k]!;
    const sur = Math.floor(rngC() * 3); // 王 李 张
    const given = rngC() < 0.5 ? Math.floor(rngC() * 3) : C + Math.floor(rngC() * 3) * C + Math.floor(rngC() * 3);
    cName[x] = sur * ns.givenRadix + given;
  }
  return {
    params: { displayed: nD, source: nS, seed, matchedShare, decoyShare, employers: nE, commonNameAccounts },
    displayed: dsp,
    source: src,
    truth,
    decoyFor,
    avatarHi: avatarHi.slice(0, nAvatars),
    avatarLo: avatarLo.slice(0, nAvatars),
    names: ns,
  };
}

/** True links of generated data as (displayed row, source row) arrays. */
export function linkageTruth(data: { truth: Int32Array }): { left: Int32Array; right: Int32Array } {
  let n = 0;
  for (const j of data.truth) if (j >= 0) n++;
  const left = new Int32Array(n), right = new Int32Array(n);
  n = 0;
  data.truth.forEach((j, i) => {
    if (j >= 0) {
      left[n] = i;
      right[n++] = j;
    }
  });
  return { left, right };
}
