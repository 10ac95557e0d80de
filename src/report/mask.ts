/**
 * Masking of personal data in anything a report displays. Evidence is personal information:
 * reports show masked values unless the caller explicitly unmasks.
 *
 * @example
 * maskName('王淼')          // '王*'
 * maskName('欧阳娜娜')      // '欧阳**'  (known two-character surname kept)
 * maskName('Zhang Wei')     // 'Z**** W**'
 * maskPhone('13812345678')  // '138****5678'
 * maskPhone('+86 138-1234-5678') // '+86 138****5678'
 */
import { COMPOUND_SURNAMES } from '../text/surnames';

/** Two-character (compound) Chinese surnames kept whole when masking (the project's one list). */
const COMPOUND_SURNAME_SET = new Set(COMPOUND_SURNAMES);

const HAN = /\p{Script=Han}/u;

/** Keep the surname (first Han character, or a known compound surname), mask the rest. */
export function maskName(name: string | null | undefined): string {
  if (name == null) return '';
  const s = name.trim();
  if (s === '') return '';
  const chars = Array.from(s);
  if (HAN.test(chars[0]!)) {
    const keep = chars.length > 2 && COMPOUND_SURNAME_SET.has(chars.slice(0, 2).join('')) ? 2 : 1;
    if (chars.length === 1) return '*';
    return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
  }
  // Latin or other scripts: keep the first letter of each word.
  return s.replace(/\S+/g, (w) => {
    const cs = Array.from(w);
    return cs[0] + '*'.repeat(cs.length - 1);
  });
}

/**
 * Mask a phone number: keep the first 3 and last 4 digits of an 11-digit Chinese mobile
 * number (the common 138****5678 form); for other lengths keep the last 2 digits only.
 * A +86 / 0086 prefix is kept as '+86 '.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (phone == null) return '';
  const raw = phone.trim();
  if (raw === '') return '';
  let digits = raw.replace(/\D/g, '');
  let prefix = '';
  if (/^(\+|00)?86/.test(raw.replace(/[\s-]/g, '')) && digits.length > 11 && /^(00)?861[3-9]\d{9}$/.test(digits)) {
    digits = digits.replace(/^(00)?86/, '');
    prefix = '+86 ';
  }
  if (digits.length === 11) return `${prefix}${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 2) return prefix + '*'.repeat(digits.length);
  return prefix + '*'.repeat(digits.length - 2) + digits.slice(-2);
}

/**
 * An 11-digit mainland mobile number in free text: optional +86, optional space/dash groups
 * (138 1234 5678). Digits after a decimal point (0.13812345678) are not a number to mask.
 * The one definition for JavaScript: the masker below and scripts/check-reports.mjs use it;
 * scripts/execute_notebook.py mirrors it in Python.
 */
export const MOBILE_NUMBER_SOURCE = String.raw`(?<!\d)(?<!\d\.)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)(?!\.\d)`;

/** Mask every 11-digit mainland mobile number found in free text (e.g. an SMS or a cell). */
export function maskPhonesInText(text: string): string {
  return text.replace(new RegExp(MOBILE_NUMBER_SOURCE, 'g'), (m) => maskPhone(m));
}

/**
 * A copy of any JSON-like value with every mobile number in every string masked (keys too):
 * what a command writes as results unless --unmask. Typed arrays and numbers are untouched.
 *
 * @example
 * maskPhonesDeep({ uploader: '13812345678', n: 3 })   // { uploader: '138****5678', n: 3 }
 */
export function maskPhonesDeep<T>(value: T): T {
  // A hex digest can hold eleven decimal digits in a row: values under hash keys are left alone.
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return HASH_KEY.test(key) ? v : maskPhonesInText(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [typeof k === 'string' ? maskPhonesInText(k) : k, walk(x, String(k))]));
    if (v && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [maskPhonesInText(k), walk(x, k)]));
    }
    return v;
  };
  return walk(value, '') as T;
}

const HASH_KEY = /sha256|hash/i;

/**
 * The stricter form for raw numbers that may not be mobiles (landlines, invalid or service
 * numbers in evidence errors): every digit but the last two becomes '*', separators kept.
 *
 * @example
 * maskDigits('010-6275 1234')  // '***-**** **34'
 */
export function maskDigits(s: string): string {
  const digits = (s.match(/\d/g) ?? []).length;
  let seen = 0;
  return s.replace(/\d/g, (d) => (++seen > digits - 2 ? d : '*'));
}

/** A date or date-time (2018-03-10, 2018/3/10, 2018-03-10T00:00:00+08:00): never a phone number. */
const DATE_LIKE = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * Mask phone-number-like digit runs in free text with `maskDigits` (saved names, error
 * messages): 7 to 15 digits (a landline without area code has 7, E.164 at most 15) with spaces,
 * dashes or brackets, leaving dates, times and short ids ('U000123', 'line 14') readable.
 */
export function maskDigitRunsInText(text: string): string {
  return text.replace(/\+?\d[\d\s\-()]{3,}\d/g, (m) => {
    const digits = (m.match(/\d/g) ?? []).length;
    if (digits < 7 || digits > 15 || DATE_LIKE.test(m.trim())) return m;
    return maskDigits(m);
  });
}
