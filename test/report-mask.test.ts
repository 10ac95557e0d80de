import { describe, expect, it } from 'vitest';
import { maskDigits, maskDigitRunsInText, maskName, maskPhone, maskPhonesInText } from '../src/report/mask';

describe('maskName', () => {
  it('keeps the surname and masks the given name', () => {
    expect(maskName('王淼')).toBe('王*');
    expect(maskName('张伟强')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('王')).toBe('*');
    expect(maskName('Zhang Wei')).toBe('Z**** W**');
    expect(maskName('')).toBe('');
    expect(maskName(null)).toBe('');
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of an 11-digit mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('+86 138****5678');
    expect(maskPhone('008613812345678')).toBe('+86 138****5678');
    expect(maskPhone('010-62345678')).toBe('010****5678');
    expect(maskPhone('62345678')).toBe('******78');
  });
  it('masks numbers inside free text and leaves no raw number', () => {
    const sms = '王淼 13812345678，刘某 +86 139 1234 5678';
    const out = maskPhonesInText(sms);
    expect(out).not.toMatch(/13812345678|1391234 ?5678/);
    expect(out).toContain('138****5678');
  });
  it('leaves digits after a decimal point alone and masks a number ending a sentence', () => {
    expect(maskPhonesInText('p = 0.13812345678')).toBe('p = 0.13812345678');
    expect(maskPhonesInText('号码13812345678.')).toBe('号码138****5678.');
  });
});

describe('maskDigits / maskDigitRunsInText (raw numbers in evidence errors and saved names)', () => {
  it('keeps only the last two digits and the separators', () => {
    expect(maskDigits('010-6275 1234')).toBe('***-**** **34');
    expect(maskDigits('12345678978')).toBe('*********78');
    expect(maskDigitRunsInText('call 138 1234 5609 or 110')).toBe('call *** **** **09 or 110');
  });
});
