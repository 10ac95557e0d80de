/**
 * Source attribution of displayed avatars: which platforms' avatars of the same person could
 * the displayed one have been fetched from?
 *
 * For one displayed avatar and the person's candidate avatars on several platforms, each
 * candidate is a match when its hashes are within the thresholds under the rule
 * (`isMatch`). The verdict is
 * - 'one platform': exactly one platform matches: the image itself points to that source;
 * - 'several (indistinguishable)': two or more match: the image cannot tell those sources
 *   apart (the same picture is on each), so only other evidence (import logs) could;
 * - 'none': no candidate matches (another source, or a distortion beyond the thresholds).
 *
 * This is the question the court put to the avatar-app defence in Weibo v. Maimai (FACTS.md,
 * case 1, inference 2): an avatar can be attributed to QQ or Renren *rather than* Weibo only
 * if it matches the QQ/Renren avatar and not the Weibo one, which needs that person's QQ/Renren
 * avatar to differ from the Weibo one.
 */
import type { AvatarHashes } from './hash';
import { hammingDistanceHex } from '../compare/hamming';
import { type HashDistances, type MatchRule, type Thresholds, isMatch } from './robustness';
import { DEFAULT_RULE, DEFAULT_THRESHOLDS } from './thresholds';

export type AttributionVerdict = 'one platform' | 'several (indistinguishable)' | 'none';

export interface PlatformCandidate { platform: string; hashes: AvatarHashes; file?: string }

export interface Attribution {
  verdict: AttributionVerdict;
  /** Platforms whose candidate matches, in candidate order. */
  matching: string[];
  /** Platforms with a candidate. */
  candidates: string[];
  distances: Record<string, HashDistances>;
}

export interface AttributionOptions {
  thresholds?: Thresholds;
  rule?: MatchRule;
}

/** Distances between two hash triples. */
export function hashDistances(a: AvatarHashes, b: AvatarHashes): HashDistances {
  return { aHash: hammingDistanceHex(a.aHash, b.aHash), dHash: hammingDistanceHex(a.dHash, b.dHash), pHash: hammingDistanceHex(a.pHash, b.pHash) };
}

/**
 * Attribute one displayed avatar.
 * @example
 * const shown = { aHash: 'ff00ff00ff00ff00', dHash: '0f0f0f0f0f0f0f0f', pHash: 'aaaaaaaa55555555' };
 * attributeAvatar(shown, [
 *   { platform: 'weibo', hashes: shown },
 *   { platform: 'qq', hashes: { aHash: '00ff00ff00ff00ff', dHash: 'f0f0f0f0f0f0f0f0', pHash: '55555555aaaaaaaa' } },
 * ]).verdict; // 'one platform' (matching: ['weibo'])
 */
export function attributeAvatar(displayed: AvatarHashes, candidates: readonly PlatformCandidate[], options: AttributionOptions = {}): Attribution {
  const t = options.thresholds ?? DEFAULT_THRESHOLDS;
  const rule = options.rule ?? DEFAULT_RULE;
  const seen = new Set<string>();
  const distances: Record<string, HashDistances> = {};
  const matching: string[] = [];
  for (const c of candidates) {
    if (seen.has(c.platform)) throw new RangeError(`two candidates for platform '${c.platform}'; give one avatar per platform`);
    seen.add(c.platform);
    const d = hashDistances(displayed, c.hashes);
    distances[c.platform] = d;
    if (isMatch(d, t, rule)) matching.push(c.platform);
  }
  const verdict: AttributionVerdict = matching.length === 0 ? 'none' : matching.length === 1 ? 'one platform' : 'several (indistinguishable)';
  return { verdict, matching, candidates: [...seen], distances };
}

/** One person's evidence: the displayed avatar and the candidates. */
export interface PersonEvidence {
  person: string;
  displayed: AvatarHashes;
  candidates: PlatformCandidate[];
  /** Synthetic ground truth, when known: the platform the displayed avatar came from, or 'none'. */
  truth?: string;
}

export interface PersonAttribution extends Attribution {
  person: string;
  truth?: string;
  /** For each claimed platform with a candidate: does that candidate differ from the reference one? */
  differsFromReference: Record<string, boolean>;
}

export interface AttributionSummaryOptions extends AttributionOptions {
  /** The platform the other side says is the source (default 'weibo'). */
  reference?: string;
  /** The platforms the defence claims (default ['qq', 'renren']). */
  claimed?: readonly string[];
}

/** Attribute every person's displayed avatar and compare their candidates with each other. */
export function attributeEvidence(people: readonly PersonEvidence[], options: AttributionSummaryOptions = {}): PersonAttribution[] {
  const reference = options.reference ?? 'weibo';
  const claimed = options.claimed ?? ['qq', 'renren'];
  const t = options.thresholds ?? DEFAULT_THRESHOLDS;
  const rule = options.rule ?? DEFAULT_RULE;
  return people.map((p) => {
    const a = attributeAvatar(p.displayed, p.candidates, { thresholds: t, rule });
    const ref = p.candidates.find((c) => c.platform === reference);
    const differsFromReference: Record<string, boolean> = {};
    for (const c of p.candidates) {
      if (!claimed.includes(c.platform)) continue;
      differsFromReference[c.platform] = ref ? !isMatch(hashDistances(ref.hashes, c.hashes), t, rule) : true;
    }
    return { person: p.person, ...(p.truth !== undefined ? { truth: p.truth } : {}), ...a, differsFromReference };
  });
}

export interface AttributionSummary {
  reference: string;
  claimed: string[];
  rule: string;
  displayed: number;
  /** Matches the reference platform only ("uniquely Weibo-like"). */
  onlyReference: number;
  /** Matches exactly one claimed platform, per platform. */
  onlyClaimed: Record<string, number>;
  /** Matches several platforms including the reference (indistinguishable from it). */
  severalWithReference: number;
  /** Matches several claimed platforms but not the reference. */
  severalClaimedOnly: number;
  none: number;
  /** Displayed avatars the defence could attribute to a claimed platform and NOT the reference. */
  attributableToClaimedNotReference: number;
  /** People with a candidate on a claimed platform that differs from their reference avatar. */
  peopleWithDifferingClaimedAvatar: number;
  /** People with at least one claimed-platform candidate. */
  peopleWithClaimedCandidate: number;
}

/**
 * Summary counts over an evidence set.
 * @example
 * const s = summariseAttribution(attributeEvidence(people));
 * s.onlyReference;                      // uniquely Weibo-like avatars
 * s.attributableToClaimedNotReference;  // what the defence could claim from the images alone
 */
export function summariseAttribution(results: readonly PersonAttribution[], options: AttributionSummaryOptions = {}): AttributionSummary {
  const reference = options.reference ?? 'weibo';
  const claimed = [...(options.claimed ?? ['qq', 'renren'])];
  const onlyClaimed: Record<string, number> = Object.fromEntries(claimed.map((c) => [c, 0]));
  let onlyReference = 0, severalWithReference = 0, severalClaimedOnly = 0, none = 0, attributable = 0, differing = 0, withClaimed = 0;
  for (const r of results) {
    const hasRef = r.matching.includes(reference);
    const claimedMatches = r.matching.filter((m) => claimed.includes(m));
    if (r.verdict === 'none') none++;
    else if (r.verdict === 'one platform') {
      if (hasRef) onlyReference++;
      else if (claimedMatches.length === 1) onlyClaimed[claimedMatches[0]!]!++;
    } else if (hasRef) severalWithReference++;
    else if (claimedMatches.length > 0) severalClaimedOnly++;
    if (!hasRef && claimedMatches.length > 0) attributable++;
    const diffs = Object.values(r.differsFromReference);
    if (diffs.length > 0) withClaimed++;
    if (diffs.some(Boolean)) differing++;
  }
  return {
    reference, claimed, rule: options.rule ?? DEFAULT_RULE,
    displayed: results.length, onlyReference, onlyClaimed, severalWithReference, severalClaimedOnly, none,
    attributableToClaimedNotReference: attributable,
    peopleWithDifferingClaimedAvatar: differing,
    peopleWithClaimedCandidate: withClaimed,
  };
}

/** The summary as rows (category, count, share) for a report table. */
export function attributionSummaryRows(s: AttributionSummary): Array<{ category: string; count: number; share: number }> {
  const n = s.displayed || 1;
  const rows: Array<{ category: string; count: number }> = [
    { category: `matches ${s.reference} only (uniquely ${s.reference}-like)`, count: s.onlyReference },
    ...s.claimed.map((c) => ({ category: `matches ${c} only`, count: s.onlyClaimed[c] ?? 0 })),
    { category: `matches ${s.reference} and another platform (indistinguishable)`, count: s.severalWithReference },
    { category: `matches several of ${s.claimed.join('/')} but not ${s.reference}`, count: s.severalClaimedOnly },
    { category: 'matches no platform', count: s.none },
    { category: `attributable to ${s.claimed.join('/')} and NOT to ${s.reference}`, count: s.attributableToClaimedNotReference },
  ];
  return [...rows.map((r) => ({ ...r, share: r.count / n })), { category: 'displayed avatars', count: s.displayed, share: 1 }];
}

/**
 * Cross-tabulation of verdicts against the synthetic ground truth (where each displayed avatar
 * really came from): how often the image-based verdict is right, indistinguishable, or wrong.
 */
export function attributionVsTruth(results: readonly PersonAttribution[]): Array<{ truth: string; verdict: string; matching: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of results) {
    const key = `${r.truth ?? '(unknown)'}\t${r.verdict}\t${r.matching.join('+') || '-'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([k, count]) => {
      const [truth, verdict, matching] = k.split('\t') as [string, string, string];
      return { truth, verdict, matching, count };
    })
    .sort((a, b) => (a.truth < b.truth ? -1 : a.truth > b.truth ? 1 : b.count - a.count));
}
