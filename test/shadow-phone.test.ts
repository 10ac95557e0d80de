import { describe, expect, it } from 'vitest';
import { hasDigitRun, normalizePhone } from '../src/shadow/phone';

const e164 = (raw: string) => {
  const p = normalizePhone(raw);
  return p.ok ? `${p.kind}:${p.e164}` : `invalid:${p.reason}`;
};

describe('normalizePhone: mainland mobile numbers', () => {
  it('accepts the 11-digit form with every usual prefix and separator', () => {
    for (const raw of ['13812345678', '+8613812345678', '+86 138 1234 5678', '+86-138-1234-5678', '0086 13812345678',
      '008613812345678', '8613812345678', '(+86)13812345678', '138-1234-5678', '138.1234.5678', ' 138 1234 5678 ',
      '１３８１２３４５６７８', '＋86 138 1234 5678', '138\u30001234\u30005678']) {
      expect(e164(raw), raw).toBe('mobile:+8613812345678');
    }
  });
  it('applies the 1[3-9] rule and the length rule', () => {
    expect(e164('19912345678')).toBe('mobile:+8619912345678');
    expect(e164('12812345678')).toMatch(/^invalid:not a mobile number/);
    expect(e164('10812345678')).toMatch(/^invalid:not a mobile number/);
    expect(e164('1381234567')).toMatch(/^invalid:mobile number with 10 digits/);
    expect(e164('138123456789')).toMatch(/^invalid:mobile number with 12 digits/);
    expect(e164('+86 1381234567')).toMatch(/^invalid/);
  });
});

describe('normalizePhone: landlines', () => {
  it('accepts two-digit area codes with 8-digit local numbers', () => {
    expect(e164('010-62345678')).toBe('landline:+861062345678');
    expect(e164('(010) 6234 5678')).toBe('landline:+861062345678');
    expect(e164('+86 10 6234 5678')).toBe('landline:+861062345678');
    expect(e164('+86 010 62345678')).toBe('landline:+861062345678'); // stray trunk 0 tolerated
    expect(e164('021-5555 1234')).toBe('landline:+862155551234');
  });
  it('accepts three-digit area codes with 7- or 8-digit local numbers (0553-2912527 heads the case report)', () => {
    expect(e164('0553-2912527')).toBe('landline:+865532912527');
    expect(e164('0755-86013388')).toBe('landline:+8675586013388');
    expect(e164('+86 553 2912527')).toBe('landline:+865532912527');
  });
  it('rejects wrong local lengths, local numbers starting 0/1 and missing area codes', () => {
    expect(e164('010-6234567')).toMatch(/^invalid:landline with area code 010 needs an 8-digit/);
    expect(e164('0553-291252')).toMatch(/^invalid:landline with area code 0553/);
    expect(e164('0553-1912527')).toMatch(/^invalid/);
    expect(e164('62345678')).toBe('invalid:local number without area code (ambiguous)');
    expect(e164('2912527')).toBe('invalid:local number without area code (ambiguous)');
  });
});

describe('normalizePhone: service numbers and garbage', () => {
  it('classes carrier, bank and 400/800 numbers as service lines', () => {
    for (const raw of ['10086', '95588', '12306', '110', '400-812-3123', '800 810 8888', '96511']) {
      expect(e164(raw).startsWith('service:'), raw).toBe(true);
    }
  });
  it('reports letters, extensions, other country codes and empty cells', () => {
    expect(e164('138-1234-5678转801')).toMatch(/^invalid:contains characters/);
    expect(e164('138 1234 567x')).toMatch(/^invalid:contains characters/);
    expect(e164('+1 415 555 0100')).toBe('invalid:country code other than +86');
    expect(e164('00852 91234567')).toMatch(/^invalid:international prefix 00/);
    expect(e164('')).toBe('invalid:empty');
    expect(e164('  - ')).toBe('invalid:empty');
    expect(normalizePhone(null)).toEqual({ ok: false, reason: 'empty' });
    expect(e164('+86')).toBe('invalid:country code without a number');
  });
});

describe('hasDigitRun', () => {
  it('finds 11-digit runs, also written with spaces or dashes, and nothing shorter', () => {
    expect(hasDigitRun('call 13812345678 now')).toBe(true);
    expect(hasDigitRun('call 138 1234 5678 now')).toBe(true);
    expect(hasDigitRun('call 138-1234-5678')).toBe(true);
    expect(hasDigitRun('１３８１２３４５６７８')).toBe(true);
    expect(hasDigitRun('138****5678 and 2018-03-10 and 119 and 36')).toBe(false);
    expect(hasDigitRun('1234567890')).toBe(false);
    expect(hasDigitRun('ph:dhnnignfffkfijoi')).toBe(false);
  });
});
