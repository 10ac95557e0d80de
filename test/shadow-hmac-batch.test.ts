import { describe, expect, it } from 'vitest';
import { createPhoneHasher } from '../src/shadow/hash';
import { hmacMobileNumbers } from '../src/shadow/hmacBatch';
import { seededRandom } from '../src/stats/random';

const KEY = 'a key of at least sixteen bytes, for the batch test';

describe('hmacMobileNumbers: batch HMAC-SHA-256 equals node:crypto', () => {
  const rng = seededRandom(5);
  const numbers = Float64Array.from({ length: 500 }, () => 13_000_000_000 + Math.floor(rng() * 6_999_999_999));
  const ref = createPhoneHasher(KEY);
  it('in this thread, for 500 random numbers and the edge numbers', async () => {
    const edge = Float64Array.of(10_000_000_000, 19_999_999_999, 13_812_345_678);
    for (const xs of [numbers, edge]) {
      const { hi, lo } = await hmacMobileNumbers(KEY, xs);
      xs.forEach((x, i) => {
        const k = ref.hashE164(`+86${x}`);
        expect([hi[i], lo[i]]).toEqual([k.hi, k.lo]);
      });
    }
  });
  it('over worker threads, the same keys in the same order', async () => {
    const one = await hmacMobileNumbers(KEY, numbers);
    const three = await hmacMobileNumbers(KEY, numbers, { threads: 3 });
    expect(Array.from(three.hi)).toEqual(Array.from(one.hi));
    expect(Array.from(three.lo)).toEqual(Array.from(one.lo));
  });
  it('refuses a short key and a number that is not an 11-digit mobile', async () => {
    await expect(hmacMobileNumbers('short', numbers)).rejects.toThrow(/at least 16 bytes/);
    await expect(hmacMobileNumbers(KEY, Float64Array.of(1234567))).rejects.toThrow(/11-digit/);
  });
});
