/**
 * Avatar comparison for record linkage (`src/matching`): a `Comparison` over a column of
 * precomputed perceptual hashes (hex, as written by `hashAvatar`), so a profile table can carry
 * `avatar_phash` and be compared without re-reading images.
 */
import type { Comparison } from '../compare/comparison';
import type { HashKind } from './hash';
import { hammingDistanceHex } from '../compare/hamming';
import { AVATAR_SIMILARITY } from './similarity';
import { DEFAULT_THRESHOLDS } from './thresholds';

export interface AvatarComparisonOptions<R> {
  /** Reads the hex hash from a record (e.g. `(r) => r.avatar_phash`); null/'' = no avatar. */
  value: (record: R) => string | null | undefined;
  /** Which hash the column holds (default pHash, the one similarity rule's hash). */
  hash?: HashKind;
  /** "Basically the same" threshold (default: the one avatar similarity rule, AVATAR_SIMILARITY, for pHash). */
  threshold?: number;
  name?: string;
}

/**
 * Levels: missing (either hash empty; weight 0 in linkage), same picture (distance 0),
 * basically the same (distance <= threshold: re-encoded, resized, recoloured copy), different.
 *
 * @example
 * const avatar = avatarHashComparison<{ avatar_phash: string | null }>({ value: (r) => r.avatar_phash });
 * compareField(avatar, { avatar_phash: 'c3a1c3a1c3a1c3a1' }, { avatar_phash: 'c3a1c3a1c3a1c3a3' }); // 2 ('basically the same', distance 1)
 */
export function avatarHashComparison<R>(options: AvatarComparisonOptions<R>): Comparison<R, string | null | undefined> {
  const hash = options.hash ?? AVATAR_SIMILARITY.hash;
  const t = options.threshold ?? (hash === AVATAR_SIMILARITY.hash ? AVATAR_SIMILARITY.threshold : DEFAULT_THRESHOLDS[hash]);
  const empty = (v: string | null | undefined): boolean => v == null || v === '';
  return {
    name: options.name ?? 'avatar',
    description: `Avatar ${hash} (64-bit perceptual hash, hex), Hamming distance between the two images`,
    value: options.value,
    levels: [
      { label: 'missing', labelZh: '缺失', isNull: true, description: 'either avatar hash empty', predicate: (a, b) => empty(a) || empty(b) },
      { label: 'same', labelZh: '相同', description: `${hash} identical (distance 0)`, predicate: (a, b) => hammingDistanceHex(a!, b!) === 0 },
      { label: 'basically the same', labelZh: '基本相同', description: `${hash} Hamming distance <= ${t} of 64 bits`, predicate: (a, b) => hammingDistanceHex(a!, b!) <= t },
      { label: 'different', labelZh: '不同', description: `${hash} Hamming distance > ${t}`, predicate: () => true },
    ],
  };
}
