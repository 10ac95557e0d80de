/**
 * Normalisation of mainland-China phone numbers as they appear in uploaded address books,
 * to one canonical E.164 string per subscriber line (the string that is then keyed-hashed).
 *
 * Rules (Chinese numbering plan, MIIT; ITU-T E.164 country code 86):
 * - Width and separators: NFKC first (full-width digits ０-９ and ＋ become ASCII), then
 *   spaces, dashes, dots, slashes and parentheses are removed. Any other character (letters,
 *   转/ext extensions, '*', '#') makes the number invalid: it is reported, never guessed.
 * - International prefix: `+86`, `0086`, or a bare `86` followed by an 11-digit mobile number
 *   (13 digits in all) is removed. After `+86` a landline is written without its trunk `0`
 *   (`+86 10 6xxxxxxx`); a stray `0` after `+86` is tolerated.
 * - Mobile: exactly 11 digits matching `1[3-9]\d{9}` -> `+86` + 11 digits.
 * - Landline: trunk `0` + area code + local number. Two-digit area codes are `10` (Beijing) and
 *   `20`-`29`; their local numbers have 8 digits. Other area codes have three digits starting
 *   3-9 (e.g. `553`, `755`) with 7- or 8-digit local numbers. A local number starts with 2-9.
 *   Result: `+86` + area code (without trunk 0) + local number.
 * - Service numbers are not personal lines and are classed `service`: emergency and carrier
 *   short codes (`1xx` .. `1xxxx` starting 10/11/12), `95xxx`/`96xxx` (5-6 digits), and
 *   10-digit `400`/`800` numbers. A caller decides what to do with them (the loader excludes
 *   them and counts them).
 * - Everything else is `invalid` with a reason (e.g. a 7-8 digit local number without area
 *   code is ambiguous; an 11-digit number starting 10/11/12 is not a mobile number).
 *
 * @example
 * normalizePhone('+86 138-1234-5678')  // { ok: true, kind: 'mobile', e164: '+8613812345678', ... }
 * normalizePhone('0086 13812345678')   // same e164
 * normalizePhone('(0553) 291-2527')    // { ok: true, kind: 'landline', e164: '+865532912527', areaCode: '553' }
 * normalizePhone('95588')              // { ok: true, kind: 'service', ... }
 * normalizePhone('12812345678')        // { ok: false, reason: 'not a mobile number: ...' }
 */

export type PhoneKind = 'mobile' | 'landline' | 'service';

export interface NormalizedPhone {
  ok: true;
  kind: PhoneKind;
  /** Canonical form: '+86' followed by the national significant number (digits only). */
  e164: string;
  /** Area code without trunk 0, for landlines. */
  areaCode?: string;
}

export interface InvalidPhone {
  ok: false;
  reason: string;
}

export type PhoneParse = NormalizedPhone | InvalidPhone;

const SEPARATORS = /[\s\-.\/()（）\u00a0\u2010-\u2015\u3000]/g;

/** Normalise one phone number as written in an address book. Never throws. */
export function normalizePhone(raw: string | null | undefined): PhoneParse {
  if (raw == null) return { ok: false, reason: 'empty' };
  const s = String(raw).normalize('NFKC').replace(SEPARATORS, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^\+?\d+$/.test(s)) {
    return { ok: false, reason: 'contains characters other than digits, +, spaces, dashes, dots and parentheses' };
  }
  let digits: string;
  let international = false;
  if (s.startsWith('+')) {
    if (!s.startsWith('+86')) return { ok: false, reason: 'country code other than +86' };
    digits = s.slice(3);
    international = true;
  } else if (s.startsWith('00')) {
    if (!s.startsWith('0086')) return { ok: false, reason: 'international prefix 00 with a country code other than 86' };
    digits = s.slice(4);
    international = true;
  } else if (s.length === 13 && /^861[3-9]/.test(s)) {
    digits = s.slice(2);
    international = true;
  } else {
    digits = s;
  }
  if (digits === '') return { ok: false, reason: 'country code without a number' };

  // Mobile.
  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, kind: 'mobile', e164: '+86' + digits };
  if (digits.startsWith('1')) {
    if (!international && isServiceNumber(digits)) return { ok: true, kind: 'service', e164: '+86' + digits };
    if (digits.length === 11) return { ok: false, reason: 'not a mobile number: 11 digits must match 1[3-9]xxxxxxxxx' };
    if (/^1[3-9]/.test(digits)) return { ok: false, reason: `mobile number with ${digits.length} digits (11 expected)` };
    // '+86 10 6xxxxxxx' (Beijing) is handled as a landline below.
    if (!international) return { ok: false, reason: 'number starting with 1 that is neither a mobile nor a service number' };
  }
  if (!international && isServiceNumber(digits)) return { ok: true, kind: 'service', e164: '+86' + digits };

  // Landline: national form needs the trunk 0; international form has none (tolerate one).
  let national: string;
  if (international) national = digits.startsWith('0') ? digits.slice(1) : digits;
  else if (digits.startsWith('0')) national = digits.slice(1);
  else if (/^[2-9]\d{6,7}$/.test(digits)) return { ok: false, reason: 'local number without area code (ambiguous)' };
  else return { ok: false, reason: `unrecognised number of ${digits.length} digits` };

  return parseLandline(national);
}

function parseLandline(national: string): PhoneParse {
  if (/^(10|2\d)/.test(national)) {
    const area = national.slice(0, 2);
    const local = national.slice(2);
    if (!/^[2-9]\d{7}$/.test(local)) {
      return { ok: false, reason: `landline with area code 0${area} needs an 8-digit local number starting 2-9` };
    }
    return { ok: true, kind: 'landline', e164: '+86' + area + local, areaCode: area };
  }
  if (/^[3-9]\d{2}/.test(national)) {
    const area = national.slice(0, 3);
    const local = national.slice(3);
    if (!/^[2-9]\d{6,7}$/.test(local)) {
      return { ok: false, reason: `landline with area code 0${area} needs a 7- or 8-digit local number starting 2-9` };
    }
    return { ok: true, kind: 'landline', e164: '+86' + area + local, areaCode: area };
  }
  return { ok: false, reason: 'not a valid area code' };
}

function isServiceNumber(d: string): boolean {
  if (/^1(0|1|2)\d{1,3}$/.test(d)) return true; // 110, 120, 10086, 12306, 12345 ...
  if (/^9[56]\d{3,4}$/.test(d)) return true; // 95588, 96xxx
  if (/^[48]00\d{7}$/.test(d)) return true; // 400 / 800 numbers
  return false;
}

/**
 * True when `text` contains a run of `minDigits` or more consecutive decimal digits
 * (default 11, the length of a mainland mobile number), also across the separators people
 * write inside phone numbers (space, dash). Used to check that no raw number survived into
 * an output string.
 */
export function hasDigitRun(text: string, minDigits = 11): boolean {
  const compact = text.normalize('NFKC').replace(/(?<=\d)[\s-](?=\d)/g, '');
  return new RegExp(`\\d{${minDigits},}`).test(compact);
}
