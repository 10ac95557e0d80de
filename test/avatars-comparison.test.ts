/** The avatar comparison for record linkage, over a precomputed hash column. */
import { describe, expect, it } from 'vitest';
import { AVATAR_SIMILARITY, avatarHashComparison } from '../src/avatars';
import { compareField, describeComparison } from '../src/compare/comparison';

type R = { avatar_phash: string | null };
const cmp = avatarHashComparison<R>({ value: (r) => r.avatar_phash });
const at = (a: string | null, b: string | null): string => cmp.levels[compareField(cmp, { avatar_phash: a }, { avatar_phash: b })]!.label;

describe('avatarHashComparison', () => {
  it('levels: missing, same, basically the same, different', () => {
    expect(at(null, 'c3a1c3a1c3a1c3a1')).toBe('missing');
    expect(at('', 'c3a1c3a1c3a1c3a1')).toBe('missing');
    expect(at('c3a1c3a1c3a1c3a1', 'c3a1c3a1c3a1c3a1')).toBe('same');
    expect(at('c3a1c3a1c3a1c3a1', 'c3a1c3a1c3a1c3a3')).toBe('basically the same');
    expect(at('0000000000000000', 'ffffffffffffffff')).toBe('different');
  });

  it('the threshold is that of the one avatar similarity rule, inclusive, and printed in the level text', () => {
    const t = AVATAR_SIMILARITY.threshold;
    const withBits = (n: number): string => (BigInt(2) ** BigInt(n) - BigInt(1)).toString(16).padStart(16, '0');
    expect(at('0000000000000000', withBits(t))).toBe('basically the same');
    expect(at('0000000000000000', withBits(t + 1))).toBe('different');
    expect(describeComparison(cmp).map((r) => r.labelZh)).toEqual(['缺失', '相同', '基本相同', '不同']);
    expect(describeComparison(cmp)[2]!.definition).toContain(`<= ${t}`);
  });

  it('a malformed hash cell is an error, not a silent "different"', () => {
    expect(() => at('not-a-hash', 'c3a1c3a1c3a1c3a1')).toThrow(/hexadecimal/);
  });
});
