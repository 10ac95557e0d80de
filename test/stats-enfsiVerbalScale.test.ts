import { describe, expect, it } from 'vitest';
import { enfsiVerbalScale } from '../src/stats/enfsiVerbalScale';

/** ENFSI Guideline for Evaluative Reporting in Forensic Science (2015), verbal-equivalents table. */
describe('enfsiVerbalScale (ENFSI 2015)', () => {
  it('classes values inside each band', () => {
    const cases: Array<[number, string]> = [
      [5, 'weak'], [50, 'moderate'], [500, 'moderately-strong'], [5000, 'strong'],
      [50_000, 'very-strong'], [5e6, 'extremely-strong'], [1e300, 'extremely-strong'], [Infinity, 'extremely-strong'],
    ];
    for (const [lr, band] of cases) {
      const v = enfsiVerbalScale(lr);
      expect(v.band).toBe(band);
      expect(v.supports).toBe('first');
    }
  });
  it('classes a boundary value in the STRONGER band (documented rule; top row reads "1,000,000 and above")', () => {
    expect(enfsiVerbalScale(10).band).toBe('moderate');
    expect(enfsiVerbalScale(100).band).toBe('moderately-strong');
    expect(enfsiVerbalScale(1000).band).toBe('strong');
    expect(enfsiVerbalScale(10_000).band).toBe('very-strong');
    expect(enfsiVerbalScale(1_000_000).band).toBe('extremely-strong');
    // just below the edges
    expect(enfsiVerbalScale(9.999).band).toBe('weak');
    expect(enfsiVerbalScale(999_999).band).toBe('very-strong');
  });
  it('LR = 1 supports neither; values between 1 and 2 are weak', () => {
    const one = enfsiVerbalScale(1);
    expect(one.supports).toBe('neither');
    expect(one.band).toBe('none');
    expect(one.verbal).toMatch(/do not support one proposition over the other/);
    expect(enfsiVerbalScale(1.5).band).toBe('weak');
  });
  it('uses 1/LR for the second proposition when LR < 1, with the same boundary rule', () => {
    const v = enfsiVerbalScale(0.001);
    expect(v.supports).toBe('second');
    expect(v.magnitude).toBeCloseTo(1000, 10);
    expect(v.band).toBe('strong');
    expect(v.verbal).toBe('The findings provide strong support for the second proposition rather than the first.');
    expect(v.verbalZh).toContain('第二命题');
    expect(enfsiVerbalScale(0.1).band).toBe('moderate');
    expect(enfsiVerbalScale(0).band).toBe('extremely-strong');
    expect(enfsiVerbalScale(0).supports).toBe('second');
  });
  it('words the first-proposition case and gives the range', () => {
    const v = enfsiVerbalScale(250);
    expect(v.verbal).toBe('The findings provide moderately strong support for the first proposition rather than the second.');
    expect(v.range).toBe('100–1,000');
    expect(v.verbalZh).toBe('相对于第二命题，检验结果对第一命题提供中等偏强程度的支持。');
  });
  it('rejects negative and NaN', () => {
    expect(() => enfsiVerbalScale(-1)).toThrow(RangeError);
    expect(() => enfsiVerbalScale(NaN)).toThrow(RangeError);
  });
});
