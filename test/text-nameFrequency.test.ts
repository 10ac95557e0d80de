import { describe, expect, it } from 'vitest';
import { NATIONAL_SURNAME_SHARES, UNLISTED_SURNAME_SHARE, surnameOf, surnameShare } from '../src/text/nameFrequency';

describe('national surname frequencies (2019/2020 national name reports, partial figures)', () => {
  it('the top five add up to about the 30.8% the 2020 report gives', () => {
    const top5 = ['王', '李', '张', '刘', '陈'].reduce((a, s) => a + NATIONAL_SURNAME_SHARES[s]!, 0);
    expect(Math.abs(top5 - 0.308)).toBeLessThan(0.005);
  });
  it('reads compound surnames and bounds unlisted ones by the tenth share', () => {
    expect(surnameOf('欧阳娜娜')).toBe('欧阳');
    expect(surnameOf('欧阳')).toBe('欧');
    expect(surnameOf('王伟')).toBe('王');
    expect(surnameShare('单')).toBe(UNLISTED_SURNAME_SHARE);
    for (const [s, share] of Object.entries(NATIONAL_SURNAME_SHARES)) if ([...s].length === 1) expect(share).toBeGreaterThanOrEqual(UNLISTED_SURNAME_SHARE);
  });
});
