import { describe, expect, it } from 'vitest';
import { createPhoneHasher, keyFromToken, tokenFromKey } from '../src/shadow/hash';

describe('createPhoneHasher (HMAC-SHA-256, RFC 2104 / FIPS 198-1)', () => {
  it('matches RFC 4231 test case 2-style vectors computed with a 20-byte key (test case 1)', () => {
    // RFC 4231 §4.2, test case 1: key = 0x0b x 20, data = "Hi There".
    const h = createPhoneHasher(new Uint8Array(20).fill(0x0b));
    expect(h.macHex('Hi There')).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    const k = h.hashE164('Hi There');
    expect(k.hi).toBe(0xb0344c61);
    expect(k.lo).toBe(0xd8db3853);
    // hex b0344c61d8db3853 written with letters a-p for 0-f
    expect(k.token).toBe('ph:ladeemgbninldifd');
  });
  it('has no default key and refuses short keys', () => {
    expect(() => createPhoneHasher(undefined as unknown as string)).toThrow(/required/);
    expect(() => createPhoneHasher('short key')).toThrow(/at least 16 bytes/);
    expect(() => createPhoneHasher(new Uint8Array(15))).toThrow(/at least 16 bytes/);
    expect(() => createPhoneHasher('sixteen bytes ok')).not.toThrow();
  });
  it('gives different pseudonyms and fingerprints under different keys, the same under the same key', () => {
    const a = createPhoneHasher('key number one, long enough');
    const b = createPhoneHasher('key number two, long enough');
    const a2 = createPhoneHasher('key number one, long enough');
    expect(a.hashE164('+8613812345678').token).not.toBe(b.hashE164('+8613812345678').token);
    expect(a.hashE164('+8613812345678').token).toBe(a2.hashE164('+8613812345678').token);
    expect(a.fingerprint).toMatch(/^kf:[a-p]{8}$/);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.fingerprint).toBe(a2.fingerprint);
  });
  it('tokens contain no digits and round-trip to the 64-bit key', () => {
    const h = createPhoneHasher('a demo key that is long enough');
    for (let i = 0; i < 200; i++) {
      const k = h.hashE164(`+86139${String(i).padStart(8, '0')}`);
      expect(k.token).toMatch(/^ph:[a-p]{16}$/);
      expect(keyFromToken(k.token)).toEqual({ hi: k.hi, lo: k.lo });
    }
    expect(tokenFromKey(0, 0xffffffff)).toBe('ph:aaaaaaaapppppppp');
    expect(() => keyFromToken('ph:123')).toThrow(/not a phone token/);
  });
});
