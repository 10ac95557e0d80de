import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from '../src/text';

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
