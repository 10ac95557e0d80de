/**
 * Hamming distance between perceptual hashes: the number of differing bits, counted with a
 * branch-free population count on 32-bit halves (the "SWAR" bit trick: Warren, Hacker's
 * Delight, 2nd ed. 2012, section 5-1; Anderson, "Bit Twiddling Hacks").
 */

/**
 * Number of set bits in a 32-bit integer.
 * @example
 * popcount32(0xff00ff00); // 16
 */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Hamming distance between two hex-written hashes of equal length (any length; 16 hex digits
 * for the 64-bit hashes of this module). Throws a RangeError naming both values if either is
 * not hex or the lengths differ (a hash column from another tool, or a truncated cell).
 *
 * @example
 * hammingDistanceHex('ffffffffffffffff', '0000000000000000'); // 64
 * hammingDistanceHex('8000000000000001', '0000000000000000'); // 2
 */
export function hammingDistanceHex(a: string, b: string): number {
  if (a.length !== b.length || !HEX.test(a) || !HEX.test(b)) {
    throw new RangeError(`cannot compare hashes ${JSON.stringify(a)} and ${JSON.stringify(b)}: ` +
      'both must be hexadecimal strings of the same length');
  }
  let d = 0;
  for (let i = 0; i < a.length; i += 8) {
    const x = parseInt(a.slice(i, i + 8), 16);
    const y = parseInt(b.slice(i, i + 8), 16);
    d += popcount32((x ^ y) >>> 0);
  }
  return d;
}

/**
 * Pack 64-bit hex hashes into a Uint32Array, two words per hash (high word first), the layout
 * used by the all-pairs routines. Throws on any value that is not 16 hex digits, naming its index.
 *
 * @example
 * packHashes(['00000001ffffffff']); // Uint32Array [1, 4294967295]
 */
export function packHashes(hexes: readonly string[]): Uint32Array {
  const out = new Uint32Array(hexes.length * 2);
  for (let i = 0; i < hexes.length; i++) {
    const h = hexes[i]!;
    if (typeof h !== 'string' || h.length !== 16 || !HEX.test(h)) {
      throw new RangeError(`hash ${i} is not 16 hexadecimal digits: ${JSON.stringify(h)}`);
    }
    out[2 * i] = parseInt(h.slice(0, 8), 16);
    out[2 * i + 1] = parseInt(h.slice(8), 16);
  }
  return out;
}

/** Distance between packed hashes i and j of `packed`. */
export function hammingPacked(packed: Uint32Array, i: number, j: number): number {
  return popcount32((packed[2 * i]! ^ packed[2 * j]!) >>> 0) + popcount32((packed[2 * i + 1]! ^ packed[2 * j + 1]!) >>> 0);
}
