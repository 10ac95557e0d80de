/**
 * Exposure at population scale: as a platform's adoption grows, what share of the people who
 * never joined already have a shadow profile, and how rich is it?
 *
 * Sarigöl, Garcia & Schweitzer, "Online privacy as a collective phenomenon", EPJ Data Science
 * 3:9 (2014), and Garcia, "Leaking privacy and shadow profiles in online social networks",
 * Science Advances 3(8) e1701172 (2017): non-users' attributes can be predicted from users'
 * shared contacts, and the quality of the prediction grows with the platform's size and with
 * the share of users who disclose. This module measures the same effect by seeded simulation
 * on a synthetic population (`generateContactsWorld`) with the rules of `profile.ts`.
 *
 * Design. One random adoption order per replicate (a seeded permutation of persons); the users
 * at adoption level a are its first round(a n) persons; each user uploads the book with
 * probability `uploadProbability` (1 while upload was mandatory). For each non-user t, the
 * holders are the uploaders whose book holds t's number. Richness levels (cumulative):
 *   1 "number known": at least 1 holder;
 *   2 "named": at least 1 holder saved a full name;
 *   3 "employer inferred": level 2 and an employer accepted by the rule of profile.ts (>= 2
 *     holders and >= 20% of holders list it as current or former employer);
 *   4 "rich": level 3 and at least `richHolders` (10) holders.
 * Also reported: the accuracy of the inferred employer (its being t's true current or former
 * employer), and the analytic share at level 1 when holders are independent draws,
 * mean over non-users of 1 - (1 - a p)^d(t), d(t) = number of books holding t.
 *
 * @example
 * const ew = exposureWorld(generateContactsWorld({ seed: 3, persons: 5000, target: null }));
 * simulateExposure(ew, { adoption: [0.05, 0.2, 0.5], reps: 5, seed: 1 });
 */
import { deriveSeed, seededRandom, shuffleInPlace } from '../stats/random';
import { parseSavedName } from './lexicon';
import type { ContactsWorld } from './synthetic';

/** Reverse book CSR of a population: who holds person t's number. */
export interface ExposureWorld {
  n: number;
  /** holders of t: holder[inOffsets[t] .. inOffsets[t+1]) */
  inOffsets: Int32Array;
  holder: Int32Array;
  /** 1 when that holder saved a full name for t. */
  fullName: Uint8Array;
  /** Profile attributes as integer ids (-1 = none); employer ids shared with formerEmployer. */
  employer: Int32Array;
  formerEmployer: Int32Array;
}

/** Build the reverse CSR from a synthetic world (mobile entries only; service numbers ignored). */
export function exposureWorld(world: Pick<ContactsWorld, 'persons' | 'saves'>): ExposureWorld {
  const n = world.persons.length;
  const ids = new Map<string, number>();
  const id = (s: string | null): number => {
    if (s === null) return -1;
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = ids.size));
    return v;
  };
  const employer = Int32Array.from(world.persons, (p) => id(p.employer));
  const formerEmployer = Int32Array.from(world.persons, (p) => id(p.formerEmployer));
  const deg = new Int32Array(n);
  for (let h = 0; h < n; h++) {
    const seen = new Set<number>();
    for (const s of world.saves[h]!) if (s.contact >= 0 && !s.landline && !seen.has(s.contact)) { seen.add(s.contact); deg[s.contact]++; }
  }
  const inOffsets = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) inOffsets[t + 1] = inOffsets[t]! + deg[t]!;
  const fill = inOffsets.slice(0, n);
  const holder = new Int32Array(inOffsets[n]!);
  const fullName = new Uint8Array(inOffsets[n]!);
  for (let h = 0; h < n; h++) {
    const seen = new Set<number>();
    for (const s of world.saves[h]!) {
      if (s.contact < 0 || s.landline || seen.has(s.contact)) continue;
      seen.add(s.contact);
      const k = fill[s.contact]!++;
      holder[k] = h;
      fullName[k] = parseSavedName(s.savedName).fullName ? 1 : 0;
    }
  }
  return { n, inOffsets, holder, fullName, employer, formerEmployer };
}

export interface ExposureOptions {
  /** Adoption levels (share of persons registered), each in (0, 1). */
  adoption: readonly number[];
  reps: number;
  seed: number;
  /** Probability that a user uploads the book (1 = mandatory upload). */
  uploadProbability?: number;
  richHolders?: number;
  minVotes?: number;
  minShare?: number;
}

export interface ExposureRow {
  adoption: number;
  uploadProbability: number;
  rep: number;
  nonUsers: number;
  numberKnown: number;
  named: number;
  employerInferred: number;
  rich: number;
  /** Among non-users with an accepted employer: share where it is true (current or former). */
  employerAccuracy: number;
  /** Analytic share at level 1 (independent holders). */
  analyticNumberKnown: number;
}

/** Seeded simulation of shadow-profile exposure against adoption (one row per level and replicate). */
export function simulateExposure(world: ExposureWorld, options: ExposureOptions): ExposureRow[] {
  const { n, inOffsets, holder, fullName, employer, formerEmployer } = world;
  const p = options.uploadProbability ?? 1;
  const rich = options.richHolders ?? 10;
  const minVotes = options.minVotes ?? 2;
  const minShare = options.minShare ?? 0.2;
  let maxEmp = -1;
  for (let i = 0; i < n; i++) maxEmp = Math.max(maxEmp, employer[i]!, formerEmployer[i]!);
  const votes = new Int32Array(maxEmp + 1);
  const rows: ExposureRow[] = [];
  const isUser = new Uint8Array(n);
  const uploads = new Uint8Array(n);
  for (let rep = 0; rep < options.reps; rep++) {
    const rng = seededRandom(deriveSeed(options.seed, `exposure/${rep}`));
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    shuffleInPlace(rng, order);
    const uploadDraw = new Float64Array(n);
    for (let i = 0; i < n; i++) uploadDraw[i] = rng();
    for (const a of options.adoption) {
      if (!(a > 0 && a < 1)) throw new RangeError(`adoption level must be in (0, 1): ${a}`);
      const m = Math.round(a * n);
      isUser.fill(0);
      uploads.fill(0);
      for (let k = 0; k < m; k++) {
        const u = order[k]!;
        isUser[u] = 1;
        uploads[u] = uploadDraw[u]! < p ? 1 : 0;
      }
      let nonUsers = 0, known = 0, named = 0, emp = 0, rc = 0, empCorrect = 0;
      let analytic = 0;
      for (let t = 0; t < n; t++) {
        if (isUser[t]) continue;
        nonUsers++;
        const s = inOffsets[t]!, e = inOffsets[t + 1]!;
        analytic += 1 - Math.pow(1 - a * p, e - s);
        let k = 0, nm = 0;
        let best = -1, bestV = 0;
        for (let i = s; i < e; i++) {
          const h = holder[i]!;
          if (!uploads[h]) continue;
          k++;
          nm += fullName[i]!;
          const v1 = employer[h]!;
          const v2 = formerEmployer[h] === v1 ? -1 : formerEmployer[h]!;
          if (v1 >= 0) {
            const c = ++votes[v1];
            if (c > bestV || (c === bestV && v1 < best)) { best = v1; bestV = c; }
          }
          if (v2 >= 0) {
            const c = ++votes[v2];
            if (c > bestV || (c === bestV && v2 < best)) { best = v2; bestV = c; }
          }
        }
        for (let i = s; i < e; i++) {
          const h = holder[i]!;
          if (!uploads[h]) continue;
          if (employer[h]! >= 0) votes[employer[h]!] = 0;
          if (formerEmployer[h]! >= 0) votes[formerEmployer[h]!] = 0; // (reset is idempotent)
        }
        if (k === 0) continue;
        known++;
        if (nm === 0) continue;
        named++;
        if (!(bestV >= minVotes && bestV / k >= minShare)) continue;
        emp++;
        if (best === employer[t] || best === formerEmployer[t]) empCorrect++;
        if (k >= rich) rc++;
      }
      rows.push({
        adoption: a, uploadProbability: p, rep, nonUsers,
        numberKnown: known / nonUsers, named: named / nonUsers, employerInferred: emp / nonUsers, rich: rc / nonUsers,
        employerAccuracy: emp ? empCorrect / emp : NaN,
        analyticNumberKnown: analytic / nonUsers,
      });
    }
  }
  return rows;
}

/** Mean and 2.5% / 97.5% replicate quantiles of each measure by adoption level. */
export function summariseExposure(rows: readonly ExposureRow[]): Array<Record<string, number>> {
  const levels = [...new Set(rows.map((r) => r.adoption))].sort((a, b) => a - b);
  const measures = ['numberKnown', 'named', 'employerInferred', 'rich', 'employerAccuracy', 'analyticNumberKnown'] as const;
  return levels.map((a) => {
    const rs = rows.filter((r) => r.adoption === a);
    const out: Record<string, number> = { adoption: a, reps: rs.length };
    for (const m of measures) {
      const xs = rs.map((r) => r[m]).filter((x) => Number.isFinite(x)).sort((x, y) => x - y);
      out[m] = xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN;
      if (m !== 'analyticNumberKnown') {
        out[`${m}Lo`] = xs.length ? xs[Math.floor(0.025 * (xs.length - 1))]! : NaN;
        out[`${m}Hi`] = xs.length ? xs[Math.ceil(0.975 * (xs.length - 1))]! : NaN;
      }
    }
    return out;
  });
}
