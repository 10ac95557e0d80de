/**
 * Keyed hashing of phone numbers: HMAC-SHA-256 (RFC 2104; FIPS 198-1) of the canonical E.164
 * string under a key the user supplies. The hash replaces the number before any analysis, so
 * that tables, profiles and reports can refer to a subscriber line without holding it, and
 * two parties holding the same key get the same pseudonyms.
 *
 * There is no default key. A key shorter than 16 bytes is refused (RFC 2104 §3 discourages
 * keys shorter than the hash output; 32 random bytes are recommended). Keep the key out of
 * reports: `fingerprint` identifies which key was used without revealing it.
 *
 * Identity: the first 64 bits of the MAC (`hi`, `lo` as two uint32). With n distinct numbers
 * the chance of any collision is about n^2 / 2^65 (1e8 numbers: 3e-4). The printable token is
 * those 64 bits written with the letters a-p for the hex digits 0-f (`ph:` + 16 letters), so a
 * token can never contain a run of digits that could be mistaken for a phone number.
 *
 * @example
 * const h = createPhoneHasher('demo key - not for real evidence!');
 * const k = h.hashE164('+8613812345678');
 * k.token   // 'ph:' + 16 letters a-p, the same for every run with this key
 * h.fingerprint // 'kf:' + 8 letters, names the key in a report
 */
import { createHmac } from 'node:crypto';

export interface PhoneKey {
  hi: number;
  lo: number;
  /** 'ph:' + 16 letters (a-p) encoding hi and lo. */
  token: string;
}

export interface PhoneHasher {
  /** HMAC-SHA-256 of an E.164 string (e.g. from `normalizePhone`), truncated to 64 bits. */
  hashE164(e164: string): PhoneKey;
  /** Full 256-bit MAC as hex, for audit trails that need the whole value. */
  macHex(e164: string): string;
  /** 'kf:' + 8 letters: HMAC of a fixed label, identifies the key without revealing it. */
  fingerprint: string;
}

export const MIN_KEY_BYTES = 16;

/** Create a hasher under `key` (a UTF-8 string or raw bytes; at least 16 bytes). */
export function createPhoneHasher(key: string | Uint8Array): PhoneHasher {
  if (key == null) throw new TypeError('an HMAC key is required: there is no default key');
  const keyBytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
  if (keyBytes.length < MIN_KEY_BYTES) {
    throw new RangeError(`HMAC key must be at least ${MIN_KEY_BYTES} bytes (got ${keyBytes.length}); use 32 random bytes`);
  }
  const mac = (msg: string): Buffer => createHmac('sha256', keyBytes).update(msg, 'utf8').digest();
  const fp = mac('profile-provenance/contacts key fingerprint v1');
  return {
    hashE164(e164: string): PhoneKey {
      const d = mac(e164);
      const hi = d.readUInt32BE(0);
      const lo = d.readUInt32BE(4);
      return { hi, lo, token: tokenFromKey(hi, lo) };
    },
    macHex: (e164: string) => mac(e164).toString('hex'),
    fingerprint: 'kf:' + letters(fp.readUInt32BE(0)),
  };
}

/** Encode a 32-bit value as 8 letters a-p (one per hex digit). */
function letters(x: number): string {
  let s = '';
  for (let shift = 28; shift >= 0; shift -= 4) s += String.fromCharCode(97 + ((x >>> shift) & 15));
  return s;
}

/** The printable token of a 64-bit key. */
export function tokenFromKey(hi: number, lo: number): string {
  return 'ph:' + letters(hi >>> 0) + letters(lo >>> 0);
}

/** Inverse of `tokenFromKey`; throws on a malformed token. */
export function keyFromToken(token: string): { hi: number; lo: number } {
  if (!/^ph:[a-p]{16}$/.test(token)) throw new RangeError(`not a phone token: ${JSON.stringify(token.slice(0, 24))}`);
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 8; i++) hi = (hi * 16 + (token.charCodeAt(3 + i) - 97)) >>> 0;
  for (let i = 0; i < 8; i++) lo = (lo * 16 + (token.charCodeAt(11 + i) - 97)) >>> 0;
  return { hi, lo };
}
