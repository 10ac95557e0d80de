import { describe, expect, it } from 'vitest';
import { coveragePrecision } from '../src/collaborative-filtering/selective';

describe('coveragePrecision (selective display)', () => {
  it('shows the most confident first and averages a tied group at the cut', () => {
    const r = coveragePrecision(Float64Array.from([3, 2, 2, 0]), Uint8Array.from([1, 1, 0, 0]), null, [0.25, 0.5, 1]);
    expect(r.precision).toEqual([1, 0.75, 2 / 3]); // at 100% only the 3 predicted can be shown
    expect(r.shown).toEqual([1, 2, 3]);
    expect(r.maxCoverage).toBe(0.75);
  });
  it('leaves targets with an unknown true value out of coverage and precision', () => {
    const r = coveragePrecision(Float64Array.from([5, 4, 1]), Uint8Array.from([0, 1, 0]), Uint8Array.from([0, 1, 1]), [0.5, 1]);
    expect(r.targetsWithKnownValue).toBe(2);
    expect(r.precision).toEqual([1, 0.5]);
  });
  it('precision at full coverage equals average accuracy when every target has a prediction', () => {
    const conf = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const ok = Uint8Array.from([0, 0, 0, 1, 1, 1]);
    expect(coveragePrecision(conf, ok, null, [1]).precision[0]).toBe(0.5);
    expect(coveragePrecision(conf, ok, null, [0.5]).precision[0]).toBe(1);
  });
  it('refuses a coverage outside (0, 1]', () => {
    expect(() => coveragePrecision(new Float64Array(1), new Uint8Array(1), null, [0])).toThrow(RangeError);
  });
});
