/**
 * HMAC-SHA-256 of many mainland mobile numbers at once, over worker threads: the same 64-bit
 * keys as `createPhoneHasher(key).hashE164('+86' + number)` (hash.ts), computed without a
 * string or a node:crypto call per number.
 *
 * HMAC(K, m) = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)) (RFC 2104). The two 64-byte pad blocks are
 * compressed once per key; each 14-byte message '+86' + 11 digits then costs two SHA-256
 * compressions (FIPS 180-4): one for m with its padding, one for the 32-byte inner digest with
 * its padding. Numbers travel as a Float64Array (11-digit integers are exact doubles); results
 * come back in shared Uint32Arrays. The SHA-256 code is one JavaScript source, evaluated in this
 * thread for small batches and in each worker for large ones, so both paths run the same code.
 *
 * @example
 * const { hi, lo } = await hmacMobileNumbers('a key of at least sixteen bytes', Float64Array.of(13812345678), { threads: 1 });
 * hi[0] === createPhoneHasher('a key of at least sixteen bytes').hashE164('+8613812345678').hi; // true
 */
import { Worker } from 'node:worker_threads';
import { MIN_KEY_BYTES } from './hash';

/** JavaScript source (no imports) of `hmacBatch(pads, numbers, from, to, outHi, outLo)`. */
const SOURCE = String.raw`
const K = new Int32Array([
  0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,
  0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,
  0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,
  0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
  0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,
  0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2]);
const W = new Int32Array(64);
function compress(state, block, out) {
  for (let i = 0; i < 16; i++) W[i] = block[i];
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15], b = W[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  out[0] = (state[0] + a) | 0; out[1] = (state[1] + b) | 0; out[2] = (state[2] + c) | 0; out[3] = (state[3] + d) | 0;
  out[4] = (state[4] + e) | 0; out[5] = (state[5] + f) | 0; out[6] = (state[6] + g) | 0; out[7] = (state[7] + h) | 0;
}
const IV = new Int32Array([0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19]);
/** Inner and outer states after the pad blocks of a key of at most 64 bytes. */
function pads(key) {
  const blockI = new Int32Array(16), blockO = new Int32Array(16);
  for (let i = 0; i < 64; i++) {
    const k = i < key.length ? key[i] : 0;
    blockI[i >> 2] |= (k ^ 0x36) << (24 - 8 * (i & 3));
    blockO[i >> 2] |= (k ^ 0x5c) << (24 - 8 * (i & 3));
  }
  const inner = new Int32Array(8), outer = new Int32Array(8);
  compress(IV, blockI, inner);
  compress(IV, blockO, outer);
  return { inner, outer };
}
function hmacBatch(p, numbers, from, to, outHi, outLo) {
  const m = new Int32Array(16), d = new Int32Array(8), o = new Int32Array(8), bytes = new Uint8Array(14);
  bytes[0] = 0x2b; bytes[1] = 0x38; bytes[2] = 0x36; // '+86'
  const m2 = new Int32Array(16);
  m2[8] = 0x80000000; m2[15] = (64 + 32) * 8;
  for (let j = from; j < to; j++) {
    let x = numbers[j];
    for (let i = 13; i >= 3; i--) { const q = Math.floor(x / 10); bytes[i] = 0x30 + (x - 10 * q); x = q; }
    m[0] = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
    m[1] = (bytes[4] << 24) | (bytes[5] << 16) | (bytes[6] << 8) | bytes[7];
    m[2] = (bytes[8] << 24) | (bytes[9] << 16) | (bytes[10] << 8) | bytes[11];
    m[3] = (bytes[12] << 24) | (bytes[13] << 16) | 0x8000;
    m[15] = (64 + 14) * 8;
    compress(p.inner, m, d);
    for (let i = 0; i < 8; i++) m2[i] = d[i];
    compress(p.outer, m2, o);
    outHi[j] = o[0] >>> 0;
    outLo[j] = o[1] >>> 0;
  }
}
`;

type Pads = { inner: Int32Array; outer: Int32Array };
type Kernel = { pads(key: Uint8Array): Pads; hmacBatch(p: Pads, numbers: Float64Array, from: number, to: number, outHi: Uint32Array, outLo: Uint32Array): void };

let kernel: Kernel | null = null;
function localKernel(): Kernel {
  kernel ??= new Function(`${SOURCE}\nreturn { pads, hmacBatch };`)() as Kernel;
  return kernel;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
${SOURCE}
const { key, numbers, from, to, hi, lo } = workerData;
hmacBatch(pads(new Uint8Array(key)), new Float64Array(numbers), from, to, new Uint32Array(hi), new Uint32Array(lo));
parentPort.postMessage('done');
`;

/**
 * HMAC-SHA-256 (first 64 bits) of each 11-digit mainland mobile number under `key`, as
 * '+86' + the number. `threads` workers (default 1 = this thread) split the numbers.
 */
export async function hmacMobileNumbers(key: string | Uint8Array, numbers: Float64Array, options: { threads?: number } = {}): Promise<{ hi: Uint32Array; lo: Uint32Array }> {
  const keyBytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
  if (keyBytes.length < MIN_KEY_BYTES) throw new RangeError(`HMAC key must be at least ${MIN_KEY_BYTES} bytes (got ${keyBytes.length})`);
  if (keyBytes.length > 64) throw new RangeError('hmacMobileNumbers: keys longer than 64 bytes are not supported (RFC 2104 would hash them first)');
  for (let i = 0; i < numbers.length; i++) {
    const x = numbers[i]!;
    if (!(Number.isInteger(x) && x >= 1e10 && x < 2e10)) throw new RangeError(`number ${i} is not an 11-digit mobile number starting with 1`);
  }
  const n = numbers.length;
  const threads = Math.max(1, Math.min(options.threads ?? 1, n));
  const hi = new Uint32Array(new SharedArrayBuffer(4 * n));
  const lo = new Uint32Array(new SharedArrayBuffer(4 * n));
  if (threads === 1) {
    const k = localKernel();
    k.hmacBatch(k.pads(keyBytes), numbers, 0, n, hi, lo);
    return { hi, lo };
  }
  const shared = new Float64Array(new SharedArrayBuffer(8 * n));
  shared.set(numbers);
  const key2 = new Uint8Array(new SharedArrayBuffer(keyBytes.length));
  key2.set(keyBytes);
  const chunk = Math.ceil(n / threads);
  await Promise.all(Array.from({ length: threads }, (_, t) => new Promise<void>((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { key: key2.buffer, numbers: shared.buffer, from: t * chunk, to: Math.min(n, (t + 1) * chunk), hi: hi.buffer, lo: lo.buffer } });
    w.once('message', () => resolve());
    w.once('error', reject);
    w.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`HMAC worker exited with code ${code}`))));
  })));
  return { hi, lo };
}
