/**
 * The avatar-app defence as two propositions, worded as the court weighed them (Weibo v.
 * Maimai, inference 2):
 * - H_p (plaintiff): the displayed avatar was fetched from the person's avatar on the
 *   reference platform (Weibo);
 * - H_d (defence): the displayed avatar came from the defendant's other app (头像淘淘), which
 *   imported it from the person's avatar on one of the claimed platforms (QQ, Renren). The
 *   defendant did not say which avatars, so for one person the claimed platforms are equally
 *   likely, and over the set a share π of avatars is taken to have come that way (π is a
 *   parameter: the defence never stated it).
 *
 * The evidence for one person is which groups of their platform avatars the displayed one
 * matches under the similarity rule (a group = platform avatars that are the same picture as
 * each other). Under a source S, the group holding S is matched with probability 1 - FNMR and
 * any other group with probability FMR (error rates measured out of sample; the upper bounds of
 * their intervals are used, which pulls every LR towards 1). So
 *   LR = P(E | H_p) / P(E | H_d),   P(E | H_d) = mean over the claimed platforms the person has.
 * A person whose claimed-platform avatars are the same picture as the reference one gets
 * LR = 1 exactly: the image cannot tell the sources apart (the court's second point). A person
 * with no claimed-platform avatar in evidence is not assessed (H_d needs one).
 *
 * Over the set, the defence's proposition with share π gives, per assessed person,
 * P(E | H_d(π)) = (1 - π) P(E | H_p) + π P(E | H_d); the persons' sources are taken as
 * independent draws given π (distinct people, each with their own pictures; no uploader
 * structure is known for avatars). log10 LR(π) = Σ log10 P(E|H_p) / P(E|H_d(π)).
 */
import type { CropHashes } from './crops';
import { cropTolerantDistance } from './crops';

export interface PlatformAvatar { platform: string; hashes: CropHashes }

export interface PropositionRates {
  /** False-non-match rate used (same picture called different). */
  fnmr: number;
  /** False-match rate used (different pictures called the same). */
  fmr: number;
}

export interface PersonLr {
  person: string;
  /** Groups of platforms holding the same picture, e.g. [['weibo','qq'],['renren']]. */
  groups: string[][];
  /** Groups the displayed avatar matches (indices into groups). */
  matched: number[];
  /** log10 P(E | H_p), log10 P(E | H_d); null when H_d is not assessable. */
  log10PHp: number;
  log10PHd: number | null;
  log10Lr: number | null;
}

/** Union platform avatars into groups of the same picture (either direction within the threshold). */
export function pictureGroups(candidates: readonly PlatformAvatar[], threshold: number): string[][] {
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i]!.hashes, b = candidates[j]!.hashes;
      if (Math.min(cropTolerantDistance(a.pHash, b), cropTolerantDistance(b.pHash, a)) <= threshold) parent[find(i)] = find(j);
    }
  }
  const byRoot = new Map<number, string[]>();
  candidates.forEach((c, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), c.platform]));
  return [...byRoot.values()];
}

/**
 * One person's likelihood ratio for H_p (reference) against H_d (claimed platforms).
 * @example
 * // Weibo and QQ hold different pictures; the displayed avatar matches Weibo only:
 * personLr('p1', w.pHash, [{ platform: 'weibo', hashes: w }, { platform: 'qq', hashes: q }], { fnmr: 0.05, fmr: 0.001 }, 8, 'weibo', ['qq']).log10Lr;
 * // log10((0.95 * 0.999) / (0.001 * 0.05)) ≈ 4.28
 */
export function personLr(person: string, shownPHash: string, candidates: readonly PlatformAvatar[], rates: PropositionRates, threshold: number, reference: string, claimed: readonly string[]): PersonLr {
  const groups = pictureGroups(candidates, threshold);
  const matchedSet = new Set<number>();
  groups.forEach((g, gi) => {
    for (const p of g) {
      const c = candidates.find((x) => x.platform === p)!;
      if (cropTolerantDistance(shownPHash, c.hashes) <= threshold) matchedSet.add(gi);
    }
  });
  const pGiven = (source: string): number => {
    let p = 1;
    groups.forEach((g, gi) => {
      const hit = matchedSet.has(gi);
      p *= g.includes(source) ? (hit ? 1 - rates.fnmr : rates.fnmr) : hit ? rates.fmr : 1 - rates.fmr;
    });
    return p;
  };
  const has = new Set(candidates.map((c) => c.platform));
  const pHp = has.has(reference) ? pGiven(reference) : 0;
  const sources = claimed.filter((c) => has.has(c));
  const pHd = sources.length ? sources.reduce((s, c) => s + pGiven(c), 0) / sources.length : null;
  return {
    person, groups, matched: [...matchedSet].sort((a, b) => a - b),
    log10PHp: Math.log10(pHp), log10PHd: pHd === null ? null : Math.log10(pHd),
    log10Lr: pHd === null || !has.has(reference) ? null : Math.log10(pHp) - Math.log10(pHd),
  };
}

/**
 * log10 LR of H_p against the defence with a share π of avatars from the claimed platforms.
 * @example
 * mixtureLog10Lr([{ log10PHp: 0, log10PHd: -4 }], 0.1); // -log10(0.9 + 0.1e-4) ≈ 0.0457
 */
export function mixtureLog10Lr(people: ReadonlyArray<Pick<PersonLr, 'log10PHp' | 'log10PHd'>>, share: number): number {
  let s = 0;
  for (const p of people) {
    if (p.log10PHd === null || !Number.isFinite(p.log10PHp)) continue;
    const hp = 10 ** p.log10PHp, hd = 10 ** p.log10PHd;
    s += Math.log10(hp) - Math.log10((1 - share) * hp + share * hd);
  }
  return s;
}
