import { describe, expect, it } from 'vitest';
import { jaro, jaroCodePoints, jaroWinkler } from '../src/text';
import { seededRandom } from '../src/stats/random';

// Published values: Winkler (1990) and the strcmp95 test pairs (MARTHA/MARHTA 0.961,
// DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813); Jaro(MARTHA, MARHTA) = 0.944.
describe('jaroWinkler', () => {
  it('reproduces the published Latin values', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
  });
  it('reproduces the REFERENCES values for short Chinese names', () => {
    // window 0 for two characters; jaro 0.667 is under the 0.7 boost threshold
    expect(jaroWinkler('张伟', '张玮')).toBeCloseTo(0.667, 3);
    expect(jaroWinkler('李娜', '娜李')).toBe(0);
  });
  it('is 1 for equal strings and 0 against an empty one', () => {
    expect(jaroWinkler('张伟', '张伟')).toBe(1);
    expect(jaroWinkler('', '张伟')).toBe(0);
    expect(jaroWinkler('', '')).toBe(1);
  });
  it('counts astral code points once', () => {
    // 𠮷 is one character: the three-character strings differ in one place
    expect(jaro('𠮷野家', '吉野家')).toBeCloseTo(jaro('甲野家', '吉野家'), 12);
  });
  it('rejects a prefix scale that could push the score above 1', () => {
    expect(() => jaroWinkler('a', 'a', { prefixScale: 0.3 })).toThrow(RangeError);
  });
  it('applies the boost when the threshold is lowered', () => {
    expect(jaroWinkler('张伟', '张玮', { boostThreshold: 0 })).toBeCloseTo(0.7, 6);
  });
});

/** Jaro straight from the definition (module comment of jaroWinkler.ts), to check the fast path against. */
function jaroByDefinition(a: number[], b: number[], strcmp95: boolean): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const w = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const usedB = b.map(() => false);
  const matchedA: number[] = [];
  a.forEach((c, i) => {
    for (let j = Math.max(0, i - w); j <= Math.min(b.length - 1, i + w); j++) {
      if (!usedB[j] && b[j] === c) {
        usedB[j] = true;
        matchedA.push(c);
        return;
      }
    }
  });
  const m = matchedA.length;
  if (m === 0) return 0;
  const matchedB = b.filter((_, j) => usedB[j]);
  const out = matchedA.filter((c, k) => c !== matchedB[k]).length;
  const t = strcmp95 ? Math.floor(out / 2) : out / 2;
  return (m / a.length + m / b.length + (m - t) / m) / 3;
}

describe('jaroCodePoints: bit-parallel path (strings up to 30 code points) = the definition', () => {
  it('on 20,000 seeded random pairs over small alphabets, lengths 0-40, both transposition conventions', () => {
    const rng = seededRandom(18);
    // Alphabet includes two code points with the same low 12 bits (97 and 97 + 4096), which the
    // fast path hands to the loop, and a supplementary-plane character.
    const alphabet = [97, 98, 99, 100, 101, 97 + 4096, 0x1f600];
    const word = (): number[] => Array.from({ length: Math.floor(rng() * 41) }, () => alphabet[Math.floor(rng() * (rng() < 0.5 ? 3 : alphabet.length))]!);
    let fast = 0;
    for (let k = 0; k < 20_000; k++) {
      const a = word(), b = word();
      if (a.length <= 30 && b.length <= 30) fast++;
      for (const conv of ['fraction', 'strcmp95'] as const) {
        expect(jaroCodePoints(Int32Array.from(a), Int32Array.from(b), conv)).toBe(jaroByDefinition(a, b, conv === 'strcmp95'));
      }
    }
    expect(fast).toBeGreaterThan(5_000);
  });
});
